using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SamarbeidsAvtaler.Browser.Tests.Infrastructure;
using SamarbeidsAvtaler.Domain.Auditing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SamarbeidsAvtaler.Browser.Tests;

public sealed class UserAdministrationTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task Administrator_creates_a_user_finds_them_by_searching_and_reload_keeps_the_search()
    {
        var page = await NewPageAsync();
        await LogInAsync(page, "admin@demo.local");
        var marker = Guid.NewGuid().ToString("N")[..8];
        var name = $"Reise Testesen {marker}";

        await OpenAsync(page, "/admin/brukere/ny");
        await page.GetByLabel("Navn", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("E-post", new() { Exact = true }).FillAsync($"reise-{marker}@test.local");
        await MudLists.SelectAsync(page, page.Locator(".mud-input-control.mud-select").Filter(new() { HasText = "Rolle" }), "Samhandlingssjef");
        var party = page.GetByLabel("Helseforetak eller institusjon");
        await party.FillAsync("Bergen");
        await MudLists.ChooseAsync(page, MudLists.OpenListItem(page, "Helse Bergen HF"));
        await page.GetByLabel("Første passord").FillAsync("kort");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();

        // Refused beside the field, and nothing typed is lost.
        await Expect(page.GetByText("Passordet må ha minst 12 tegn.").First).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Navn", new() { Exact = true })).ToHaveValueAsync(name);
        await Expect(party).ToHaveValueAsync(new Regex("Helse Bergen HF"));

        await page.GetByLabel("Første passord").FillAsync("Nytt!Passord2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/admin/brukere/[0-9a-f-]{36}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Historikk" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Helse Bergen HF").Last).ToBeVisibleAsync();

        await OpenAsync(page, "/admin/brukere");
        await page.GetByLabel("Søk på navn eller e-post").FillAsync(marker);

        await Expect(page).ToHaveURLAsync(new Regex($"[?&]q={marker}"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ada Administrator" })).ToHaveCountAsync(0);

        await page.ReloadAsync();
        await WaitForInteractiveAsync(page);

        await Expect(page.GetByLabel("Søk på navn eller e-post")).ToHaveValueAsync(marker);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ada Administrator" })).ToHaveCountAsync(0);

        // Deactivation is a lifecycle action: a dialog says what happens, and the page shows the result at once.
        await page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Deaktiver" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("blir logget ut innen ett minutt");
        await dialog.GetByRole(AriaRole.Button, new() { Name = $"Deaktiver {name}" }).ClickAsync();

        await Expect(page.GetByText("Brukeren er deaktivert og kan ikke logge inn.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Aktiver igjen" })).ToBeVisibleAsync();
        await Expect(page.Locator(".history").GetByText("Deaktivert").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Sorting_the_user_list_is_kept_in_the_url_and_restored_on_reload()
    {
        var page = await NewPageAsync();
        await LogInAsync(page, "admin@demo.local");
        await OpenAsync(page, "/admin/brukere");
        var firstRow = page.Locator("tbody tr").First;
        await Expect(firstRow).ToContainTextAsync("Ada Administrator");

        var emailHeader = page.GetByRole(AriaRole.Columnheader, new() { Name = "E-post" }).GetByText("E-post", new() { Exact = true });
        await emailHeader.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("[?&]sort=e-post"));
        await emailHeader.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("[?&]retning=synkende"));
        await Expect(firstRow).ToContainTextAsync("spesialist@demo.local");

        await page.ReloadAsync();
        await WaitForInteractiveAsync(page);

        await Expect(page).ToHaveURLAsync(new Regex("sort=e-post.*retning=synkende|retning=synkende.*sort=e-post"));
        await Expect(firstRow).ToContainTextAsync("spesialist@demo.local");
    }

    [Fact]
    public async Task Access_log_period_out_of_range_gives_a_message_and_the_filters_live_in_the_url()
    {
        var page = await NewPageAsync();
        await LogInAsync(page, "admin@demo.local");

        await OpenAsync(page, "/admin/tilgangslogg?fra=0001-01-01&til=9999-12-31&bruker=%00");

        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Datoene må ligge mellom 01.01.1900 og 31.12.2199." })).ToBeVisibleAsync();

        await OpenAsync(page, "/admin/tilgangslogg");
        await page.GetByLabel("Bruker", new() { Exact = true }).FillAsync("ingen-slik-bruker");
        await Expect(page).ToHaveURLAsync(new Regex("[?&]bruker=ingen-slik-bruker"));
        await Expect(page.GetByText("Ingen oppføringer passer til søket.")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await WaitForInteractiveAsync(page);
        await Expect(page.GetByLabel("Bruker", new() { Exact = true })).ToHaveValueAsync("ingen-slik-bruker");
    }

    [Fact]
    public async Task Access_log_sorts_oldest_first_from_its_time_header_and_the_order_lives_in_the_url()
    {
        // At least two views far apart, whichever tests ran before.
        await using (var db = Fixture.Database.CreateDbContext())
        {
            var agreement = await db.Agreements.OrderBy(a => a.ReferenceNumber).Select(a => new { a.Id, a.ReferenceNumber, a.VersionNumber }).FirstAsync();
            db.AccessLog.Add(new AccessLogEntry(new DateTimeOffset(2001, 3, 4, 9, 0, 0, TimeSpan.Zero), null, "Testleser", agreement.Id, agreement.ReferenceNumber, agreement.VersionNumber, "Viste avtalen"));
            db.AccessLog.Add(new AccessLogEntry(DateTimeOffset.UtcNow, null, "Testleser", agreement.Id, agreement.ReferenceNumber, agreement.VersionNumber, "Viste avtalen"));
            await db.SaveChangesAsync();
        }

        var page = await NewPageAsync();
        await LogInAsync(page, "admin@demo.local");
        await OpenAsync(page, "/admin/tilgangslogg");
        var grid = page.GetByRole(AriaRole.Region, new() { Name = "Tilgangslogg" });
        var firstTime = grid.Locator("tbody tr").First.Locator("td").First;
        await Expect(firstTime).ToHaveTextAsync(new Regex(@"\d{2}\.\d{2}\.\d{4}"));
        var newest = await firstTime.InnerTextAsync();
        var header = page.GetByRole(AriaRole.Columnheader, new() { Name = "Tidspunkt" });
        await Expect(header).ToHaveAttributeAsync("aria-sort", "descending");

        await header.Locator(".sortable-column-header").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/admin/tilgangslogg\?rekkefolge=eldste$"));
        await Expect(header).ToHaveAttributeAsync("aria-sort", "ascending");
        await Expect(firstTime).Not.ToHaveTextAsync(newest);
        var oldest = await firstTime.InnerTextAsync();
        Parse(oldest).Should().BeBefore(Parse(newest));

        await page.ReloadAsync();
        await WaitForInteractiveAsync(page);
        await Expect(firstTime).ToHaveTextAsync(oldest);
        await Expect(header).ToHaveAttributeAsync("aria-sort", "ascending");

        await header.Locator(".sortable-column-header").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/admin/tilgangslogg$"));
        await Expect(header).ToHaveAttributeAsync("aria-sort", "descending");

        static DateTime Parse(string text) => DateTime.ParseExact(text.Trim(), "dd.MM.yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
    }
}
