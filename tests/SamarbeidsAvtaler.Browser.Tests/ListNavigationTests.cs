using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SamarbeidsAvtaler.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SamarbeidsAvtaler.Browser.Tests;

/// <summary>With htmx running, a list updates in place, but a link in a row still opens its page.</summary>
public sealed class ListNavigationTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Theory]
    [InlineData("/parter", "Haraldsplass", "Haraldsplass Diakonale Sykehus AS")]
    public async Task A_row_link_opens_the_record_after_an_htmx_search(string list, string search, string title)
    {
        var page = await NewPageAsync();
        await LogInAsync(page, "saksbehandler@demo.local");
        await page.GotoAsync(list);

        await page.GetByLabel("Søk", new() { Exact = true }).FillAsync(search);
        var link = page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true });
        await Assertions.Expect(link).ToBeVisibleAsync();
        await link.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = title })).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"{list}/[0-9a-f-]{{36}}$"));
    }
}
