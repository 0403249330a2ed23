using System.Globalization;
using System.Net;
using System.Runtime;
using System.Text;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace SamarbeidsAvtaler.Web.Features.Health;

/// <summary>
/// Counts the open circuits (one instance for the app: a singleton handler costs a circuit nothing), so the
/// memory benchmark (tools/SamarbeidsAvtaler.DevTools benchmark-circuits) can tell live circuits from pages
/// that lost theirs, and wait for closed ones to be gone before the next reading.
/// </summary>
public sealed class CircuitCounter : CircuitHandler
{
    private int _open;

    public int Open => Volatile.Read(ref _open);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _open);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _open);
        return Task.CompletedTask;
    }
}

/// <summary>
/// <c>GET /dev/memory[?gc=false]</c>, Development only and from this machine only: the open circuits and the
/// process's memory, by default after a full blocking, compacting collection, so the memory benchmark reads what
/// is really retained rather than what the GC has not yet collected. Plain <c>key=value</c> lines.
/// </summary>
public static class MemoryDiagnostics
{
    public static IServiceCollection AddCircuitCounter(this IServiceCollection services)
    {
        services.AddSingleton<CircuitCounter>();
        services.AddSingleton<CircuitHandler>(sp => sp.GetRequiredService<CircuitCounter>());
        return services;
    }

    public static IEndpointRouteBuilder MapMemoryDiagnostics(this IEndpointRouteBuilder app, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment())
        {
            return app;
        }

        app.MapGet("/dev/memory", (HttpContext context, CircuitCounter circuits, bool? gc) =>
        {
            if (context.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote))
            {
                return Results.NotFound();
            }

            if (gc != false)
            {
                // Twice, with the finalizers between: what a finalizer releases is collected by the second.
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            }

            var info = GC.GetGCMemoryInfo(GCKind.Any);
            var text = new StringBuilder();
            void Line(string key, object value) => text.Append(CultureInfo.InvariantCulture, $"{key}={value}\n");
            Line("circuits", circuits.Open);
            Line("gc_forced", gc != false);
            Line("server_gc", GCSettings.IsServerGC);
            Line("managed_bytes", GC.GetTotalMemory(forceFullCollection: false));
            Line("heap_bytes", info.HeapSizeBytes);
            Line("committed_bytes", info.TotalCommittedBytes);
            Line("rss_bytes", Environment.WorkingSet);
            return Results.Text(text.ToString());
        }).AllowAnonymous();
        return app;
    }
}
