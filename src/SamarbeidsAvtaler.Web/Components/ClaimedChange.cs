using Microsoft.EntityFrameworkCore;
using Npgsql;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Infrastructure.Data;

namespace SamarbeidsAvtaler.Web.Components;

/// <summary>
/// The shape of a change to an aggregate with children, edited under optimistic concurrency: in one transaction,
/// claim the row version the user started from (an update matching only that version, which locks the row until
/// commit), load the aggregate, let the domain apply the change, and save. The caller checks access first.
/// </summary>
public static class ClaimedChange
{
    /// <summary>
    /// Applies <paramref name="change"/> to the aggregate <paramref name="load"/> returns. The change returns a result
    /// to stop with (nothing is saved) or null to save. The domain's refusals become field errors (renamed to the
    /// form's fields by <paramref name="field"/>) or its Norwegian message. A lost race becomes a conflict: a stale
    /// version, a serialization failure, or a unique index (a number or step taken a moment earlier by someone else).
    /// On success the value is the aggregate's new version.
    /// </summary>
    public static async Task<CommandResult<uint>> SaveAsync<TEntity>(AppDbContext db, Guid id, uint version,
        Func<Task<TEntity>> load, Func<TEntity, Task<CommandResult?>> change, Func<string> okMessage, string conflictMessage,
        CancellationToken ct, Func<string, string>? field = null)
        where TEntity : class
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await db.ClaimRowAsync<TEntity>(id, version, ct))
            {
                return CommandResult<uint>.From(await VersionAsync<TEntity>(db, id, ct) is null
                    ? CommandResult.NotFound()
                    : CommandResult.Conflict(conflictMessage));
            }

            var entity = await load();
            var stop = await ApplyAsync(() => change(entity), field);
            if (stop is not null)
            {
                return CommandResult<uint>.From(stop);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception e) when (RowVersionClaim.IsConflict(e) || IsUniqueViolation(e))
        {
            return CommandResult<uint>.From(CommandResult.Conflict(conflictMessage));
        }

        db.ChangeTracker.Clear();
        return CommandResult<uint>.Ok(await VersionAsync<TEntity>(db, id, ct) ?? 0, okMessage());
    }

    /// <summary>Runs a change, turning the domain's refusals into field errors (renamed by <paramref name="field"/>) or its Norwegian message.</summary>
    public static async Task<CommandResult?> ApplyAsync(Func<Task<CommandResult?>> change, Func<string, string>? field = null)
    {
        try
        {
            return await change();
        }
        catch (DomainValidationException e)
        {
            return CommandResult.Invalid([.. e.Errors.Select(x => field is null ? x : x with { Field = field(x.Field) })]);
        }
        catch (Exception e) when (e is DeviationRuleException or CommitteeRuleException or AgreementRuleException)
        {
            return CommandResult.Refused(e.Message);
        }
    }

    /// <summary>A unique index refused the save: a number or step someone else took a moment earlier.</summary>
    public static bool IsUniqueViolation(Exception e) =>
        e is DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } };

    private static Task<uint?> VersionAsync<TEntity>(AppDbContext db, Guid id, CancellationToken ct)
        where TEntity : class =>
        db.Set<TEntity>().Where(e => EF.Property<Guid>(e, "Id") == id).Select(e => (uint?)EF.Property<uint>(e, "Version")).FirstOrDefaultAsync(ct);
}
