using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Account;
using SamarbeidsAvtaler.Web.Features.Agreements;
using SamarbeidsAvtaler.Web.Features.Committees;
using SamarbeidsAvtaler.Web.Features.Deviations;

namespace SamarbeidsAvtaler.Web.Features.Disputes;

/// <summary>
/// Disputes about interpreting the agreements (R23). Every method takes the signed-in user and filters
/// through <see cref="DeviationAccess"/>: a dispute the user may not see does not exist (NotFound); one
/// seen but not the user's to move is Forbidden. Every change claims the dispute's row version first, so
/// two saves at once end in one saved and one conflict.
/// </summary>
public sealed partial class DisputeService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    public const int MaxPageSize = 100;
    public const int MaxAgreementOptions = 500;

    // ---- The list ------------------------------------------------------------------------------

    /// <summary>One page (0-based) of the disputes the user may see, newest first, filtered in PostgreSQL.</summary>
    public async Task<DisputeResults> SearchAsync(ClaimsPrincipal user, DisputeFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Clamp(page, 0, 100_000);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Disputes.AsNoTracking().VisibleTo(db, user);
        if (filter.Step is { } step)
        {
            query = query.Where(d => d.CurrentStep == step);
        }

        if (filter.Resolved is { } resolved)
        {
            query = resolved ? query.Where(d => d.ResolvedAt != null) : query.Where(d => d.ResolvedAt == null);
        }

        if (SearchText.Clean(filter.Search) is { } text)
        {
            var pattern = $"%{SearchText.EscapeLike(text)}%";
            var parties = db.Parties.Where(p => EF.Functions.ILike(p.Name, pattern, "\\")).Select(p => p.Id);
            query = query.Where(d => EF.Functions.ILike(d.CaseNumber, pattern, "\\") || EF.Functions.ILike(d.Title, pattern, "\\")
                || parties.Contains(d.RaisingPartyId) || parties.Contains(d.OtherPartyId));
        }

        var total = await query.CountAsync(ct);
        var rows = await (from d in query
                          join raising in db.Parties on d.RaisingPartyId equals raising.Id
                          join other in db.Parties on d.OtherPartyId equals other.Id
                          join a in db.Agreements on d.AgreementId equals a.Id
                          orderby d.RaisedAt descending, d.Id
                          select new DisputeRow(d.Id, d.CaseNumber, d.Title, raising.Name, other.Name, a.Title, d.CurrentStep, d.RaisedAt, d.ResolvedAt != null))
            .Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        return new DisputeResults(rows, total);
    }

    // ---- One dispute ---------------------------------------------------------------------------

    /// <summary>The dispute with its ladder, or null when it does not exist or the user may not see it (the same answer).</summary>
    public async Task<DisputeView?> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var dispute = await db.Disputes.AsNoTracking().VisibleTo(db, user).Include(d => d.Steps).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (dispute is null)
        {
            return null;
        }

        var version = await VersionAsync(db, id, ct) ?? 0;
        var names = await db.Parties.AsNoTracking().Where(p => p.Id == dispute.RaisingPartyId || p.Id == dispute.OtherPartyId)
            .ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var agreement = await db.Agreements.AsNoTracking().Where(a => a.Id == dispute.AgreementId)
            .Select(a => new { a.Title, a.ReferenceNumber, a.VersionNumber }).FirstAsync(ct);
        var (binding, source) = await BindingAsync(db, dispute.AgreementId, ct);

        var itemIds = dispute.Steps.Select(s => s.AgendaItemId).OfType<Guid>().ToList();
        var items = await (from i in db.AgendaItems.AsNoTracking()
                           join c in db.Committees on i.CommitteeId equals c.Id
                           where itemIds.Contains(i.Id)
                           select new { i.Id, i.MeetingId, i.CommitteeId, c.ShortName, i.Number, i.Year }).ToListAsync(ct);
        var readsCommittees = user.MayReadCommittees();
        var ladder = DisputeLadder.Steps.Select(step =>
        {
            var reached = dispute.Steps.Where(s => s.Step == step).OrderBy(s => s.EnteredAt).LastOrDefault();
            var item = reached?.AgendaItemId is { } itemId ? items.FirstOrDefault(i => i.Id == itemId) : null;
            return new DisputeStepView(step, reached is not null, step == dispute.CurrentStep, reached?.EnteredAt, reached?.ActorName, reached?.Comment,
                item is not null && readsCommittees ? $"/utvalg/{item.CommitteeId}/moter/{item.MeetingId}" : null,
                item is null ? null : string.Create(CultureInfo.InvariantCulture, $"{item.ShortName} {item.Number}/{item.Year}"),
                reached?.Statement, reached?.StatementForce, reached?.StatementGivenOn);
        }).ToList();

        var own = await DeviationAccess.OwnPartyIds(db, user).ToListAsync(ct);
        var actsForASide = user.ActsFor(own, dispute.RaisingPartyId) || user.ActsFor(own, dispute.OtherPartyId);
        var canAct = !dispute.IsResolved && actsForASide;
        return new DisputeView(dispute.Id, version, dispute.CaseNumber, dispute.Title, dispute.Question,
            dispute.RaisingPartyId, names.GetValueOrDefault(dispute.RaisingPartyId, "Ukjent part"),
            dispute.OtherPartyId, names.GetValueOrDefault(dispute.OtherPartyId, "Ukjent part"),
            dispute.AgreementId, agreement.Title, $"{agreement.ReferenceNumber} versjon {agreement.VersionNumber}",
            dispute.RaisedAt, dispute.RaisedByName, dispute.CurrentStep, ladder, binding, source,
            dispute.ResolvedAt, dispute.Resolution, dispute.LossClaimAmount, dispute.LossClaimDescription, dispute.LossClaimedOn,
            canAct, canAct && user.MovesEveryVisibleCase(), actsForASide);
    }

    /// <summary>Writes one view of the case to the access log; false when the user may not see it.</summary>
    public async Task<bool> RecordViewAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(user, ct);
        var caseNumber = await db.Disputes.AsNoTracking().VisibleTo(db, user).Where(d => d.Id == id).Select(d => d.CaseNumber).FirstOrDefaultAsync(ct);
        if (caseNumber is null)
        {
            return false;
        }

        db.AccessLog.Add(AccessLogEntry.ForCase(clock.GetUtcNow(), user.UserId(), user.DisplayName(), CaseKinds.Dispute, id, caseNumber));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The planned meetings of the SSU of the dispute's helsefellesskap, soonest first; empty for a dispute not visible.</summary>
    public async Task<IReadOnlyList<SsuMeetingOption>> GetSsuMeetingsAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var agreementId = await db.Disputes.AsNoTracking().VisibleTo(db, user).Where(d => d.Id == id).Select(d => (Guid?)d.AgreementId).FirstOrDefaultAsync(ct);
        return agreementId is { } agreement ? await SsuMeetingsAsync(db, agreement, ct) : [];
    }

    // ---- Raising -------------------------------------------------------------------------------

    /// <summary>
    /// The parties the user may raise a dispute for (a party user: their own; a maintainer or a sekretariat:
    /// any party of the agreement) and the kommune–HF agreements in force or signed that they see.
    /// </summary>
    public async Task<DisputeRaiseOptions> GetRaiseOptionsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.MayUseCases())
        {
            return new DisputeRaiseOptions([], [], false);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var agreements = await RaisableAgreements(db, user).OrderBy(a => a.Title).ThenBy(a => a.Id).Take(MaxAgreementOptions)
            .Select(a => new { a.Id, a.Title, a.ReferenceNumber }).ToListAsync(ct);
        var ids = agreements.Select(a => a.Id).ToList();
        var parties = await (from ap in db.AgreementParties.AsNoTracking()
                             join p in db.Parties on ap.PartyId equals p.Id
                             where ids.Contains(ap.AgreementId)
                             select new { ap.AgreementId, p.Id, p.Name }).ToListAsync(ct);
        var comparer = StringComparer.Create(Norwegian.Culture, false);
        var byAgreement = parties.ToLookup(p => p.AgreementId);
        var own = await DeviationAccess.OwnPartyIds(db, user).ToListAsync(ct);
        var ownOptions = await db.Parties.AsNoTracking().Where(p => own.Contains(p.Id)).Select(p => new DisputeOption(p.Id, p.Name)).ToListAsync(ct);
        return new DisputeRaiseOptions(
            [.. ownOptions.OrderBy(o => o.Name, comparer)],
            [.. agreements.Select(a => new DisputeAgreementOption(a.Id, a.Title, a.ReferenceNumber,
                [.. byAgreement[a.Id].Select(p => new DisputeOption(p.Id, p.Name)).DistinctBy(p => p.Id).OrderBy(p => p.Name, comparer)]))],
            user.MovesEveryVisibleCase());
    }

    // ---- Queries -------------------------------------------------------------------------------

    /// <summary>Kommune–HF agreements, signed or in force, that the user sees and could raise a dispute on.</summary>
    private static IQueryable<Agreement> RaisableAgreements(AppDbContext db, ClaimsPrincipal user)
    {
        var query = db.Agreements.AsNoTracking().VisibleTo(db, user)
            .Where(a => a.Kind == AgreementKind.MunicipalCooperationAgreement
                && (a.Status == AgreementStatus.Active || a.Status == AgreementStatus.UnderNotice || a.Status == AgreementStatus.Signed));
        if (user.IsMaintainer())
        {
            return query;
        }

        if (user.IsInRole(Domain.Users.Roles.Secretariat))
        {
            var tree = DeviationAccess.HelsefellesskapTree(db, user);
            return query.Where(a => tree.Contains(a.Id));
        }

        var own = DeviationAccess.OwnPartyIds(db, user);
        return query.Where(a => db.AgreementParties.Any(ap => ap.AgreementId == a.Id && own.Contains(ap.PartyId)));
    }

    /// <summary>
    /// The agreement and the ones above it (parent, grandparent), every version of each: the SSU of the
    /// helsefellesskap belongs to the overarching agreement, and a new version keeps its bodies.
    /// </summary>
    private static async Task<List<Guid>> ChainAsync(AppDbContext db, Guid agreementId, CancellationToken ct)
    {
        var references = new List<string>();
        Guid? next = agreementId;
        for (var depth = 0; depth < 3 && next is { } current; depth++)
        {
            var row = await db.Agreements.AsNoTracking().Where(a => a.Id == current).Select(a => new { a.ReferenceNumber, a.ParentAgreementId }).FirstOrDefaultAsync(ct);
            if (row is null)
            {
                break;
            }

            references.Add(row.ReferenceNumber);
            next = row.ParentAgreementId;
        }

        return await db.Agreements.AsNoTracking().Where(a => references.Contains(a.ReferenceNumber) || a.Id == agreementId).Select(a => a.Id).ToListAsync(ct);
    }

    /// <summary>
    /// R23: whether statements on a dispute about this agreement bind: the agreement says so, or the agreement
    /// above it does (seed 004's overarching agreement covers its tjenesteavtaler). The source names the agreement.
    /// </summary>
    internal static async Task<(bool Binding, string? Source)> BindingAsync(AppDbContext db, Guid agreementId, CancellationToken ct)
    {
        Guid? next = agreementId;
        for (var depth = 0; depth < 3 && next is { } current; depth++)
        {
            var row = await db.Agreements.AsNoTracking().Where(a => a.Id == current)
                .Select(a => new { a.Title, a.ParentAgreementId, a.DisputeStatementsBinding }).FirstOrDefaultAsync(ct);
            if (row is null)
            {
                break;
            }

            if (row.DisputeStatementsBinding)
            {
                return (true, row.Title);
            }

            next = row.ParentAgreementId;
        }

        return (false, null);
    }

    private async Task<IReadOnlyList<SsuMeetingOption>> SsuMeetingsAsync(AppDbContext db, Guid agreementId, CancellationToken ct)
    {
        var chain = await ChainAsync(db, agreementId, ct);
        var today = clock.Today();
        var rows = await (from m in db.Meetings.AsNoTracking()
                          join c in db.Committees on m.CommitteeId equals c.Id
                          where c.Kind == CommitteeKind.StrategicCommittee && c.WoundUpOn == null && chain.Contains(c.OverarchingAgreementId)
                                && m.Status == MeetingStatus.Planned && m.Date >= today
                          orderby m.Date, m.StartTime
                          select new { m.Id, CommitteeId = c.Id, c.ShortName, m.Date, m.StartTime, m.Location, m.IsDigital }).Take(50).ToListAsync(ct);
        return [.. rows.Select(r => new SsuMeetingOption(r.Id, r.CommitteeId,
            $"{r.ShortName}, {Norwegian.Date(r.Date)} kl. {r.StartTime.ToString("HH:mm", CultureInfo.InvariantCulture)}"
                + (r.IsDigital ? ", digitalt" : r.Location is { } place ? $", {place}" : ""), r.Date))];
    }

    private static Task<uint?> VersionAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        db.Disputes.Where(d => d.Id == id).Select(d => (uint?)EF.Property<uint>(d, "Version")).FirstOrDefaultAsync(ct);

    private static CaseActor Actor(ClaimsPrincipal user) => new(user.UserId(), user.DisplayName());

    private static DateOnly? Date(DateTime? value) => value is { } v ? DateOnly.FromDateTime(v) : null;

    private static List<FieldError> Errors() => [];
}
