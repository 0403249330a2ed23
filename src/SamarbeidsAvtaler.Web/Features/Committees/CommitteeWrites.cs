using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Components;

namespace SamarbeidsAvtaler.Web.Features.Committees;

/// <summary>
/// What every change to a body shares: the access answer (not visible = not found, visible but not kept by the
/// user = forbidden), and the claim of the body's row version that serialises changes to it and its members.
/// </summary>
internal static class CommitteeWrites
{
    public const string ConflictMessage =
        "Noen andre har lagret endringer i dette utvalget etter at du åpnet det. Endringene dine er ikke lagret. " +
        "Det du skrev, står fortsatt i skjemaet. Trykk «Lagre» igjen for å lagre det på nytt.";

    /// <summary>Null when the user may change the body; otherwise the answer to give.</summary>
    public static async Task<CommandResult?> CheckMaintainAsync(AppDbContext db, ClaimsPrincipal user, Guid committeeId, CancellationToken ct)
    {
        if (!user.MayReadCommittees())
        {
            return CommandResult.NotFound();
        }

        if (!user.MayMaintainCommittees())
        {
            return CommandResult.Forbidden();
        }

        if (!await db.Committees.VisibleTo(db, user).AnyAsync(c => c.Id == committeeId, ct))
        {
            return CommandResult.NotFound();
        }

        return await db.Committees.MaintainableBy(db, user).AnyAsync(c => c.Id == committeeId, ct) ? null : CommandResult.Forbidden();
    }

    /// <summary>
    /// Claims the body's row inside the open transaction when its version is still <paramref name="version"/>: the
    /// UPDATE bumps the version, so a second change started from the same version finds 0 rows and is a conflict,
    /// and two member changes at once are checked one after the other against the counts.
    /// </summary>
    public static Task<bool> ClaimAsync(AppDbContext db, Guid committeeId, uint version, CancellationToken ct) =>
        db.ClaimRowAsync<SamarbeidsAvtaler.Domain.Committees.Committee>(committeeId, version, ct);

    public static Task<uint?> VersionAsync(AppDbContext db, Guid committeeId, CancellationToken ct) =>
        db.Committees.Where(c => c.Id == committeeId).Select(c => (uint?)EF.Property<uint>(c, "Version")).FirstOrDefaultAsync(ct);

    public static bool IsConflict(Exception e) => RowVersionClaim.IsConflict(e);

    public static bool IsUniqueViolation(DbUpdateException e, string constraint) =>
        e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg && pg.ConstraintName == constraint;
}
