using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SamarbeidsAvtaler.Browser.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SamarbeidsAvtaler.Browser.Tests;

public sealed class AccountTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task Login_page_shows_error_for_wrong_password_and_log_out_works()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/logg-inn");
        var email = page.GetByLabel("E-post");
        var password = page.GetByLabel("Passord");
        var logIn = page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" });

        await email.FillAsync("saksbehandler@demo.local");
        await password.FillAsync("Feil-passord-2026");
        await logIn.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Feil e-post eller passord" })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/logg-inn"));
        await Expect(email).ToHaveValueAsync("saksbehandler@demo.local");
        await Expect(password).ToHaveValueAsync(string.Empty);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" })).ToHaveCountAsync(0);

        await password.FillAsync(SamarbeidsAvtaler.Infrastructure.Seeding.DemoData.Password);
        await logIn.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(Fixture.BaseAddress, "/").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Velkommen, Sander Saksbehandler", Level = 1 })).ToBeVisibleAsync();
        var header = page.GetByRole(AriaRole.Banner);
        await Expect(header.GetByText("Sander Saksbehandler", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(header.GetByText("Saksbehandler", new() { Exact = true })).ToBeVisibleAsync();

        await header.GetByRole(AriaRole.Button, new() { Name = "Logg ut" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/logg-inn\?utlogget=1$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Logg inn", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Du er logget ut.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" })).ToHaveCountAsync(0);

        // The cookie is really gone: a protected page sends the user back to log in.
        await page.GotoAsync("/parter");
        await Expect(page).ToHaveURLAsync(new Regex(@"/logg-inn\?ReturnUrl=%2Fparter$"));
    }

    [Fact]
    public async Task Keyboard_user_can_skip_to_main_content()
    {
        var page = await NewPageAsync();
        await LogInAsync(page, "saksbehandler@demo.local");
        // Once the circuit runs, the router focuses the page's h1 (FocusOnNavigate). Start from the top of
        // the document, as a keyboard user on a freshly loaded page does, and not in a race with that focus.
        await WaitForInteractiveAsync(page);
        await page.EvaluateAsync("() => { const s = document.createElement('span'); s.tabIndex = -1; document.body.prepend(s); s.focus(); s.remove(); }");

        await page.Keyboard.PressAsync("Tab");
        var skipLink = page.GetByRole(AriaRole.Link, new() { Name = "Hopp til hovedinnhold" });
        await Expect(skipLink).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();
    }
}
