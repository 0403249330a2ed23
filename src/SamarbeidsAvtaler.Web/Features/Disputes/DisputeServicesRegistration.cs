namespace SamarbeidsAvtaler.Web.Features.Disputes;

public static class DisputeServicesRegistration
{
    /// <summary>The services of disputes (R23) (scoped: one per circuit or request).</summary>
    public static IServiceCollection AddDisputeServices(this IServiceCollection services)
    {
        services.AddScoped<DisputeService>();
        return services;
    }
}
