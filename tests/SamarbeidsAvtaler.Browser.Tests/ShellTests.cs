using Microsoft.Playwright;
using SamarbeidsAvtaler.Browser.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SamarbeidsAvtaler.Browser.Tests;

/// <summary>The application shell by keyboard and on a phone: menu button state, one-row app bar, visible focus.</summary>
public sealed class ShellTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task On_a_phone_the_app_bar_is_one_row_and_the_menu_button_says_whether_the_menu_is_open()
    {
        var page = await NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await LogInAsync(page, "saksbehandler@demo.local");
        await OpenAsync(page, "/");

        var header = page.GetByRole(AriaRole.Banner);
        var box = await header.BoundingBoxAsync();
        box!.Height.Should().BeLessThanOrEqualTo(72, "the app bar must stay one row at 390 px (it wrapped to four rows before)");
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        widths[0].Should().BeLessThanOrEqualTo(widths[1], "the page must not scroll sideways at 390 px");

        var menu = header.GetByRole(AriaRole.Button, new() { Name = "Meny" });
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmeny" });
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Avtaler", Exact = true })).Not.ToBeVisibleAsync();

        await menu.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Avtaler", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Every_control_in_the_shell_shows_a_visible_focus()
    {
        var page = await NewPageAsync();
        await LogInAsync(page, "admin@demo.local");
        await OpenAsync(page, "/");

        // Tab through the skip link, the app bar and the menu: each focused element draws an outline.
        // From the top of the document (after navigation the focus sits on the page's h1).
        await page.Locator("a.app-skip-link").FocusAsync();
        var seen = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            if (i > 0)
            {
                await page.Keyboard.PressAsync("Tab");
            }

            var focus = await page.EvaluateAsync<string[]>(
                "() => { const e = document.activeElement; const s = getComputedStyle(e); return [e.tagName + ' ' + (e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 30), s.outlineStyle, s.outlineWidth]; }");
            seen.Add(string.Join(" | ", focus));
        }

        seen.Should().AllSatisfy(f => f.Should().NotContain("| none |").And.NotEndWith("| 0px").And.NotStartWith("BODY"),
            "every control reached by Tab must show where the keyboard focus is (reached: {0})", string.Join("; ", seen));
    }
}
