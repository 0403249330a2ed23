namespace SamarbeidsAvtaler.Web.Features.Deviations;

public static class DeviationServicesRegistration
{
    /// <summary>The services of the deviation register (report, list, case page) (scoped: one per circuit or request).</summary>
    public static IServiceCollection AddDeviationServices(this IServiceCollection services)
    {
        return services;
    }
}
