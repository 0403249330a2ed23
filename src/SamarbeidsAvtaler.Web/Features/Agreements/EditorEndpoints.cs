namespace SamarbeidsAvtaler.Web.Features.Agreements;

public static class AgreementEditorEndpoints
{
    /// <summary>Minimal-API endpoints of this area (downloads, exports, htmx fragments).</summary>
    public static IEndpointRouteBuilder MapAgreementEditorEndpoints(this IEndpointRouteBuilder app) => app;
}
