using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Agreements.Detail;

namespace SamarbeidsAvtaler.Web.Tests.Agreements;

/// <summary>The lifecycle actions at the service the page's dialogs call: rules, validation, access, conflicts and audit.</summary>
[Collection(AppCollection.Name)]
public sealed class LifecycleTests(AppFactory app) : IAsyncLifetime
{
    private AsyncServiceScope _scope;
    private AgreementLifecycleService _lifecycle = default!;
    private ClaimsPrincipal _caseworker = default!;

    public async Task InitializeAsync()
    {
        _scope = app.CreateScope();
        _lifecycle = _scope.ServiceProvider.GetRequiredService<AgreementLifecycleService>();
        _caseworker = await app.UserAsync(WebClient.Caseworker);
    }

    public async Task DisposeAsync() => await _scope.DisposeAsync();

    private static DateTime Today => AgreementTestData.Today.ToDateTime(TimeOnly.MinValue);

    private static SignatureInput Signature(string name, SignatureMethod method = SignatureMethod.Paper, string? reference = null) =>
        new() { SignedByName = name, SignedByTitle = "Direktør", SignedOn = Today, Method = method, ExternalReference = reference };

    private async Task<uint> VersionAsync(Guid id)
    {
        await using var db = app.Database.CreateDbContext();
        return await db.Agreements.Where(a => a.Id == id).Select(a => EF.Property<uint>(a, "Version")).SingleAsync();
    }

    private async Task SignAllAsync(Agreement agreement)
    {
        foreach (var party in agreement.Parties)
        {
            var result = await _lifecycle.RegisterSignatureAsync(_caseworker, agreement.Id, party.Id, Signature(party.SignatoryName!), await VersionAsync(agreement.Id));
            result.Status.Should().Be(CommandStatus.Ok, "the signature for {0} should be registered: {1}", party.SignatoryName, result.Message);
        }
    }

    [Fact]
    public async Task Draft_is_sent_for_signature_signed_by_both_parties_and_becomes_active_with_every_transition_audited_and_the_pdf_stored()
    {
        var agreement = await app.OperatingAsync();

        var sent = await _lifecycle.SendForSignatureAsync(_caseworker, agreement.Id, await VersionAsync(agreement.Id));
        sent.Status.Should().Be(CommandStatus.Ok);
        sent.Message.Should().Be("Avtalen er sendt til signering. Teksten er låst.");
        (await app.ReloadAsync(agreement.Id)).Status.Should().Be(AgreementStatus.AwaitingSignature);

        var first = await _lifecycle.RegisterSignatureAsync(_caseworker, agreement.Id, agreement.Parties[0].Id, Signature("Rita RHF-direktør"), await VersionAsync(agreement.Id));
        first.Message.Should().Be("Signaturen er registrert.");
        (await app.ReloadAsync(agreement.Id)).Status.Should().Be(AgreementStatus.AwaitingSignature);

        var second = agreement.Parties[1];
        var last = await _lifecycle.RegisterSignatureAsync(_caseworker, agreement.Id, second.Id,
            Signature("Demo Spesialistsen", SignatureMethod.Electronic, "SIGN-REF-0001"), await VersionAsync(agreement.Id));
        last.Message.Should().StartWith("Alle parter har signert. Avtalen er gjeldende");

        var active = await app.ReloadAsync(agreement.Id);
        active.Status.Should().Be(AgreementStatus.Active);
        active.SignedOn.Should().Be(AgreementTestData.Today);
        active.Parties.Single(p => p.Id == second.Id).Signature.Should().Be(
            new Signature("Demo Spesialistsen", "Direktør", AgreementTestData.Today, SignatureMethod.Electronic, "SIGN-REF-0001"));

        await using var db = app.Database.CreateDbContext();
        var audit = await db.AuditEntries.Where(a => a.EntityType == "Agreement" && a.EntityId == agreement.Id.ToString()).OrderBy(a => a.Id).ToListAsync();
        audit.Should().Contain(a => a.ActorName == "Sander Saksbehandler" && a.Changes.Contains(new FieldChange("Status", "Draft", "AwaitingSignature")));
        audit.Should().Contain(a => a.ActorName == "Sander Saksbehandler" && a.Changes.Contains(new FieldChange("Status", "AwaitingSignature", "Active")));
        audit.Count(a => a.Changes.Any(c => c.Field == "Signature")).Should().Be(2);
        // The last signature stores the signed document at once; downloads serve exactly those bytes.
        var stored = await db.SignedDocuments.AsNoTracking().SingleAsync(d => d.AgreementId == agreement.Id);
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        (await (await client.GetAsync($"/avtaler/{agreement.Id}/pdf")).Content.ReadAsByteArrayAsync()).Should().Equal(stored.Pdf);
    }

