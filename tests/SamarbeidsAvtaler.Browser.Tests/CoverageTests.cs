using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SamarbeidsAvtaler.Browser.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static SamarbeidsAvtaler.Browser.Tests.Infrastructure.AgreementSteps;

namespace SamarbeidsAvtaler.Browser.Tests;

public sealed class CoverageTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    // In the demo data every kommune in Helse Bergen's area is party to the overarching agreement
    // through its områdeutval, and the signed tjenesteavtaler cover points 1, 2–3, 5 and 12 only
    // (11 awaits signature, 13 is a draft). Point 4 is missing for all of them, and no other test
    // adds a tjenesteavtale: this test owns Ulvik herad × point 4.
    private const string Municipality = "Ulvik herad";
    private const string Neighbour = "Voss herad"; // Same områdeutval, not party to the new agreement.
    private const int Point = 4;
    private const string PointTitle = "Døgnopphold for øyeblikkelig hjelp (§ 3-5)";

    [Fact]
    public async Task Coverage_matrix_shows_a_missing_point_turning_covered_after_a_service_agreement_is_added()
    {
        var title = $"Tenesteavtale {Point}: Døgnopphald for augeblikkeleg hjelp i Ulvik {RandomMarker()}";
        var page = await NewPageAsync();
        await LogInAsync(page, "saksbehandler@demo.local");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmeny" }).GetByRole(AriaRole.Link, new() { Name = "§ 6-2-dekning" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "§ 6-2-dekning per kommune", Level = 1 })).ToBeVisibleAsync();
        await ExpectColumnIsPointAsync(page);
        await Expect(Cell(page, Municipality)).ToHaveTextAsync(new Regex(@"^\W*Mangler\s*$"));
        await Expect(Cell(page, Neighbour)).ToHaveTextAsync(new Regex(@"^\W*Mangler\s*$"));

        // A tjenesteavtale (level 2) under Helse Bergen's overarching agreement.
        await page.GotoAsync("/avtaler/ny");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Samarbeidsavtale kommune–HF") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ny samarbeidsavtale kommune–HF", Level = 1 })).ToBeVisibleAsync();
        await WaitForInteractiveAsync(page);
        await page.GetByLabel(Label("Tittel")).FillAsync(title);
        await page.GetByRole(AriaRole.Radio, new() { Name = "Nynorsk", Exact = true }).CheckAsync();
        await FillDateAsync(page, "Gyldig fra", Today);
        await page.GetByRole(AriaRole.Radio, new() { Name = "Tjenesteavtale (nivå 2)", Exact = true }).CheckAsync();
        // Search-and-pick: the server offers the agreements a level 2 agreement may hang under (R4).
        await PickAsync(page, "Overordnet avtale", "Overordna samarbeidsavtale", "Overordna samarbeidsavtale mellom kommunane i Helse Bergen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opprett utkast og fortsett" }).ClickAsync();

        var created = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Utkastet er opprettet med saksnummer" });
        await Expect(created).ToBeVisibleAsync();
        var reference = Regex.Match(await created.InnerTextAsync(), @"KA-\d{4}-\d{4}").Value;
        reference.Should().NotBeEmpty();
        var id = AgreementIdFrom(page);

        await AddPartyAsync(page, "Ulvik", Municipality);
        await AddPartyAsync(page, "Helse Bergen", "Helse Bergen HF");
        await SetSignatoriesAsync(page, (Municipality, "Kari Prøvedal", "Kommunedirektør"), ("Helse Bergen HF", "Ola Demoland", "Administrerande direktør"));
        await AddSectionAsync(page, "Døgnopphald", "Kommunen tilbyr døgnopphald for augeblikkeleg hjelp etter § 3-5, og helseføretaket gjev råd og rettleiing.");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Deler av avtalen" }).GetByRole(AriaRole.Link, new() { Name = "§ 6-2-punkter" }).ClickAsync();
        await WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = $"{Point}. {PointTitle}", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre punktene" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/avtaler/{id}\\?lagret=1$"));
        await Expect(Detail(Overview(page), "Nivå")).ToHaveTextAsync("Tjenesteavtale (nivå 2)");
        await Expect(Detail(Overview(page), "Hører under")).ToContainTextAsync("Overordna samarbeidsavtale mellom kommunane i Helse Bergen");
        var points = page.GetByRole(AriaRole.Region, new() { Name = "Punkter i § 6-2 som avtalen dekker" }).GetByRole(AriaRole.Listitem);
        await Expect(points).ToHaveTextAsync(new[] { $"Punkt {Point}: {PointTitle}" });

        await SendForSignatureAsync(page);
        // A draft or an agreement awaiting signature covers nothing yet.
        await page.GotoAsync("/dekning");
        await Expect(Cell(page, Municipality)).ToHaveTextAsync(new Regex(@"^\W*Mangler\s*$"));

        await page.GotoAsync($"/avtaler/{id}");
        await SignByAllAsync(page, (Municipality, "Kari Prøvedal"), ("Helse Bergen HF", "Ola Demoland"));
        await Expect(Detail(Overview(page), "Status")).ToHaveTextAsync("Gjeldende");

        await page.GotoAsync("/dekning");
        await ExpectColumnIsPointAsync(page);
        var cell = Cell(page, Municipality);
        await Expect(cell).ToHaveTextAsync(new Regex(@"^\W*Dekket"));
        // Only the kommune that is party is covered, not the others in its områdeutval.
        await Expect(Cell(page, Neighbour)).ToHaveTextAsync(new Regex(@"^\W*Mangler\s*$"));

        // The cell links to the covering agreement.
        await cell.GetByRole(AriaRole.Link, new() { Name = $"Dekket av {reference}", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/avtaler/{id}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
    }

    private static ILocator Matrix(IPage page) =>
        page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^§ 6-2-dekning for") });

    // The matrix has one column per point in force, in order after the kommune: column 4 is point 4.
    private static Task ExpectColumnIsPointAsync(IPage page) =>
        Expect(Matrix(page).GetByRole(AriaRole.Columnheader).Nth(Point)).ToHaveAccessibleNameAsync($"Punkt {Point}: {PointTitle}");

    private static ILocator Cell(IPage page, string municipality) =>
        Matrix(page).GetByRole(AriaRole.Row)
            .Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = municipality, Exact = true }) })
            .GetByRole(AriaRole.Cell).Nth(Point - 1);
}
