using Microsoft.EntityFrameworkCore;
using Npgsql;
using SamarbeidsAvtaler.Infrastructure.Auditing;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Infrastructure.Migrations;

namespace SamarbeidsAvtaler.Testing;

/// <summary>
/// A throwaway PostgreSQL database per test (or fixture), so tests never share state and can run in parallel.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private const string DefaultAdminConnection =
        "Host=127.0.0.1;Port=54329;Database=postgres;Username=samarbeid;Password=samarbeid-dev";

    private readonly string _name;

    private TestDatabase(string name, string connectionString)
    {
        _name = name;
        ConnectionString = connectionString;
    }

    /// <summary>A connection to the maintenance database, with the right to create databases.</summary>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("SA_TEST_ADMIN_CONNECTION") is { Length: > 0 } fromEnv ? fromEnv : DefaultAdminConnection;

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(bool migrate = true)
    {
        var name = $"sa_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
        var database = new TestDatabase(name, connectionString);
        if (migrate)
        {
            try
            {
                await new MigrationRunner(connectionString).MigrateAsync();
            }
            catch
            {
                await database.DisposeAsync();
                throw;
            }
        }

        return database;
    }

    public AppDbContext CreateDbContext(IAuditActor? actor = null)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(ConnectionString).Options;
        return new AppDbContext(options, actor);
    }

    public async ValueTask DisposeAsync()
    {
        // Pooled idle connections would otherwise keep the database open; FORCE handles any left in use.
        await using (var own = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(own);
        }

        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", admin);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 10)
            {
                // An autovacuum worker (a superuser process FORCE may not end) visits the database
                // now and then; it leaves within moments.
                await Task.Delay(200 * attempt);
            }
        }
    }
}