    [Fact]
    public async Task Send_is_refused_with_what_blocks_the_draft()
    {
        var agreement = await app.OperatingAsync(then: a =>
        {
            a.SetSignatory(a.Parties[0].Id, null, null);
            return a;
        });

        var result = await _lifecycle.SendForSignatureAsync(_caseworker, agreement.Id, await VersionAsync(agreement.Id));

        result.Status.Should().Be(CommandStatus.Refused);
        result.Message.Should().Contain("Hver part må ha en som signerer for den.");
        (await app.ReloadAsync(agreement.Id)).Status.Should().Be(AgreementStatus.Draft);
    }

    [Fact]
    public async Task Sending_an_agreement_that_is_already_awaiting_signature_is_refused()
    {
        var agreement = await app.OperatingAsync(then: a => a.AwaitingSignature());

        var result = await _lifecycle.SendForSignatureAsync(_caseworker, agreement.Id, await VersionAsync(agreement.Id));

        result.Status.Should().Be(CommandStatus.Refused);
        result.Message.Should().Be("Bare et utkast kan sendes til signering; avtalen har status «Til signering».");
    }

    [Fact]
    public async Task Signing_a_draft_is_refused_with_the_domain_message_and_leaves_the_input_as_typed()
    {
        var agreement = await app.OperatingAsync();
        var input = Signature("Navn Som Beholdes");

        var result = await _lifecycle.RegisterSignatureAsync(_caseworker, agreement.Id, agreement.Parties[0].Id, input, await VersionAsync(agreement.Id));

        result.Status.Should().Be(CommandStatus.Refused);
        result.Message.Should().Be("Signaturer registreres bare på en avtale som venter på signering; avtalen har status «Utkast».");
        input.SignedByName.Should().Be("Navn Som Beholdes");
        (await app.ReloadAsync(agreement.Id)).Parties.Should().OnlyContain(p => p.Signature == null);
    }

    [Fact]
    public async Task Electronic_signature_without_the_services_reference_is_refused()
    {
        var agreement = await app.OperatingAsync(then: a => a.AwaitingSignature());

        var result = await _lifecycle.RegisterSignatureAsync(_caseworker, agreement.Id, agreement.Parties[0].Id,
            Signature("Rita RHF-direktør", SignatureMethod.Electronic), await VersionAsync(agreement.Id));

        result.Message.Should().Be("En elektronisk signatur må ha referansen fra signeringstjenesten.");
        (await app.ReloadAsync(agreement.Id)).Parties.Should().OnlyContain(p => p.Signature == null);
    }

    [Fact]
    public async Task Signature_fields_longer_than_their_columns_missing_names_and_dates_out_of_range_are_refused_per_field()
    {
        var agreement = await app.OperatingAsync(then: a => a.AwaitingSignature());
        var version = await VersionAsync(agreement.Id);
        var party = agreement.Parties[0].Id;

        var tooLong = await _lifecycle.RegisterSignatureAsync(_caseworker, agreement.Id, party, new SignatureInput
        {
            SignedByName = new string('n', 201),
            SignedByTitle = new string('t', 201),
            SignedOn = Today,
            Method = SignatureMethod.Electronic,
            ExternalReference = new string('r', 201),
        }, version);
        tooLong.Status.Should().Be(CommandStatus.Invalid);
        tooLong.Errors.Select(e => e.Field).Should().BeEquivalentTo(["SignedByName", "SignedByTitle", "ExternalReference"]);
        tooLong.Errors.Should().Contain(e => e.Message == "Navnet på den som signerte kan ha høyst 200 tegn.");

        foreach (var date in new DateTime?[] { DateTime.MinValue, DateTime.MaxValue.Date, null })
        {
            var result = await _lifecycle.RegisterSignatureAsync(_caseworker, agreement.Id, party, new SignatureInput { SignedByName = "\0 ", SignedOn = date }, version);
            result.Status.Should().Be(CommandStatus.Invalid);
            result.Errors.Select(e => e.Field).Should().BeEquivalentTo(["SignedByName", "SignedOn"]);
        }

        var unknownMethod = await _lifecycle.RegisterSignatureAsync(_caseworker, agreement.Id, party,
            new SignatureInput { SignedByName = "Rita", SignedOn = Today, Method = (SignatureMethod)99 }, version);
        unknownMethod.Errors.Should().ContainSingle(e => e.Field == "Method");
        (await app.ReloadAsync(agreement.Id)).Parties.Should().OnlyContain(p => p.Signature == null);
    }

