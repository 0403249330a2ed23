using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SamarbeidsAvtaler.Browser.Tests.Infrastructure;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Parties;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SamarbeidsAvtaler.Browser.Tests;

public sealed class SpecialistTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task Avtalespesialist_sees_exactly_their_agreements_and_downloads_a_pdf()
    {
        // What the register holds for Demo Spesialistsen: one current version per agreement (reference
        // number), not the replaced ones and not a new version still being drafted.
        List<(string Reference, int Version, string Title)> own;
        List<string> others;
        await using (var db = Fixture.Database.CreateDbContext())
        {
            var partyId = await db.Parties.Where(p => p.Name == "Demo Spesialistsen").Select(p => p.Id).SingleAsync();
            var rows = await db.Agreements
                .Where(a => db.AgreementParties.Any(ap => ap.AgreementId == a.Id && ap.PartyId == partyId))
                .Where(a => a.Status != AgreementStatus.Replaced && !(a.Status == AgreementStatus.Draft && a.PreviousVersionId != null))
                .Select(a => new { a.ReferenceNumber, a.VersionNumber, a.Title })
                .ToListAsync();
            own = rows.GroupBy(r => r.ReferenceNumber).Select(g => g.MaxBy(r => r.VersionNumber)!)
                .Select(r => (r.ReferenceNumber, r.VersionNumber, r.Title)).ToList();
            others = await db.Agreements
                .Where(a => !db.AgreementParties.Any(ap => ap.AgreementId == a.Id && ap.PartyId == partyId)
                    && db.AgreementParties.Any(ap => ap.AgreementId == a.Id && db.Parties.Any(p => p.Id == ap.PartyId && p.Kind == PartyKind.Specialist)))
                .Select(a => a.ReferenceNumber).Distinct().ToListAsync();
        }

        own.Should().HaveCountGreaterThanOrEqualTo(2, "the demo data gives Demo Spesialistsen a driftsavtale and a samarbeidsavtale");
        others.Should().NotBeEmpty("the demo data has other specialists' agreements to leave out");

        var page = await NewPageAsync();
        await LogInAsync(page, "spesialist@demo.local");

        // An avtalespesialist lands on their own agreements, not the front page.
        await Expect(page).ToHaveURLAsync(new Regex("/mine-avtaler$"));
        await WaitForInteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mine avtaler", Level = 1 })).ToBeVisibleAsync();

        // One card (a region named by the title) per agreement.
        var cards = page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Region);
        await Expect(cards).ToHaveCountAsync(own.Count);
        (await cards.GetByRole(AriaRole.Heading, new() { Level = 2 }).AllInnerTextsAsync()).Should().BeEquivalentTo(own.Select(o => o.Title));
        (await cards.Locator("dt:text-is('Referanse') + dd").AllInnerTextsAsync()).Should().BeEquivalentTo(own.Select(o => $"{o.Reference}, versjon {o.Version}"));

        // None of another specialist's agreements, and no other specialist's name.
        var text = await page.GetByRole(AriaRole.Main).InnerTextAsync();
        foreach (var reference in others)
        {
            text.Should().NotContain(reference);
        }

        await Expect(page.GetByText("Testa Prøvesen")).ToHaveCountAsync(0);

        // Download the signed driftsavtale as a PDF: the browser gets a file, not a page.
        var operating = own.Single(o => o.Reference.StartsWith("DA-", StringComparison.Ordinal));
        var card = cards.Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = operating.Title, Exact = true }) });

        // The readable HTML version has the same weight as the PDF (the same kind of button), and opens the document.
        var pdf = card.GetByRole(AriaRole.Link, new() { Name = "Last ned PDF", Exact = true });
        var html = card.GetByRole(AriaRole.Link, new() { Name = "Les avtalen", Exact = true });
        (await html.GetAttributeAsync("class")).Should().Be(await pdf.GetAttributeAsync("class"));
        await Expect(html).ToHaveAttributeAsync("href", new Regex("/avtaler/[0-9a-f-]{36}/dokument$"));
        await Expect(card.GetByText("Gjeldende", new() { Exact = true })).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(
            () => card.GetByRole(AriaRole.Link, new() { Name = "Last ned PDF", Exact = true }).ClickAsync(),
            // The first PDF may start the app's own Chromium.
            new() { Timeout = 45_000 });

        download.SuggestedFilename.Should().Be($"{operating.Reference}-v{operating.Version}.pdf");
        (await download.FailureAsync()).Should().BeNull();
        await using var stream = await download.CreateReadStreamAsync();
        var head = new byte[5];
        await stream.ReadExactlyAsync(head);
        System.Text.Encoding.ASCII.GetString(head).Should().Be("%PDF-");
    }
}
