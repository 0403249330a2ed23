namespace SamarbeidsAvtaler.Web.Features.Committees.Meetings;

public static class MeetingServicesRegistration
{
    /// <summary>The meetings' services (scoped: one per circuit or request). The PDF renderer itself is registered with the agreement documents.</summary>
    public static IServiceCollection AddMeetingServices(this IServiceCollection services)
    {
        services.AddScoped<IMeetingService, MeetingService>();
        services.AddScoped<MinutesPdfService>();
        return services;
    }
}
