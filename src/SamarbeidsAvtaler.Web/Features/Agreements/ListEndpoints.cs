namespace SamarbeidsAvtaler.Web.Features.Agreements;

public static class AgreementListEndpoints
{
    /// <summary>Minimal-API endpoints of this area (downloads, exports, htmx fragments).</summary>
    public static IEndpointRouteBuilder MapAgreementListEndpoints(this IEndpointRouteBuilder app) => app;
}
