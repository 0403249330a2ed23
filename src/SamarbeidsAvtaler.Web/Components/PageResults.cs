using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SamarbeidsAvtaler.Web.Components;

/// <summary>
/// Renders a static component from an endpoint as a whole page, document and layout (its own
/// <c>@layout</c>, else <c>StaticLayout</c>) and all: the error pages, /verifiser, the PDF-unavailable page.
/// </summary>
public static class PageResults
{
    public static RazorComponentResult<App> Page<TComponent>(IDictionary<string, object?>? parameters = null)
        where TComponent : IComponent =>
        new(new Dictionary<string, object?>
        {
            [nameof(App.Page)] = typeof(TComponent),
            [nameof(App.PageParameters)] = parameters ?? new Dictionary<string, object?>(),
        });
}
