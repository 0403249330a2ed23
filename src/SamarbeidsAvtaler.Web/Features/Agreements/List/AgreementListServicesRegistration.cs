namespace SamarbeidsAvtaler.Web.Features.Agreements.List;

public static class AgreementListServicesRegistration
{
    /// <summary>The area's feature services (scoped: one per circuit or request).</summary>
    public static IServiceCollection AddAgreementListServices(this IServiceCollection services)
    {
        services.AddScoped<IAgreementListService, AgreementListService>();
        return services;
    }
}
