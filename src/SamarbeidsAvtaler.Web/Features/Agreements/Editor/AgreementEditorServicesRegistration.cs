namespace SamarbeidsAvtaler.Web.Features.Agreements.Editor;

public static class AgreementEditorServicesRegistration
{
    /// <summary>The area's feature services (scoped: one per circuit or request).</summary>
    public static IServiceCollection AddAgreementEditorServices(this IServiceCollection services)
    {
        services.AddScoped<AgreementEditorService>();
        return services;
    }
}
