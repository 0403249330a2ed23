using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Infrastructure.Data;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Overview;

public enum CoverageState
{
    Missing = 1,
    Covered = 2,
    ReviewOverdue = 3,

    /// <summary>R4: a tjenesteavtale names the point, but the overarching agreement above it has ended: not covered.</summary>
    ParentEnded = 4,
}

public sealed record CoverageArea(int Number, string Title)
{
    /// <summary>A column heading short enough for a laptop screen; the full title goes beside it as a tooltip and for screen readers.</summary>
    public string ShortTitle => Number switch
    {
        // Hand-made for the points of 2012 and 2022 (003); a point added later falls back to its title's first words.
        1 when Title.StartsWith("Ansvar", StringComparison.Ordinal) => "Ansvar og oppgaver",
        // Soft hyphens (U+00AD) let the long words break inside a narrow column.
        2 when Title.StartsWith("Samarbeid ved innleggelse", StringComparison.Ordinal) => "Forløp og rehabili\u00ADtering",
        3 when Title.StartsWith("Innleggelse", StringComparison.Ordinal) => "Innleg\u00ADgelse i sykehus",
        5 when Title.StartsWith("Utskrivningsklare", StringComparison.Ordinal) => "Utskriv\u00ADnings\u00ADklare",
        6 when Title.StartsWith("Kunnskapsoverføring", StringComparison.Ordinal) => "Kunnskap og informa\u00ADsjon",
        8 when Title.StartsWith("Jordmor", StringComparison.Ordinal) => "Jordmor\u00ADtjenester",
        4 when Title.StartsWith("Døgnopphold", StringComparison.Ordinal) => "Øyeblik\u00ADkelig hjelp døgn",
        7 when Title.StartsWith("Forskning", StringComparison.Ordinal) => "Forskning og utdanning",
        11 when Title.StartsWith("Beredskap", StringComparison.Ordinal) => "Beredskap og akuttkjede",
        10 when Title.StartsWith("Forebygging", StringComparison.Ordinal) => "Fore\u00ADbygging",
        12 when Title.StartsWith("Planlegging", StringComparison.Ordinal) => "Plan\u00ADlegging og utvikling",
        13 when Title.StartsWith("Tjenester til barn og unge", StringComparison.Ordinal) => "Barn og unge",
        _ => Shorten(Title),
    };

    private static string Shorten(string title)
    {
        var cut = title.IndexOfAny([',', '(']);
        var head = (cut > 0 ? title[..cut] : title).Trim();
        return head.Length <= 28 ? head : head[..27].TrimEnd() + "…";
    }
}

/// <summary>One kommune × § 6-2 point: whether a valid service agreement covers it, and which.</summary>
public sealed record CoverageCell(CoverageState State, Guid? AgreementId = null, string? ReferenceNumber = null, DateOnly? NextReviewDate = null,
    int AgreementCount = 0)
{
    public static CoverageCell Missing { get; } = new(CoverageState.Missing);
}

public sealed record CoverageRow(Guid MunicipalityId, string Name, IReadOnlyDictionary<int, CoverageCell> Cells)
{
    public int CoveredCount => Cells.Values.Count(c => c.State is CoverageState.Covered or CoverageState.ReviewOverdue);
}

public sealed record CoverageResult(IReadOnlyList<CoverageArea> Areas, IReadOnlyList<CoverageRow> Rows, int Total, int Page, int PageCount)
{
    public static CoverageResult Empty { get; } = new([], [], 0, 1, 1);

    /// <summary>The scope used: the one asked for, or the default when the group asked for is not an active kommunegruppe.</summary>
    public CoverageScope Scope { get; init; } = CoverageScope.Default;

    /// <summary>The kommunegruppe's name when <see cref="Scope"/> is one group.</summary>
    public string? GroupName { get; init; }

    public DateOnly Today { get; init; }
}

public sealed record GroupOption(Guid Id, string Name);

