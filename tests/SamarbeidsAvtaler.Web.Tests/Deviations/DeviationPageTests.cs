using System.Net;
using static SamarbeidsAvtaler.Web.Tests.Deviations.DeviationTestData;

namespace SamarbeidsAvtaler.Web.Tests.Deviations;

/// <summary>The register's pages over HTTP: they render for the roles that use them, and a case the user may not see does not exist.</summary>
[Collection(AppCollection.Name)]
public sealed class DeviationPageTests(AppFactory app)
{
    [Fact]
    public async Task The_list_the_form_and_a_case_render_for_the_kommune_and_a_case_it_may_not_see_is_not_found()
    {
        var title = "Sidetest " + Guid.NewGuid().ToString("N")[..8];
        var id = await app.ReportAsync(Municipality, await app.FormAsync(await app.AgreementAsync(), title));
        var other = await app.ReportAsync(Caseworker, await app.FormAsync(await app.AgreementAsync("Voss herad"), title, reporting: "Voss herad"));
        var client = await app.LoggedInAsync(Municipality);

        (await client.GetHtmlAsync("/avvik?q=%00&fra=nei")).Should().Contain("Meld avvik");
        (await client.GetHtmlAsync("/avvik/ny")).Should().Contain("Ikke skriv pasientens navn, fødselsnummer eller D-nummer");
        var page = await client.GetHtmlAsync($"/avvik/{id}");
        page.Should().Contain(title).And.Contain("Send til motparten").And.Contain("Historikk");

        (await client.GetAsync($"/avvik/{other}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync($"/avvik/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var specialist = await app.LoggedInAsync(Specialist);
        (await specialist.GetAsync($"/avvik/{id}")).IsSuccessStatusCode.Should().BeFalse();
    }
}
