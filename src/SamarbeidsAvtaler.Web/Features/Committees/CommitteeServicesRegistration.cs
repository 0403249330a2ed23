namespace SamarbeidsAvtaler.Web.Features.Committees;

public static class CommitteeServicesRegistration
{
    /// <summary>The area's feature services (scoped: one per circuit or request).</summary>
    public static IServiceCollection AddCommitteeServices(this IServiceCollection services)
    {
        services.AddScoped<ICommitteeService, CommitteeService>();
        services.AddScoped<IPersonService, PersonService>();
        services.AddScoped<IMemberService, MemberService>();
        return services;
    }
}