    [Fact]
    public async Task A_nul_byte_in_a_name_is_dropped_not_sent_to_the_database()
    {
        var agreement = await app.OperatingAsync(then: a => a.AwaitingSignature());

        var result = await _lifecycle.RegisterSignatureAsync(_caseworker, agreement.Id, agreement.Parties[0].Id, Signature("Rita\0 RHF"),
            await VersionAsync(agreement.Id));

        result.Status.Should().Be(CommandStatus.Ok);
        (await app.ReloadAsync(agreement.Id)).Parties.Single(p => p.Id == agreement.Parties[0].Id).Signature!.SignedByName.Should().Be("Rita RHF");
    }

    [Fact]
    public async Task A_missing_party_or_agreement_is_not_found()
    {
        var agreement = await app.OperatingAsync(then: a => a.AwaitingSignature());
        var version = await VersionAsync(agreement.Id);

        (await _lifecycle.RegisterSignatureAsync(_caseworker, agreement.Id, Guid.NewGuid(), Signature("Rita"), version)).Status.Should().Be(CommandStatus.NotFound);
        (await _lifecycle.SendForSignatureAsync(_caseworker, Guid.NewGuid(), version)).Status.Should().Be(CommandStatus.NotFound);
        (await _lifecycle.GiveNoticeAsync(_caseworker, Guid.NewGuid(), new NoticeInput { PartyId = Guid.NewGuid(), GivenByName = "X", GivenOn = Today }, version))
            .Status.Should().Be(CommandStatus.NotFound);
        (await _lifecycle.DeleteAttachmentAsync(_caseworker, agreement.Id, Guid.NewGuid(), version)).Status.Should().Be(CommandStatus.NotFound);
    }

    [Theory]
    [InlineData(WebClient.CooperationManager)]
    [InlineData(WebClient.Specialist)]
    public async Task Samhandlingssjef_and_avtalespesialist_may_run_no_action(string email)
    {
        var agreement = await app.SpecialistCooperationAsync(a => a.Active());
        var user = await app.UserAsync(email);
        var version = await VersionAsync(agreement.Id);
        var date = new DateInput { Date = Today };

        (await _lifecycle.SendForSignatureAsync(user, agreement.Id, version)).Status.Should().Be(CommandStatus.Forbidden);
        (await _lifecycle.RegisterSignatureAsync(user, agreement.Id, agreement.Parties[0].Id, Signature("X"), version)).Status.Should().Be(CommandStatus.Forbidden);
        (await _lifecycle.CreateNewVersionAsync(user, agreement.Id, new NewVersionInput { ChangeSummary = "X", ValidFrom = Today }, version)).Status.Should().Be(CommandStatus.Forbidden);
        (await _lifecycle.GiveNoticeAsync(user, agreement.Id, new NoticeInput { PartyId = agreement.Parties[0].PartyId, GivenByName = "X", GivenOn = Today }, version))
            .Status.Should().Be(CommandStatus.Forbidden);
        (await _lifecycle.RegisterReviewAsync(user, agreement.Id, date, version)).Status.Should().Be(CommandStatus.Forbidden);
        (await _lifecycle.RecordRhfInformedAsync(user, agreement.Id, date, version)).Status.Should().Be(CommandStatus.Forbidden);
        (await _lifecycle.DeleteAttachmentAsync(user, agreement.Id, Guid.NewGuid(), version)).Status.Should().Be(CommandStatus.Forbidden);
        (await app.ReloadAsync(agreement.Id)).RhfInformedOn.Should().BeNull();
    }