/// <summary>
/// § 6-2 coverage per kommune (DOMAIN.md section 4). A point is covered for a kommune when a valid
/// service agreement covers it: a kommune–HF agreement at level 2, active or under notice, with
/// today inside its validity, to which the kommune is party itself or through a kommunegruppe it
/// is a member of. Covered, but with the yearly review overdue (R3), when every such agreement's
/// next review date has passed. Only agreements the user may read count.
/// </summary>
public static class CoverageQueries
{
    /// <summary>The filter value for every active kommune.</summary>
    public const string AllMunicipalities = "alle";

    public static async Task<IReadOnlyList<GroupOption>> GroupsAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        await db.Parties.AsNoTracking()
            .Where(p => p.Kind == PartyKind.MunicipalGroup && p.IsActive)
            .OrderBy(p => p.Name)
            .Select(p => new GroupOption(p.Id, p.Name))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The kommuner shown: those in <paramref name="groupId"/>; every active one with
    /// <paramref name="all"/>; otherwise those party, directly or through a group, to a kommune–HF agreement.
    /// </summary>
    public static async Task<CoverageResult> LoadAsync(AppDbContext db, ClaimsPrincipal user, DateOnly today, CoverageScope scope,
        int page, int pageSize, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Max(1, pageSize);
        // Anything but an active kommunegruppe or "alle" is the default view.
        string? groupName = null;
        if (scope.GroupId is { } asked)
        {
            groupName = await db.Parties.AsNoTracking()
                .Where(p => p.Id == asked && p.Kind == PartyKind.MunicipalGroup && p.IsActive)
                .Select(p => p.Name)
                .FirstOrDefaultAsync(cancellationToken);
            scope = groupName is null ? CoverageScope.Default : new CoverageScope(asked);
        }

        var groupId = scope.GroupId;
        var all = scope.All && groupId is null;

        var areas = await db.StatutoryAreas.AsNoTracking()
            .Where(a => a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo >= today))
            .OrderBy(a => a.Number)
            .Select(a => new CoverageArea(a.Number, a.Title))
            .ToListAsync(cancellationToken);

        var visible = db.Agreements.AsNoTracking().VisibleTo(db, user);
        var municipalities = db.Parties.AsNoTracking().Where(p => p.Kind == PartyKind.Municipality && p.IsActive);
        if (groupId is { } group)
        {
            municipalities = municipalities.Where(p => db.MunicipalGroupMembers.Any(m => m.GroupId == group && m.MunicipalityId == p.Id));
        }
        else if (!all)
        {
            // A kommune or kommunegruppe can only be party to a kommune–HF agreement, so "party to an
            // agreement the user may read" is the test, correlated on party_id so that index serves.
            // The groups with agreements are few and looked up first: inside the same query the
            // planner would read every agreement party to find them.
            var groupsWithAgreements = await db.Parties.AsNoTracking()
                .Where(g => g.Kind == PartyKind.MunicipalGroup
                    && db.AgreementParties.Any(ap => ap.PartyId == g.Id && visible.Any(a => a.Id == ap.AgreementId)))
                .Select(g => g.Id)
                .ToListAsync(cancellationToken);
            municipalities = municipalities.Where(p =>
                db.AgreementParties.Any(ap => ap.PartyId == p.Id && visible.Any(a => a.Id == ap.AgreementId))
                || db.MunicipalGroupMembers.Any(m => m.MunicipalityId == p.Id && groupsWithAgreements.Contains(m.GroupId)));
        }

