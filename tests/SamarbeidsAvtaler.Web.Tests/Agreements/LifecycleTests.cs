using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Web.Features.Agreements.Detail;

namespace SamarbeidsAvtaler.Web.Tests.Agreements;

/// <summary>The lifecycle actions, each through its confirmation page, as a caseworker would use them.</summary>
[Collection(AppCollection.Name)]
public sealed class LifecycleTests(AppFactory app)
{
    private static Dictionary<string, string> Signature(string name, string method = "Paper", string? reference = null) => new()
    {
        ["Form.SignedByName"] = name,
        ["Form.SignedByTitle"] = "Direktør",
        ["Form.SignedOn"] = AgreementTestData.Today.ToString("yyyy-MM-dd"),
        ["Form.Method"] = method,
        ["Form.ExternalReference"] = reference ?? string.Empty,
    };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string form, Dictionary<string, string>? fields = null)
    {
        var values = new Dictionary<string, string>(fields ?? []) { ["Form.Version"] = await client.FormVersionAsync(url) };
        return await client.PostFormAsync(url, form, values);
    }

    private static async Task SignAllAsync(HttpClient client, Agreement agreement)
    {
        foreach (var party in agreement.Parties)
        {
            var response = await PostAsync(client, $"/avtaler/{agreement.Id}/signatur/{party.Id}", "signature", Signature(party.SignatoryName!));
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, "the signature for {0} should be registered", party.SignatoryName);
        }
    }

    [Fact]
    public async Task Draft_is_sent_for_signature_signed_by_both_parties_and_becomes_active_with_every_transition_audited()
    {
        var agreement = await app.OperatingAsync();
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var confirm = await client.GetHtmlAsync($"/avtaler/{agreement.Id}/send-til-signering");
        confirm.Should().Contain("er teksten låst").And.Contain("Ja, send til signering");
        var sent = await PostAsync(client, $"/avtaler/{agreement.Id}/send-til-signering", "send");
        sent.StatusCode.Should().Be(HttpStatusCode.Redirect);
        sent.RedirectPath().Should().Be($"/avtaler/{agreement.Id}?melding=sendt");
        (await client.GetHtmlAsync(sent.RedirectPath())).Should().Contain("Avtalen er sendt til signering").And.Contain(">Til signering</span>")
            .And.Contain($"/avtaler/{agreement.Id}/signatur/{agreement.Parties[0].Id}");

        var first = agreement.Parties[0];
        var signedOne = await PostAsync(client, $"/avtaler/{agreement.Id}/signatur/{first.Id}", "signature", Signature("Rita RHF-direktør"));
        signedOne.RedirectPath().Should().EndWith("melding=signert");
        (await app.ReloadAsync(agreement.Id)).Status.Should().Be(AgreementStatus.AwaitingSignature);

        var second = agreement.Parties[1];
        var signedAll = await PostAsync(client, $"/avtaler/{agreement.Id}/signatur/{second.Id}", "signature",
            Signature("Demo Spesialistsen", "Electronic", "SIGN-REF-0001"));
        signedAll.RedirectPath().Should().EndWith("melding=aktiv");

        var active = await app.ReloadAsync(agreement.Id);
        active.Status.Should().Be(AgreementStatus.Active);
        active.SignedOn.Should().Be(AgreementTestData.Today);
        active.Parties.Single(p => p.Id == second.Id).Signature.Should().Be(
            new Signature("Demo Spesialistsen", "Direktør", AgreementTestData.Today, SignatureMethod.Electronic, "SIGN-REF-0001"));
        var page = await client.GetHtmlAsync(signedAll.RedirectPath());
        page.Should().Contain("Alle parter har signert").And.Contain(">Gjeldende</span>").And.Contain("Elektronisk").And.Contain("SIGN-REF-0001");

        await using var db = app.Database.CreateDbContext();
        var audit = await db.AuditEntries.Where(a => a.EntityType == "Agreement" && a.EntityId == agreement.Id.ToString())
            .OrderBy(a => a.Id).ToListAsync();
        audit.Should().Contain(a => a.ActorName == "Sander Saksbehandler" && a.Changes.Contains(new FieldChange("Status", "Draft", "AwaitingSignature")));
        audit.Should().Contain(a => a.ActorName == "Sander Saksbehandler" && a.Changes.Contains(new FieldChange("Status", "AwaitingSignature", "Active")));
        audit.Count(a => a.Changes.Any(c => c.Field == "Signature")).Should().Be(2);
        page.Should().Contain("Til signering").And.Contain("Signatur");

        // The last signature stores the signed document at once; downloads serve exactly those bytes.
        var stored = await db.SignedDocuments.AsNoTracking().SingleAsync(d => d.AgreementId == agreement.Id);
        (await (await client.GetAsync($"/avtaler/{agreement.Id}/pdf")).Content.ReadAsByteArrayAsync()).Should().Equal(stored.Pdf);
        (await db.AccessLog.AnyAsync(e => e.AgreementId == agreement.Id && e.Action == "Visning" && e.UserName == "Sander Saksbehandler"))
            .Should().BeTrue("viewing the agreement page is logged");
    }

    [Fact]
    public async Task Send_page_lists_what_blocks_the_draft_and_the_post_is_refused_with_the_same_reason()
    {
        var agreement = await app.OperatingAsync(then: a =>
        {
            a.SetSignatory(a.Parties[0].Id, null, null);
            return a;
        });
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        (await client.GetHtmlAsync($"/avtaler/{agreement.Id}/send-til-signering")).Should().Contain("Hver part må ha en som signerer for den.")
            .And.NotContain("Ja, send til signering");
        var response = await PostAsync(client, $"/avtaler/{agreement.Id}/send-til-signering", "send");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.HtmlAsync()).Should().Contain("Hver part må ha en som signerer for den.");
        (await app.ReloadAsync(agreement.Id)).Status.Should().Be(AgreementStatus.Draft);
    }

    [Fact]
    public async Task Sending_an_agreement_that_is_already_awaiting_signature_is_refused()
    {
        var agreement = await app.OperatingAsync(then: a => a.AwaitingSignature());
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var response = await PostAsync(client, $"/avtaler/{agreement.Id}/send-til-signering", "send");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.HtmlAsync()).Should().Contain("Bare et utkast kan sendes til signering; avtalen har status «Til signering».");
    }

    [Fact]
    public async Task Signing_a_draft_is_refused_with_the_domain_message_and_keeps_the_input()
    {
        var agreement = await app.OperatingAsync();
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var url = $"/avtaler/{agreement.Id}/signatur/{agreement.Parties[0].Id}";

        var response = await PostAsync(client, url, "signature", Signature("Navn Som Beholdes"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.HtmlAsync();
        html.Should().Contain("Signaturer registreres bare på en avtale som venter på signering; avtalen har status «Utkast».");
        WebClient.InputValue(html, "Form.SignedByName").Should().Be("Navn Som Beholdes");
        (await app.ReloadAsync(agreement.Id)).Parties.Should().OnlyContain(p => p.Signature == null);
    }

    [Fact]
    public async Task Electronic_signature_without_the_services_reference_is_refused()
    {
        var agreement = await app.OperatingAsync(then: a => a.AwaitingSignature());
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var response = await PostAsync(client, $"/avtaler/{agreement.Id}/signatur/{agreement.Parties[0].Id}", "signature",
            Signature("Rita RHF-direktør", "Electronic"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.HtmlAsync()).Should().Contain("En elektronisk signatur må ha referansen fra signeringstjenesten.");
        (await app.ReloadAsync(agreement.Id)).Parties.Should().OnlyContain(p => p.Signature == null);
    }

    [Fact]
    public async Task R1_new_version_replaces_the_old_one_when_signed_and_both_stay_readable_with_the_chain_shown()
    {
        var original = await app.OperatingAsync(then: a => a.Active());
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var created = await PostAsync(client, $"/avtaler/{original.Id}/ny-versjon", "new-version", new()
        {
            ["Form.ChangeSummary"] = "Ny åpningstid fra nyttår",
            ["Form.ValidFrom"] = "2027-01-01",
        });

        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var newId = Guid.Parse(created.RedirectPath().Split('/', '?')[2]);
        newId.Should().NotBe(original.Id);
        var draft = await app.ReloadAsync(newId);
        draft.Status.Should().Be(AgreementStatus.Draft);
        draft.VersionNumber.Should().Be(2);
        draft.PreviousVersionId.Should().Be(original.Id);
        draft.ReferenceNumber.Should().Be(original.ReferenceNumber);
        (await client.GetHtmlAsync($"/avtaler/{original.Id}")).Should().Contain("En ny versjon er under arbeid").And.Contain(">Gjeldende</span>");

        (await PostAsync(client, $"/avtaler/{newId}/send-til-signering", "send")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await SignAllAsync(client, draft);

        var v1 = await app.ReloadAsync(original.Id);
        var v2 = await app.ReloadAsync(newId);
        v2.Status.Should().Be(AgreementStatus.Active);
        v1.Status.Should().Be(AgreementStatus.Replaced);
        v1.ReplacedByAgreementId.Should().Be(newId);
        v1.ReplacedOn.Should().Be(AgreementTestData.Today);

        var oldPage = await client.GetHtmlAsync($"/avtaler/{original.Id}");
        oldPage.Should().Contain(">Erstattet</span>").And.Contain("Denne versjonen er erstattet").And.Contain($"href=\"/avtaler/{newId}\"")
            .And.NotContain("/ny-versjon");
        var newPage = await client.GetHtmlAsync($"/avtaler/{newId}");
        newPage.Should().Contain($"{original.ReferenceNumber} versjon 2").And.Contain($"href=\"/avtaler/{original.Id}\"")
            .And.Contain("Versjon 2 (denne)").And.Contain("Ny åpningstid fra nyttår").And.Contain("01.01.2027");
    }

    [Fact]
    public async Task New_version_of_a_draft_is_refused()
    {
        var agreement = await app.OperatingAsync();
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var response = await PostAsync(client, $"/avtaler/{agreement.Id}/ny-versjon", "new-version", new()
        {
            ["Form.ChangeSummary"] = "Endring som ikke skal lagres",
            ["Form.ValidFrom"] = "2027-01-01",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.HtmlAsync();
        html.Should().Contain("Bare en gjeldende avtale kan få en ny versjon; avtalen har status «Utkast».")
            .And.Contain("Endring som ikke skal lagres");
        await using var db = app.Database.CreateDbContext();
        (await db.Agreements.AnyAsync(a => a.PreviousVersionId == agreement.Id)).Should().BeFalse();
    }

    [Fact]
    public async Task A_second_new_version_of_the_same_agreement_is_refused()
    {
        var agreement = await app.OperatingAsync(then: a => a.Active());
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var fields = new Dictionary<string, string> { ["Form.ChangeSummary"] = "Første endring", ["Form.ValidFrom"] = "2027-01-01" };
        (await PostAsync(client, $"/avtaler/{agreement.Id}/ny-versjon", "new-version", fields)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var response = await PostAsync(client, $"/avtaler/{agreement.Id}/ny-versjon", "new-version", fields);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.HtmlAsync()).Should().Contain("Avtalen har allerede en nyere versjon (versjon 2)");
        await using var db = app.Database.CreateDbContext();
        (await db.Agreements.CountAsync(a => a.ReferenceNumber == agreement.ReferenceNumber)).Should().Be(2);
    }

    [Fact]
    public async Task R2_notice_on_a_kommune_HF_agreement_ends_it_one_year_later()
    {
        var agreement = await app.MunicipalAsync(a => a.Active());
        await using var db = app.Database.CreateDbContext();
        var municipality = await db.PartyAsync(AgreementTestData.BergenMunicipality);
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var today = AgreementTestData.Today;

        var confirm = await client.GetHtmlAsync($"/avtaler/{agreement.Id}/oppsigelse");
        confirm.Should().Contain("ett års varsel").And.Contain($"avsluttes avtalen <strong>{today.AddYears(1):dd.MM.yyyy}</strong>");

        var givenOn = today.AddDays(-10);
        var response = await PostAsync(client, $"/avtaler/{agreement.Id}/oppsigelse", "notice", new()
        {
            ["Form.PartyId"] = municipality.Id.ToString(),
            ["Form.GivenByName"] = "Kari Kommunedirektør",
            ["Form.GivenOn"] = givenOn.ToString("yyyy-MM-dd"),
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var saved = await app.ReloadAsync(agreement.Id);
        saved.Status.Should().Be(AgreementStatus.UnderNotice);
        saved.NoticeGivenByPartyId.Should().Be(municipality.Id);
        saved.EndsOn.Should().Be(givenOn.AddYears(1));
        var page = await client.GetHtmlAsync(response.RedirectPath());
        page.Should().Contain($"Avtalen avsluttes {givenOn.AddYears(1):dd.MM.yyyy}")
            .And.Contain($"{givenOn:dd.MM.yyyy} av Kari Kommunedirektør for {AgreementTestData.BergenMunicipality}")
            .And.Contain(">Oppsagt</span>");
    }

    [Fact]
    public async Task Notice_on_a_draft_is_refused()
    {
        var agreement = await app.MunicipalAsync();
        await using var db = app.Database.CreateDbContext();
        var municipality = await db.PartyAsync(AgreementTestData.BergenMunicipality);
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var response = await PostAsync(client, $"/avtaler/{agreement.Id}/oppsigelse", "notice", new()
        {
            ["Form.PartyId"] = municipality.Id.ToString(),
            ["Form.GivenByName"] = "Kari Kommunedirektør",
            ["Form.GivenOn"] = AgreementTestData.Today.ToString("yyyy-MM-dd"),
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.HtmlAsync();
        html.Should().Contain("Bare en gjeldende avtale kan sies opp; avtalen har status «Utkast».");
        WebClient.InputValue(html, "Form.GivenByName").Should().Be("Kari Kommunedirektør");
        (await app.ReloadAsync(agreement.Id)).Status.Should().Be(AgreementStatus.Draft);
    }

    [Fact]
    public async Task R3_yearly_review_moves_the_next_review_to_31_december_next_year()
    {
        var agreement = await app.MunicipalAsync(a => a.Active());
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var today = AgreementTestData.Today;

        var response = await PostAsync(client, $"/avtaler/{agreement.Id}/gjennomgang", "review", new() { ["Form.Date"] = today.ToString("yyyy-MM-dd") });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.ReloadAsync(agreement.Id)).NextReviewDate.Should().Be(new DateOnly(today.Year + 1, 12, 31));
        (await client.GetHtmlAsync(response.RedirectPath())).Should().Contain($"Neste gjennomgang: 31.12.{today.Year + 1}");
    }

    [Fact]
    public async Task Review_of_a_draft_is_refused()
    {
        var agreement = await app.MunicipalAsync();
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var response = await PostAsync(client, $"/avtaler/{agreement.Id}/gjennomgang", "review", new() { ["Form.Date"] = AgreementTestData.Today.ToString("yyyy-MM-dd") });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.HtmlAsync()).Should().Contain("Bare en gjeldende avtale kan gjennomgås.");
    }

    [Fact]
    public async Task Rhf_informed_is_recorded_on_a_specialist_agreement_and_refused_on_a_driftsavtale()
    {
        var cooperation = await app.SpecialistCooperationAsync(a => a.Active());
        var operating = await app.OperatingAsync(then: a => a.Active());
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var informedOn = AgreementTestData.Today.AddDays(-3);

        var recorded = await PostAsync(client, $"/avtaler/{cooperation.Id}/rhf-informert", "rhf-informed", new() { ["Form.Date"] = informedOn.ToString("yyyy-MM-dd") });
        recorded.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.ReloadAsync(cooperation.Id)).RhfInformedOn.Should().Be(informedOn);

        var refused = await PostAsync(client, $"/avtaler/{operating.Id}/rhf-informert", "rhf-informed", new() { ["Form.Date"] = informedOn.ToString("yyyy-MM-dd") });
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        (await refused.HtmlAsync()).Should().Contain("Melding til RHF gjelder bare samarbeidsavtale avtalespesialist–HF.");
        (await app.ReloadAsync(operating.Id)).RhfInformedOn.Should().BeNull();
    }

    [Fact]
    public async Task Acting_on_a_version_someone_else_changed_is_refused_with_a_clear_message()
    {
        var agreement = await app.OperatingAsync();
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var url = $"/avtaler/{agreement.Id}/send-til-signering";
        var staleVersion = await client.FormVersionAsync(url);

        // Someone else edits the draft after the page was shown.
        await using (var db = app.Database.CreateDbContext())
        {
            var other = await db.Agreements.Include(a => a.Sections).SingleAsync(a => a.Id == agreement.Id);
            other.AddSection("Tillegg", "Lagt til av en annen saksbehandler.");
            db.Entry(other).Property(a => a.Title).IsModified = true;
            await db.SaveChangesAsync();
        }

        var response = await client.PostFormAsync(url, "send", new() { ["Form.Version"] = staleVersion });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.HtmlAsync();
        html.Should().Contain("Noen andre har endret avtalen etter at du åpnet denne siden. Ingenting er lagret.");
        (await app.ReloadAsync(agreement.Id)).Status.Should().Be(AgreementStatus.Draft);

        // The page now carries the current version, so trying again works.
        var retry = await client.PostFormAsync(url, "send", new() { ["Form.Version"] = WebClient.InputValue(html, "Form.Version")! });
        retry.StatusCode.Should().Be(HttpStatusCode.Redirect);
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
        saved.EndsOn.Should().Be(givenOn.AddYears(1));
        (await app.ReloadAsync(notYet.Id)).Status.Should().Be(AgreementStatus.UnderNotice);
        await using var db = app.Database.CreateDbContext();
        var audit = await db.AuditEntries.Where(a => a.EntityType == "Agreement" && a.EntityId == agreement.Id.ToString()).ToListAsync();
        audit.Should().ContainSingle(a => a.Changes.Contains(new FieldChange("Status", "UnderNotice", "Ended")))
            .Which.ActorName.Should().Be("System");
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        (await client.GetHtmlAsync($"/avtaler/{agreement.Id}")).Should().Contain(">Avsluttet</span>");
    }
}
