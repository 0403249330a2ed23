using System.Net;
using Microsoft.EntityFrameworkCore;
using static SamarbeidsAvtaler.Web.Tests.Agreements.EditorClient;

namespace SamarbeidsAvtaler.Web.Tests.Agreements;

/// <summary>Wrong input is refused with the domain's Norwegian message beside the field, and what the user typed stays.</summary>
[Collection(AppCollection.Name)]
public sealed class EditorValidationTests(AppFactory app)
{
    [Theory]
    [InlineData("Form.Title", "", "Tittel må fylles ut.")]
    [InlineData("Form.ValidFrom", "", "Gyldig fra må fylles ut.")]
    [InlineData("Form.ValidFrom", "31.02.2026", "Gyldig fra må være en gyldig dato (dd.mm.åååå).")]
    [InlineData("Form.ValidTo", "2025-12-31", "Gyldig til kan ikke være før gyldig fra.")]
    [InlineData("Form.PracticeSharePercent", "0", "Andelen av en hel hjemmel må være mellom 1 og 100 %.")]
    [InlineData("Form.PracticeSharePercent", "hundre", "Andel av hel hjemmel må være et tall, for eksempel 100 eller 50.")]
    [InlineData("Form.PracticeSpecialty", "", "Spesialitet må fylles ut.")]
    [InlineData("Form.PracticeWeeksPerYear", "40", "En driftsavtale forutsetter praksis minst 44 uker i året (R7).")]
    [InlineData("Form.NoticePeriodMonths", "36", "Oppsigelsestiden må være mellom 1 og 24 måneder.")]
    public async Task Invalid_driftsavtale_details_are_refused_beside_the_field_and_kept(string field, string value, string message)
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var title = "Ugyldig driftsavtale " + Guid.NewGuid().ToString("N")[..6];
        var fields = Operating(title);
        fields["Form.PracticeAddress"] = "Kari «Kontakt» Æøå-gata 3";
        fields[field] = value;

