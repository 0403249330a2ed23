using SamarbeidsAvtaler.Web.Features.Agreements.Detail;

// In the Agreements namespace, which Program.cs already imports, so wiring it up is one line there.
namespace SamarbeidsAvtaler.Web.Features.Agreements;

public static class AgreementLifecycleRegistration
{
    /// <summary>The expiry service, as a singleton too so a test can run it once directly.</summary>
    public static IServiceCollection AddAgreementLifecycle(this IServiceCollection services)
    {
        services.AddSingleton<AgreementExpiryService>();
        services.AddHostedService(sp => sp.GetRequiredService<AgreementExpiryService>());
        return services;
    }
}
