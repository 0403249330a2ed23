using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Components;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Overview;

/// <summary>The deadlines (/frister and its CSV), read with the user's access.</summary>
public sealed class DeadlineService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    /// <summary>The most rows one call returns (the CSV download asks for this many).</summary>
    public const int MaxPageSize = 10_000;

    /// <summary>
    /// One page of the deadlines within <paramref name="horizon"/> days, overdue (and longest waiting
    /// for signature) first. An unknown horizon is the default, an unknown kind is all kinds, a page
    /// beyond the last is the last. Refused for an avtalespesialist.
    /// </summary>
    public async Task<CommandResult<DeadlineResult>> LoadAsync(ClaimsPrincipal user, int horizon, DeadlineKind? only, int page, int pageSize,
        CancellationToken cancellationToken = default)
    {
        if (!OverviewAccess.MayRead(user))
        {
            return CommandResult<DeadlineResult>.From(CommandResult.Forbidden());
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var result = await DeadlineQueries.LoadAsync(db, user, clock.Today(), horizon, only, page, Math.Clamp(pageSize, 1, MaxPageSize),
            cancellationToken);
        return CommandResult<DeadlineResult>.Ok(result);
    }
}
