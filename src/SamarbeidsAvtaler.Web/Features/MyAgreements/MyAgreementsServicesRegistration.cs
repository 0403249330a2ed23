namespace SamarbeidsAvtaler.Web.Features.MyAgreements;

public static class MyAgreementsServicesRegistration
{
    /// <summary>The area's feature services (scoped: one per circuit or request).</summary>
    public static IServiceCollection AddMyAgreementsServices(this IServiceCollection services)
    {
        services.AddScoped<MyAgreementsService>();
        return services;
    }
}
