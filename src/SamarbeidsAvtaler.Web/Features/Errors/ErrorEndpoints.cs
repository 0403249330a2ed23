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
                PageResults.Page<ErrorPage>(new Dictionary<string, object?> { ["Code"] = code, ["RequestId"] = http.TraceIdentifier }))
            .AllowAnonymous()
            .DisableAntiforgery();

        app.Map("/feil", (HttpContext http) =>
                PageResults.Page<ErrorPage>(new Dictionary<string, object?> { ["Code"] = 500, ["RequestId"] = http.TraceIdentifier }))
            .AllowAnonymous()
            .DisableAntiforgery();

        return app;
    }
}
