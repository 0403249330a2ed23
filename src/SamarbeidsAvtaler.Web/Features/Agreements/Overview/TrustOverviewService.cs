using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Account;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Overview;

/// <summary>What /oversikt shows: counts by kind and status, the deadline lists and the first page of the coverage matrix.</summary>
public sealed record TrustOverviewData(
    string? TrustName,
    IReadOnlyDictionary<(AgreementKind Kind, AgreementStatus Status), int> Counts,
    DeadlineSummary Deadlines,
    CoverageResult Coverage)
{
    public int Count(AgreementKind kind, AgreementStatus status) => Counts.GetValueOrDefault((kind, status));
}

/// <summary>
/// The samhandlingssjef's landing page: the state of every agreement their trust (or an institution
/// under it) is party to. Caseworkers and administrators see the whole register the same way.
/// </summary>
public sealed class TrustOverviewService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    /// <summary>Entries per deadline list; the rest are a link to /frister away.</summary>
    public const int ListLength = 10;

    /// <summary>Kommuner in the overview's matrix; the rest are on /dekning.</summary>
    public const int CoverageRows = 50;

    public async Task<CommandResult<TrustOverviewData>> LoadAsync(ClaimsPrincipal user, int horizon, CancellationToken cancellationToken = default)
    {
        if (!OverviewAccess.MayRead(user))
        {
            return CommandResult<TrustOverviewData>.From(CommandResult.Forbidden());
        }

        var today = clock.Today();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        string? trustName = null;
        if (!user.IsMaintainer() && user.IsInRole(Roles.CooperationManager) && user.PartyId() is { } trustId)
        {
            trustName = await db.Parties.AsNoTracking().Where(p => p.Id == trustId).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
        }

        var counts = (await db.Agreements.AsNoTracking().VisibleTo(db, user)
                .GroupBy(a => new { a.Kind, a.Status })
                .Select(g => new { g.Key.Kind, g.Key.Status, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(x => (x.Kind, x.Status), x => x.Count);
        var deadlines = await DeadlineQueries.SummaryAsync(db, user, today, horizon, ListLength, cancellationToken);
        var coverage = await CoverageQueries.LoadAsync(db, user, today, CoverageScope.Default, 1, CoverageRows, cancellationToken);
        return CommandResult<TrustOverviewData>.Ok(new TrustOverviewData(trustName, counts, deadlines, coverage));
    }
}
