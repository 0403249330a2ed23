namespace SamarbeidsAvtaler.Web.Components;

public static class Htmx
{
    /// <summary>
    /// True when htmx asks for part of a page: the app then renders the page's own markup without the
    /// document shell and layout, and htmx swaps in the element it selects. Boosted navigation and
    /// history restores still get the whole page.
    /// </summary>
    public static bool IsFragmentRequest(this HttpContext? context) =>
        context is not null
        && context.Request.Headers["HX-Request"] == "true"
        && context.Request.Headers["HX-Boosted"] != "true"
        && context.Request.Headers["HX-History-Restore-Request"] != "true";
}
