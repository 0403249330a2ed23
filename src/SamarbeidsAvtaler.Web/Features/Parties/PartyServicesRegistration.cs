using SamarbeidsAvtaler.Web.Features.Audit;

namespace SamarbeidsAvtaler.Web.Features.Parties;

public static class PartyServicesRegistration
{
    /// <summary>The area's feature services (scoped: one per circuit or request).</summary>
    public static IServiceCollection AddPartyServices(this IServiceCollection services)
    {
        services.AddScoped<IPartyService, PartyService>();
        // The history on the party page (and the user and agreement pages) is this area's component.
        services.AddScoped<AuditHistoryService>();
        return services;
    }
}
