using Microsoft.EntityFrameworkCore;

namespace SamarbeidsAvtaler.Infrastructure.Data;

/// <summary>
/// Agenda items are numbered per body and year ("SSU 12/2027"). Inside the caller's transaction: lock the
/// body's row, then count, so two items added at once get numbers one after the other. The meetings'
/// service and a dispute taken to the SSU (R23) hand out numbers the same way.
/// </summary>
public static class AgendaNumbers
{
    /// <summary>Locks the body's row until commit without changing its version, so an open form of the body is not put in conflict.</summary>
    public static async Task LockBodyAsync(AppDbContext db, Guid committeeId, CancellationToken ct) =>
        await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM committees WHERE id = {committeeId} FOR NO KEY UPDATE").ToListAsync(ct);

    /// <summary>The next free number of the body's year: one after the highest stored.</summary>
    public static async Task<int> NextAsync(AppDbContext db, Guid committeeId, int year, CancellationToken ct) =>
        (await db.AgendaItems.Where(i => i.CommitteeId == committeeId && i.Year == year).MaxAsync(i => (int?)i.Number, ct) ?? 0) + 1;
}
