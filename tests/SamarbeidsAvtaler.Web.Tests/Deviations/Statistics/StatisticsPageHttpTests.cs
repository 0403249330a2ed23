using System.Net;

namespace SamarbeidsAvtaler.Web.Tests.Deviations.Statistics;

/// <summary>The statistics page as the server renders it (prerender): charts with their tables, and who may open it.</summary>
[Collection(AppCollection.Name)]
public sealed class StatisticsPageHttpTests(AppFactory app)
{
    [Fact]
    public async Task R25_statistics_page_renders_the_demo_year_with_tables_for_a_caseworker_and_for_a_kommune()
    {
        foreach (var email in new[] { WebClient.Caseworker, "kommune@demo.local" })
        {
            var client = await app.LoggedInAsync(email);
            var html = WebUtility.HtmlDecode(await client.GetHtmlAsync("/avvik/statistikk"));

            html.Should().Contain("Avviksstatistikk").And.Contain("Avvik per måned (tabell)").And.Contain("Per kategori (tabell)")
                .And.Contain("Svar innen fristen").And.Contain("href=\"/avvik/statistikk.csv", "the CSV of the tables is offered");
        }
    }

    [Fact]
    public async Task R25_bad_filter_values_in_the_url_give_the_default_not_an_error()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var response = await client.GetAsync("/avvik/statistikk?fra=9999-99&til=%00&omrade=tull&part=" + new string('x', 5000) + "&kategori=%27");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain("Avvik per måned (tabell)");
    }

    [Fact]
    public async Task R25_avtalespesialist_may_not_open_the_statistics_nor_its_csv()
    {
        var client = await app.LoggedInAsync("spesialist@demo.local");

        (await client.GetAsync("/avvik/statistikk")).StatusCode.Should().NotBe(HttpStatusCode.OK);
        (await client.GetAsync("/avvik/statistikk.csv")).StatusCode.Should().NotBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task R25_the_csv_holds_the_tables_for_the_pages_filter_and_counts_only()
    {
        var client = await app.LoggedInAsync("kommune@demo.local");

        var response = await client.GetAsync("/avvik/statistikk.csv?kategori=%27");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var csv = await response.Content.ReadAsStringAsync();
        csv.Should().Contain("Antall avvik").And.Contain("Besvart innen fristen").And.Contain("Måned;Antall")
            .And.NotContain("AVVIK-", "the statistics hold counts, never a case");
    }
}
