using SamarbeidsAvtaler.Web.Components;

namespace SamarbeidsAvtaler.Web.Features.Errors;

public static class ErrorEndpoints
{
    /// <summary>
    /// Status and error pages as endpoints for every method, because the status-code and exception
    /// middlewares re-execute the original request (a POST included) against these paths.
    /// </summary>
    public static IEndpointRouteBuilder MapErrorPages(this IEndpointRouteBuilder app)
    {
        app.Map("/feil/{code:int}", (int code, HttpContext http) =>
            {
                ForgetAbandonedRender(http);
                return PageResults.Page<ErrorPage>(new Dictionary<string, object?> { ["Code"] = code, ["RequestId"] = http.TraceIdentifier });
            })
            .AllowAnonymous()
            .DisableAntiforgery();

        app.Map("/feil", (HttpContext http) =>
                PageResults.Page<ErrorPage>(new Dictionary<string, object?> { ["Code"] = 500, ["RequestId"] = http.TraceIdentifier }))
            .AllowAnonymous()
            .DisableAntiforgery();

        return app;
    }

    /// <summary>
    /// A page that sets 404 while rendering (a record that is missing or not the user's) is not written out:
    /// since .NET 10 the framework leaves the response to the status-code page, re-executed on the same
    /// response. The first render has already added the <c>blazor-enhanced-nav</c> header, and the error
    /// page's RazorComponentResult adds it again with Headers.Add, which throws on the duplicate and turned
    /// every such 404 into a 500. The header only matters to blazor.web.js, which this app does not use.
    /// </summary>
    private static void ForgetAbandonedRender(HttpContext http) => http.Response.Headers.Remove("blazor-enhanced-nav");
}
