using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Features.Account;

namespace SamarbeidsAvtaler.Web.Components;

public static class DbContextFactoryExtensions
{
    /// <summary>
    /// A context for one operation of a feature service, acting as <paramref name="user"/>: the audit
    /// trail names them for whatever it saves. Dispose it when the operation ends.
    /// </summary>
    public static async Task<AppDbContext> CreateDbContextAsync(
        this IDbContextFactory<AppDbContext> factory, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Actor = new PrincipalAuditActor(user);
        return db;
    }
}
