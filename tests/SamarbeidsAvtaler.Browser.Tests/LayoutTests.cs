using Microsoft.Playwright;
using SamarbeidsAvtaler.Browser.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SamarbeidsAvtaler.Browser.Tests;

public sealed class LayoutTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Theory]
    [InlineData("/parter", ".app-party-grid tbody tr")]
    [InlineData("/parter/ny?type=Specialist", "form")]
    public async Task Party_pages_fit_a_narrow_phone_screen_without_horizontal_scrolling(string url, string content)
    {
        var page = await NewPageAsync(new ViewportSize { Width = 375, Height = 800 });
        await LogInAsync(page, "saksbehandler@demo.local");

        await OpenAsync(page, url);
        await Expect(page.Locator(content).First).ToBeVisibleAsync();

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        widths[1].Should().Be(375);
        widths[0].Should().BeLessThanOrEqualTo(widths[1], "the page itself must not scroll sideways on a 375 px wide screen (a wide table scrolls inside its own box)");
    }

    [Theory]
    [InlineData("/avvik", "table tbody tr a[href^='/avvik/']")]
    [InlineData("/avvik/ny", "form")]
    [InlineData("/avvik/statistikk", ".app-stat-table")]
    [InlineData("/tvister", "table tbody tr a[href^='/tvister/']")]
    public async Task Deviation_pages_fit_a_phone_and_a_kommune_sees_its_first_case_without_scrolling_far(string url, string content)
    {
        var page = await NewPageAsync(new ViewportSize { Width = 375, Height = 800 });
        await LogInAsync(page, "kommune@demo.local");

        await OpenAsync(page, url);
        var first = page.Locator(content).First;
        await Expect(first).ToBeVisibleAsync();
        if (Environment.GetEnvironmentVariable("SA_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "phone" + url.Replace('/', '_') + ".png"), FullPage = true });
        }

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        widths[0].Should().BeLessThanOrEqualTo(widths[1], "the page itself must not scroll sideways on a 375 px wide screen");
        var top = await first.EvaluateAsync<double>("e => e.getBoundingClientRect().top + window.scrollY");
        top.Should().BeLessThan(1200, "the filters must not push the first result or field far down on a phone");
    }
}
