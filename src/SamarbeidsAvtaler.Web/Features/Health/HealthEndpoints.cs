using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Infrastructure.Migrations;
using SamarbeidsAvtaler.Infrastructure.Pdf;

namespace SamarbeidsAvtaler.Web.Features.Health;

public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddAppHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: [ReadyTag])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [ReadyTag])
            .AddCheck<PdfHealthCheck>("pdf", tags: [ReadyTag]);
        return services;
    }

    /// <summary>Overall status first, then each check, so an operator sees which part is degraded.</summary>
    private static Task WriteReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var lines = report.Entries.Select(e => $"{e.Key}: {e.Value.Status}{(e.Value.Description is { } d ? $" ({d})" : "")}");
        return context.Response.WriteAsync(string.Join('\n', lines.Prepend(report.Status.ToString())) + "\n");
    }

    public static IEndpointRouteBuilder MapAppHealthChecks(this IEndpointRouteBuilder app)
    {
        // Live: the process answers. Ready: it can serve, with the database reachable and migrated.
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new()
        {
            Predicate = c => c.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReportAsync,
        }).AllowAnonymous();
        return app;
    }
}

/// <summary>Without Chromium the app still serves everything but PDFs: degraded, not down.</summary>
internal sealed class PdfHealthCheck(PdfRenderer renderer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(renderer.IsChromiumInstalled
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded("Chromium is missing: PDF documents are unavailable."));
}

internal sealed class MigrationsHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = await new MigrationRunner(db.Database.GetConnectionString()!).GetPendingAsync(cancellationToken);
            return pending.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"Pending migrations: {string.Join(", ", pending)}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Could not read the migration history.", e);
        }
    }
}
