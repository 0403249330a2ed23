using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Features.Account;
using SamarbeidsAvtaler.Web.Features.Agreements;

namespace SamarbeidsAvtaler.Web.Features.Audit;

/// <summary>
/// The audit trail of one record, for the history on its page. Who may read it is checked here:
/// a party's history the register's maintainers, a user's the administrators, an agreement's whoever
/// may read the agreement. Anyone else gets an empty history.
/// </summary>
public sealed class AuditHistoryService(IDbContextFactory<AppDbContext> contexts)
{
    public const int MaxEntries = 200;

    public async Task<IReadOnlyList<AuditEntry>> GetAsync(ClaimsPrincipal user, string entityType, string entityId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await MayReadAsync(db, user, entityType, entityId, cancellationToken))
        {
            return [];
        }

        return await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == entityId)
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Take(MaxEntries)
            .ToListAsync(cancellationToken);
    }

    private static async Task<bool> MayReadAsync(AppDbContext db, ClaimsPrincipal user, string entityType, string entityId,
        CancellationToken cancellationToken) => entityType switch
        {
            "AppUser" => user.IsInRole(Roles.Administrator),
            "Agreement" => Guid.TryParse(entityId, out var id)
                && await db.Agreements.AsNoTracking().VisibleTo(db, user).AnyAsync(a => a.Id == id, cancellationToken),
            _ => user.IsMaintainer(),
        };
}
