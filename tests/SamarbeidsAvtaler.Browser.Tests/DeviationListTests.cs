using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SamarbeidsAvtaler.Browser.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SamarbeidsAvtaler.Browser.Tests;

/// <summary>The deviation register as a caseworker uses it: the sort chosen in a column header is kept in the URL.</summary>
public sealed class DeviationListTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private static ILocator FirstCaseNumber(IPage page) =>
        page.GetByRole(AriaRole.Region, new() { Name = "Avvik", Exact = true }).Locator("tbody tr").First.GetByRole(AriaRole.Link);

    [Fact]
    public async Task A_column_header_sorts_and_reload_and_back_keep_the_sort()
    {
        // A caseworker sees every case; the order is PostgreSQL's.
        string highest, lowest;
        await using (var db = Fixture.Database.CreateDbContext())
        {
            highest = await db.Deviations.OrderByDescending(d => d.CaseNumber).Select(d => d.CaseNumber).FirstAsync();
            lowest = await db.Deviations.OrderBy(d => d.CaseNumber).Select(d => d.CaseNumber).FirstAsync();
        }

        var page = await NewPageAsync();
        await LogInAsync(page, "saksbehandler@demo.local");
        await OpenAsync(page, "/avvik");
        await Expect(FirstCaseNumber(page)).ToBeVisibleAsync();
        var header = page.GetByRole(AriaRole.Columnheader, new() { Name = "Saksnummer" }).Locator(".sortable-column-header");

        await header.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/avvik\?sort=saksnummer$"));
        await Expect(FirstCaseNumber(page)).ToHaveTextAsync(highest);

        await header.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/avvik\?sort=saksnummer&retning=stigende$"));
        await Expect(FirstCaseNumber(page)).ToHaveTextAsync(lowest);

        await page.ReloadAsync();
        await WaitForInteractiveAsync(page);
        await Expect(FirstCaseNumber(page)).ToHaveTextAsync(lowest);
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Saksnummer" })).ToHaveAttributeAsync("aria-sort", "ascending");

        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/avvik\?sort=saksnummer$"));
        await Expect(FirstCaseNumber(page)).ToHaveTextAsync(highest);

        // The CSV is the same list, in the same order.
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Last ned CSV" })).ToHaveAttributeAsync("href", new Regex(@"/avvik/eksport\.csv\?sort=saksnummer$"));
    }
}