    [Fact]
    public async Task Administrator_may_run_the_actions()
    {
        var agreement = await app.MunicipalAsync();

        var result = await _lifecycle.SendForSignatureAsync(await app.UserAsync(WebClient.Administrator), agreement.Id, await VersionAsync(agreement.Id));

        result.Status.Should().Be(CommandStatus.Ok);
    }

    [Fact]
    public async Task R1_new_version_replaces_the_old_one_when_signed_and_both_stay_readable()
    {
        var original = await app.OperatingAsync(then: a => a.Active());

        var created = await _lifecycle.CreateNewVersionAsync(_caseworker, original.Id,
            new NewVersionInput { ChangeSummary = "Ny åpningstid fra nyttår", ValidFrom = new DateTime(2027, 1, 1) }, await VersionAsync(original.Id));

        created.Status.Should().Be(CommandStatus.Ok);
        var newId = created.Value;
        newId.Should().NotBe(original.Id);
        var draft = await app.ReloadAsync(newId);
        draft.Status.Should().Be(AgreementStatus.Draft);
        draft.VersionNumber.Should().Be(2);
        draft.PreviousVersionId.Should().Be(original.Id);
        draft.ReferenceNumber.Should().Be(original.ReferenceNumber);
        draft.ChangeSummary.Should().Be("Ny åpningstid fra nyttår");
        draft.ValidFrom.Should().Be(new DateOnly(2027, 1, 1));

        (await _lifecycle.SendForSignatureAsync(_caseworker, newId, await VersionAsync(newId))).Status.Should().Be(CommandStatus.Ok);
        await SignAllAsync(draft);

        var v1 = await app.ReloadAsync(original.Id);
        var v2 = await app.ReloadAsync(newId);
        // R1: signed before its valid-from (01.01.2027), the new version waits; the old one stays in force.
        (await app.ReloadAsync(newId)).Status.Should().Be(v2.ValidFrom > AgreementTestData.Today ? AgreementStatus.Signed : AgreementStatus.Active);
        if (v2.ValidFrom > AgreementTestData.Today)
        {
            v1.Status.Should().Be(AgreementStatus.Active);
            return;
        }

        v1.Status.Should().Be(AgreementStatus.Replaced);
        v1.ReplacedByAgreementId.Should().Be(newId);
        v1.ReplacedOn.Should().Be(v2.ValidFrom);
    }

    [Fact]
    public async Task New_version_of_a_draft_is_refused()
    {
        var agreement = await app.OperatingAsync();

        var result = await _lifecycle.CreateNewVersionAsync(_caseworker, agreement.Id,
            new NewVersionInput { ChangeSummary = "Endring som ikke skal lagres", ValidFrom = new DateTime(2027, 1, 1) }, await VersionAsync(agreement.Id));

        result.Status.Should().Be(CommandStatus.Refused);
        result.Message.Should().Be("Bare en gjeldende avtale kan få en ny versjon; avtalen har status «Utkast».");
        await using var db = app.Database.CreateDbContext();
        (await db.Agreements.AnyAsync(a => a.PreviousVersionId == agreement.Id)).Should().BeFalse();
    }

    [Fact]
    public async Task New_version_checks_the_summarys_length_and_the_date_before_the_database()
    {
        var agreement = await app.OperatingAsync(then: a => a.Active());
        var version = await VersionAsync(agreement.Id);

        var tooLong = await _lifecycle.CreateNewVersionAsync(_caseworker, agreement.Id,
            new NewVersionInput { ChangeSummary = new string('x', Agreement.TextMaxLength + 1), ValidFrom = new DateTime(9999, 12, 31) }, version);
        tooLong.Status.Should().Be(CommandStatus.Invalid);
        tooLong.Errors.Select(e => e.Field).Should().BeEquivalentTo(["ChangeSummary", "ValidFrom"]);

        var empty = await _lifecycle.CreateNewVersionAsync(_caseworker, agreement.Id, new NewVersionInput { ChangeSummary = " ", ValidFrom = new DateTime(1, 1, 1) }, version);
        empty.Errors.Should().Contain(e => e.Field == "ChangeSummary" && e.Message == "Beskrivelsen av endringene må fylles ut.")
            .And.Contain(e => e.Field == "ValidFrom" && e.Message == "Gyldig fra må være mellom 01.01.1900 og 31.12.2199.");
    }

