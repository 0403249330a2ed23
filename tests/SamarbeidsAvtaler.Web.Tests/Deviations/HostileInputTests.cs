using System.Net;

namespace SamarbeidsAvtaler.Web.Tests.Deviations;

/// <summary>Whatever a URL carries, the deviation and dispute pages and exports answer without a server error.</summary>
[Collection(AppCollection.Name)]
public sealed class HostileInputTests(AppFactory app)
{
    private static readonly string Long = new('x', 5000);

    [Theory]
    [InlineData("/avvik?q=%00%01&status=Tull&kategori=%27%22&part=ikke-en-guid&fra=31.02.2026&til=0000-00-00&apne=ja&forfalt=%00")]
    [InlineData("/avvik/eksport.csv?q=%00%01&status=Tull&kategori=%27&part=00000000-0000-0000-0000-000000000000&fra=01.01.0001&til=31.12.9999")]
    [InlineData("/avvik/eksport.csv?q=LONG&fra=9999-99-99")]
    [InlineData("/avvik/statistikk.csv?fra=0001-01&til=9999-12&omrade=%00&part=LONG&kategori=LONG")]
    [InlineData("/tvister?sok=%00%27%22&trinn=99&status=LONG")]
    [InlineData("/avvik/ny?part=%00")]
    [InlineData("/tvister/ny?avtale=LONG")]
    public async Task Hostile_query_strings_give_a_page_or_a_file_never_a_server_error(string url)
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var response = await client.GetAsync(url.Replace("LONG", Long, StringComparison.Ordinal));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/avvik/00000000-0000-0000-0000-000000000000")]
    [InlineData("/tvister/00000000-0000-0000-0000-000000000000")]
    [InlineData("/avvik/ikke-en-sak")]
    public async Task An_unknown_case_is_a_friendly_404(string url)
    {
        var client = await app.LoggedInAsync(WebClient.Municipality);

        var response = await client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
