using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Testing;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Agreements.Editor;

namespace SamarbeidsAvtaler.Web.Tests.Agreements.Editor;

/// <summary>Creating the three kinds of agreement and editing a draft's details, at the service a caseworker's page calls.</summary>
public sealed class EditorCreateTests(AppFactory app) : EditorTestBase(app)
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    [Fact]
    public void Step_1_of_a_driftsavtale_has_the_defaults_of_a_full_position()
    {
        var form = Editor.NewForm(AgreementKind.OperatingAgreement);

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Oslo).DateTime);
        DateOnly.FromDateTime(form.ValidFrom!.Value).Should().Be(today);
        form.PracticeWeeksPerYear.Should().Be(44);
        form.PracticeHoursPerWeek.Should().Be(37.5m);
        form.PracticeSharePercent.Should().Be(100m);
        form.NoticePeriodMonths.Should().Be(6);
        form.Language.Should().Be(DocumentLanguage.Bokmal);
        form.Level.Should().BeNull("levels belong to kommune–HF agreements only");
    }

    [Fact]
    public async Task Driftsavtale_is_created_with_its_practice_position_and_parties()
    {
        var bergen = await PartyIdAsync("Bergen kommune");
        var form = Operating("Driftsavtale hudsykdommer Bergen", bergen);
        form.PracticeSpecialty = "Hudsykdommer";
        form.PracticeSharePercent = 50m;
        form.PracticeHoursPerWeek = 18.75m;
        form.PracticeStaffing = "Én sekretær";
        form.PracticeProfile = "Kroniske hudsykdommer";
        form.PracticeNormFigures = "2 500 konsultasjoner i året";

        var id = await CreateAsync(form);
        await AddPartiesAsync(id, await PartyIdAsync("Helse Sør-Øst RHF"), await PartyIdAsync("Fiktiv Legesen"));

        var agreement = await StoredAsync(id);
        agreement.Kind.Should().Be(AgreementKind.OperatingAgreement);
        agreement.Status.Should().Be(AgreementStatus.Draft);
        agreement.Title.Should().Be("Driftsavtale hudsykdommer Bergen");
        agreement.NoticePeriodMonths.Should().Be(6);
        agreement.PracticePosition.Should().Be(new PracticePosition("Hudsykdommer", bergen, "Eksempelgata 1, 5003 Bergen", 50m, 18.75m, 44,
            "Én sekretær", "Kroniske hudsykdommer", "2 500 konsultasjoner i året"));
        agreement.Parties.Select(p => p.Role).Should().BeEquivalentTo([AgreementPartyRole.RegionalHealthAuthority, AgreementPartyRole.Specialist]);
    }

    [Fact]
    public async Task Samarbeidsavtale_with_specialists_is_created_with_cooperation_forms()
    {
        var id = await CreateAsync(SpecialistCooperation("Samarbeidsavtale øyesykdommer Helse Bergen"));
        await AddPartiesAsync(id, await PartyIdAsync("Helse Bergen HF"), await PartyIdAsync("Demo Spesialistsen"), await PartyIdAsync("Testa Prøvesen"));
        var form = (await Editor.GetCooperationFormsAsync(Caseworker, id))!;
        Choose(form, CooperationForm.DivisionOfWork, "Henvisninger etter avtalt pasientflyt");
        Choose(form, CooperationForm.ProfessionalCooperation, "Felles fagdager to ganger i året");
        Choose(form, CooperationForm.InpatientSupervision, "Tilsyn på sengepost ved behov");
        form.Compensation = "1 200 kroner per tilsyn";

        var saved = await Editor.SaveCooperationFormsAsync(Caseworker, id, form);

        saved.Succeeded.Should().BeTrue(saved.Message);
        var agreement = await StoredAsync(id);
        agreement.Kind.Should().Be(AgreementKind.SpecialistCooperationAgreement);
        agreement.MeetingFrequency.Should().Be("To ganger i året");
        agreement.Compensation.Should().Be("1 200 kroner per tilsyn");
        agreement.Parties.Count(p => p.Role == AgreementPartyRole.Specialist).Should().Be(2);
        agreement.CooperationForms.Select(f => (f.Form, f.Description)).Should().BeEquivalentTo(new[]
        {
            (CooperationForm.DivisionOfWork, "Henvisninger etter avtalt pasientflyt"),
            (CooperationForm.ProfessionalCooperation, "Felles fagdager to ganger i året"),
            (CooperationForm.InpatientSupervision, "Tilsyn på sengepost ved behov"),
        });
    }

    [Fact]
    public async Task R2_R3_R4_R5_kommune_HF_agreements_are_created_on_three_levels_each_under_the_one_above()
    {
        var overarching = await SignedAsync(Municipal("Overordna samarbeidsavtale Bergen", AgreementLevel.Overarching));
        var service = await CreateAsync(Municipal("Tenesteavtale utskrivingsklare pasientar Bergen", AgreementLevel.Service, overarching));
        var areas = await Editor.SaveStatutoryAreasAsync(Caseworker, service, [1, 5, 12], (await Editor.GetStatutoryAreasAsync(Caseworker, service))!.Version);
        await SignAsync(service);
        var supplementary = await CreateAsync(Municipal("Særavtale om hospitering Bergen", AgreementLevel.Supplementary, service, binding: false));

        areas.Succeeded.Should().BeTrue(areas.Message);
        var level1 = await StoredAsync(overarching);
        var level2 = await StoredAsync(service);
        var level3 = await StoredAsync(supplementary);

        level1.Level.Should().Be(AgreementLevel.Overarching);
        level1.ParentAgreementId.Should().BeNull();
        level1.Language.Should().Be(DocumentLanguage.Nynorsk);
        level1.Replaces.Should().Be("overordnet samarbeidsavtale av 01.07.2012");
        level1.NoticePeriodMonths.Should().Be(12, "a kommune–HF agreement is terminated with one year's notice (R2)");
        level1.NextReviewDate.Should().Be(new DateOnly(AgreementTestData.Today.Year, 12, 31), "left empty, the review is due by the coming 31 December (R3)");

        level2.Level.Should().Be(AgreementLevel.Service);
        level2.ParentAgreementId.Should().Be(overarching);
        level2.StatutoryAreas.Select(a => a.AreaNumber).Should().BeEquivalentTo([1, 5, 12], "point 12 is in force from 1 August 2022");

        level3.Level.Should().Be(AgreementLevel.Supplementary);
        level3.ParentAgreementId.Should().Be(service);
        level3.IsLegallyBinding.Should().BeFalse();
    }

    [Fact]
    public async Task Reference_numbers_are_assigned_per_kind_and_year_and_are_unique()
    {
        var ids = new List<Guid>();
        for (var i = 1; i <= 3; i++)
        {
            ids.Add(await CreateAsync(Operating($"Nummerert driftsavtale {i}")));
        }

        ids.Add(await CreateAsync(SpecialistCooperation("Nummerert samarbeidsavtale")));

        await using var db = App.Database.CreateDbContext();
        var numbers = await db.Agreements.Where(a => ids.Contains(a.Id)).OrderBy(a => a.CreatedAt).Select(a => a.ReferenceNumber).ToListAsync();
        var year = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Oslo).Year;
        numbers.Take(3).Should().AllSatisfy(n => n.Should().MatchRegex($"^DA-{year}-\\d{{4}}$"));
        numbers[3].Should().MatchRegex($"^SA-{year}-\\d{{4}}$");
        numbers.Take(3).Select(n => int.Parse(n[^4..])).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        (await db.Agreements.GroupBy(a => new { a.ReferenceNumber, a.VersionNumber }).AnyAsync(g => g.Count() > 1)).Should().BeFalse();
    }

    [Fact]
    public async Task R6_operating_agreement_is_never_blocked_for_want_of_a_cooperation_agreement()
    {
        Guid specialistId;
        await using (var setup = App.Database.CreateDbContext())
        {
            // A newly registered avtalespesialist: party to no samarbeidsavtale at all.
            var specialist = AgreementScenarios.Specialist("Uten Samarbeidsavtalesen", Numbers.NewHprNumber());
            setup.Parties.Add(specialist);
            await setup.SaveChangesAsync();
            specialistId = specialist.Id;
        }

        var id = await CreateAsync(Operating("Driftsavtale uten samarbeidsavtale"));
        var rhf = await PartyIdAsync("Helse Sør-Øst RHF");
        await AddPartiesAsync(id, rhf, specialistId);
        var parties = (await Editor.GetPartiesAsync(Caseworker, id))!;
        parties.Rows.Single(r => r.PartyId == rhf).SignatoryName = "Rita RHF-direktør";
        parties.Rows.Single(r => r.PartyId == specialistId).SignatoryName = "Uten Samarbeidsavtalesen";
        var signatories = await Editor.SaveSignatoriesAsync(Caseworker, id, parties);
        var section = await Editor.AddSectionAsync(Caseworker, id, new SectionForm { Heading = "Formål", Body = "Avtalen gir rett til å drive avtalepraksis med driftstilskudd." });

        signatories.Succeeded.Should().BeTrue(signatories.Message);
        section.Succeeded.Should().BeTrue(section.Message);
        await using var db = App.Database.CreateDbContext();
        (await db.Agreements.AnyAsync(a => a.Kind == AgreementKind.SpecialistCooperationAgreement
            && a.Parties.Any(p => p.PartyId == specialistId))).Should().BeFalse();
        var agreement = await db.Agreements.Include(a => a.Parties).Include(a => a.Sections).SingleAsync(a => a.Id == id);
        agreement.SignatureBlockers().Should().BeEmpty("nothing about samarbeidsavtaler may block a driftsavtale (R6)");
        agreement.Invoking(a => a.SendForSignature(DateTimeOffset.UtcNow)).Should().NotThrow();
    }

    [Fact]
    public async Task Details_are_loaded_edited_and_saved()
    {
        var id = await CreateAsync(SpecialistCooperation("Samarbeidsavtale før endring"));
        var form = (await Editor.GetDetailsAsync(Caseworker, id))!;
        form.Title.Should().Be("Samarbeidsavtale før endring");
        form.Title = "Samarbeidsavtale etter endring";
        form.ValidTo = new DateTime(2028, 1, 31);

        var result = await Editor.SaveDetailsAsync(Caseworker, id, form);

        result.Succeeded.Should().BeTrue(result.Message);
        result.Value.Should().NotBe(form.Version!.Value, "the save gives the agreement a new row version");
        var agreement = await StoredAsync(id);
        agreement.Title.Should().Be("Samarbeidsavtale etter endring");
        agreement.ValidTo.Should().Be(new DateOnly(2028, 1, 31));
    }

    [Fact]
    public async Task A_chosen_kommune_and_parent_come_back_by_name_when_the_details_are_loaded()
    {
        var bergen = await PartyIdAsync("Bergen kommune");
        var operating = await CreateAsync(Operating("Driftsavtale med valgt kommune", bergen));
        var overarching = await SignedAsync(Municipal("Overordna avtale for visning", AgreementLevel.Overarching));
        var service = await CreateAsync(Municipal("Tenesteavtale for visning", AgreementLevel.Service, overarching));

        (await Editor.GetDetailsAsync(Caseworker, operating))!.PracticeMunicipality!.Name.Should().Be("Bergen kommune");
        var parent = (await Editor.GetDetailsAsync(Caseworker, service))!.ParentAgreement!;
        parent.Id.Should().Be(overarching);
        parent.Name.Should().Be("Overordna avtale for visning");
    }

    [Fact]
    public async Task A_kind_changed_in_the_form_is_ignored_the_stored_kind_counts()
    {
        var id = await CreateAsync(Operating("Driftsavtale som ikke kan bli noe annet"));
        var form = (await Editor.GetDetailsAsync(Caseworker, id))!;
        form.Kind = AgreementKind.MunicipalCooperationAgreement;
        form.Level = AgreementLevel.Overarching;

        var result = await Editor.SaveDetailsAsync(Caseworker, id, form);

        result.Succeeded.Should().BeTrue(result.Message);
        var agreement = await StoredAsync(id);
        agreement.Kind.Should().Be(AgreementKind.OperatingAgreement);
        agreement.Level.Should().BeNull();
    }

    [Fact]
    public async Task R1_a_signed_agreement_is_refused_with_the_domains_words_and_nothing_changes()
    {
        Guid id;
        await using (var setup = App.Database.CreateDbContext())
        {
            var rhf = await setup.Parties.SingleAsync(p => p.Name == "Helse Sør-Øst RHF");
            var specialist = await setup.Parties.SingleAsync(p => p.Name == "Eksempel Hjertelund");
            var signed = AgreementScenarios.OperatingDraft(rhf, specialist, "Signert driftsavtale").SignedByAll();
            setup.Agreements.Add(signed);
            await setup.SaveChangesAsync();
            id = signed.Id;
        }

        const string refusal = "Bare et utkast kan endres. Avtalen har status «Gjeldende»; en signert avtale endres ved å lage en ny versjon (R1).";
        (await Editor.GetHeaderAsync(Caseworker, id))!.Refusal.Should().Be(refusal);
        var form = (await Editor.GetDetailsAsync(Caseworker, id))!;
        form.Title = "Endret etter signering";
        var details = await Editor.SaveDetailsAsync(Caseworker, id, form);
        var section = await Editor.AddSectionAsync(Caseworker, id, new SectionForm { Heading = "Tillegg etter signering", Body = "Skal ikke lagres." });
        var party = await Editor.RemovePartyAsync(Caseworker, id, await PartyIdAsync("Helse Sør-Øst RHF"), await VersionAsync(id));

        foreach (var result in new CommandResult[] { details, section, party })
        {
            result.Status.Should().Be(CommandStatus.Refused);
            result.Message.Should().Be(refusal);
        }

        var stored = await StoredAsync(id);
        stored.Title.Should().Be("Signert driftsavtale");
        stored.Sections.Should().ContainSingle();
        stored.Parties.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_missing_agreement_is_not_found_in_every_read_and_command()
    {
        var missing = Guid.NewGuid();

        (await Editor.GetHeaderAsync(Caseworker, missing)).Should().BeNull();
        (await Editor.GetDetailsAsync(Caseworker, missing)).Should().BeNull();
        (await Editor.GetPartiesAsync(Caseworker, missing)).Should().BeNull();
        (await Editor.GetSectionsAsync(Caseworker, missing)).Should().BeNull();
        (await Editor.GetSectionAsync(Caseworker, missing, Guid.NewGuid())).Should().BeNull();
        (await Editor.GetCooperationFormsAsync(Caseworker, missing)).Should().BeNull();
        (await Editor.GetStatutoryAreasAsync(Caseworker, missing)).Should().BeNull();
        (await Editor.SaveDetailsAsync(Caseworker, missing, Operating("Finnes ikke"))).Status.Should().Be(CommandStatus.NotFound);
        (await Editor.AddPartyAsync(Caseworker, missing, await PartyIdAsync("Helse Sør-Øst RHF"), 1)).Status.Should().Be(CommandStatus.NotFound);
        (await Editor.AddSectionAsync(Caseworker, missing, new SectionForm { Heading = "X" })).Status.Should().Be(CommandStatus.NotFound);
        (await Editor.SaveStatutoryAreasAsync(Caseworker, missing, [1], 1)).Status.Should().Be(CommandStatus.NotFound);
        (await Editor.SaveCooperationFormsAsync(Caseworker, missing, new CooperationFormsForm())).Status.Should().Be(CommandStatus.NotFound);
    }

    [Fact]
    public async Task A_section_of_another_agreement_is_not_found()
    {
        var mine = await CreateAsync(Operating("Driftsavtale med eget avsnitt"));
        var other = await CreateAsync(Operating("Driftsavtale med annet avsnitt"));
        var section = (await Editor.AddSectionAsync(Caseworker, other, new SectionForm { Heading = "Annet", Body = "Tekst" })).Value;

        (await Editor.GetSectionAsync(Caseworker, mine, section)).Should().BeNull();
        (await Editor.SaveSectionAsync(Caseworker, mine, section, new SectionForm { Heading = "Kapret" })).Status.Should().Be(CommandStatus.NotFound);
        (await Editor.DeleteSectionAsync(Caseworker, mine, section)).Status.Should().Be(CommandStatus.NotFound);
        (await Editor.MoveSectionAsync(Caseworker, mine, section, 1)).Status.Should().Be(CommandStatus.NotFound);
        (await StoredAsync(other)).Sections.Single().Heading.Should().Be("Annet");
    }

    [Fact]
    public async Task Tabs_that_do_not_apply_to_the_kind_are_not_found()
    {
        var id = await CreateAsync(Operating("Driftsavtale uten samarbeidsformer"));

        (await Editor.GetCooperationFormsAsync(Caseworker, id)).Should().BeNull();
        (await Editor.GetStatutoryAreasAsync(Caseworker, id)).Should().BeNull();
        var refused = await Editor.SaveCooperationFormsAsync(Caseworker, id, new CooperationFormsForm
        {
            Version = await VersionAsync(id),
            Rows = [new CooperationFormRow { Form = CooperationForm.DivisionOfWork, Chosen = true }],
        });
        refused.Status.Should().Be(CommandStatus.Refused);
        (await StoredAsync(id)).CooperationForms.Should().BeEmpty();
    }

    [Theory]
    [InlineData(WebClient.CooperationManager)]
    [InlineData(WebClient.Specialist)]
    public async Task Only_caseworkers_and_administrators_may_create_or_edit(string email)
    {
        var id = await CreateAsync(Operating("Driftsavtale for tilgangstest"));
        var user = await App.UserAsync(email);
        var version = await VersionAsync(id);

        (await Editor.CreateAsync(user, Operating("Ikke tillatt"))).Status.Should().Be(CommandStatus.Forbidden);
        (await Editor.SaveDetailsAsync(user, id, Operating("Ikke tillatt"))).Status.Should().Be(CommandStatus.Forbidden);
        (await Editor.AddPartyAsync(user, id, await PartyIdAsync("Helse Sør-Øst RHF"), version)).Status.Should().Be(CommandStatus.Forbidden);
        (await Editor.AddSectionAsync(user, id, new SectionForm { Heading = "Ikke tillatt" })).Status.Should().Be(CommandStatus.Forbidden);
        (await Editor.SaveStatutoryAreasAsync(user, id, [1], version)).Status.Should().Be(CommandStatus.Forbidden);
        (await Editor.GetHeaderAsync(user, id)).Should().BeNull();
        (await Editor.GetDetailsAsync(user, id)).Should().BeNull();
        (await Editor.SearchMunicipalitiesAsync(user, "Bergen")).Should().BeEmpty();
        (await Editor.SearchPartiesAsync(user, id, "Helse")).Should().BeEmpty();
        var stored = await StoredAsync(id);
        stored.Title.Should().Be("Driftsavtale for tilgangstest");
        stored.Parties.Should().BeEmpty();
    }

    [Fact]
    public async Task Administrator_may_create_an_agreement()
    {
        var admin = await App.UserAsync(WebClient.Administrator);

        var result = await Editor.CreateAsync(admin, Operating("Driftsavtale opprettet av administrator"));

        result.Succeeded.Should().BeTrue(result.Message);
        await using var db = App.Database.CreateDbContext();
        (await db.Agreements.AnyAsync(a => a.Id == result.Value)).Should().BeTrue();
    }

    [Fact]
    public async Task The_audit_trail_names_the_caseworker_for_what_the_editor_saves()
    {
        var id = await CreateAsync(Operating("Driftsavtale med revisjonsspor"));

        await using var db = App.Database.CreateDbContext();
        var caseworker = await db.Users.Where(u => u.Email == WebClient.Caseworker).Select(u => u.Id).SingleAsync();
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.EntityId == id.ToString()).ToListAsync();
        entries.Should().NotBeEmpty();
        entries.Should().AllSatisfy(e => e.ActorUserId.Should().Be(caseworker));
    }

    private static void Choose(CooperationFormsForm form, CooperationForm which, string description)
    {
        var row = form.Rows.Single(r => r.Form == which);
        row.Chosen = true;
        row.Description = description;
    }
}
