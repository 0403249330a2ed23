using System.Net;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Committees.Fees;
using SamarbeidsAvtaler.Testing;
using static SamarbeidsAvtaler.Web.Tests.Committees.Fees.FeeTestData;

namespace SamarbeidsAvtaler.Web.Tests.Committees.Fees;

/// <summary>The fee pages and downloads over HTTP: CSV and PDF for those who may see the claim, 404 for anyone else, no error on odd input.</summary>
[Collection(AppCollection.Name)]
public sealed class FeeEndpointTests(AppFactory app)
{
    private static readonly DateOnly Day = new(2028, 2, 9);

    private async Task<(Guid Claim, Guid Person)> ClaimWithMeetingAsync()
    {
        var person = await app.FastlegeAsync();
        var claim = await app.ClaimAsync(person, new DateOnly(2028, 2, 1), new DateOnly(2028, 2, 29));
        await app.AddAsync(claim, Activity(FeeActivityKind.Meeting, Day, "10:00", "12:00", inside: true, description: "Møte <b>i</b> utvalet & co"));
        return (claim, person);
    }

    [Fact]
    public async Task Claim_csv_is_semicolon_separated_with_decimal_comma_and_a_total()
    {
        var (claim, _) = await ClaimWithMeetingAsync();
        var client = await app.LoggedInAsync(Caseworker);

        var response = await client.GetAsync($"/honorar/krav/{claim}/krav.csv");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var text = await response.Content.ReadAsStringAsync();
        text.Should().Contain(";09.02.2028;Møte;10:00;12:00;Ja;880,00;2;4;3520,00\r\n").And.Contain("Sum;;;;;;;;;;;;3520,00");
    }

    [Fact]
    public async Task Register_csv_carries_the_filter()
    {
        var (claim, person) = await ClaimWithMeetingAsync();
        var client = await app.LoggedInAsync(Secretariat);

        var text = await (await client.GetAsync($"/honorar/krav.csv?fastlege={person}&status=utkast")).Content.ReadAsStringAsync();

        var rows = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        rows.Should().HaveCount(3, "header, the claim's one line and the total");
        rows[1].Should().StartWith("Test Fastlegesen").And.EndWith("3520,00");
        (await app.ViewAsync(claim)).Total.Should().Be(3520m);
    }

    [Fact]
    public async Task Pdf_of_a_claim_shows_the_heading_the_basis_the_lines_and_the_draft_mark()
    {
        var (claim, _) = await ClaimWithMeetingAsync();
        var view = await app.ViewAsync(claim);
        var client = await app.LoggedInAsync(Caseworker);

        var response = await client.GetAsync($"/honorar/krav/{claim}/krav.pdf");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        // Words as a reader gets them, whatever the line breaks of the layout, without the letters of the
        // slanted draft mark that the text extraction puts between them.
        var words = (await PdfTools.TextAsync(pdf)).Split([' ', '\n', '\r', '\f', '\u00A0', '\u202F'], StringSplitOptions.RemoveEmptyEntries);
        var text = string.Join(' ', words.Where(w => w is not ("U" or "T" or "K" or "A" or "S")));
        text.Should().Contain("Krav om godtgjøring – fastlegerepresentant").And.Contain(view.PersonName).And.Contain("Voss herad")
            .And.Contain("01.02.2028–29.02.2028").And.Contain("per i dag 880 kroner per time").And.Contain("3 520,00 kr")
            .And.Contain("<b>i</b>").And.Contain("UTKAST");
    }

    [Fact]
    public async Task A_user_outside_the_helsefellesskap_gets_404_for_the_claim_its_csv_pdf_and_document()
    {
        var (claim, _) = await ClaimWithMeetingAsync();
        var outside = await app.LoggedInAsync(await app.OutsideLoginAsync());

        foreach (var url in new[] { $"/honorar/krav/{claim}", $"/honorar/krav/{claim}/krav.csv", $"/honorar/krav/{claim}/krav.pdf", $"/honorar/krav/{claim}/dokument" })
        {
            (await outside.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound, url);
        }

        var register = await (await outside.GetAsync("/honorar/krav.csv")).Content.ReadAsStringAsync();
        register.Should().NotContain("Test Fastlegesen").And.NotContain("Kveldsmøte");
    }

    [Fact]
    public async Task An_avtalespesialist_may_not_open_the_fee_pages()
    {
        var client = await app.LoggedInAsync(Specialist);

        (await client.GetAsync("/honorar")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.GetAsync("/honorar/satser")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_demo_draft_page_asks_for_the_multiplier_of_the_evening_meeting()
    {
        await using var db = app.Database.CreateDbContext();
        var draft = await db.FeeClaims.Where(c => c.Status == FeeClaimStatus.Draft && c.Activities.Any(a => a.Description!.StartsWith("Kveldsmøte")))
            .Select(c => c.Id).SingleAsync();
        var client = await app.LoggedInAsync(Secretariat);

        var html = await client.GetHtmlAsync($"/honorar/krav/{draft}");

        html.Should().Contain("Kveldsmøte i områdeutvalet om legevakt").And.Contain("Må velges")
            .And.Contain("Samarbeidsavtalen sier ikke hvilken sats som gjelder for møter og formøter utenfor kontortiden")
            .And.Contain("Kravet kan ikke fullføres ennå");
        (await client.GetHtmlAsync($"/honorar/krav/{draft}/dokument")).Should().Contain("Krav om godtgjøring – fastlegerepresentant");
    }

    [Theory]
    [InlineData("/honorar")]
    [InlineData("/honorar?fastlege=%00&kommune=tull&fra=0001-01-01&til=9999-12-31&status=%00")]
    [InlineData("/honorar?fra=2027-05-02&til=2027-05-01")]
    [InlineData("/honorar/satser")]
    [InlineData("/honorar/krav.csv?fastlege=%00&fra=x")]
    public async Task Fee_pages_load_whatever_the_query(string url)
    {
        var client = await app.LoggedInAsync(Caseworker);

        (await client.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_missing_claim_is_not_found()
    {
        var client = await app.LoggedInAsync(Manager);

        (await client.GetAsync($"/honorar/krav/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync($"/honorar/krav/{Guid.NewGuid()}/krav.pdf")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
