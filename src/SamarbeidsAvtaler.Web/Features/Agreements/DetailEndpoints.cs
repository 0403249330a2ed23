namespace SamarbeidsAvtaler.Web.Features.Agreements;

public static class AgreementDetailEndpoints
{
    /// <summary>Minimal-API endpoints of this area (downloads, exports, htmx fragments).</summary>
    public static IEndpointRouteBuilder MapAgreementDetailEndpoints(this IEndpointRouteBuilder app) => app;
}
