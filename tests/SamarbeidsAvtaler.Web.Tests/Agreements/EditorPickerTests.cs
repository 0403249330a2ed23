using System.Net;
using Microsoft.EntityFrameworkCore;
using static SamarbeidsAvtaler.Web.Tests.Agreements.EditorClient;

namespace SamarbeidsAvtaler.Web.Tests.Agreements;

/// <summary>The kommune and parent-agreement pickers: search-and-pick without JavaScript, and as htmx fragments.</summary>
[Collection(AppCollection.Name)]
public sealed class EditorPickerTests(AppFactory app)
{
    private static string Radio(string name, Guid id) => $"name=\"{name}\" value=\"{id}\"";

    [Fact]
    public async Task Without_javascript_the_kommune_search_posts_the_form_back_with_hits_and_keeps_the_input()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var fields = Operating("Driftsavtale som søker kommune");
        fields["Form.Intent"] = "sok-kommune";
        fields["Form.MunicipalitySearch"] = "Berg";

        var response = await client.PostFormAsync("/avtaler/ny?type=OperatingAgreement", "details", fields);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.HtmlAsync();
        html.Should().Contain(Radio("Form.PracticeMunicipalityId", await app.PartyIdAsync("Bergen kommune")))
            .And.NotContain(Radio("Form.PracticeMunicipalityId", await app.PartyIdAsync("Helse Bergen HF")))
            .And.NotContain(Radio("Form.PracticeMunicipalityId", await app.PartyIdAsync("Områdeutval Bergen kommune")))
            .And.NotContain("Skjemaet har feil", "a search is not a save");
        WebClient.InputValue(html, "Form.Title").Should().Be("Driftsavtale som søker kommune");
        WebClient.InputValue(html, "Form.MunicipalitySearch").Should().Be("Berg");
        await using var db = app.Database.CreateDbContext();
        (await db.Agreements.AnyAsync(a => a.Title == "Driftsavtale som søker kommune")).Should().BeFalse();
    }

    [Fact]
    public async Task The_chosen_kommune_stays_chosen_and_is_shown_by_name_on_the_details_tab()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var voss = await app.PartyIdAsync("Voss herad");
        var id = await client.CreateAsync(Operating("Driftsavtale på Voss", voss));

        var html = await client.GetHtmlAsync($"/avtaler/{id}/rediger");

        IsChecked(html, "Form.PracticeMunicipalityId", voss.ToString()).Should().BeTrue();
        html.Should().Contain("Voss herad").And.NotContain("treff", "no search has been made yet");
    }

    [Fact]
    public async Task With_htmx_the_kommune_hits_come_as_a_fragment_of_kommuner_only()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var chosen = await app.PartyIdAsync("Fedje kommune");

        var response = await client.HtmxGetAsync($"/avtaler/velg/kommuner?Form.MunicipalitySearch=bergen&Form.PracticeMunicipalityId={chosen}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.HtmlAsync();
        html.Should().NotContain("<html").And.NotContain("app-header");
        html.Should().Contain(Radio("Form.PracticeMunicipalityId", await app.PartyIdAsync("Bergen kommune")))
            .And.NotContain(Radio("Form.PracticeMunicipalityId", await app.PartyIdAsync("Helse Bergen HF")));
        IsChecked(html, "Form.PracticeMunicipalityId", chosen.ToString()).Should().BeTrue("the current choice stays while searching");
    }

    [Fact]
    public async Task The_parent_search_offers_only_levels_the_agreement_may_hang_under()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var overarching = await client.CreateAsync(Municipal("Overordna Plukketest", "Overarching"));
        var service = await client.CreateAsync(Municipal("Tenesteavtale Plukketest", "Service", overarching));
        await client.CreateAsync(Municipal("Særavtale Plukketest", "Supplementary", service, binding: "true"));

        var forService = await (await client.HtmxGetAsync("/avtaler/velg/overordnede?Form.ParentSearch=plukketest&Form.Level=Service")).HtmlAsync();
        var forSupplementary = await (await client.HtmxGetAsync("/avtaler/velg/overordnede?Form.ParentSearch=Plukketest&Form.Level=Supplementary")).HtmlAsync();
        var forOverarching = await (await client.HtmxGetAsync("/avtaler/velg/overordnede?Form.ParentSearch=Plukketest&Form.Level=Overarching")).HtmlAsync();

        forService.Should().Contain(Radio("Form.ParentAgreementId", overarching)).And.NotContain(Radio("Form.ParentAgreementId", service));
        forSupplementary.Should().Contain(Radio("Form.ParentAgreementId", overarching)).And.Contain(Radio("Form.ParentAgreementId", service))
            .And.NotContain("Særavtale Plukketest");
        forOverarching.Should().NotContain(Radio("Form.ParentAgreementId", overarching), "a level 1 hangs under nothing");
    }

    [Fact]
    public async Task The_parent_search_finds_by_reference_number_without_javascript()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var overarching = await client.CreateAsync(Municipal("Overordna med saksnummer", "Overarching"));
        await using var db = app.Database.CreateDbContext();
        var number = await db.Agreements.Where(a => a.Id == overarching).Select(a => a.ReferenceNumber).SingleAsync();
        var fields = Municipal("Tenesteavtale som søkjer", "Service");
        fields["Form.Intent"] = "sok-overordnet";
        fields["Form.ParentSearch"] = number;

        var response = await client.PostFormAsync("/avtaler/ny?type=MunicipalCooperationAgreement", "details", fields);

        var html = await response.HtmlAsync();
        html.Should().Contain(Radio("Form.ParentAgreementId", overarching)).And.Contain(number);
        WebClient.InputValue(html, "Form.Title").Should().Be("Tenesteavtale som søkjer");
    }
}
