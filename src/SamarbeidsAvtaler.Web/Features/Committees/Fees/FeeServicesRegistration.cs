namespace SamarbeidsAvtaler.Web.Features.Committees.Fees;

public static class FeeServicesRegistration
{
    /// <summary>The fastlege fee's services (scoped: one per circuit or request). The PDF renderer is the shared one.</summary>
    public static IServiceCollection AddFeeServices(this IServiceCollection services)
    {
        services.AddScoped<FeeService>();
        services.AddScoped<FeeDocumentService>();
        return services;
    }
}
