using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SamarbeidsAvtaler.Browser.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SamarbeidsAvtaler.Browser.Tests;

public sealed class CooperationManagerTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task Samhandlingssjef_logs_in_and_sees_their_trusts_overview()
    {
        var page = await NewPageAsync();

        await LogInAsync(page, "samhandlingssjef@demo.local");

        await Expect(page).ToHaveURLAsync(new Regex("/oversikt$"));
        await WaitForInteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Oversikt for Helse Bergen HF" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Avtaler etter type og status" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Venter på signatur \\(\\d+\\)$") })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Til gjennomgang eller revisjon \\(\\d+\\)$") })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "§ 6-2-dekning for kommunene" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^Hvilke punkter i § 6-2") })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Last ned fristene som CSV" })).ToHaveAttributeAsync("href", "/frister.csv?dager=90");

        // Helse Bergen's overarching agreement (seed 004) is among the trust's active kommune–HF agreements.
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Antall avtaler per type og status" });
        await table.GetByRole(AriaRole.Row, new() { Name = "Samarbeidsavtale kommune–HF" }).Locator("a[href*='status=Active']").ClickAsync();
        await Expect(page.GetByText("Overordna samarbeidsavtale og tenesteavtale 1").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Deadlines_keep_their_horizon_and_kind_in_the_url_and_overdue_ones_say_since_when()
    {
        var page = await NewPageAsync();
        await LogInAsync(page, "saksbehandler@demo.local");

        await OpenAsync(page, "/frister?dager=365&hva=signatur");
        var grid = page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^Frister de neste 365 dagene") });
        await Expect(grid).ToBeVisibleAsync();
        await Expect(grid.GetByRole(AriaRole.Row).Filter(new() { HasText = "Venter på signatur" }).First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Last ned som CSV" })).ToHaveAttributeAsync("href", new Regex("/frister\\.csv\\?dager=365&hva=signatur$"));

        // Reload restores the same list.
        await page.ReloadAsync();
        await WaitForInteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^Frister de neste 365 dagene") })).ToBeVisibleAsync();

        // Whatever is overdue says since when, never "for N dager siden".
        await OpenAsync(page, "/frister?dager=365");
        await Expect(page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^Frister de neste 365 dagene") })).ToBeVisibleAsync();
        (await page.Locator("main").InnerTextAsync()).Should().NotContain("dager siden");
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1")).Should().BeFalse();
    }
}
