using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Components;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Overview;

/// <summary>Which kommuner the matrix shows: the default (those with a kommune–HF agreement), all, or one kommunegruppe's.</summary>
public sealed record CoverageScope(Guid? GroupId = null, bool All = false)
{
    public static CoverageScope Default { get; } = new();

    /// <summary>The query value: a group's id, "alle", or nothing (anything else is the default).</summary>
    public static CoverageScope Parse(string? value) =>
        value == CoverageQueries.AllMunicipalities ? new(All: true)
        : Guid.TryParse(value, out var id) ? new(id)
        : Default;

    public string? QueryValue => All ? CoverageQueries.AllMunicipalities : GroupId?.ToString();
}

/// <summary>§ 6-2 coverage per kommune (/dekning and the matrix on /oversikt), read with the user's access.</summary>
public sealed class CoverageService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    public const int MaxPageSize = 200;

    /// <summary>The active kommunegrupper, for the scope filter.</summary>
    public async Task<CommandResult<IReadOnlyList<GroupOption>>> GroupsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!OverviewAccess.MayRead(user))
        {
            return CommandResult<IReadOnlyList<GroupOption>>.From(CommandResult.Forbidden());
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return CommandResult<IReadOnlyList<GroupOption>>.Ok(await CoverageQueries.GroupsAsync(db, cancellationToken));
    }

    /// <summary>
    /// One page of kommuner × § 6-2 points. A group that is not an active kommunegruppe gives the
    /// default scope (the result says which scope was used). Refused for an avtalespesialist.
    /// </summary>
    public async Task<CommandResult<CoverageResult>> LoadAsync(ClaimsPrincipal user, CoverageScope scope, int page, int pageSize,
        CancellationToken cancellationToken = default)
    {
        if (!OverviewAccess.MayRead(user))
        {
            return CommandResult<CoverageResult>.From(CommandResult.Forbidden());
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return CommandResult<CoverageResult>.Ok(
            await CoverageQueries.LoadAsync(db, user, clock.Today(), scope, page, Math.Clamp(pageSize, 1, MaxPageSize), cancellationToken));
    }
}
