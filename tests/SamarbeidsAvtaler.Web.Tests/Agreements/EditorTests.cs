using System.Net;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Testing;
using static SamarbeidsAvtaler.Web.Tests.Agreements.EditorClient;

namespace SamarbeidsAvtaler.Web.Tests.Agreements;

/// <summary>Creating and editing the three kinds of agreement through the forms, as a caseworker would.</summary>
[Collection(AppCollection.Name)]
public sealed class EditorTests(AppFactory app)
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    [Fact]
    public async Task New_agreement_page_offers_the_three_kinds()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var html = await client.GetHtmlAsync("/avtaler/ny");

        html.Should().Contain("/avtaler/ny?type=OperatingAgreement").And.Contain("/avtaler/ny?type=SpecialistCooperationAgreement")
            .And.Contain("/avtaler/ny?type=MunicipalCooperationAgreement").And.NotContain("name=\"Form.Title\"");
    }

    [Fact]
    public async Task Step_1_of_a_driftsavtale_has_defaults_and_states_the_R7_rule()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var html = await client.GetHtmlAsync("/avtaler/ny?type=OperatingAgreement");

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Oslo).DateTime);
        WebClient.InputValue(html, "Form.ValidFrom").Should().Be(today.ToString("yyyy-MM-dd"));
        WebClient.InputValue(html, "Form.PracticeWeeksPerYear").Should().Be("44");
        WebClient.InputValue(html, "Form.NoticePeriodMonths").Should().Be("6");
        IsChecked(html, "Form.Language", "Bokmal").Should().BeTrue();
        html.Should().Contain("Full hjemmel: 37,5 timer per uke i minst 44 uker");
        html.Should().NotContain("name=\"Form.Level\"", "levels belong to kommune–HF agreements only");
        html.Should().NotContain("role=\"status\"", "no search has been made yet");
    }

    [Fact]
    public async Task Driftsavtale_is_created_with_its_practice_position_and_parties()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var bergen = await app.PartyIdAsync("Bergen kommune");
        var fields = Operating("Driftsavtale hudsykdommer Bergen", bergen);
        fields["Form.PracticeSpecialty"] = "Hudsykdommer";
        fields["Form.PracticeSharePercent"] = "50";
        fields["Form.PracticeHoursPerWeek"] = "18,75";
        fields["Form.PracticeStaffing"] = "Én sekretær";
        fields["Form.PracticeProfile"] = "Kroniske hudsykdommer";
        fields["Form.PracticeNormFigures"] = "2 500 konsultasjoner i året";

        var id = await client.CreateAsync(fields);
        await client.AddPartiesAsync(id, await app.PartyIdAsync("Helse Sør-Øst RHF"), await app.PartyIdAsync("Fiktiv Legesen"));

        await using var db = app.Database.CreateDbContext();
        var agreement = await db.Agreements.Include(a => a.Parties).SingleAsync(a => a.Id == id);
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
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var id = await client.CreateAsync(SpecialistCooperation("Samarbeidsavtale øyesykdommer Helse Bergen"));
        await client.AddPartiesAsync(id, await app.PartyIdAsync("Helse Bergen HF"), await app.PartyIdAsync("Demo Spesialistsen"),
            await app.PartyIdAsync("Testa Prøvesen"));
        var saved = await client.PostPairsAsync($"/avtaler/{id}/rediger/samarbeidsformer", "cooperation-forms", CooperationForms("1 200 kroner per tilsyn",
            (CooperationForm.DivisionOfWork, "Henvisninger etter avtalt pasientflyt"),
            (CooperationForm.ProfessionalCooperation, "Felles fagdager to ganger i året"),
            (CooperationForm.InpatientSupervision, "Tilsyn på sengepost ved behov")));

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect, Errors(await saved.HtmlAsync()));
        saved.RedirectPath().Should().Be($"/avtaler/{id}?lagret=1");
        await using var db = app.Database.CreateDbContext();
        var agreement = await db.Agreements.Include(a => a.Parties).Include(a => a.CooperationForms).SingleAsync(a => a.Id == id);
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
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var overarching = await client.CreateAsync(Municipal("Overordna samarbeidsavtale Bergen", "Overarching"));
        var service = await client.CreateAsync(Municipal("Tenesteavtale utskrivingsklare pasientar Bergen", "Service", overarching));
        var areas = await client.PostPairsAsync($"/avtaler/{service}/rediger/lovpunkter", "areas",
            [new("punkter", "1"), new("punkter", "5"), new("punkter", "12")]);
        var supplementary = await client.CreateAsync(Municipal("Særavtale om hospitering Bergen", "Supplementary", service, binding: "false"));

        areas.StatusCode.Should().Be(HttpStatusCode.Redirect, Errors(await areas.HtmlAsync()));
        await using var db = app.Database.CreateDbContext();
        var level1 = await db.Agreements.SingleAsync(a => a.Id == overarching);
        var level2 = await db.Agreements.Include(a => a.StatutoryAreas).SingleAsync(a => a.Id == service);
        var level3 = await db.Agreements.SingleAsync(a => a.Id == supplementary);

        level1.Level.Should().Be(AgreementLevel.Overarching);
        level1.ParentAgreementId.Should().BeNull();
        level1.Language.Should().Be(DocumentLanguage.Nynorsk);
        level1.Replaces.Should().Be("overordnet samarbeidsavtale av 01.07.2012");
        level1.NoticePeriodMonths.Should().Be(12, "a kommune–HF agreement is terminated with one year's notice (R2)");
        level1.NextReviewDate.Should().Be(new DateOnly(2022, 12, 31), "left empty, the review is due by 31 December (R3)");

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
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var ids = new List<Guid>();
        for (var i = 1; i <= 3; i++)
        {
            ids.Add(await client.CreateAsync(Operating($"Nummerert driftsavtale {i}")));
        }

        ids.Add(await client.CreateAsync(SpecialistCooperation("Nummerert samarbeidsavtale")));

        await using var db = app.Database.CreateDbContext();
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
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        Guid specialistId;
        await using (var setup = app.Database.CreateDbContext())
        {
            // A newly registered avtalespesialist: party to no samarbeidsavtale at all.
            var specialist = AgreementScenarios.Specialist("Uten Samarbeidsavtalesen", Numbers.NewHprNumber());
            setup.Parties.Add(specialist);
            await setup.SaveChangesAsync();
            specialistId = specialist.Id;
        }

        var id = await client.CreateAsync(Operating("Driftsavtale uten samarbeidsavtale"));
        var rhf = await app.PartyIdAsync("Helse Sør-Øst RHF");
        await client.AddPartiesAsync(id, rhf, specialistId);
        var signatories = await client.PostFormAsync($"/avtaler/{id}/rediger/parter", "parties", new()
        {
            ["Form.Rows[0].PartyId"] = rhf.ToString(),
            ["Form.Rows[0].SignatoryName"] = "Rita RHF-direktør",
            ["Form.Rows[0].SignatoryTitle"] = "Direktør",
            ["Form.Rows[1].PartyId"] = specialistId.ToString(),
            ["Form.Rows[1].SignatoryName"] = "Uten Samarbeidsavtalesen",
        });
        var section = await client.PostFormAsync($"/avtaler/{id}/rediger/avsnitt", "section", new()
        {
            ["Form.Heading"] = "Formål",
            ["Form.Body"] = "Avtalen gir rett til å drive avtalepraksis med driftstilskudd.",
        });

        signatories.StatusCode.Should().Be(HttpStatusCode.Redirect, Errors(await signatories.HtmlAsync()));
        section.StatusCode.Should().Be(HttpStatusCode.Redirect, Errors(await section.HtmlAsync()));
        await using var db = app.Database.CreateDbContext();
        (await db.Agreements.AnyAsync(a => a.Kind == AgreementKind.SpecialistCooperationAgreement
            && a.Parties.Any(p => p.PartyId == specialistId))).Should().BeFalse();
        var agreement = await db.Agreements.Include(a => a.Parties).Include(a => a.Sections).SingleAsync(a => a.Id == id);
        agreement.SignatureBlockers().Should().BeEmpty("nothing about samarbeidsavtaler may block a driftsavtale (R6)");
        agreement.Invoking(a => a.SendForSignature(DateTimeOffset.UtcNow)).Should().NotThrow();
        agreement.Status.Should().Be(AgreementStatus.AwaitingSignature);
    }

    [Fact]
    public async Task Details_are_edited_and_saved_with_a_redirect_to_the_agreement()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var id = await client.CreateAsync(SpecialistCooperation("Samarbeidsavtale før endring"));
        var edit = await client.GetHtmlAsync($"/avtaler/{id}/rediger");
        WebClient.InputValue(edit, "Form.Title").Should().Be("Samarbeidsavtale før endring");
        var fields = SpecialistCooperation("Samarbeidsavtale etter endring");
        fields["Form.Version"] = WebClient.InputValue(edit, "Form.Version")!;
        fields["Form.ValidTo"] = "2028-01-31";

        var response = await client.PostFormAsync($"/avtaler/{id}/rediger", "details", fields);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, Errors(await response.HtmlAsync()));
        response.RedirectPath().Should().Be($"/avtaler/{id}?lagret=1");
        await using var db = app.Database.CreateDbContext();
        var agreement = await db.Agreements.SingleAsync(a => a.Id == id);
        agreement.Title.Should().Be("Samarbeidsavtale etter endring");
        agreement.ValidTo.Should().Be(new DateOnly(2028, 1, 31));
    }

    [Fact]
    public async Task Saving_details_someone_else_changed_is_refused_and_keeps_the_input()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var id = await client.CreateAsync(Operating("Samtidig driftsavtale"));
        var staleVersion = WebClient.InputValue(await client.GetHtmlAsync($"/avtaler/{id}/rediger"), "Form.Version")!;

        // Another caseworker saves first.
        var first = Operating("Samtidig driftsavtale (endret av en annen)");
        first["Form.Version"] = staleVersion;
        (await client.PostFormAsync($"/avtaler/{id}/rediger", "details", first)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var second = Operating("Min versjon av tittelen");
        second["Form.Version"] = staleVersion;
        second["Form.PracticeAddress"] = "Min «adresse» 7, 5003 Bergen";
        var response = await client.PostFormAsync($"/avtaler/{id}/rediger", "details", second);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.HtmlAsync();
        html.Should().Contain("Noen andre har lagret endringer i denne avtalen");
        WebClient.InputValue(html, "Form.Title").Should().Be("Min versjon av tittelen");
        WebClient.InputValue(html, "Form.PracticeAddress").Should().Be("Min «adresse» 7, 5003 Bergen");
        WebClient.InputValue(html, "Form.Version").Should().NotBe(staleVersion, "a second save is meant to overwrite");
        await using var db = app.Database.CreateDbContext();
        (await db.Agreements.SingleAsync(a => a.Id == id)).Title.Should().Be("Samtidig driftsavtale (endret av en annen)");
    }

    [Fact]
    public async Task Changing_only_the_practice_position_saves_and_a_stale_change_of_it_is_refused()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var id = await client.CreateAsync(Operating("Driftsavtale med endret hjemmel"));
        var version = WebClient.InputValue(await client.GetHtmlAsync($"/avtaler/{id}/rediger"), "Form.Version")!;

        var first = Operating("Driftsavtale med endret hjemmel");
        first["Form.Version"] = version;
        first["Form.PracticeAddress"] = "Ny adresse 2, 5003 Bergen";
        var saved = await client.PostFormAsync($"/avtaler/{id}/rediger", "details", first);

        var stale = Operating("Driftsavtale med endret hjemmel");
        stale["Form.Version"] = version;
        stale["Form.PracticeHoursPerWeek"] = "40";
        var refused = await client.PostFormAsync($"/avtaler/{id}/rediger", "details", stale);

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect, Errors(await saved.HtmlAsync()));
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        (await refused.HtmlAsync()).Should().Contain("Noen andre har lagret endringer i denne avtalen");
        await using var db = app.Database.CreateDbContext();
        var position = (await db.Agreements.SingleAsync(a => a.Id == id)).PracticePosition!;
        position.Address.Should().Be("Ny adresse 2, 5003 Bergen");
        position.HoursPerWeek.Should().Be(37.5m);
    }

    [Fact]
    public async Task R1_a_signed_agreement_shows_the_domains_refusal_and_no_form_and_a_post_changes_nothing()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        Guid id;
        await using (var setup = app.Database.CreateDbContext())
        {
            var rhf = await setup.Parties.SingleAsync(p => p.Name == "Helse Sør-Øst RHF");
            var specialist = await setup.Parties.SingleAsync(p => p.Name == "Eksempel Hjertelund");
            var agreement = AgreementScenarios.OperatingDraft(rhf, specialist, "Signert driftsavtale").SignedByAll();
            setup.Agreements.Add(agreement);
            await setup.SaveChangesAsync();
            id = agreement.Id;
        }

        foreach (var tab in new[] { "", "/parter", "/avsnitt", "/parter?q=Helse" })
        {
            var html = await client.GetHtmlAsync($"/avtaler/{id}/rediger{tab}");
            html.Should().Contain("Bare et utkast kan endres. Avtalen har status «Gjeldende»; en signert avtale endres ved å lage en ny versjon (R1).");
            html.Should().NotContain("name=\"Form.", "a non-draft gets no form ({0})", tab).And.NotContain("Legg til");
        }

        var fields = Operating("Endret etter signering");
        var response = await client.PostWithTokenFromAsync("/avtaler/ny?type=OperatingAgreement", $"/avtaler/{id}/rediger", "details", fields);
        var added = await client.PostWithTokenFromAsync("/avtaler/ny?type=OperatingAgreement", $"/avtaler/{id}/rediger/avsnitt", "section",
            new() { ["Form.Heading"] = "Tillegg etter signering", ["Form.Body"] = "Skal ikke lagres." });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.HtmlAsync()).Should().Contain("Bare et utkast kan endres");
        added.StatusCode.Should().Be(HttpStatusCode.OK);
        (await added.HtmlAsync()).Should().Contain("Bare et utkast kan endres");
        await using var db = app.Database.CreateDbContext();
        var stored = await db.Agreements.Include(a => a.Sections).SingleAsync(a => a.Id == id);
        stored.Title.Should().Be("Signert driftsavtale");
        stored.Sections.Should().ContainSingle();
    }

    [Fact]
    public async Task Editing_a_missing_agreement_is_not_found()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        foreach (var tab in new[] { "", "/parter", "/avsnitt", "/samarbeidsformer", "/lovpunkter", $"/avsnitt/{Guid.NewGuid()}" })
        {
            (await client.GetAsync($"/avtaler/{Guid.NewGuid()}/rediger{tab}")).StatusCode.Should().Be(HttpStatusCode.NotFound, tab);
        }
    }

    [Fact]
    public async Task Tabs_that_do_not_apply_to_the_kind_are_not_offered_and_not_found()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var id = await client.CreateAsync(Operating("Driftsavtale uten samarbeidsformer"));

        var html = await client.GetHtmlAsync($"/avtaler/{id}/rediger");

        html.Should().NotContain("/rediger/samarbeidsformer").And.NotContain("/rediger/lovpunkter");
        (await client.GetAsync($"/avtaler/{id}/rediger/samarbeidsformer")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync($"/avtaler/{id}/rediger/lovpunkter")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(WebClient.CooperationManager)]
    [InlineData(WebClient.Specialist)]
    public async Task Only_caseworkers_and_administrators_may_create_or_edit(string user)
    {
        var caseworker = await app.LoggedInAsync(WebClient.Caseworker);
        var id = await caseworker.CreateAsync(Operating("Driftsavtale for tilgangstest"));
        var client = await app.LoggedInAsync(user);

        foreach (var url in new[] { "/avtaler/ny", "/avtaler/ny?type=OperatingAgreement", $"/avtaler/{id}/rediger", $"/avtaler/{id}/rediger/parter",
                     "/avtaler/velg/kommuner?Form.MunicipalitySearch=Bergen" })
        {
            var response = await client.GetAsync(url);
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden, url);
        }
    }

    [Fact]
    public async Task Samhandlingssjef_gets_403_on_new_agreement()
    {
        var client = await app.LoggedInAsync(WebClient.CooperationManager);

        var response = await client.GetAsync("/avtaler/ny");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.HtmlAsync()).Should().Contain("Du har ikke tilgang");
    }

    [Fact]
    public async Task Administrator_may_create_an_agreement()
    {
        var client = await app.LoggedInAsync(WebClient.Administrator);

        var id = await client.CreateAsync(Operating("Driftsavtale opprettet av administrator"));

        await using var db = app.Database.CreateDbContext();
        (await db.Agreements.AnyAsync(a => a.Id == id)).Should().BeTrue();
    }

    [Fact]
    public async Task Posting_step_1_without_an_antiforgery_token_is_refused()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var fields = Operating("Driftsavtale uten token");
        fields["_handler"] = "details";

        var response = await client.PostAsync("/avtaler/ny?type=OperatingAgreement", new FormUrlEncodedContent(fields));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await using var db = app.Database.CreateDbContext();
        (await db.Agreements.AnyAsync(a => a.Title == "Driftsavtale uten token")).Should().BeFalse();
    }

    [Fact]
    public async Task Adding_a_party_without_an_antiforgery_token_is_refused()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var id = await client.CreateAsync(Operating("Driftsavtale for tokentest"));
        var rhf = await app.PartyIdAsync("Helse Sør-Øst RHF");

        var response = await client.PostAsync($"/avtaler/{id}/rediger/parter",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "add-party", ["partId"] = rhf.ToString() }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await using var db = app.Database.CreateDbContext();
        (await db.AgreementParties.AnyAsync(p => p.AgreementId == id)).Should().BeFalse();
    }

    /// <summary>The samarbeidsformer form as a browser posts it: every row, ticked or not, with its description.</summary>
    internal static IEnumerable<KeyValuePair<string, string>> CooperationForms(string compensation, params (CooperationForm Form, string Description)[] chosen)
    {
        var all = Enum.GetValues<CooperationForm>();
        for (var i = 0; i < all.Length; i++)
        {
            yield return new($"Form.Rows[{i}].Form", all[i].ToString());
            var row = chosen.FirstOrDefault(c => c.Form == all[i]);
            if (row.Description is not null)
            {
                yield return new($"Form.Rows[{i}].Chosen", "true");
                yield return new($"Form.Rows[{i}].Description", row.Description);
            }
        }

        yield return new("Form.Compensation", compensation);
    }

}