    [Fact]
    public async Task A_second_new_version_of_the_same_agreement_is_refused()
    {
        var agreement = await app.OperatingAsync(then: a => a.Active());
        var input = new NewVersionInput { ChangeSummary = "Første endring", ValidFrom = new DateTime(2027, 1, 1) };
        (await _lifecycle.CreateNewVersionAsync(_caseworker, agreement.Id, input, await VersionAsync(agreement.Id))).Status.Should().Be(CommandStatus.Ok);

        var second = await _lifecycle.CreateNewVersionAsync(_caseworker, agreement.Id, input, await VersionAsync(agreement.Id));

        second.Status.Should().Be(CommandStatus.Refused);
        second.Message.Should().Contain("Avtalen har allerede en nyere versjon (versjon 2)");
        await using var db = app.Database.CreateDbContext();
        (await db.Agreements.CountAsync(a => a.ReferenceNumber == agreement.ReferenceNumber)).Should().Be(2);
    }

    [Fact]
    public async Task Two_new_versions_at_once_give_one_version_and_one_conflict()
    {
        var agreement = await app.OperatingAsync(then: a => a.Active());
        var version = await VersionAsync(agreement.Id);
        var input = new NewVersionInput { ChangeSummary = "Samtidig", ValidFrom = new DateTime(2027, 1, 1) };

        var results = await Task.WhenAll(
            _lifecycle.CreateNewVersionAsync(_caseworker, agreement.Id, input, version),
            _lifecycle.CreateNewVersionAsync(_caseworker, agreement.Id, input, version));

        results.Count(r => r.Succeeded).Should().Be(1);
        results.Single(r => !r.Succeeded).Status.Should().BeOneOf(CommandStatus.Conflict, CommandStatus.Refused);
        await using var db = app.Database.CreateDbContext();
        (await db.Agreements.CountAsync(a => a.PreviousVersionId == agreement.Id)).Should().Be(1);
    }

    [Fact]
    public async Task R2_notice_on_a_kommune_HF_agreement_ends_it_one_year_later()
    {
        var agreement = await app.MunicipalAsync(a => a.Active());
        await using var db = app.Database.CreateDbContext();
        var municipality = await db.PartyAsync(AgreementTestData.BergenMunicipality);
        var givenOn = AgreementTestData.Today.AddDays(-10);

        var result = await _lifecycle.GiveNoticeAsync(_caseworker, agreement.Id,
            new NoticeInput { PartyId = municipality.Id, GivenByName = "Kari Kommunedirektør", GivenOn = givenOn.ToDateTime(TimeOnly.MinValue) },
            await VersionAsync(agreement.Id));

        result.Status.Should().Be(CommandStatus.Ok);
        result.Message.Should().Be($"Oppsigelsen er registrert. Avtalen gjelder til og med {givenOn.AddYears(1):dd.MM.yyyy}.");
        var saved = await app.ReloadAsync(agreement.Id);
        saved.Status.Should().Be(AgreementStatus.UnderNotice);
        saved.NoticeGivenByPartyId.Should().Be(municipality.Id);
        saved.NoticeGivenByName.Should().Be("Kari Kommunedirektør");
        saved.EndsOn.Should().Be(givenOn.AddYears(1).AddDays(1), "R2: in force through the same date a year later, ended from the day after");
    }

