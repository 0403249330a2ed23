using Microsoft.Playwright;
using SamarbeidsAvtaler.Browser.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SamarbeidsAvtaler.Browser.Tests;

public sealed class LayoutTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task Party_list_fits_a_narrow_phone_screen_without_horizontal_scrolling()
    {
        var page = await NewPageAsync(new ViewportSize { Width = 375, Height = 800 });
        await LogInAsync(page, "saksbehandler@demo.local");

        await page.GotoAsync("/parter");
        await Expect(page.GetByRole(AriaRole.Table)).ToBeVisibleAsync();

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        widths[1].Should().Be(375);
        widths[0].Should().BeLessThanOrEqualTo(widths[1], "the page itself must not scroll sideways on a 375 px wide screen (a wide table scrolls inside its own box)");
    }
}
