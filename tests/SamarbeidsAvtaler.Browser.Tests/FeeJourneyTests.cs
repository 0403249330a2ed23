using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SamarbeidsAvtaler.Browser.Tests.Infrastructure;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Committees.Fees;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SamarbeidsAvtaler.Browser.Tests;

/// <summary>The fastlege fee (R21) in the browser: the sekretariat makes a claim, answers the question seed 001 leaves open, finalises; axe on the pages.</summary>
public sealed class FeeJourneyTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Secretariat = "sekretariat@demo.local";

    private static ILocator Field(IPage page, ILocator input) => page.Locator(".mud-input-control").Filter(new() { Has = input });

    private static async Task TypeDateAsync(ILocator input, DateOnly date)
    {
        await input.FillAsync(date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
        await input.PressAsync("Tab");
    }

    [Fact]
    public async Task Secretariat_makes_a_claim_is_asked_for_the_multiplier_of_an_evening_meeting_and_finalises_it()
    {
        var next = TimeProvider.System.Today().AddMonths(2);
        var from = new DateOnly(next.Year, next.Month, 1);
        var day = from.AddDays(9);

        var page = await NewPageAsync();
        await LogInAsync(page, Secretariat);
        await OpenAsync(page, "/honorar");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Honorar til fastlegerepresentanter", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("tbody tr").Filter(new() { HasText = "Voss herad" }).First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Nytt krav" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await MudLists.SelectAsync(page, dialog.GetByLabel("Fastlege"), "Områdeutval Voss lokalsjukehusområde");
        // Two kommuner in the Voss area: the user picks, nothing is guessed.
        await Expect(dialog.GetByLabel("Kommune som betaler")).ToHaveValueAsync("");
        await MudLists.SelectAsync(page, dialog.GetByLabel("Kommune som betaler"), "Voss herad");
        await TypeDateAsync(dialog.GetByLabel("Periode fra"), from);
        await TypeDateAsync(dialog.GetByLabel("Periode til"), from.AddMonths(1).AddDays(-1));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Opprett kravet" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/honorar/krav/[0-9a-f-]{36}$"));
        await WaitForInteractiveAsync(page);
        await Expect(page.GetByText("Kravet har ingen aktiviteter ennå.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Legg til aktivitet" }).ClickAsync();

        await MudLists.SelectAsync(page, page.GetByLabel("Aktivitet", new() { Exact = true }), "Møte");
        await TypeDateAsync(page.GetByLabel("Dato", new() { Exact = true }), day);
        await page.GetByLabel("Fra", new() { Exact = true }).FillAsync("18:00");
        var end = page.GetByLabel("Til", new() { Exact = true });
        await end.FillAsync("17:00");
        await end.PressAsync("Tab");

        // Outside office hours (the box is not ticked): seed 001 gives no rate, so the form asks.
        var question = page.GetByTestId("fee-multiplier");
        await Expect(question).ToContainTextAsync("Samarbeidsavtalen sier ikke hvilken sats som gjelder");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre aktiviteten" }).ClickAsync();
        await Expect(Field(page, end).GetByText("Slutt må være etter start.")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Fra", new() { Exact = true })).ToHaveValueAsync("18:00");

        await end.FillAsync("20:00");
        await end.PressAsync("Tab");
        await question.GetByRole(AriaRole.Radio, new() { Name = "To ganger honorarsatsen per time" }).CheckAsync();
        await Expect(page.GetByText("4 påbegynte halvtimer × 880,00 kr × 2 ÷ 2 = 3 520,00 kr")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre aktiviteten" }).ClickAsync();

        await Expect(page.GetByText("Aktiviteten er lagt til.")).ToBeVisibleAsync();
        var line = page.Locator("tbody tr").Filter(new() { HasText = "Møte" }).First;
        await Expect(line).ToContainTextAsync("3 520,00 kr");
        await Expect(line).ToContainTextAsync("2 ×");

        await page.GetByRole(AriaRole.Button, new() { Name = "Fullfør kravet" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Expect(confirm).ToContainTextAsync("3 520,00 kr");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Fullfør" }).ClickAsync();
        await Expect(page.GetByText("Kravet er fullført. Beløpene er låst.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Legg til aktivitet" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_demo_draft_asks_and_the_answer_gives_the_amount()
    {
        var draft = await DemoDraftAsync();
        var page = await NewPageAsync();
        await LogInAsync(page, "saksbehandler@demo.local");
        await OpenAsync(page, $"/honorar/krav/{draft}");

        await Expect(page.GetByText("Kravet kan ikke fullføres ennå:")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Én gang satsen" }).ClickAsync();

        await Expect(page.GetByText("honoreres med én gang satsen")).ToBeVisibleAsync();
        var line = page.Locator("tbody tr").Filter(new() { HasText = "Kveldsmøte" });
        await Expect(line).ToContainTextAsync("1 760,00 kr");
        await Expect(page.GetByText("Kravet kan ikke fullføres ennå:")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Fee_pages_have_no_serious_or_critical_violation()
    {
        var draft = await DemoDraftAsync();
        await using var context = await AxeScan.NewContextAsync(Fixture);
        var page = await context.NewPageAsync();
        await LogInAsync(page, Secretariat);
        var found = new List<string>();
        foreach (var url in new[] { "/honorar", "/honorar/satser", $"/honorar/krav/{draft}", $"/honorar/krav/{draft}/dokument" })
        {
            var response = await page.GotoAsync(url);
            response!.Status.Should().Be(200, url);
            if (await page.Locator("[data-interactive]").CountAsync() > 0)
            {
                await WaitForInteractiveAsync(page);
            }

            found.AddRange((await AxeScan.SeriousViolationsAsync(page)).Select(v => $"{url}: {v}"));
        }

        // The activity form, asking its question, and the new-claim dialog.
        await page.GotoAsync($"/honorar/krav/{draft}");
        await WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Legg til aktivitet" }).ClickAsync();
        await MudLists.SelectAsync(page, page.GetByLabel("Aktivitet", new() { Exact = true }), "Formøte");
        await Expect(page.GetByTestId("fee-multiplier")).ToBeVisibleAsync();
        found.AddRange((await AxeScan.SeriousViolationsAsync(page)).Select(v => $"aktivitetsskjema: {v}"));

        await page.GotoAsync("/honorar");
        await WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Nytt krav" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        found.AddRange((await AxeScan.SeriousViolationsAsync(page)).Select(v => $"nytt krav: {v}"));

        found.Should().BeEmpty();
    }

    private async Task<Guid> DemoDraftAsync()
    {
        await using var db = Fixture.Database.CreateDbContext();
        return await db.FeeClaims.Where(c => c.Status == FeeClaimStatus.Draft && c.Activities.Any(a => a.Description!.StartsWith("Kveldsmøte")))
            .Select(c => c.Id).SingleAsync();
    }
}
