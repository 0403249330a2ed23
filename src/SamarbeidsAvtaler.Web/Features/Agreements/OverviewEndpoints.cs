namespace SamarbeidsAvtaler.Web.Features.Agreements;

public static class AgreementOverviewEndpoints
{
    /// <summary>Minimal-API endpoints of this area (downloads, exports, htmx fragments).</summary>
    public static IEndpointRouteBuilder MapAgreementOverviewEndpoints(this IEndpointRouteBuilder app) => app;
}
