namespace SamarbeidsAvtaler.Web.Features.Deviations.Statistics;

public static class DeviationStatisticsServicesRegistration
{
    /// <summary>The services of deviation statistics (R25) (scoped: one per circuit or request).</summary>
    public static IServiceCollection AddDeviationStatisticsServices(this IServiceCollection services)
    {
        services.AddScoped<DeviationStatisticsService>();
        return services;
    }
}
