using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Account;
using SamarbeidsAvtaler.Web.Features.Agreements.Document;
using SamarbeidsAvtaler.Web.Features.Parties;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Detail;

/// <summary>Another agreement (version, parent or child) as the page links to it.</summary>
public sealed record AgreementLink(Guid Id, string Title, string ReferenceNumber, int VersionNumber, AgreementStatus Status,
    AgreementLevel? Level, DateOnly ValidFrom, string? ChangeSummary, Guid? PreviousVersionId);

public sealed record AttachmentRow(Guid Id, string FileName, long SizeBytes, bool IsBinding, string? Description, DateTimeOffset UploadedAt);

/// <summary>
/// One version of an agreement as the page shows it: the agreement (read-only, not tracked), the names
/// around it, and the row version the lifecycle commands are checked against.
/// </summary>
public sealed record AgreementView(
    Agreement Agreement,
    uint Version,
    bool CanMaintain,
    IReadOnlyDictionary<Guid, string> PartyNames,
    IReadOnlySet<Guid> LinkableParties,
    IReadOnlyList<AgreementLink> Versions,
    AgreementLink? Successor,
    AgreementLink? Parent,
    IReadOnlyList<AgreementLink> Children,
    IReadOnlyList<(int Number, string Title)> Areas,
    IReadOnlyList<AttachmentRow> Attachments,
    AgreementHistoryText HistoryText)
{
    public string PartyName(Guid id) => PartyNames.GetValueOrDefault(id, "Ukjent part");
}

/// <summary>One line of the agreement's audit trail.</summary>
public sealed record HistoryEntry(long Id, string Action, DateTimeOffset OccurredAt, string ActorName, IReadOnlyList<FieldChange> Changes);

/// <summary>Reads the agreement page's data for a user; whatever the user may not see does not exist (null).</summary>
public sealed class AgreementDetailService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    public async Task<AgreementView?> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var agreement = await db.Agreements.AsNoTracking().VisibleTo(db, user)
            .Include(a => a.Parties).Include(a => a.Sections).Include(a => a.CooperationForms).Include(a => a.StatutoryAreas)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (agreement is null)
        {
            return null;
        }

        var version = await db.Agreements.Where(a => a.Id == id).Select(a => EF.Property<uint>(a, "Version")).SingleAsync(cancellationToken);
        var partyIds = agreement.Parties.Select(p => p.PartyId)
            .Concat(new[] { agreement.NoticeGivenByPartyId, agreement.PracticePosition?.MunicipalityId }.OfType<Guid>())
            .Distinct().ToList();
        var partyNames = await db.Parties.AsNoTracking().Where(p => partyIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var linkable = (await db.Parties.AsNoTracking().VisibleTo(user).Where(p => partyIds.Contains(p.Id)).Select(p => p.Id)
            .ToListAsync(cancellationToken)).ToHashSet();

        var visible = db.Agreements.AsNoTracking().VisibleTo(db, user);
        var versions = await Links(visible.Where(a => a.ReferenceNumber == agreement.ReferenceNumber).OrderBy(a => a.VersionNumber))
            .ToListAsync(cancellationToken);
        var successor = versions.FirstOrDefault(v => v.PreviousVersionId == agreement.Id);
        var parent = agreement.ParentAgreementId is { } parentId
            ? await Links(visible.Where(a => a.Id == parentId)).FirstOrDefaultAsync(cancellationToken)
            : null;

        List<AgreementLink> children = [];
        if (agreement.Level is AgreementLevel.Overarching or AgreementLevel.Service)
        {
            // Children may hang under any version of this agreement; a replaced child shows through its successor.
            var chain = versions.Select(v => v.Id).ToList();
            children = await Links(visible
                    .Where(a => a.ParentAgreementId != null && chain.Contains(a.ParentAgreementId.Value) && a.Status != AgreementStatus.Replaced)
                    .OrderBy(a => a.Level).ThenBy(a => a.Title))
                .ToListAsync(cancellationToken);
        }

        var numbers = agreement.StatutoryAreas.Select(a => a.AreaNumber).ToList();
        var areas = (await db.StatutoryAreas.AsNoTracking().Where(a => numbers.Contains(a.Number)).OrderBy(a => a.Number)
            .Select(a => new { a.Number, a.Title }).ToListAsync(cancellationToken)).Select(a => (a.Number, a.Title)).ToList();

        var attachments = await db.Attachments.AsNoTracking().Where(a => a.AgreementId == id).OrderBy(a => a.UploadedAt)
            .Select(a => new AttachmentRow(a.Id, a.FileName, a.SizeBytes, a.IsBinding, a.Description, a.UploadedAt))
            .ToListAsync(cancellationToken);

        // Ids in the history read better as names and version numbers.
        var names = partyNames.ToDictionary(p => p.Key.ToString(), p => p.Value);
        foreach (var link in versions.Concat(parent is null ? [] : [parent]))
        {
            names[link.Id.ToString()] = $"{link.Title} ({AgreementFormat.Reference(link.ReferenceNumber, link.VersionNumber)})";
        }

        return new AgreementView(agreement, version, user.IsMaintainer(), partyNames, linkable, versions, successor, parent, children, areas,
            attachments, new AgreementHistoryText(names));
    }

    /// <summary>The audit trail of an agreement the user may see, newest first (at most 200 entries).</summary>
    public async Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Agreements.VisibleTo(db, user).AnyAsync(a => a.Id == id, cancellationToken))
        {
            return [];
        }

        var key = id.ToString();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Agreement" && a.EntityId == key)
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Take(200)
            .ToListAsync(cancellationToken);
        return [.. entries.Select(e => new HistoryEntry(e.Id, e.Action, e.OccurredAt, e.ActorName, e.Changes))];
    }

    /// <summary>Writes one «Visning» line to the access log (Normen); false when the user may not see the agreement.</summary>
    public async Task<bool> RecordViewAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(user, cancellationToken);
        var agreement = await db.Agreements.AsNoTracking().VisibleTo(db, user).Where(a => a.Id == id)
            .Select(a => new { a.ReferenceNumber, a.VersionNumber }).FirstOrDefaultAsync(cancellationToken);
        if (agreement is null)
        {
            return false;
        }

        await AccessLogWriter.RecordAsync(db, user, id, agreement.ReferenceNumber, agreement.VersionNumber, AccessLogEntry.Viewed,
            clock.GetUtcNow(), cancellationToken);
        return true;
    }

    private static IQueryable<AgreementLink> Links(IQueryable<Agreement> agreements) =>
        agreements.Select(a => new AgreementLink(a.Id, a.Title, a.ReferenceNumber, a.VersionNumber, a.Status, a.Level, a.ValidFrom,
            a.ChangeSummary, a.PreviousVersionId));
}
