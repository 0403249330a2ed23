namespace SamarbeidsAvtaler.Web.Features.Users;

public static class UserServicesRegistration
{
    /// <summary>The area's feature services (scoped: one per circuit or request).</summary>
    public static IServiceCollection AddUserServices(this IServiceCollection services)
    {
        services.AddScoped<UserService>();
        return services;
    }
}
