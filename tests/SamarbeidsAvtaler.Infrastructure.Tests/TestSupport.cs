using Npgsql;
using SamarbeidsAvtaler.Infrastructure.Auditing;

namespace SamarbeidsAvtaler.Infrastructure.Tests;

/// <summary>A named user to attribute audit entries to, so tests can tell them from "System".</summary>
internal sealed record TestAuditActor(Guid? UserId, string Name) : IAuditActor
{
    public static TestAuditActor Caseworker { get; } = new(Guid.Parse("0198a7c2-0000-7000-8000-000000000001"), "Sander Saksbehandler");
}

/// <summary>Raw SQL against a test database, for checks that must not go through EF.</summary>
internal static class Sql
{
    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<bool> TableExistsAsync(string connectionString, string table) =>
        await ScalarAsync<bool>(connectionString, $"SELECT to_regclass('public.{table}') IS NOT NULL");
}