    [Fact]
    public async Task R2_after_a_notice_the_HF_notifies_its_RHF_and_the_RHF_Helsedirektoratet_and_deadlines_list_what_is_missing()
    {
        var agreement = await app.MunicipalAsync(a => a.Active());
        await using var db = app.Database.CreateDbContext();
        var municipality = await db.PartyAsync(AgreementTestData.BergenMunicipality);
        var givenOn = AgreementTestData.Today.AddDays(-10).ToDateTime(TimeOnly.MinValue);
        (await _lifecycle.GiveNoticeAsync(_caseworker, agreement.Id,
            new NoticeInput { PartyId = municipality.Id, GivenByName = "Kari Kommunedirektør", GivenOn = givenOn }, await VersionAsync(agreement.Id)))
            .Status.Should().Be(CommandStatus.Ok);
        var deadlines = app.Services.CreateScope().ServiceProvider.GetRequiredService<SamarbeidsAvtaler.Web.Features.Agreements.Overview.DeadlineService>();

        var listed = await deadlines.LoadAsync(_caseworker, 30, SamarbeidsAvtaler.Web.Features.Agreements.Overview.DeadlineKind.NoticeNotification, 1, SamarbeidsAvtaler.Web.Features.Agreements.Overview.DeadlineService.MaxPageSize);
        listed.Value!.Rows.Should().Contain(r => r.AgreementId == agreement.Id, "a notice not yet passed on to RHF and Helsedirektoratet is a deadline");

        var directorateFirst = await _lifecycle.RecordNoticeNotificationAsync(_caseworker, agreement.Id,
            new NoticeNotificationInput { Notification = NoticeNotification.DirectorateByRhf, NotifiedBy = "Rune RHF", Date = givenOn.AddDays(2) },
            await VersionAsync(agreement.Id));
        directorateFirst.Succeeded.Should().BeFalse("004: the RHF passes on what its HF told it, in that order");
        var future = await _lifecycle.RecordNoticeNotificationAsync(_caseworker, agreement.Id,
            new NoticeNotificationInput { Notification = NoticeNotification.RhfByTrust, NotifiedBy = "Hanne HF", Date = givenOn.AddDays(30) },
            await VersionAsync(agreement.Id));
        future.Succeeded.Should().BeFalse("a notification cannot be dated in the future");

        var rhf = await _lifecycle.RecordNoticeNotificationAsync(_caseworker, agreement.Id,
            new NoticeNotificationInput { Notification = NoticeNotification.RhfByTrust, NotifiedBy = "Hanne HF", Date = givenOn.AddDays(1) },
            await VersionAsync(agreement.Id));
        rhf.Message.Should().Contain("Gjenstår: RHF har varslet Helsedirektoratet");
        var directorate = await _lifecycle.RecordNoticeNotificationAsync(_caseworker, agreement.Id,
            new NoticeNotificationInput { Notification = NoticeNotification.DirectorateByRhf, NotifiedBy = "Rune RHF", Date = givenOn.AddDays(3) },
            await VersionAsync(agreement.Id));

        directorate.Message.Should().Contain("Både RHF og Helsedirektoratet er varslet");
        var saved = await app.ReloadAsync(agreement.Id);
        saved.RhfNotifiedOfNoticeBy.Should().Be("Hanne HF");
        saved.DirectorateNotifiedOfNoticeOn.Should().Be(DateOnly.FromDateTime(givenOn.AddDays(3)));
        (await deadlines.LoadAsync(_caseworker, 30, SamarbeidsAvtaler.Web.Features.Agreements.Overview.DeadlineKind.NoticeNotification, 1, SamarbeidsAvtaler.Web.Features.Agreements.Overview.DeadlineService.MaxPageSize))
            .Value!.Rows.Should().NotContain(r => r.AgreementId == agreement.Id);
    }

