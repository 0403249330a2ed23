using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Account;
using SamarbeidsAvtaler.Web.Features.Agreements;
using SamarbeidsAvtaler.Web.Features.Agreements.Document;
using SamarbeidsAvtaler.Web.Features.Committees.Fees;
using SamarbeidsAvtaler.Web.Features.Committees.Meetings;
using SamarbeidsAvtaler.Web.Features.Deviations;
using SamarbeidsAvtaler.Web.Features.Errors;
using SamarbeidsAvtaler.Web.Features.Health;
using SamarbeidsAvtaler.Web.Features.Users;

namespace SamarbeidsAvtaler.Web.Setup;

/// <summary>
/// The app, built and wired in one place: Program runs it, and the developer tools
/// (tools/SamarbeidsAvtaler.DevTools) build the same app to run against.
/// </summary>
public static class AppHost
{
    /// <param name="applicationName">This assembly's name when another program (the developer tools) builds the app.</param>
    public static WebApplication Build(string[] args, string? applicationName = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = applicationName });

        builder.AddSerilogLogging();
        builder.Services.AddDatabase(builder.Configuration);
        builder.Services.AddAppIdentity();
        builder.Services.AddWebUi(builder.Configuration);
        builder.Services.AddFeatureServices();
        builder.Services.AddAppHealthChecks();
        builder.Services.AddAgreementDocuments(builder.Configuration);
        builder.Services.AddAgreementLifecycle();

        var app = builder.Build();
        ProductionGuard.EnsureSafeConfiguration(app.Environment, app.Configuration);
        return app;
    }

    /// <summary>Migrations and start-up data, then the request pipeline and every endpoint.</summary>
    public static async Task UseAppAsync(this WebApplication app)
    {
        await app.PrepareDatabaseAsync();

        app.UseAppPipeline();
        app.MapAppHealthChecks();
        app.MapMemoryDiagnostics(app.Environment);
        app.MapAccountEndpoints();
        app.MapErrorPages();
        app.MapAgreementListEndpoints();
        app.MapAgreementDetailEndpoints();
        app.MapAgreementOverviewEndpoints();
        app.MapAgreementDocumentEndpoints();
        app.MapMeetingEndpoints();
        app.MapFeeEndpoints();
        app.MapDeviationEndpoints();
        // Pipeline.SecurityHeaders already sends frame-ancestors 'none' on every response: no second CSP header.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
    }
}
