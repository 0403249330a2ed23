using System.Net;

namespace SamarbeidsAvtaler.Web.Tests.Users;

/// <summary>First loads of the user and access-log pages (prerendered over HTTP): status codes for odd URLs and other roles.</summary>
[Collection(AppCollection.Name)]
public sealed class UserPageHttpTests(AppFactory app)
{
    [Theory]
    [InlineData("/admin/brukere?q=%00&rolle=%00&status=tull&sort=%00&retning=x&side=x&antall=-1")]
    [InlineData("/admin/brukere?side=99999999999&antall=100000")]
    [InlineData("/admin/tilgangslogg?fra=tull&side=x")]
    [InlineData("/admin/tilgangslogg?fra=0001-01-01&til=9999-12-31&bruker=%00&avtale=%00")]
    [InlineData("/admin/tilgangslogg?fra=2026-05-02&til=2026-05-01")]
    [InlineData("/admin/brukere/ny")]
    public async Task Odd_urls_give_the_page_not_an_error(string url)
    {
        var admin = await app.LoggedInAsync(WebClient.Administrator);

        (await admin.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Out_of_range_period_is_explained_on_first_load()
    {
        var admin = await app.LoggedInAsync(WebClient.Administrator);

        (await admin.GetHtmlAsync("/admin/tilgangslogg?fra=0001-01-01")).Should().Contain("Datoene må ligge mellom 01.01.1900 og 31.12.2199.");
        (await admin.GetHtmlAsync("/admin/tilgangslogg?fra=2026-05-02&til=2026-05-01")).Should().Contain("Fra-datoen er etter til-datoen.");
    }

    [Fact]
    public async Task A_missing_user_is_not_found()
    {
        var admin = await app.LoggedInAsync(WebClient.Administrator);

        (await admin.GetAsync($"/admin/brukere/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(WebClient.Caseworker)]
    [InlineData(WebClient.CooperationManager)]
    [InlineData(WebClient.Specialist)]
    public async Task Other_roles_get_403(string email)
    {
        var client = await app.LoggedInAsync(email);

        (await client.GetAsync("/admin/tilgangslogg")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.GetAsync("/admin/brukere/ny")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