    [Fact]
    public async Task Notice_on_a_draft_by_a_stranger_in_the_future_or_out_of_range_is_refused()
    {
        var draft = await app.MunicipalAsync();
        var active = await app.MunicipalAsync(a => a.Active());
        await using var db = app.Database.CreateDbContext();
        var municipality = await db.PartyAsync(AgreementTestData.BergenMunicipality);
        NoticeInput Input(DateTime? on, Guid? party = null) => new() { PartyId = party ?? municipality.Id, GivenByName = "Kari Kommunedirektør", GivenOn = on };

        (await _lifecycle.GiveNoticeAsync(_caseworker, draft.Id, Input(Today), await VersionAsync(draft.Id))).Message
            .Should().Be("Bare en gjeldende avtale kan sies opp; avtalen har status «Utkast».");
        var version = await VersionAsync(active.Id);
        (await _lifecycle.GiveNoticeAsync(_caseworker, active.Id, Input(Today, Guid.NewGuid()), version)).Message
            .Should().Be("Oppsigelsen må komme fra en av partene i avtalen.");
        (await _lifecycle.GiveNoticeAsync(_caseworker, active.Id, Input(Today.AddDays(1)), version)).Message
            .Should().Be("Datoen for oppsigelsen kan ikke være frem i tid.");
        foreach (var date in new[] { new DateTime(1, 1, 1), new DateTime(9999, 12, 31) })
        {
            var result = await _lifecycle.GiveNoticeAsync(_caseworker, active.Id, Input(date), version);
            result.Status.Should().Be(CommandStatus.Invalid);
            result.Errors.Should().ContainSingle(e => e.Field == "GivenOn" && e.Message == "Datoen for oppsigelsen må være mellom 01.01.1900 og 31.12.2199.");
        }

        var noName = await _lifecycle.GiveNoticeAsync(_caseworker, active.Id, new NoticeInput { GivenByName = new string('x', 201), GivenOn = Today }, version);
        noName.Errors.Select(e => e.Field).Should().BeEquivalentTo(["PartyId", "GivenByName"]);
        (await app.ReloadAsync(active.Id)).Status.Should().Be(AgreementStatus.Active);
    }

    [Fact]
    public async Task R3_yearly_review_moves_the_next_review_to_31_december_next_year()
    {
        var agreement = await app.MunicipalAsync(a => a.Active());
        var today = AgreementTestData.Today;

        var result = await _lifecycle.RegisterReviewAsync(_caseworker, agreement.Id, new DateInput { Date = Today }, await VersionAsync(agreement.Id));

        result.Message.Should().Be($"Gjennomgangen er registrert. Neste gjennomgang: 31.12.{today.Year + 1}.");
        (await app.ReloadAsync(agreement.Id)).NextReviewDate.Should().Be(new DateOnly(today.Year + 1, 12, 31));
    }

    [Fact]
    public async Task R3_the_review_result_going_to_the_partnarskapsmote_is_recorded_with_its_date()
    {
        var agreement = await app.MunicipalAsync(a => a.Active());

        var early = await _lifecycle.RegisterReviewAsync(_caseworker, agreement.Id,
            new DateInput { Date = Today, ReportedToPartnershipOn = Today.AddDays(-1) }, await VersionAsync(agreement.Id));
        early.Message.Should().Contain("før gjennomgangen");

        var result = await _lifecycle.RegisterReviewAsync(_caseworker, agreement.Id,
            new DateInput { Date = Today.AddDays(-3), ReportedToPartnershipOn = Today }, await VersionAsync(agreement.Id));

        result.Status.Should().Be(CommandStatus.Ok);
        var saved = await app.ReloadAsync(agreement.Id);
        saved.LastReviewedOn.Should().Be(AgreementTestData.Today.AddDays(-3));
        saved.ReviewReportedToPartnershipOn.Should().Be(AgreementTestData.Today);
    }

    [Fact]
    public async Task Review_of_a_draft_in_the_future_or_out_of_range_is_refused()
    {
        var draft = await app.MunicipalAsync();
        var active = await app.MunicipalAsync(a => a.Active());

        (await _lifecycle.RegisterReviewAsync(_caseworker, draft.Id, new DateInput { Date = Today }, await VersionAsync(draft.Id))).Message
            .Should().Be("Bare en gjeldende avtale kan gjennomgås.");
        var version = await VersionAsync(active.Id);
        (await _lifecycle.RegisterReviewAsync(_caseworker, active.Id, new DateInput { Date = Today.AddDays(1) }, version)).Errors
            .Should().ContainSingle(e => e.Message == "Datoen for gjennomgangen kan ikke være frem i tid.");
        (await _lifecycle.RegisterReviewAsync(_caseworker, active.Id, new DateInput { Date = DateTime.MinValue }, version)).Status
            .Should().Be(CommandStatus.Invalid);
        (await _lifecycle.RegisterReviewAsync(_caseworker, active.Id, new DateInput(), version)).Status.Should().Be(CommandStatus.Invalid);
    }

