using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace SamarbeidsAvtaler.Infrastructure.Data;

/// <summary>
/// Optimistic concurrency for an aggregate with children: inside a transaction, an update that matches
/// only the row version the user started from. It locks the row until commit, so a concurrent save
/// waits and then finds the version changed. One place for the shape every service used to write out.
/// </summary>
public static class RowVersionClaim
{
    /// <summary>True when the row of <typeparamref name="TEntity"/> is still at <paramref name="version"/> (or any version, when null), and is now locked.</summary>
    public static async Task<bool> ClaimRowAsync<TEntity>(this AppDbContext db, Guid id, uint? version, CancellationToken ct)
        where TEntity : class
    {
        // The table name comes from the EF model, never from input.
        var table = db.Model.FindEntityType(typeof(TEntity))!.GetTableName();
        var update = "UPDATE " + table + " SET id = id WHERE id = {0}";
#pragma warning disable EF1003 // The table name is the model's own; the values go in as parameters.
        var claimed = version is { } v
            ? await db.Database.ExecuteSqlRawAsync(update + " AND xmin::text = {1}", [id, v.ToString(CultureInfo.InvariantCulture)], ct)
            : await db.Database.ExecuteSqlRawAsync(update, [id], ct);
#pragma warning restore EF1003
        return claimed == 1;
    }

    /// <summary>A save that lost to a concurrent one: a stale version, or PostgreSQL's serialization failure or deadlock, also wrapped by EF.</summary>
    public static bool IsConflict(Exception e) =>
        e is DbUpdateConcurrencyException
        || e is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected }
        || e is DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected } };
}
