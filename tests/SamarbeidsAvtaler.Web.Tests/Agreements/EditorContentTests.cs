using System.Net;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;
using static SamarbeidsAvtaler.Web.Tests.Agreements.EditorClient;
using static SamarbeidsAvtaler.Web.Tests.Agreements.EditorTests;

namespace SamarbeidsAvtaler.Web.Tests.Agreements;

/// <summary>The text, the samarbeidsformer and the § 6-2 points of a draft.</summary>
[Collection(AppCollection.Name)]
public sealed class EditorContentTests(AppFactory app)
{
    [Fact]
    public async Task Sections_are_added_edited_moved_and_deleted_after_confirmation()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var id = await client.CreateAsync(Operating("Driftsavtale med avsnitt"));
        var url = $"/avtaler/{id}/rediger/avsnitt";
        foreach (var heading in new[] { "Formål", "Hjemmel", "Oppsigelse" })
        {
            var added = await client.PostFormAsync(url, "section", new() { ["Form.Heading"] = heading, ["Form.Body"] = $"Tekst om {heading.ToLowerInvariant()}." });
            added.StatusCode.Should().Be(HttpStatusCode.Redirect, Errors(await added.HtmlAsync()));
        }

        await using var db = app.Database.CreateDbContext();
        async Task<List<(string Heading, int Position)>> Sections() =>
            (await db.AgreementSections.AsNoTracking().Where(s => s.AgreementId == id).OrderBy(s => s.Position).ToListAsync())
            .Select(s => (s.Heading, s.Position)).ToList();
        var ids = await db.AgreementSections.Where(s => s.AgreementId == id).ToDictionaryAsync(s => s.Heading, s => s.Id);

