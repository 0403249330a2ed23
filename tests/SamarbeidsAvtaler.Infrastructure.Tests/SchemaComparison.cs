using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using SamarbeidsAvtaler.Infrastructure.Data;

namespace SamarbeidsAvtaler.Infrastructure.Tests;

/// <summary>
/// Compares the EF model with the live schema of the public schema, because the SQL migrations are
/// hand-written and nothing else notices when they and the model drift apart.
/// </summary>
internal static class SchemaComparison
{
    // The runner's own history table is not part of the model.
    private static readonly HashSet<string> UnmappedTables = ["schema_migrations"];

    private sealed record DbColumn(string Type, bool NotNull);

    private sealed record DbIndex(string Table, bool IsUnique, IReadOnlyList<string> Columns);

    /// <summary>Every difference found, one readable line each; empty when database and model agree.</summary>
    public static async Task<IReadOnlyList<string>> FindDifferencesAsync(AppDbContext db)
    {
        var connectionString = db.Database.GetConnectionString()!;
        var (dbTables, dbColumns) = await ReadColumnsAsync(connectionString);
        var dbIndexes = await ReadIndexesAsync(connectionString);

        var differences = new List<string>();
        var modelTables = new HashSet<string>(StringComparer.Ordinal);
        var modelColumns = new HashSet<(string Table, string Column)>();

        foreach (var entityType in db.Model.GetEntityTypes())
        {
            if (entityType.GetTableName() is not { } table)
            {
                continue;
            }

            var storeObject = StoreObjectIdentifier.Table(table, entityType.GetSchema());

            // An owned type stored as JSON has no columns of its own, only the document column in its owner's table.
            if (entityType.IsMappedToJson())
            {
                if (entityType.GetContainerColumnName() is { } container
                    && db.Model.GetRelationalModel().FindTable(table, entityType.GetSchema())?.FindColumn(container) is { } jsonColumn)
                {
                    modelColumns.Add((table, container));
                    CompareColumn(differences, dbColumns, table, container, jsonColumn.StoreType, jsonColumn.IsNullable);
                }

                continue;
            }

            modelTables.Add(table);
            if (!dbTables.Contains(table))
            {
                differences.Add($"{table}: table missing in database");
                continue;
            }

            foreach (var property in entityType.GetProperties())
            {
                // xmin is PostgreSQL's system column behind the concurrency token; it is never declared.
                if (property.GetColumnName(storeObject) is not { } column || column == "xmin")
                {
                    continue;
                }

                modelColumns.Add((table, column));
                CompareColumn(differences, dbColumns, table, column, property.GetColumnType(), property.IsColumnNullable(storeObject));
            }

            foreach (var index in entityType.GetIndexes())
            {
                var name = index.GetDatabaseName(storeObject)!;
                var columns = index.Properties.Select(p => p.GetColumnName(storeObject)!).ToList();
                if (!dbIndexes.TryGetValue(name, out var dbIndex) || dbIndex.Table != table)
                {
                    differences.Add($"{table}: index {name} missing in database");
                    continue;
                }

                if (index.IsUnique != dbIndex.IsUnique)
                {
                    differences.Add($"{table}: index {name} is {Unique(dbIndex.IsUnique)} in database, {Unique(index.IsUnique)} in model");
                }

                if (!columns.SequenceEqual(dbIndex.Columns))
                {
                    differences.Add($"{table}: index {name} is on ({string.Join(", ", dbIndex.Columns)}) in database, ({string.Join(", ", columns)}) in model");
                }
            }
        }

        foreach (var table in dbTables.Where(t => !modelTables.Contains(t) && !UnmappedTables.Contains(t)).Order(StringComparer.Ordinal))
        {
            differences.Add($"{table}: table in database but not in model");
        }

        foreach (var (table, column) in dbColumns.Keys.Where(k => modelTables.Contains(k.Table) && !modelColumns.Contains(k))
                     .OrderBy(k => k.Table, StringComparer.Ordinal).ThenBy(k => k.Column, StringComparer.Ordinal))
        {
            differences.Add($"{table}.{column}: column in database but not in model");
        }

        return differences;
    }

    private static string Unique(bool unique) => unique ? "unique" : "not unique";

    private static string Nullable(bool nullable) => nullable ? "nullable" : "not nullable";

    private static void CompareColumn(List<string> differences, Dictionary<(string Table, string Column), DbColumn> dbColumns,
        string table, string column, string modelType, bool modelNullable)
    {
        if (!dbColumns.TryGetValue((table, column), out var dbColumn))
        {
            differences.Add($"{table}.{column}: column missing in database");
            return;
        }

        if (!string.Equals(dbColumn.Type, modelType, StringComparison.OrdinalIgnoreCase))
        {
            differences.Add($"{table}.{column}: type is {dbColumn.Type} in database, {modelType} in model");
        }

        if (dbColumn.NotNull == modelNullable)
        {
            differences.Add($"{table}.{column}: {Nullable(!dbColumn.NotNull)} in database, {Nullable(modelNullable)} in model");
        }
    }

    private static async Task<(HashSet<string> Tables, Dictionary<(string Table, string Column), DbColumn> Columns)> ReadColumnsAsync(
        string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        var tables = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("""
            SELECT c.relname::text
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var columns = new Dictionary<(string, string), DbColumn>();
        await using (var command = new NpgsqlCommand("""
            SELECT c.relname::text, a.attname::text, format_type(a.atttypid, a.atttypmod), a.attnotnull
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns[(reader.GetString(0), reader.GetString(1))] = new DbColumn(reader.GetString(2), reader.GetBoolean(3));
            }
        }

        return (tables, columns);
    }

    private static async Task<Dictionary<string, DbIndex>> ReadIndexesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        // pg_index rather than the pg_indexes view: it says directly whether an index is unique and on which columns.
        await using var command = new NpgsqlCommand("""
            SELECT i.relname::text, t.relname::text, x.indisunique,
                   array(SELECT a.attname::text
                         FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
                         ORDER BY k.ord)
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public'
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var indexes = new Dictionary<string, DbIndex>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            indexes[reader.GetString(0)] = new DbIndex(reader.GetString(1), reader.GetBoolean(2), reader.GetFieldValue<string[]>(3));
        }

        return indexes;
    }
}
