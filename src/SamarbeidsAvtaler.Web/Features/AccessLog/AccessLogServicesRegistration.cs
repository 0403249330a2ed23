namespace SamarbeidsAvtaler.Web.Features.AccessLog;

public static class AccessLogServicesRegistration
{
    /// <summary>The area's feature services (scoped: one per circuit or request).</summary>
    public static IServiceCollection AddAccessLogServices(this IServiceCollection services)
    {
        services.AddScoped<AccessLogService>();
        return services;
    }
}
