using System.Net;
using Microsoft.EntityFrameworkCore;

namespace SamarbeidsAvtaler.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class AccessTests(AppFactory app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/parter")]
    [InlineData("/admin/brukere")]
    public async Task Anonymous_user_is_sent_to_log_in(string url)
    {
        var response = await app.CreateBrowserLikeClient().GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.RedirectPath().Should().StartWith("/logg-inn?ReturnUrl=");
    }

    [Theory]
    [InlineData("/logg-inn")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/css/site.css")]
    public async Task Log_in_health_and_static_files_need_no_log_in(string url)
    {
        var response = await app.CreateBrowserLikeClient().GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(WebClient.Caseworker, "/parter", HttpStatusCode.OK)]
    [InlineData(WebClient.Caseworker, "/parter/ny", HttpStatusCode.OK)]
    [InlineData(WebClient.Caseworker, "/admin/brukere", HttpStatusCode.Forbidden)]
    [InlineData(WebClient.Administrator, "/parter/ny", HttpStatusCode.OK)]
    [InlineData(WebClient.Administrator, "/admin/brukere", HttpStatusCode.OK)]
    [InlineData(WebClient.Administrator, "/admin/brukere/ny", HttpStatusCode.OK)]
    [InlineData(WebClient.CooperationManager, "/parter", HttpStatusCode.OK)]
    [InlineData(WebClient.CooperationManager, "/parter/ny", HttpStatusCode.Forbidden)]
    [InlineData(WebClient.CooperationManager, "/admin/brukere", HttpStatusCode.Forbidden)]
    [InlineData(WebClient.Specialist, "/parter", HttpStatusCode.OK)]
    [InlineData(WebClient.Specialist, "/parter/ny", HttpStatusCode.Forbidden)]
    [InlineData(WebClient.Specialist, "/admin/brukere", HttpStatusCode.Forbidden)]
    public async Task Each_role_reaches_exactly_what_it_may(string user, string url, HttpStatusCode expected)
    {
        var client = await app.LoggedInAsync(user);

        var response = await client.GetAsync(url);

        response.StatusCode.Should().Be(expected);
        if (expected == HttpStatusCode.Forbidden)
        {
            (await response.HtmlAsync()).Should().Contain("Du har ikke tilgang");
        }
    }

    [Fact]
    public async Task Samhandlingssjef_reads_the_register_but_cannot_change_it()
    {
        var client = await app.LoggedInAsync(WebClient.CooperationManager);
        await using var db = app.Database.CreateDbContext();
        var bergen = await db.Parties.SingleAsync(p => p.Name == "Helse Bergen HF");

        var detail = await client.GetHtmlAsync($"/parter/{bergen.Id}");
        detail.Should().Contain("Haraldsplass Diakonale Sykehus AS").And.NotContain("/rediger");
        (await client.GetAsync($"/parter/{bergen.Id}/rediger")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Avtalespesialist_sees_only_their_own_party_and_gets_404_for_others()
    {
        var client = await app.LoggedInAsync(WebClient.Specialist);
        await using var db = app.Database.CreateDbContext();
        var own = await db.Parties.SingleAsync(p => p.Name == "Demo Spesialistsen");
        var other = await db.Parties.SingleAsync(p => p.Name == "Testa Prøvesen");

        // The list's rows come from the service (Parties/PartyServiceTests); here the pages' HTTP answers.
        (await client.GetAsync("/parter?type=Specialist")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetHtmlAsync($"/parter/{own.Id}")).Should().Contain("9900101");

        var response = await client.GetAsync($"/parter/{other.Id}");
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.HtmlAsync()).Should().NotContain("Testa Prøvesen").And.NotContain("9900102");
    }

    [Fact]
    public async Task Unknown_page_and_unknown_party_give_a_friendly_404()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var page = await client.GetAsync("/finnes/ikke");
        page.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await page.HtmlAsync()).Should().Contain("Siden finnes ikke").And.Contain("lang=\"nb\"");

        var party = await client.GetAsync($"/parter/{Guid.NewGuid()}");
        party.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await party.HtmlAsync()).Should().Contain("finnes ikke").And.Contain("lang=\"nb\"");
    }
}
