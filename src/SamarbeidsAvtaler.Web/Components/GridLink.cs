using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace SamarbeidsAvtaler.Web.Components;

/// <summary>
/// A row's link in a data grid: MudLink's look (its default primary colour and underline on hover) as
/// markup of the grid's own render tree. A MudLink is a component, and a component per row cost every idle
/// circuit on the agreement list about 5 KB a row (0.12 of its 1.12 MB). A bUnit test holds these classes to
/// what MudLink renders, so an upgrade that changes them fails there, not silently on screen.
/// </summary>
public static class GridLink
{
    public const string Classes = "mud-typography mud-link mud-primary-text mud-link-underline-hover";

    /// <summary><paramref name="extraClass"/>: the caller's own class after MudLink's, e.g. <c>app-nowrap</c>.</summary>
    public static RenderFragment To(string href, string text, string? extraClass = null) => builder => Write(builder, href, text, extraClass);

    private static void Write(RenderTreeBuilder builder, string href, string text, string? extraClass)
    {
        builder.OpenElement(0, "a");
        builder.AddAttribute(1, "href", href);
        builder.AddAttribute(2, "class", extraClass is null ? Classes : $"{Classes} {extraClass}");
        builder.AddContent(3, text);
        builder.CloseElement();
    }
}
