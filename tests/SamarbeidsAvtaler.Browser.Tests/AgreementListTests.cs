using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SamarbeidsAvtaler.Browser.Tests.Infrastructure;
using SamarbeidsAvtaler.Domain.Agreements;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SamarbeidsAvtaler.Browser.Tests;

/// <summary>The agreement list as a caseworker uses it: search as you type, filters, the URL as memory, small screens.</summary>
public sealed class AgreementListTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private static ILocator Rows(IPage page) =>
        page.GetByRole(AriaRole.Region, new() { Name = "Avtaler", Exact = true }).Locator("tbody tr");

    /// <summary>How many agreements (not replaced) have the word in their title, in all or in one status: what the list must show.</summary>
    private async Task<int> CountTitledAsync(string word, AgreementStatus? status = null)
    {
        await using var db = Fixture.Database.CreateDbContext();
        return await db.Agreements.CountAsync(a => a.Title.ToLower().Contains(word.ToLower()) && a.Status != AgreementStatus.Replaced
            && (status == null || a.Status == status));
    }

    private static async Task ChooseAsync(IPage page, string label, string option)
    {
        await page.GetByLabel(label, new() { Exact = true }).ClickAsync();
        await MudLists.ChooseAsync(page, MudLists.OpenListItem(page, new Regex($"^\\s*{Regex.Escape(option)}\\s*$")));
    }

    [Fact]
    public async Task Search_and_filter_live_in_the_url_so_reload_and_back_restore_them()
    {
        var all = await CountTitledAsync("Tenesteavtale");
        var active = await CountTitledAsync("Tenesteavtale", AgreementStatus.Active);
        all.Should().BeGreaterThan(active, "the demo data has tjenesteavtaler in more than one status");
        active.Should().BeGreaterThan(0);

        var page = await NewPageAsync();
        await LogInAsync(page, "saksbehandler@demo.local");
        await OpenAsync(page, "/avtaler");

        // Search as you type: the list and the URL follow without a button.
        var search = page.GetByRole(AriaRole.Searchbox, new() { Name = "Søk" });
        await search.FillAsync("Tenesteavtale");
        await Expect(page).ToHaveURLAsync(new Regex(@"/avtaler\?q=Tenesteavtale$"));
        await Expect(Rows(page)).ToHaveCountAsync(all);
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"{all} avtaler" })).ToBeVisibleAsync();

        // The filters are folded away until asked for.
        await Expect(page.GetByLabel("Status", new() { Exact = true })).Not.ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis filtre" }).ClickAsync();
        await ChooseAsync(page, "Status", "Gjeldende");
        await Expect(page).ToHaveURLAsync(new Regex(@"/avtaler\?q=Tenesteavtale&status=Active$"));
        await Expect(Rows(page)).ToHaveCountAsync(active);
        await Expect(Rows(page).Filter(new() { HasNotText = "Gjeldende" })).ToHaveCountAsync(0);

        // Reload: the same search, filter and rows, and the filter panel open because a filter is set.
        await page.ReloadAsync();
        await WaitForInteractiveAsync(page);
        await Expect(search).ToHaveValueAsync("Tenesteavtale");
        await Expect(Rows(page)).ToHaveCountAsync(active);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Skjul filtre (1 valgt)" })).ToBeVisibleAsync();

        // Back: the search before the status filter.
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/avtaler\?q=Tenesteavtale$"));
        await WaitForInteractiveAsync(page);
        await Expect(Rows(page)).ToHaveCountAsync(all);
        await Expect(search).ToHaveValueAsync("Tenesteavtale");

        // The CSV link carries the same filter.
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Last ned CSV" })).ToHaveAttributeAsync("href", new Regex(@"/avtaler/eksport\.csv\?q=Tenesteavtale$"));
    }

    [Fact]
    public async Task A_column_header_sorts_and_the_sort_is_kept_in_the_url()
    {
        // The order PostgreSQL gives titles (its collation decides where "11:" goes against "1:").
        string first, last;
        await using (var db = Fixture.Database.CreateDbContext())
        {
            var titles = db.Agreements.Where(a => a.Title.ToLower().Contains("tenesteavtale") && a.Status != AgreementStatus.Replaced);
            first = await titles.OrderBy(a => a.Title).ThenBy(a => a.Id).Select(a => a.Title).FirstAsync();
            last = await titles.OrderByDescending(a => a.Title).ThenBy(a => a.Id).Select(a => a.Title).FirstAsync();
        }

        var page = await NewPageAsync();
        await LogInAsync(page, "saksbehandler@demo.local");
        await OpenAsync(page, "/avtaler?q=Tenesteavtale");
        // Any case: the search ignores it, and among titles of the same date the first may be «… og tenesteavtale 1».
        await Expect(Rows(page).First).ToContainTextAsync("Tenesteavtale", new() { IgnoreCase = true });
        var header = page.GetByRole(AriaRole.Columnheader, new() { Name = "Tittel" }).Locator(".sortable-column-header");

        await header.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/avtaler\?q=Tenesteavtale&sort=tittel$"));
        await Expect(Rows(page).First.GetByRole(AriaRole.Link)).ToHaveTextAsync(first);

        await header.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/avtaler\?q=Tenesteavtale&sort=tittel&retning=synkende$"));
        await Expect(Rows(page).First.GetByRole(AriaRole.Link)).ToHaveTextAsync(last);

        await page.ReloadAsync();
        await WaitForInteractiveAsync(page);
        await Expect(Rows(page).First.GetByRole(AriaRole.Link)).ToHaveTextAsync(last);

        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/avtaler\?q=Tenesteavtale&sort=tittel$"));
        await Expect(Rows(page).First.GetByRole(AriaRole.Link)).ToHaveTextAsync(first);
    }

    [Fact]
    public async Task A_row_link_opens_the_agreement_after_a_search()
    {
        const string Title = "Overordna samarbeidsavtale og tenesteavtale 1";
        var page = await NewPageAsync();
        await LogInAsync(page, "saksbehandler@demo.local");
        await OpenAsync(page, "/avtaler");

        var search = page.GetByRole(AriaRole.Searchbox, new() { Name = "Søk" });
        await search.FillAsync("Overordna");
        await Expect(page).ToHaveURLAsync(new Regex(@"/avtaler\?q=Overordna$"));
        var link = page.GetByRole(AriaRole.Link, new() { Name = Title, Exact = true });
        await Expect(link).ToBeVisibleAsync();

        // Type on and click the row link straight from the field. The click takes the focus, and the field hands
        // the server its text (not yet searched for) on the way out. On a slow network the server's answer comes
        // after the click; typing, leaving and clicking in one go in the page is that case without waiting for it.
        await search.FocusAsync();
        await link.EvaluateAsync(@"(link, text) => {
            const field = document.activeElement;
            field.value = text;
            field.dispatchEvent(new Event('input', { bubbles: true }));
            link.focus();
            link.click();
        }", "Overordna samarbeidsavtale");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = Title })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/avtaler/[0-9a-f-]{36}$"));
    }

    [Fact]
    public async Task On_a_phone_the_first_agreement_shows_without_scrolling_sideways_or_far_down()
    {
        var page = await NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await LogInAsync(page, "saksbehandler@demo.local");
        await OpenAsync(page, "/avtaler");
        await Expect(Rows(page).First.GetByRole(AriaRole.Link)).ToBeVisibleAsync();

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        widths[0].Should().BeLessThanOrEqualTo(widths[1], "the page must not scroll sideways at 390 px");
        var top = await Rows(page).First.EvaluateAsync<double>("row => row.getBoundingClientRect().top");
        top.Should().BeLessThan(844, "the filters are folded away, so the first agreement is on the first screen");
        var titleHeight = await Rows(page).First.GetByRole(AriaRole.Link).EvaluateAsync<double>("a => a.getBoundingClientRect().height");
        titleHeight.Should().BeLessThan(5 * 24, "a title must not wrap to five lines");
    }

    [Fact]
    public async Task At_1280_px_every_column_is_visible_without_sideways_scrolling()
    {
        var page = await NewPageAsync(new ViewportSize { Width = 1280, Height = 900 });
        await LogInAsync(page, "saksbehandler@demo.local");
        // Oldest first: the demo register's titles, not those other tests register today (which come last), so the
        // line counts below do not depend on the tests that ran before.
        await OpenAsync(page, "/avtaler?retning=stigende");
        await Expect(Rows(page).First.GetByRole(AriaRole.Link)).ToBeVisibleAsync();

        var headers = await page.GetByRole(AriaRole.Columnheader).AllInnerTextsAsync();
        headers.Select(h => h.Trim()).Should().Contain(["Referanse", "Tittel", "Type", "Status", "Gyldig fra", "Neste gjennomgang"]);
        // Neither the region nor the grid's own scroll box is wider than what shows.
        var box = await page.GetByRole(AriaRole.Region, new() { Name = "Avtaler", Exact = true })
            .EvaluateAsync<int[]>("el => { const c = el.querySelector('.mud-table-container'); return [el.scrollWidth, el.clientWidth, c.scrollWidth, c.clientWidth]; }");
        box[0].Should().BeLessThanOrEqualTo(box[1], "no column is cut off at 1280 px");
        box[2].Should().BeLessThanOrEqualTo(box[3], "no column is cut off at 1280 px");

        // The title takes the room the other columns do not need: a typical title is two lines, the longest three
        // (they wrapped to four or five beside half-empty columns). An inline link has one box per line.
        var lines = await Rows(page).Locator("a.app-row-title").EvaluateAllAsync<int[]>("links => links.map(a => a.getClientRects().length)");
        lines.Should().NotBeEmpty();
        var shown = string.Join("; ", (await Rows(page).AllInnerTextsAsync()).Zip(lines, (row, n) => $"{n}: {row.ReplaceLineEndings(" | ")}"));
        lines.Order().ElementAt(lines.Length / 2).Should().BeLessThanOrEqualTo(2, $"a typical title fits on two lines at 1280 px ({shown})");
        lines.Max().Should().BeLessThanOrEqualTo(3, $"even the longest title fits on three lines at 1280 px ({shown})");
    }
}
