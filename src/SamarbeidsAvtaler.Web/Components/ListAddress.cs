using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace SamarbeidsAvtaler.Web.Components;

/// <summary>
/// Writes a list page's search, filters, sort and page into the address as they change, so a link, a bookmark,
/// reload and the back button restore the list. Each change is a history entry: back steps through the searches.
/// </summary>
/// <remarks>
/// The browser makes the last check, not the server. A search field hands the server its text when it loses
/// focus, and a click on a row link takes the focus: the server hears of the text before it hears of the click,
/// and on a slow network its answer reaches the browser after the row's page has opened. Writing the list's
/// address then would send the user back to the list; in the browser, the address already says they left.
/// </remarks>
public sealed class ListAddress(NavigationManager navigation, IJSRuntime js)
{
    /// <summary>Shows <paramref name="query"/> (nulls left out) in the address of the list at <paramref name="path"/>, e.g. "/avtaler".</summary>
    public async Task ShowAsync(string path, IReadOnlyDictionary<string, object?> query)
    {
        var target = navigation.GetUriWithQueryParameters(path, query);
        var current = navigation.ToBaseRelativePath(navigation.Uri);
        var wanted = navigation.ToBaseRelativePath(navigation.ToAbsoluteUri(target).ToString());
        if (current == wanted || !SamePath(current, path))
        {
            return;
        }

        try
        {
            await js.InvokeVoidAsync("samarbeidsAvtaler.showListAddress", path, target);
        }
        catch (JSDisconnectedException)
        {
            // The browser has gone, and the list with it.
        }
    }

    private static bool SamePath(string baseRelative, string path) =>
        string.Equals("/" + baseRelative.Split('?', '#')[0], path, StringComparison.Ordinal);
}