        var total = await municipalities.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        page = Math.Clamp(page, 1, pageCount);
        var shown = await municipalities.OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new { p.Id, p.Name })
            .ToListAsync(cancellationToken);
        var ids = shown.Select(m => m.Id).ToList();

        // R4: a level-1 document may cover points itself (004 is «Overordna samarbeidsavtale og tenesteavtale 1»);
        // a tjenesteavtale counts only while the agreement above it is in force (or replaced by a newer version of
        // itself): when the overarching agreement has ended, what hangs under it covers nothing.
        var validService = visible.Where(a => a.Kind == AgreementKind.MunicipalCooperationAgreement
            && (a.Level == AgreementLevel.Overarching
                || (a.Level == AgreementLevel.Service && db.Agreements.Any(parent => parent.Id == a.ParentAgreementId
                    && (parent.Status == AgreementStatus.Active || parent.Status == AgreementStatus.UnderNotice || parent.Status == AgreementStatus.Replaced))))
            && (a.Status == AgreementStatus.Active || a.Status == AgreementStatus.UnderNotice)
            && a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo >= today));

        var direct = await DirectAsync(validService, db, ids, cancellationToken);
        var throughGroups = await ThroughGroupsAsync(validService, db, ids, cancellationToken);

        // What would cover the point but for an ended agreement above it, so the page can say why it is missing.
        var orphaned = visible.Where(a => a.Kind == AgreementKind.MunicipalCooperationAgreement && a.Level == AgreementLevel.Service
            && db.Agreements.Any(parent => parent.Id == a.ParentAgreementId && parent.Status == AgreementStatus.Ended)
            && (a.Status == AgreementStatus.Active || a.Status == AgreementStatus.UnderNotice)
            && a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo >= today));
        var orphans = (await DirectAsync(orphaned, db, ids, cancellationToken))
            .Concat(await ThroughGroupsAsync(orphaned, db, ids, cancellationToken))
            .ToLookup(c => (c.MunicipalityId, c.AreaNumber));

        var byCell = direct.Concat(throughGroups).ToLookup(c => (c.MunicipalityId, c.AreaNumber));
        var rows = shown.Select(m => new CoverageRow(m.Id, m.Name,
            areas.ToDictionary(a => a.Number, a => Cell(byCell[(m.Id, a.Number)].DistinctBy(c => c.AgreementId).ToList(),
                orphans[(m.Id, a.Number)].FirstOrDefault(), today)))).ToList();
        return new CoverageResult(areas, rows, total, page, pageCount)
        {
            Scope = all ? new CoverageScope(All: true) : scope,
            GroupName = groupName,
            Today = today,
        };
    }

    private static Task<List<Covering>> DirectAsync(IQueryable<Agreement> agreements, AppDbContext db, List<Guid> ids, CancellationToken ct) =>
        (from a in agreements
         join ap in db.AgreementParties on a.Id equals ap.AgreementId
         join sa in db.AgreementStatutoryAreas on a.Id equals sa.AgreementId
         where ids.Contains(ap.PartyId)
         select new Covering(ap.PartyId, sa.AreaNumber, a.Id, a.ReferenceNumber, a.NextReviewDate, a.ValidFrom))
        .ToListAsync(ct);

    private static Task<List<Covering>> ThroughGroupsAsync(IQueryable<Agreement> agreements, AppDbContext db, List<Guid> ids, CancellationToken ct) =>
        (from a in agreements
         join ap in db.AgreementParties on a.Id equals ap.AgreementId
         join m in db.MunicipalGroupMembers on ap.PartyId equals m.GroupId
         join sa in db.AgreementStatutoryAreas on a.Id equals sa.AgreementId
         where ids.Contains(m.MunicipalityId)
         select new Covering(m.MunicipalityId, sa.AreaNumber, a.Id, a.ReferenceNumber, a.NextReviewDate, a.ValidFrom))
        .ToListAsync(ct);

    private static CoverageCell Cell(List<Covering> covering, Covering? orphan, DateOnly today)
    {
        if (covering.Count == 0)
        {
            return orphan is null
                ? CoverageCell.Missing
                : new CoverageCell(CoverageState.ParentEnded, orphan.AgreementId, orphan.ReferenceNumber, orphan.NextReviewDate, 1);
        }

        // Link to the agreement that covers best: review not overdue first, then the newest.
        var best = covering.OrderBy(c => IsReviewOverdue(c, today)).ThenByDescending(c => c.ValidFrom).ThenBy(c => c.ReferenceNumber).First();
        return new CoverageCell(IsReviewOverdue(best, today) ? CoverageState.ReviewOverdue : CoverageState.Covered,
            best.AgreementId, best.ReferenceNumber, best.NextReviewDate, covering.Count);
    }

    private static bool IsReviewOverdue(Covering c, DateOnly today) => c.NextReviewDate is { } review && review < today;

    private sealed record Covering(Guid MunicipalityId, int AreaNumber, Guid AgreementId, string ReferenceNumber, DateOnly? NextReviewDate,
        DateOnly ValidFrom);
}
