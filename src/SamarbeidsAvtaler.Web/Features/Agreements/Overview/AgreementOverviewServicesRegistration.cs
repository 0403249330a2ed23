namespace SamarbeidsAvtaler.Web.Features.Agreements.Overview;

public static class AgreementOverviewServicesRegistration
{
    /// <summary>The area's feature services (scoped: one per circuit or request).</summary>
    public static IServiceCollection AddAgreementOverviewServices(this IServiceCollection services)
    {
        services.AddScoped<DeadlineService>();
        services.AddScoped<CoverageService>();
        services.AddScoped<TrustOverviewService>();
        return services;
    }
}
