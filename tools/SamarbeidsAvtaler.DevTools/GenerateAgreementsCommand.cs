using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Infrastructure.Migrations;
using SamarbeidsAvtaler.Infrastructure.Seeding;

namespace SamarbeidsAvtaler.DevTools;

/// <summary>
/// <c>generate-agreements --count N</c>: adds N synthetic agreements (and, the first time, the
/// synthetic parties they need) for load and search tests. Refused in Production: the rows are
/// invented and bypass the audit trail.
/// </summary>
public static class GenerateAgreementsCommand
{
    public const string Name = "generate-agreements";
    public const int DefaultCount = 100_000;
    public const int MaxCount = 5_000_000;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (services.GetRequiredService<IHostEnvironment>().IsProduction())
        {
            await Console.Error.WriteLineAsync("generate-agreements lager oppdiktede avtaler og er ikke tillatt i Production.");
            return 1;
        }

        var countText = Option(args, "--count");
        var count = DefaultCount;
        if (countText is not null && (!int.TryParse(countText, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxCount))
        {
            await Console.Error.WriteLineAsync($"Bruk: {Name} [--count N] (N mellom 1 og {MaxCount}; standard {DefaultCount})");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var connectionString = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetConnectionString()!;
        await new MigrationRunner(connectionString).MigrateAsync();

        var register = new SyntheticRegister(connectionString, services.GetRequiredService<TimeProvider>(), Console.WriteLine);
        var result = await register.GenerateAsync(count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Agreements} syntetiske avtaler opprettet på {result.Elapsed.TotalSeconds:0.0} s ({string.Join(", ", result.ByStatus.Select(s => $"{s.Key}: {s.Value}"))})."));
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