        var response = await client.PostFormAsync("/avtaler/ny?type=OperatingAgreement", "details", fields);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.HtmlAsync();
        html.Should().Contain(message).And.Contain("aria-invalid=\"true\"").And.Contain("Skjemaet har feil som må rettes");
        WebClient.InputValue(html, field).Should().Be(value);
        WebClient.InputValue(html, "Form.PracticeAddress").Should().Be("Kari «Kontakt» Æøå-gata 3");
        await using var db = app.Database.CreateDbContext();
        (await db.Agreements.AnyAsync(a => a.Title == title || a.Title == string.Empty)).Should().BeFalse();
    }

    [Fact]
    public async Task R7_thirty_hours_a_week_for_a_full_position_is_refused()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var fields = Operating("Driftsavtale med for få timer");
        fields["Form.PracticeHoursPerWeek"] = "30";

        var response = await client.PostFormAsync("/avtaler/ny?type=OperatingAgreement", "details", fields);

        var html = await response.HtmlAsync();
        html.Should().Contain("En hjemmel på 100 % krever minst 37,5 timer per uke (37,5 timer for full hjemmel, R7).");
        html.Should().Contain("id=\"felt-PracticeHoursPerWeek-feil\"", "the message stands beside the hours field");
        WebClient.InputValue(html, "Form.PracticeHoursPerWeek").Should().Be("30");
        WebClient.InputValue(html, "Form.Title").Should().Be("Driftsavtale med for få timer");
        await using var db = app.Database.CreateDbContext();
        (await db.Agreements.AnyAsync(a => a.Title == "Driftsavtale med for få timer")).Should().BeFalse();
    }

    [Fact]
    public async Task R7_a_half_position_needs_half_the_hours()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var fields = Operating("Halv hjemmel med nok timer");
        fields["Form.PracticeSharePercent"] = "50";
        fields["Form.PracticeHoursPerWeek"] = "18.75";

        var id = await client.CreateAsync(fields);

        await using var db = app.Database.CreateDbContext();
        (await db.Agreements.SingleAsync(a => a.Id == id)).PracticePosition!.HoursPerWeek.Should().Be(18.75m);
    }

    [Fact]
    public async Task R4_level_2_without_a_parent_is_refused()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var response = await client.PostFormAsync("/avtaler/ny?type=MunicipalCooperationAgreement", "details",
            Municipal("Tenesteavtale utan overordna", "Service"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.HtmlAsync();
        html.Should().Contain("En tjenesteavtale må høre under en overordnet samarbeidsavtale (R4).");
        WebClient.InputValue(html, "Form.Title").Should().Be("Tenesteavtale utan overordna");
        IsChecked(html, "Form.Level", "Service").Should().BeTrue();
        IsChecked(html, "Form.Language", "Nynorsk").Should().BeTrue();
        await using var db = app.Database.CreateDbContext();
        (await db.Agreements.AnyAsync(a => a.Title == "Tenesteavtale utan overordna")).Should().BeFalse();
    }

    [Fact]
    public async Task R4_level_2_under_another_level_2_is_refused()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var overarching = await client.CreateAsync(Municipal("Overordna for R4-test", "Overarching"));
        var service = await client.CreateAsync(Municipal("Tenesteavtale for R4-test", "Service", overarching));

        // Not offered by the picker; posted by hand.
        var response = await client.PostFormAsync("/avtaler/ny?type=MunicipalCooperationAgreement", "details",
            Municipal("Tenesteavtale under tenesteavtale", "Service", service));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.HtmlAsync()).Should().Contain("En tjenesteavtale (nivå 2) kan ikke høre under en tjenesteavtale (nivå 2) (R4).");
        await using var db = app.Database.CreateDbContext();
        (await db.Agreements.AnyAsync(a => a.Title == "Tenesteavtale under tenesteavtale")).Should().BeFalse();
    }

    [Fact]
    public async Task R4_level_1_with_agreements_under_it_cannot_become_level_2()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var top = await client.CreateAsync(Municipal("Overordna som skal flyttast", "Overarching"));
        var other = await client.CreateAsync(Municipal("Ein annan overordna", "Overarching"));
        await client.CreateAsync(Municipal("Tenesteavtale under den første", "Service", top));
        var edit = await client.GetHtmlAsync($"/avtaler/{top}/rediger");
        var fields = Municipal("Overordna som skal flyttast", "Service", other);
        fields["Form.Version"] = WebClient.InputValue(edit, "Form.Version")!;

        var response = await client.PostFormAsync($"/avtaler/{top}/rediger", "details", fields);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.HtmlAsync()).Should().Contain("Avtalen har underordnede avtaler (tjenesteavtale (nivå 2)) som ikke kan høre under en tjenesteavtale (nivå 2) (R4).");
    }

    [Fact]
    public async Task R5_level_3_without_a_binding_answer_is_refused()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var overarching = await client.CreateAsync(Municipal("Overordna for R5-test", "Overarching"));

        var response = await client.PostFormAsync("/avtaler/ny?type=MunicipalCooperationAgreement", "details",
            Municipal("Særavtale utan svar om binding", "Supplementary", overarching));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.HtmlAsync();
        html.Should().Contain("En særavtale må si om den er rettslig bindende (R5).");
        IsChecked(html, "Form.ParentAgreementId", overarching.ToString()).Should().BeTrue("the chosen parent is kept");
        IsChecked(html, "Form.Level", "Supplementary").Should().BeTrue();
        await using var db = app.Database.CreateDbContext();
        (await db.Agreements.AnyAsync(a => a.Title == "Særavtale utan svar om binding")).Should().BeFalse();
    }

    [Fact]
    public async Task Kommune_HF_agreement_without_a_level_is_refused()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var response = await client.PostFormAsync("/avtaler/ny?type=MunicipalCooperationAgreement", "details",
            Municipal("Avtale utan nivå", string.Empty));

        (await response.HtmlAsync()).Should().Contain("Velg nivå: overordnet avtale, tjenesteavtale eller særavtale.");
    }

    [Fact]
    public async Task Valid_to_before_valid_from_is_refused_on_the_details_tab_too()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var id = await client.CreateAsync(SpecialistCooperation("Samarbeidsavtale med datofeil"));
        var edit = await client.GetHtmlAsync($"/avtaler/{id}/rediger");
        var fields = SpecialistCooperation("Samarbeidsavtale med datofeil");
        fields["Form.Version"] = WebClient.InputValue(edit, "Form.Version")!;
        fields["Form.ValidTo"] = "2026-01-15";

        var response = await client.PostFormAsync($"/avtaler/{id}/rediger", "details", fields);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.HtmlAsync();
        html.Should().Contain("Gyldig til kan ikke være før gyldig fra.");
        WebClient.InputValue(html, "Form.ValidTo").Should().Be("2026-01-15");
        await using var db = app.Database.CreateDbContext();
        (await db.Agreements.SingleAsync(a => a.Id == id)).ValidTo.Should().BeNull();
    }

    [Fact]
    public async Task A_practice_location_that_is_not_a_kommune_is_refused()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var response = await client.PostFormAsync("/avtaler/ny?type=OperatingAgreement", "details",
            Operating("Driftsavtale med feil sted", await app.PartyIdAsync("Helse Bergen HF")));

        (await response.HtmlAsync()).Should().Contain("Velg en kommune fra søket.");
        await using var db = app.Database.CreateDbContext();
        (await db.Agreements.AnyAsync(a => a.Title == "Driftsavtale med feil sted")).Should().BeFalse();
    }
}
