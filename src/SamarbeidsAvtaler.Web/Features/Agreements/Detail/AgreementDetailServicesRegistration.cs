namespace SamarbeidsAvtaler.Web.Features.Agreements.Detail;

public static class AgreementDetailServicesRegistration
{
    /// <summary>The area's feature services (scoped: one per circuit or request).</summary>
    public static IServiceCollection AddAgreementDetailServices(this IServiceCollection services)
    {
        services.AddScoped<AgreementDetailService>();
        services.AddScoped<AgreementLifecycleService>();
        return services;
    }
}