        var moved = await client.PostFormAsync(url, "move-section", new() { ["avsnitt"] = ids["Oppsigelse"].ToString(), ["retning"] = "-1" });
        moved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await Sections()).Should().Equal(("Formål", 1), ("Oppsigelse", 2), ("Hjemmel", 3));

        var edited = await client.PostFormAsync($"{url}/{ids["Formål"]}", "section",
            new() { ["Form.Heading"] = "Formål og bakgrunn", ["Form.Body"] = "Ny tekst\nover to linjer." });
        edited.StatusCode.Should().Be(HttpStatusCode.Redirect, Errors(await edited.HtmlAsync()));

        var confirm = await client.GetHtmlAsync($"{url}/{ids["Oppsigelse"]}/slett");
        confirm.Should().Contain("Slette avsnitt 2 «Oppsigelse»?");
        (await Sections()).Should().HaveCount(3, "showing the confirmation deletes nothing");
        var deleted = await client.PostFormAsync($"{url}/{ids["Oppsigelse"]}/slett", "delete-section", []);
        deleted.StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await Sections()).Should().Equal(("Formål og bakgrunn", 1), ("Hjemmel", 2));
        (await db.AgreementSections.AsNoTracking().SingleAsync(s => s.Id == ids["Formål"])).Body.Should().Be("Ny tekst\nover to linjer.");
        var page = await client.GetHtmlAsync(url);
        page.Should().Contain("1. Formål og bakgrunn").And.Contain("2. Hjemmel");
    }

    [Fact]
    public async Task A_section_without_a_heading_is_refused_and_the_text_is_kept()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var id = await client.CreateAsync(Operating("Driftsavtale med avsnittsfeil"));

        var response = await client.PostFormAsync($"/avtaler/{id}/rediger/avsnitt", "section",
            new() { ["Form.Heading"] = " ", ["Form.Body"] = "Teksten «som» skal bli stående, æøå." });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.HtmlAsync();
        html.Should().Contain("Overskrift må fylles ut.").And.Contain(">Teksten «som» skal bli stående, æøå.</textarea>");
        await using var db = app.Database.CreateDbContext();
        (await db.AgreementSections.AnyAsync(s => s.AgreementId == id)).Should().BeFalse();
    }

    [Fact]
    public async Task Compensation_is_required_when_inpatient_supervision_is_chosen()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var id = await client.CreateAsync(SpecialistCooperation("Samarbeidsavtale med tilsyn"));
        var url = $"/avtaler/{id}/rediger/samarbeidsformer";
        (await client.GetHtmlAsync(url)).Should().Contain("Tilsyn med inneliggende pasienter").And.Contain("Kapasitetsinformasjon");

        var refused = await client.PostPairsAsync(url, "cooperation-forms", CooperationForms(" ",
            (CooperationForm.ProfessionalCooperation, "Felles fagdager"),
            (CooperationForm.InpatientSupervision, "Tilsyn «på» sengepost")));

        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await refused.HtmlAsync();
        html.Should().Contain("Tilsyn med inneliggende pasienter dekkes ikke av takstene: avtalt godtgjøring må fylles ut.")
            .And.Contain("id=\"felt-Compensation-feil\"").And.Contain(">Tilsyn «på» sengepost</textarea>");
        IsChecked(html, "Form.Rows[8].Chosen", "true").Should().BeTrue("the inpatient supervision row stays ticked");
        await using (var db = app.Database.CreateDbContext())
        {
            (await db.Set<AgreementCooperationForm>().AnyAsync(f => f.AgreementId == id)).Should().BeFalse();
        }

        var saved = await client.PostPairsAsync(url, "cooperation-forms", CooperationForms("Timepris etter avtale",
            (CooperationForm.InpatientSupervision, "Tilsyn på sengepost")));
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect, Errors(await saved.HtmlAsync()));
        await using (var db = app.Database.CreateDbContext())
        {
            var agreement = await db.Agreements.Include(a => a.CooperationForms).SingleAsync(a => a.Id == id);
            agreement.Compensation.Should().Be("Timepris etter avtale");
            agreement.CooperationForms.Should().ContainSingle().Which.Form.Should().Be(CooperationForm.InpatientSupervision);
        }

        // Choosing again replaces the choice, keeping what stays.
        var again = await client.PostPairsAsync(url, "cooperation-forms", CooperationForms("Timepris etter avtale",
            (CooperationForm.InpatientSupervision, "Tilsyn på sengepost, endret"),
            (CooperationForm.HolidayCover, "Dekker hverandre i ferier")));
        again.StatusCode.Should().Be(HttpStatusCode.Redirect, Errors(await again.HtmlAsync()));
        await using (var db = app.Database.CreateDbContext())
        {
            (await db.Set<AgreementCooperationForm>().Where(f => f.AgreementId == id).Select(f => f.Form).ToListAsync())
                .Should().BeEquivalentTo([CooperationForm.InpatientSupervision, CooperationForm.HolidayCover]);
        }
    }

    [Fact]
    public async Task Statutory_point_12_is_refused_on_an_agreement_valid_from_before_1_august_2022()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var overarching = await client.CreateAsync(Municipal("Overordna frå 2022", "Overarching", validFrom: "2022-01-01"));
        var service = await client.CreateAsync(Municipal("Tenesteavtale frå juli 2022", "Service", overarching, validFrom: "2022-07-01"));
        var url = $"/avtaler/{service}/rediger/lovpunkter";

        var page = await client.GetHtmlAsync(url);
        page.Should().Contain("id=\"punkt-11\"").And.NotContain("id=\"punkt-12\"", "on 01.07.2022 § 6-2 had 11 points");

        var response = await client.PostPairsAsync(url, "areas", [new("punkter", "3"), new("punkter", "12")]);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.HtmlAsync();
        html.Should().Contain("§ 6-2 punkt 12 gjaldt ikke 01.07.2022. Fra 1. august 2022 har loven 13 punkter, før det 11.");
        IsChecked(html, "punkter", "3").Should().BeTrue("the user's choice is kept");
        await using var db = app.Database.CreateDbContext();
        (await db.AgreementStatutoryAreas.AnyAsync(a => a.AgreementId == service)).Should().BeFalse();
    }

    [Fact]
    public async Task Statutory_points_from_august_2022_are_thirteen_and_a_later_change_of_date_is_checked_again()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var overarching = await client.CreateAsync(Municipal("Overordna frå august 2022", "Overarching"));
        var service = await client.CreateAsync(Municipal("Tenesteavtale om barn og unge", "Service", overarching));
        var url = $"/avtaler/{service}/rediger/lovpunkter";
        (await client.GetHtmlAsync(url)).Should().Contain("id=\"punkt-13\"").And.Contain("Tjenester til barn og unge med behov for sammensatte tjenester");
        (await client.PostPairsAsync(url, "areas", [new("punkter", "13")])).StatusCode.Should().Be(HttpStatusCode.Redirect);

        // Moving the valid-from date to before 1 August 2022 would leave point 13 uncovered by the law.
        var edit = await client.GetHtmlAsync($"/avtaler/{service}/rediger");
        var fields = Municipal("Tenesteavtale om barn og unge", "Service", overarching, validFrom: "2022-06-01");
        fields["Form.Version"] = WebClient.InputValue(edit, "Form.Version")!;
        var response = await client.PostFormAsync($"/avtaler/{service}/rediger", "details", fields);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.HtmlAsync()).Should().Contain("§ 6-2 punkt 13 gjaldt ikke 01.06.2022.");
        await using var db = app.Database.CreateDbContext();
        (await db.Agreements.SingleAsync(a => a.Id == service)).ValidFrom.Should().Be(new DateOnly(2022, 8, 1));
    }

    [Fact]
    public async Task Saving_the_details_of_a_level_2_agreement_keeps_its_points()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var overarching = await client.CreateAsync(Municipal("Overordna for lagring", "Overarching"));
        var service = await client.CreateAsync(Municipal("Tenesteavtale for lagring", "Service", overarching));
        (await client.PostPairsAsync($"/avtaler/{service}/rediger/lovpunkter", "areas", [new("punkter", "2"), new("punkter", "4")]))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var edit = await client.GetHtmlAsync($"/avtaler/{service}/rediger");
        var fields = Municipal("Tenesteavtale for lagring, endra", "Service", overarching);
        fields["Form.Version"] = WebClient.InputValue(edit, "Form.Version")!;

        var response = await client.PostFormAsync($"/avtaler/{service}/rediger", "details", fields);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, Errors(await response.HtmlAsync()));
        await using var db = app.Database.CreateDbContext();
        (await db.AgreementStatutoryAreas.Where(a => a.AgreementId == service).Select(a => a.AreaNumber).ToListAsync())
            .Should().BeEquivalentTo([2, 4]);
    }
}