    [Fact]
    public async Task Rhf_informed_is_recorded_on_a_specialist_agreement_and_refused_on_a_driftsavtale()
    {
        var cooperation = await app.SpecialistCooperationAsync(a => a.Active());
        var operating = await app.OperatingAsync(then: a => a.Active());
        var informedOn = AgreementTestData.Today.AddDays(-3);
        var input = new DateInput { Date = informedOn.ToDateTime(TimeOnly.MinValue) };

        (await _lifecycle.RecordRhfInformedAsync(_caseworker, cooperation.Id, input, await VersionAsync(cooperation.Id))).Status.Should().Be(CommandStatus.Ok);
        (await app.ReloadAsync(cooperation.Id)).RhfInformedOn.Should().Be(informedOn);

        var refused = await _lifecycle.RecordRhfInformedAsync(_caseworker, operating.Id, input, await VersionAsync(operating.Id));
        refused.Message.Should().Be("Melding til RHF gjelder bare samarbeidsavtale avtalespesialist–HF.");
        (await app.ReloadAsync(operating.Id)).RhfInformedOn.Should().BeNull();
    }

    [Fact]
    public async Task Acting_on_a_version_someone_else_changed_is_a_conflict_and_nothing_is_saved()
    {
        var agreement = await app.OperatingAsync();
        var stale = await VersionAsync(agreement.Id);

        // Someone else edits the draft after the page was shown.
        await using (var db = app.Database.CreateDbContext())
        {
            var other = await db.Agreements.Include(a => a.Sections).SingleAsync(a => a.Id == agreement.Id);
            other.AddSection("Tillegg", "Lagt til av en annen saksbehandler.");
            db.Entry(other).Property(a => a.Title).IsModified = true;
            await db.SaveChangesAsync();
        }

        var result = await _lifecycle.SendForSignatureAsync(_caseworker, agreement.Id, stale);

        result.Status.Should().Be(CommandStatus.Conflict);
        result.Message.Should().StartWith("Noen andre har endret avtalen etter at du åpnet den. Ingenting er lagret.");
        (await app.ReloadAsync(agreement.Id)).Status.Should().Be(AgreementStatus.Draft);

        // With the current version (the page reloads behind the dialog), a second try works.
        (await _lifecycle.SendForSignatureAsync(_caseworker, agreement.Id, await VersionAsync(agreement.Id))).Status.Should().Be(CommandStatus.Ok);
    }

    [Fact]
    public async Task R2_expiry_service_ends_an_agreement_whose_notice_has_run_out_and_audits_it_as_System()
    {
        var today = AgreementTestData.Today;
        var givenOn = today.AddYears(-1).AddDays(-1);
        var agreement = await app.MunicipalAsync(a =>
        {
            a.Active().GiveNotice(a.Parties[0].PartyId, "Kari Kommunedirektør", givenOn, today);
            return a;
        });
        var notYet = await app.MunicipalAsync(a =>
        {
            a.Active().GiveNotice(a.Parties[0].PartyId, "Kari Kommunedirektør", today.AddMonths(-6), today);
            return a;
        });

        var ended = await app.Services.GetRequiredService<AgreementExpiryService>().EndDueAgreementsAsync();

        ended.Should().BeGreaterThanOrEqualTo(1);
        var saved = await app.ReloadAsync(agreement.Id);
        saved.Status.Should().Be(AgreementStatus.Ended);
        saved.EndsOn.Should().Be(givenOn.AddYears(1).AddDays(1), "R2: in force through the same date a year later, ended from the day after");
        (await app.ReloadAsync(notYet.Id)).Status.Should().Be(AgreementStatus.UnderNotice);
        await using var db = app.Database.CreateDbContext();
        var audit = await db.AuditEntries.Where(a => a.EntityType == "Agreement" && a.EntityId == agreement.Id.ToString()).ToListAsync();
        audit.Should().ContainSingle(a => a.Changes.Contains(new FieldChange("Status", "UnderNotice", "Ended")))
            .Which.ActorName.Should().Be("System");
    }
}
