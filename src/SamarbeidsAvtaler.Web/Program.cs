using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Account;
using SamarbeidsAvtaler.Web.Features.Agreements;
using SamarbeidsAvtaler.Web.Features.Agreements.Document;
using SamarbeidsAvtaler.Web.Features.Errors;
using SamarbeidsAvtaler.Web.Features.Health;
using SamarbeidsAvtaler.Web.Features.Users;
using SamarbeidsAvtaler.Web.Setup;

var builder = WebApplication.CreateBuilder(args);

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

if (args.FirstOrDefault() == CreateAdministratorCommand.Name)
{
    return await CreateAdministratorCommand.RunAsync(app.Services, args.Skip(1).ToArray());
}

if (args.FirstOrDefault() == SamarbeidsAvtaler.Web.Features.Agreements.Overview.GenerateAgreementsCommand.Name) return await SamarbeidsAvtaler.Web.Features.Agreements.Overview.GenerateAgreementsCommand.RunAsync(app.Services, args.Skip(1).ToArray());

await app.PrepareDatabaseAsync();

app.UseAppPipeline();
app.MapAppHealthChecks();
app.MapAccountEndpoints();
app.MapErrorPages();
app.MapAgreementListEndpoints();
app.MapAgreementDetailEndpoints();
app.MapAgreementOverviewEndpoints();
app.MapAgreementDocumentEndpoints();
// Pipeline.SecurityHeaders already sends frame-ancestors 'none' on every response: no second CSP header.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);

if (args.FirstOrDefault() == PdfBenchmarkCommand.Name)
{
    return await PdfBenchmarkCommand.RunAsync(app);
}

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
