using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Account;
using SamarbeidsAvtaler.Web.Features.Committees;

namespace SamarbeidsAvtaler.Web.Features.Deviations.Statistics;

/// <summary>
/// Deviation statistics (R25, issue 10 § 5): counts per month, category, område and party, and the share
/// answered within the deadline. Every number is counted in PostgreSQL (GROUP BY); no case's details
/// leave this service, only labels of months, categories, områder and parties with their counts.
/// </summary>
/// <remarks>
/// <para>Which deviations are counted. Without an område chosen: the deviations the user may see
/// (<see cref="DeviationAccess.VisibleTo(IQueryable{Deviation}, AppDbContext, ClaimsPrincipal)"/>): all for
/// caseworkers and administrators, the helsefellesskap's for a sekretariat, the HF's (and its
/// institutions') for a samhandlingssjef, the kommune's own for a kommune user.</para>
/// <para>With an område chosen: the deviations whose kommune side (the reporting party or the other party,
/// whichever is one of the area's kommuner) lies in the områdeutval's area. R25 gives the områdeutval the
/// overview of its area, so a kommune user, whose kommune is in the area, sees the area's counts
/// although it may open only its own cases: that is the one widening of access here, and it is why this
/// service returns counts only. A sekretariat, caseworker or administrator sees the area's cases they may
/// see anyway; a samhandlingssjef sees the area's part of its HF's cases (it counts over what its HF is
/// party to, never more). An avtalespesialist is refused.</para>
/// <para>The områder offered: every områdeutval for caseworkers and administrators; those of their own
/// helsefellesskap (<see cref="CommitteeAccess"/>) for a sekretariat and a samhandlingssjef; for a kommune
/// user the områdeutval(s) whose area includes its kommune. An område id the user may not choose counts
/// as none chosen.</para>
/// </remarks>
public sealed class DeviationStatisticsService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    /// <summary>The roles that may open the statistics page; the service checks <see cref="DeviationAccess.MayUseCases"/> as well.</summary>
    public const string Readers = Roles.Caseworker + "," + Roles.Administrator + "," + Roles.Secretariat + "," + Roles.CooperationManager + ","
        + Roles.Municipality;

    /// <summary>Today in Norway, for the default period.</summary>
    public DateOnly Today() => clock.Today();

    public async Task<CommandResult<DeviationStatistics>> LoadAsync(ClaimsPrincipal user, StatisticsFilter filter, CancellationToken cancellationToken = default)
    {
        if (!user.MayUseCases())
        {
            return CommandResult<DeviationStatistics>.From(CommandResult.Forbidden());
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var areas = await VisibleAreas(db, user).OrderBy(c => c.Name)
            .Select(c => new AreaOption(c.Id, c.Name, c.AreaMunicipalities.Count))
            .ToListAsync(cancellationToken);
        var area = areas.FirstOrDefault(a => a.Id == filter.AreaId);
        filter = filter with { AreaId = area?.Id };

        var (start, end) = (filter.StartInclusive, filter.EndExclusive);
        var inPeriod = Scope(db, user, area?.Id).Where(d => d.OccurredAt >= start && d.OccurredAt < end);
        if (filter.Category is { } category)
        {
            inPeriod = inPeriod.Where(d => d.Category == category);
        }

        // The parties on offer are those of the deviations counted without the party filter.
        var (optionReported, optionAgainst) = await PartyCountsAsync(inPeriod, cancellationToken);
        var counted = inPeriod;
        var (reported, against) = (optionReported, optionAgainst);
        if (filter.PartyId is { } party)
        {
            if (!optionReported.ContainsKey(party) && !optionAgainst.ContainsKey(party))
            {
                // A party with no deviation in the selection counts nothing; it is named if it exists.
                var exists = await db.Parties.AnyAsync(p => p.Id == party, cancellationToken);
                filter = filter with { PartyId = exists ? party : null };
            }

            if (filter.PartyId is not null)
            {
                counted = inPeriod.Where(d => d.ReportingPartyId == party || d.OtherPartyId == party);
                (reported, against) = await PartyCountsAsync(counted, cancellationToken);
            }
        }

        var names = await PartyNamesAsync(db, optionReported.Keys.Concat(optionAgainst.Keys).Concat(reported.Keys).Concat(against.Keys)
            .Append(filter.PartyId ?? Guid.Empty), cancellationToken);
        var parties = names.Where(n => optionReported.ContainsKey(n.Key) || optionAgainst.ContainsKey(n.Key) || n.Key == filter.PartyId)
            .Select(n => new PartyOption(n.Key, n.Value)).OrderBy(p => p.Name, StringComparer.Create(Norwegian.Culture, false)).ToList();

        var perMonth = await PerMonthAsync(counted, filter, cancellationToken);
        var statistics = new DeviationStatistics(
            filter,
            ScopeText(user, area),
            areas,
            parties,
            perMonth.Sum(m => m.Count),
            perMonth,
            await PerCategoryAsync(counted, cancellationToken),
            await PerAreaAsync(db, counted, area is null ? areas : [area], cancellationToken),
            PerParty(reported, against, names),
            await DeadlineShareAsync(counted, cancellationToken));
        return CommandResult<DeviationStatistics>.Ok(statistics);
    }

    /// <summary>The områdeutval the user may choose (see the class remarks).</summary>
    public static IQueryable<Committee> VisibleAreas(AppDbContext db, ClaimsPrincipal user)
    {
        var areas = db.Committees.AsNoTracking().Where(c => c.Kind == CommitteeKind.AreaCommittee);
        if (!user.MayUseCases())
        {
            return areas.Where(_ => false);
        }

        if (user.IsMaintainer())
        {
            return areas;
        }

        if (user.IsInRole(Roles.Secretariat) || user.IsInRole(Roles.CooperationManager))
        {
            return areas.VisibleTo(db, user);
        }

        var own = user.PartyId() ?? Guid.Empty;
        return areas.Where(c => c.AreaMunicipalities.Any(m => m.MunicipalityId == own));
    }

    /// <summary>The deviations counted, before period and filters (see the class remarks).</summary>
    private static IQueryable<Deviation> Scope(AppDbContext db, ClaimsPrincipal user, Guid? areaId)
    {
        var deviations = db.Deviations.AsNoTracking();
        if (areaId is not { } id)
        {
            return deviations.VisibleTo(db, user);
        }

        var municipalities = db.Set<CommitteeAreaMunicipality>().Where(m => m.CommitteeId == id).Select(m => m.MunicipalityId);
        var inArea = deviations.Where(d => municipalities.Contains(d.ReportingPartyId) || municipalities.Contains(d.OtherPartyId));

        // R25: the kommune user's område view is by area (counts only), not limited to its own cases.
        var byAreaOnly = user.IsInRole(Roles.Municipality) && !user.IsMaintainer() && !user.IsInRole(Roles.Secretariat)
            && !user.IsInRole(Roles.CooperationManager);
        return byAreaOnly ? inArea : inArea.VisibleTo(db, user);
    }

    private static string ScopeText(ClaimsPrincipal user, AreaOption? area)
    {
        if (area is not null)
        {
            var within = user.IsMaintainer() ? string.Empty
                : user.IsInRole(Roles.Secretariat) ? " i helsefellesskapet ditt"
                : user.IsInRole(Roles.CooperationManager) ? ", blant sakene helseforetaket ditt eller en institusjon under det er part i"
                : string.Empty;
            return $"{area.Name}: avvik der kommunen i saken er en av områdets {area.MunicipalityCount} kommuner{within}. Bare antall vises.";
        }

        return user.IsMaintainer() ? "Alle avvik i registeret."
            : user.IsInRole(Roles.Secretariat) ? "Avvikene i helsefellesskapet ditt."
            : user.IsInRole(Roles.CooperationManager) ? "Avvikene helseforetaket ditt eller en institusjon under det er part i."
            : "Avvikene kommunen din er part i. Velg område for å se antallet for hele området til områdeutvalet.";
    }

    private static async Task<(Dictionary<Guid, int> Reported, Dictionary<Guid, int> Against)> PartyCountsAsync(IQueryable<Deviation> deviations,
        CancellationToken cancellationToken)
    {
        var reported = await deviations.GroupBy(d => d.ReportingPartyId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var against = await deviations.GroupBy(d => d.OtherPartyId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return (reported, against);
    }

    private static async Task<Dictionary<Guid, string>> PartyNamesAsync(AppDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Where(id => id != Guid.Empty).Distinct().ToList();
        return await db.Parties.AsNoTracking().Where(p => wanted.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
    }

    private static async Task<List<CountRow>> PerMonthAsync(IQueryable<Deviation> deviations, StatisticsFilter filter, CancellationToken cancellationToken)
    {
        var counts = await deviations.GroupBy(d => new { d.OccurredAt.Year, d.OccurredAt.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToDictionaryAsync(g => (g.Year, g.Month), g => g.Count, cancellationToken);
        return [.. filter.Months().Select(m => new CountRow(StatisticsFilter.MonthText(m), counts.GetValueOrDefault((m.Year, m.Month))))];
    }

    private static async Task<List<CountRow>> PerCategoryAsync(IQueryable<Deviation> deviations, CancellationToken cancellationToken)
    {
        var counts = await deviations.GroupBy(d => d.Category).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. Enum.GetValues<DeviationCategory>().Select(c => new CountRow(c.DisplayName(), counts.GetValueOrDefault(c)))];
    }

    /// <summary>
    /// Per område: the deviations whose kommune side is one of the area's kommuner, each counted once per
    /// område; and, when some are in none of the områder offered, one row for those.
    /// </summary>
    private static async Task<List<CountRow>> PerAreaAsync(AppDbContext db, IQueryable<Deviation> deviations, IReadOnlyList<AreaOption> areas,
        CancellationToken cancellationToken)
    {
        var areaIds = areas.Select(a => a.Id).ToList();
        var members = db.Set<CommitteeAreaMunicipality>().Where(m => areaIds.Contains(m.CommitteeId));
        var counts = await (from d in deviations
                            from m in members
                            where m.MunicipalityId == d.ReportingPartyId || m.MunicipalityId == d.OtherPartyId
                            group d.Id by m.CommitteeId into g
                            select new { g.Key, Count = g.Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var memberIds = members.Select(m => m.MunicipalityId);
        var outside = await deviations.CountAsync(d => !memberIds.Contains(d.ReportingPartyId) && !memberIds.Contains(d.OtherPartyId), cancellationToken);

        var rows = areas.Select(a => new CountRow(a.Name, counts.GetValueOrDefault(a.Id))).ToList();
        if (outside > 0)
        {
            rows.Add(new CountRow(areas.Count == 1 ? "Utenfor området" : "Utenfor områdene", outside));
        }

        return rows;
    }

    /// <summary>The <see cref="DeviationStatistics.TopParties"/> parties with most deviations, then the rest summed.</summary>
    private static List<PartyCountRow> PerParty(Dictionary<Guid, int> reported, Dictionary<Guid, int> against, Dictionary<Guid, string> names)
    {
        var all = reported.Keys.Union(against.Keys)
            .Select(id => new PartyCountRow(names.GetValueOrDefault(id, "Ukjent part"), reported.GetValueOrDefault(id), against.GetValueOrDefault(id)))
            .OrderByDescending(r => r.Total).ThenBy(r => r.Label, StringComparer.Create(Norwegian.Culture, false))
            .ToList();
        var rows = all.Take(DeviationStatistics.TopParties).ToList();
        var rest = all.Skip(DeviationStatistics.TopParties).ToList();
        if (rest.Count > 0)
        {
            rows.Add(new PartyCountRow($"Andre ({rest.Count} parter)", rest.Sum(r => r.Reported), rest.Sum(r => r.Against)));
        }

        return rows;
    }

    private static async Task<DeadlineShare> DeadlineShareAsync(IQueryable<Deviation> deviations, CancellationToken cancellationToken)
    {
        var share = await deviations.Where(d => d.AnsweredOn != null && d.AnswerDueOn != null)
            .GroupBy(_ => 1)
            .Select(g => new { Answered = g.Count(), Within = g.Count(d => d.AnsweredOn <= d.AnswerDueOn) })
            .SingleOrDefaultAsync(cancellationToken);
        return new DeadlineShare(share?.Answered ?? 0, share?.Within ?? 0);
    }
}
