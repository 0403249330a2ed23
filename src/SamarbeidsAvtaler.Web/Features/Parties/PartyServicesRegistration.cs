namespace SamarbeidsAvtaler.Web.Features.Parties;

public static class PartyServicesRegistration
{
    /// <summary>The area's feature services (scoped: one per circuit or request).</summary>
    public static IServiceCollection AddPartyServices(this IServiceCollection services)
    {
        return services;
    }
}
