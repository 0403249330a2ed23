using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SamarbeidsAvtaler.Browser.Tests.Infrastructure;

/// <summary>
/// Picking from an open MudBlazor list (a select's menu or an autocomplete's hits). After the click the
/// component sets its text, moves focus back to its own input and only then closes the list, all over the
/// circuit; a test that types into the next field before the list has closed can have its keystrokes land
/// in the picker. So a pick waits for the list to close, as a user waits to see it close.
/// </summary>
public static class MudLists
{
    private const string OpenListItems = ".mud-popover-open .mud-list-item";

    /// <summary>The items of the open list whose text contains <paramref name="text"/>.</summary>
    public static ILocator OpenListItem(IPage page, string text) => page.Locator(OpenListItems).Filter(new() { HasText = text });

    /// <summary>The items of the open list whose text matches <paramref name="pattern"/>.</summary>
    public static ILocator OpenListItem(IPage page, Regex pattern) => page.Locator(OpenListItems).Filter(new() { HasTextRegex = pattern });

    /// <summary>Clicks the first of <paramref name="items"/> and waits until the list has closed.</summary>
    public static async Task ChooseAsync(IPage page, ILocator items)
    {
        await items.First.ClickAsync();
        await Expect(page.Locator(OpenListItems)).ToHaveCountAsync(0);
    }

    /// <summary>Opens a select and chooses the first item containing <paramref name="text"/>.</summary>
    public static async Task SelectAsync(IPage page, ILocator select, string text)
    {
        await select.ClickAsync();
        await ChooseAsync(page, OpenListItem(page, text));
    }
}
