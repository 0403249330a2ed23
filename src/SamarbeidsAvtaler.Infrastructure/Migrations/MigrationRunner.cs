using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace SamarbeidsAvtaler.Infrastructure.Migrations;

/// <summary>A plain SQL migration file: its name orders it, its checksum pins it once applied.</summary>
public sealed record MigrationScript(string Name, string Sql)
{
    // Hashed with LF line endings so a CRLF checkout (Windows, core.autocrlf) does not look like an edit.
    // Computed on read, so a copy made with `with { Sql = ... }` gets its own checksum.
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    /// <summary>The .sql files embedded in this assembly, in file-name order.</summary>
    public static IReadOnlyList<MigrationScript> Embedded()
    {
        const string prefix = "Migrations.";
        var assembly = typeof(MigrationScript).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream, Encoding.UTF8);
                return new MigrationScript(n[prefix.Length..], reader.ReadToEnd());
            })
            .ToList();
    }
}

public sealed class MigrationChecksumException(string file)
    : Exception($"Migration '{file}' has already been applied, but its content has changed since. " +
                "Applied migrations must never be edited: restore the file and put the change in a new migration.")
{
    public string File { get; } = file;
}

/// <summary>
/// Applies the SQL migrations in order, each in its own transaction, recording file, checksum and
/// time in schema_migrations. A session-level advisory lock serialises instances that start together.
/// </summary>
public sealed class MigrationRunner(string connectionString, IReadOnlyList<MigrationScript>? scripts = null, ILogger? logger = null)
{
    // Arbitrary but fixed: every instance of the app must take the same lock.
    private const long AdvisoryLockKey = 0x5A_4D_49_47_52_41_54_45;

    private readonly IReadOnlyList<MigrationScript> _scripts = scripts ?? MigrationScript.Embedded();
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>Applies what is pending; returns the names of the files it applied.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, null, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    file text PRIMARY KEY,
                    checksum text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken);

            var applied = await ReadHistoryAsync(connection, cancellationToken);
            var done = new List<string>();
            foreach (var script in _scripts)
            {
                if (applied.TryGetValue(script.Name, out var checksum))
                {
                    if (checksum != script.Checksum)
                    {
                        throw new MigrationChecksumException(script.Name);
                    }

                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
                await using (var insert = new NpgsqlCommand("INSERT INTO schema_migrations (file, checksum) VALUES (@file, @checksum)", connection, transaction))
                {
                    insert.Parameters.AddWithValue("file", script.Name);
                    insert.Parameters.AddWithValue("checksum", script.Checksum);
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                _logger.LogInformation("Applied migration {Migration}", script.Name);
                done.Add(script.Name);
            }

            return done;
        }
        finally
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    /// <summary>Files not yet applied, or applied with another checksum; empty when the schema is current.</summary>
    public async Task<IReadOnlyList<string>> GetPendingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL", connection);
        var applied = (bool)(await exists.ExecuteScalarAsync(cancellationToken))!
            ? await ReadHistoryAsync(connection, cancellationToken)
            : [];
        return _scripts.Where(s => !applied.TryGetValue(s.Name, out var checksum) || checksum != s.Checksum)
            .Select(s => s.Name)
            .ToList();
    }

    private static async Task<Dictionary<string, string>> ReadHistoryAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var history = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("SELECT file, checksum FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            history[reader.GetString(0)] = reader.GetString(1);
        }

        return history;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
