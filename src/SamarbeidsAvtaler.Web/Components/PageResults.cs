using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SamarbeidsAvtaler.Web.Components;

/// <summary>
/// Renders a component from an endpoint: as a whole page (document, layout and all) for a normal
/// request, as a bare fragment for an htmx request. See <see cref="Htmx.IsFragmentRequest"/>.
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
