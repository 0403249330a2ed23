using Microsoft.Playwright;
using SamarbeidsAvtaler.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SamarbeidsAvtaler.Browser.Tests;

public sealed class CooperationManagerTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task Samhandlingssjef_logs_in_and_sees_their_trusts_overview()
    {
        var page = await NewPageAsync();

        await LogInAsync(page, "samhandlingssjef@demo.local");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/oversikt$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Oversikt for Helse Bergen HF" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Avtaler etter type og status" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "§ 6-2-dekning for kommunene" })).ToBeVisibleAsync();

        // Helse Bergen's overarching agreement (seed 004) is among the trust's active kommune–HF agreements.
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Antall avtaler per type og status" });
        await table.GetByRole(AriaRole.Row, new() { Name = "Samarbeidsavtale kommune–HF" }).Locator("a[href*='status=Active']").ClickAsync();
        await Assertions.Expect(page.GetByText("Overordna samarbeidsavtale mellom kommunane i Helse Bergen").First).ToBeVisibleAsync();
    }
}
