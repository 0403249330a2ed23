using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Features.Deviations;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Overview;

/// <summary>What needs doing about an agreement, and by when.</summary>
public enum DeadlineKind
{
    AwaitingSignature = 1,
    Review = 2,
    Revision = 3,
    NoticeTakesEffect = 4,
    Ending = 5,

    /// <summary>R2 (004): a notice the HF has not yet told its RHF, or the RHF Helsedirektoratet.</summary>
    NoticeNotification = 6,

    /// <summary>R22: a deviation sent to the other party and not answered by its deadline (issue 10 § 3).</summary>
    DeviationAnswer = 7,
}

public static class DeadlineKindExtensions
{
    public static string DisplayName(this DeadlineKind kind) => kind switch
    {
        DeadlineKind.AwaitingSignature => "Venter på signatur",
        DeadlineKind.Review => "Årlig gjennomgang",
        DeadlineKind.Revision => "Revisjon (minst annethvert år)",
        DeadlineKind.NoticeTakesEffect => "Oppsigelse får virkning",
        DeadlineKind.Ending => "Avtalen utløper",
        DeadlineKind.NoticeNotification => "Oppsigelse ikke varslet",
        DeadlineKind.DeviationAnswer => "Avvik uten svar",
        _ => kind.ToString(),
    };

    /// <summary>Query value in the filter, Norwegian like the other query values.</summary>
    public static string Slug(this DeadlineKind kind) => kind switch
    {
        DeadlineKind.AwaitingSignature => "signatur",
        DeadlineKind.Review => "gjennomgang",
        DeadlineKind.Revision => "revisjon",
        DeadlineKind.NoticeTakesEffect => "oppsigelse",
        DeadlineKind.Ending => "utlop",
        DeadlineKind.NoticeNotification => "varsling",
        DeadlineKind.DeviationAnswer => "avvik",
        _ => kind.ToString(),
    };

    public static DeadlineKind? FromSlug(string? slug) =>
        Enum.GetValues<DeadlineKind>().Cast<DeadlineKind?>().FirstOrDefault(k => k!.Value.Slug() == slug);
}

/// <summary>One row of the deadlines list.</summary>
public sealed record Deadline(
    DeadlineKind Kind,
    Guid AgreementId,
    DateOnly Date,
    string Title,
    string ReferenceNumber,
    int VersionNumber,
    AgreementKind AgreementKind,
    IReadOnlyList<string> PartyNames,
    int SignedCount)
{
    /// <summary>For <see cref="DeadlineKind.DeviationAnswer"/>: the deviation case; the agreement fields name the agreement it concerns.</summary>
    public Guid? CaseId { get; init; }

    /// <summary>"AVVIK-2026-0042", for a deviation.</summary>
    public string? CaseNumber { get; init; }

    public string? CaseTitle { get; init; }

    /// <summary>Days from today to the date: negative when overdue, or how long a signature has been waited for.</summary>
    public int DaysFrom(DateOnly today) => Date.DayNumber - today.DayNumber;
}

public sealed record DeadlineResult(IReadOnlyList<Deadline> Rows, int Total, IReadOnlyDictionary<DeadlineKind, int> Counts, int Page, int PageCount)
{
    public static DeadlineResult Empty { get; } = new([], 0, new Dictionary<DeadlineKind, int>(), 1, 1);

    /// <summary>The day the deadlines were counted from (Norwegian time).</summary>
    public DateOnly Today { get; init; }

    /// <summary>The horizon in days actually used (an unknown one falls back to the default).</summary>
    public int Horizon { get; init; } = DeadlineQueries.DefaultHorizon;
}

/// <summary>
/// The deadlines within a horizon: drafts awaiting signature (always, however long they have
/// waited), yearly reviews due (R3), revisions due for kommune–HF agreements (R3: every second
/// year), notices taking effect (R2) and fixed terms running out. Each kind is one indexed query;
/// the list merges the kinds by date and pages through the merge, so what is overdue (or has waited
/// longest for signatures) comes first.
/// </summary>
public static class DeadlineQueries
{
    public const int DefaultHorizon = 90;

    public static readonly IReadOnlyList<int> Horizons = [30, 90, 180, 365];

    /// <summary>Readers of the overview pages: everyone but an avtalespesialist.</summary>
    public const string Readers = Roles.Caseworker + "," + Roles.CooperationManager + "," + Roles.Administrator;

    /// <summary>The horizon in days from the query: one of the choices, anything else the default.</summary>
    public static int ParseHorizon(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) ? NormalizeHorizon(days) : DefaultHorizon;

    /// <summary>One of the choices; anything else is the default.</summary>
    public static int NormalizeHorizon(int days) => Horizons.Contains(days) ? days : DefaultHorizon;

    private sealed record Queries(
        IQueryable<Agreement> Awaiting, IQueryable<Agreement> Reviews, IQueryable<Agreement> Revisions, IQueryable<Agreement> Notices,
        IQueryable<Agreement> Endings, IQueryable<Agreement> NoticeNotifications);

    private sealed record Counted(IReadOnlyDictionary<DeadlineKind, int> ByKind, int ReviewOrRevision);

    private static (Queries Queries, IQueryable<Agreement> Visible, DateOnly Limit, DateOnly RevisionFrom) Build(
        AppDbContext db, ClaimsPrincipal user, DateOnly today, int horizon)
    {
        var limit = today.AddDays(horizon);
        var visible = db.Agreements.AsNoTracking().VisibleTo(db, user);
        var current = visible.Where(a => a.Status == AgreementStatus.Active || a.Status == AgreementStatus.UnderNotice);

        // R3 (003): revision at least every second year, counted from when this version took effect.
        // Compared on valid_from itself so its index serves: the latest valid-from whose deadline
        // (valid-from + 2 years, 29 February to 28 February) falls within the horizon.
        var revisionFrom = limit.AddYears(-2);
        if (limit is { Month: 2, Day: 28 } && DateTime.IsLeapYear(revisionFrom.Year))
        {
            revisionFrom = revisionFrom.AddDays(1);
        }

        var queries = new Queries(
            visible.Where(a => a.Status == AgreementStatus.AwaitingSignature),
            current.Where(a => a.NextReviewDate != null && a.NextReviewDate <= limit),
            current.Where(a => a.Kind == AgreementKind.MunicipalCooperationAgreement && a.ValidFrom <= revisionFrom),
            visible.Where(a => a.Status == AgreementStatus.UnderNotice && a.EndsOn != null && a.EndsOn <= limit),
            visible.Where(a => a.Status == AgreementStatus.Active && a.ValidTo != null && a.ValidTo <= limit),
            UnnotifiedNotices(visible));
        return (queries, visible, limit, revisionFrom);
    }

    /// <summary>
    /// R2 (004): notices of kommune–HF agreements whose notification chain (HF → RHF → Helsedirektoratet)
    /// is not recorded. Listed whatever the horizon, from the day notice was given, like a signature waited for.
    /// </summary>
    private static IQueryable<Agreement> UnnotifiedNotices(IQueryable<Agreement> visible) =>
        visible.Where(a => a.Kind == AgreementKind.MunicipalCooperationAgreement && a.Status == AgreementStatus.UnderNotice
            && a.NoticeGivenOn != null && a.NoticeWithdrawn != true
            && (a.RhfNotifiedOfNoticeOn == null || a.DirectorateNotifiedOfNoticeOn == null));

    private static async Task<Counted> CountAsync(IQueryable<Agreement> visible, DateOnly limit, DateOnly revisionFrom,
        CancellationToken cancellationToken)
    {
        // All counts in one pass over the table instead of one query each: the same conditions as in Build.
        var c = await visible.GroupBy(_ => 1).Select(g => new
        {
            Awaiting = g.Count(a => a.Status == AgreementStatus.AwaitingSignature),
            Reviews = g.Count(a => (a.Status == AgreementStatus.Active || a.Status == AgreementStatus.UnderNotice)
                && a.NextReviewDate != null && a.NextReviewDate <= limit),
            Revisions = g.Count(a => (a.Status == AgreementStatus.Active || a.Status == AgreementStatus.UnderNotice)
                && a.Kind == AgreementKind.MunicipalCooperationAgreement && a.ValidFrom <= revisionFrom),
            Either = g.Count(a => (a.Status == AgreementStatus.Active || a.Status == AgreementStatus.UnderNotice)
                && ((a.NextReviewDate != null && a.NextReviewDate <= limit)
                    || (a.Kind == AgreementKind.MunicipalCooperationAgreement && a.ValidFrom <= revisionFrom))),
            Notices = g.Count(a => a.Status == AgreementStatus.UnderNotice && a.EndsOn != null && a.EndsOn <= limit),
            Endings = g.Count(a => a.Status == AgreementStatus.Active && a.ValidTo != null && a.ValidTo <= limit),
            Unnotified = g.Count(a => a.Kind == AgreementKind.MunicipalCooperationAgreement && a.Status == AgreementStatus.UnderNotice
                && a.NoticeGivenOn != null && a.NoticeWithdrawn != true
                && (a.RhfNotifiedOfNoticeOn == null || a.DirectorateNotifiedOfNoticeOn == null)),
        })
            .SingleOrDefaultAsync(cancellationToken);
        var counts = new Dictionary<DeadlineKind, int>
        {
            [DeadlineKind.DeviationAnswer] = 0,
            [DeadlineKind.AwaitingSignature] = c?.Awaiting ?? 0,
            [DeadlineKind.Review] = c?.Reviews ?? 0,
            [DeadlineKind.Revision] = c?.Revisions ?? 0,
            [DeadlineKind.NoticeTakesEffect] = c?.Notices ?? 0,
            [DeadlineKind.Ending] = c?.Endings ?? 0,
            [DeadlineKind.NoticeNotification] = c?.Unnotified ?? 0,
        };
        return new Counted(counts, c?.Either ?? 0);
    }

    /// <summary>The first <paramref name="n"/> deadlines of one kind, by date.</summary>
    private static async Task<List<(DeadlineKind Kind, Guid Id, DateOnly Date)>> HitsAsync(Queries q, DeadlineKind kind, int n,
        CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case DeadlineKind.AwaitingSignature:
                var awaiting = await q.Awaiting.OrderBy(a => a.SentForSignatureAt).ThenBy(a => a.Id).Take(n)
                    .Select(a => new { a.Id, a.SentForSignatureAt, a.CreatedAt }).ToListAsync(cancellationToken);
                return [.. awaiting.Select(r => (kind, r.Id, DateOnly.FromDateTime(Norwegian.Local(r.SentForSignatureAt ?? r.CreatedAt).DateTime)))];
            case DeadlineKind.Review:
                var reviews = await q.Reviews.OrderBy(a => a.NextReviewDate).ThenBy(a => a.Id).Take(n)
                    .Select(a => new { a.Id, Date = a.NextReviewDate!.Value }).ToListAsync(cancellationToken);
                return [.. reviews.Select(r => (kind, r.Id, r.Date))];
            case DeadlineKind.Revision:
                var revisions = await q.Revisions.OrderBy(a => a.ValidFrom).ThenBy(a => a.Id).Take(n)
                    .Select(a => new { a.Id, a.ValidFrom }).ToListAsync(cancellationToken);
                return [.. revisions.Select(r => (kind, r.Id, ReviewRules.RevisionDeadline(r.ValidFrom)))];
            case DeadlineKind.NoticeTakesEffect:
                var notices = await q.Notices.OrderBy(a => a.EndsOn).ThenBy(a => a.Id).Take(n)
                    .Select(a => new { a.Id, Date = a.EndsOn!.Value }).ToListAsync(cancellationToken);
                return [.. notices.Select(r => (kind, r.Id, r.Date))];
            case DeadlineKind.NoticeNotification:
                var unnotified = await q.NoticeNotifications.OrderBy(a => a.NoticeGivenOn).ThenBy(a => a.Id).Take(n)
                    .Select(a => new { a.Id, Date = a.NoticeGivenOn!.Value }).ToListAsync(cancellationToken);
                return [.. unnotified.Select(r => (kind, r.Id, r.Date))];
            default:
                var endings = await q.Endings.OrderBy(a => a.ValidTo).ThenBy(a => a.Id).Take(n)
                    .Select(a => new { a.Id, Date = a.ValidTo!.Value }).ToListAsync(cancellationToken);
                return [.. endings.Select(r => (DeadlineKind.Ending, r.Id, r.Date))];
        }
    }

    /// <summary>Title, reference, parties and signatures of the agreements behind the hits, in the hits' order.</summary>
    private static async Task<List<Deadline>> DescribeAsync(AppDbContext db, IReadOnlyList<(DeadlineKind Kind, Guid Id, DateOnly Date)> hits,
        CancellationToken cancellationToken)
    {
        var ids = hits.Select(h => h.Id).Distinct().ToList();
        var agreements = await db.Agreements.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.ReferenceNumber, a.VersionNumber, a.Kind })
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var parties = (await (from ap in db.AgreementParties.AsNoTracking()
                              join p in db.Parties.AsNoTracking() on ap.PartyId equals p.Id
                              where ids.Contains(ap.AgreementId)
                              orderby ap.Role, p.Name
                              select new { ap.AgreementId, p.Name, Signed = ap.Signature != null })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.AgreementId);

        return [.. hits.Select(h =>
        {
            var a = agreements[h.Id];
            return new Deadline(h.Kind, h.Id, h.Date, a.Title, a.ReferenceNumber, a.VersionNumber, a.Kind,
                parties[h.Id].Select(p => p.Name).ToList(), parties[h.Id].Count(p => p.Signed));
        })];
    }

    public static async Task<DeadlineResult> LoadAsync(AppDbContext db, ClaimsPrincipal user, DateOnly today, int horizon,
        DeadlineKind? only, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        horizon = NormalizeHorizon(horizon);
        pageSize = Math.Max(1, pageSize);
        if (only is { } wanted && !Enum.IsDefined(wanted))
        {
            only = null;
        }

        var (queries, visible, limit, revisionFrom) = Build(db, user, today, horizon);
        var counts = new Dictionary<DeadlineKind, int>((await CountAsync(visible, limit, revisionFrom, cancellationToken)).ByKind);
        var overdueDeviations = OverdueDeviations(db, user, today);
        counts[DeadlineKind.DeviationAnswer] = await overdueDeviations.CountAsync(cancellationToken);

        // A page beyond the last shows the last one.
        var total = only is { } o ? counts[o] : counts.Values.Sum();
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        page = Math.Clamp(page, 1, pageCount);
        var skip = (page - 1) * pageSize;

        // The first skip + pageSize of the merge can only come from the first skip + pageSize of each kind.
        var n = skip + pageSize;
        var hits = new List<(DeadlineKind Kind, Guid Id, DateOnly Date)>();
        foreach (var kind in Enum.GetValues<DeadlineKind>())
        {
            if ((only is null || only == kind) && counts[kind] > 0)
            {
                hits.AddRange(kind == DeadlineKind.DeviationAnswer
                    ? await DeviationHitsAsync(overdueDeviations, n, cancellationToken)
                    : await HitsAsync(queries, kind, n, cancellationToken));
            }
        }

        var shown = hits.OrderBy(h => h.Date).ThenBy(h => h.Kind).ThenBy(h => h.Id).Skip(skip).Take(pageSize).ToList();
        var agreementRows = new Queue<Deadline>(await DescribeAsync(db, [.. shown.Where(h => h.Kind != DeadlineKind.DeviationAnswer)], cancellationToken));
        var deviationRows = new Queue<Deadline>(await DescribeDeviationsAsync(db, [.. shown.Where(h => h.Kind == DeadlineKind.DeviationAnswer)],
            cancellationToken));
        var deadlines = shown.Select(h => h.Kind == DeadlineKind.DeviationAnswer ? deviationRows.Dequeue() : agreementRows.Dequeue()).ToList();
        return new DeadlineResult(deadlines, total, counts, page, pageCount) { Today = today, Horizon = horizon };
    }

    /// <summary>
    /// R22 (issue 10 § 3): deviations the user may see (<see cref="DeviationAccess"/>) that were sent to the
    /// other party and not answered by their deadline. Listed whatever the horizon, from the day the answer was due.
    /// </summary>
    private static IQueryable<Deviation> OverdueDeviations(AppDbContext db, ClaimsPrincipal user, DateOnly today) =>
        db.Deviations.AsNoTracking().VisibleTo(db, user)
            .Where(d => d.Status == DeviationStatus.SentToOtherParty && d.AnswerDueOn != null && d.AnswerDueOn < today);

    private static async Task<List<(DeadlineKind Kind, Guid Id, DateOnly Date)>> DeviationHitsAsync(IQueryable<Deviation> overdue, int n,
        CancellationToken cancellationToken)
    {
        var rows = await overdue.OrderBy(d => d.AnswerDueOn).ThenBy(d => d.Id).Take(n)
            .Select(d => new { d.Id, Date = d.AnswerDueOn!.Value }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (DeadlineKind.DeviationAnswer, r.Id, r.Date))];
    }

    /// <summary>Case number, title and the two parties of the overdue deviations, with the agreement they concern, in the hits' order.</summary>
    private static async Task<List<Deadline>> DescribeDeviationsAsync(AppDbContext db, IReadOnlyList<(DeadlineKind Kind, Guid Id, DateOnly Date)> hits,
        CancellationToken cancellationToken)
    {
        var ids = hits.Select(h => h.Id).ToList();
        var cases = await (from d in db.Deviations.AsNoTracking()
                           join a in db.Agreements.AsNoTracking() on d.AgreementId equals a.Id
                           join r in db.Parties.AsNoTracking() on d.ReportingPartyId equals r.Id
                           join o in db.Parties.AsNoTracking() on d.OtherPartyId equals o.Id
                           where ids.Contains(d.Id)
                           select new
                           {
                               d.Id,
                               d.CaseNumber,
                               CaseTitle = d.Title,
                               d.AgreementId,
                               a.Title,
                               a.ReferenceNumber,
                               a.VersionNumber,
                               a.Kind,
                               Reporting = r.Name,
                               Other = o.Name,
                           })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        return [.. hits.Select(h =>
        {
            var c = cases[h.Id];
            return new Deadline(h.Kind, c.AgreementId, h.Date, c.Title, c.ReferenceNumber, c.VersionNumber, c.Kind, [$"{c.Reporting} (melder)", c.Other], 0)
            {
                CaseId = c.Id,
                CaseNumber = c.CaseNumber,
                CaseTitle = c.CaseTitle,
            };
        })];
    }

    /// <summary>
    /// The overview's short lists: the first <paramref name="take"/> of each kind, with the counts. Yearly
    /// review and revision are one list there, one entry per agreement (an agreement due for both is
    /// named once, with both dates).
    /// </summary>
    public static async Task<DeadlineSummary> SummaryAsync(AppDbContext db, ClaimsPrincipal user, DateOnly today, int horizon, int take,
        CancellationToken cancellationToken = default)
    {
        horizon = NormalizeHorizon(horizon);
        var (queries, visible, limit, revisionFrom) = Build(db, user, today, horizon);
        var counted = await CountAsync(visible, limit, revisionFrom, cancellationToken);
        var counts = new Dictionary<DeadlineKind, int>(counted.ByKind);
        var overdueDeviations = OverdueDeviations(db, user, today);
        counts[DeadlineKind.DeviationAnswer] = await overdueDeviations.CountAsync(cancellationToken);
        var hits = new List<(DeadlineKind Kind, Guid Id, DateOnly Date)>();
        foreach (var kind in Enum.GetValues<DeadlineKind>())
        {
            if (kind != DeadlineKind.DeviationAnswer && counts[kind] > 0)
            {
                hits.AddRange(await HitsAsync(queries, kind, take, cancellationToken));
            }
        }

        var unanswered = counts[DeadlineKind.DeviationAnswer] > 0
            ? await DescribeDeviationsAsync(db, await DeviationHitsAsync(overdueDeviations, take, cancellationToken), cancellationToken)
            : [];

        var rows = await DescribeAsync(db, hits, cancellationToken);
        // Each agreement's earliest date is among the first `take` of its kind, so the first `take`
        // agreements of the merged list are right.
        var reviews = rows.Where(r => r.Kind is DeadlineKind.Review or DeadlineKind.Revision)
            .GroupBy(r => r.AgreementId)
            .Select(g => new ReviewDue(g.First(), g.FirstOrDefault(r => r.Kind == DeadlineKind.Review)?.Date,
                g.FirstOrDefault(r => r.Kind == DeadlineKind.Revision)?.Date))
            .OrderBy(r => r.FirstDate).ThenBy(r => r.Agreement.ReferenceNumber)
            .Take(take)
            .ToList();
        return new DeadlineSummary(
            today, horizon, counts, counted.ReviewOrRevision,
            [.. rows.Where(r => r.Kind == DeadlineKind.AwaitingSignature)],
            reviews,
            [.. rows.Where(r => r.Kind == DeadlineKind.NoticeTakesEffect)],
            [.. rows.Where(r => r.Kind == DeadlineKind.Ending)],
            unanswered);
    }

    /// <summary>
    /// "om 12 dager", "i dag", "forfalt siden 31.12.2024" (since when, not a count of days nobody can
    /// picture); for a signature: how long it has waited.
    /// </summary>
    public static string DaysText(Deadline deadline, DateOnly today)
    {
        var days = deadline.DaysFrom(today);
        if (deadline.Kind == DeadlineKind.NoticeNotification)
        {
            return $"sagt opp {Norwegian.Date(deadline.Date)}";
        }

        if (deadline.Kind == DeadlineKind.AwaitingSignature)
        {
            return -days switch
            {
                <= 0 => "sendt til signering i dag",
                1 => "har ventet i 1 dag",
                var d => $"har ventet i {d} dager",
            };
        }

        return days switch
        {
            0 => "i dag",
            1 => "om 1 dag",
            > 0 => $"om {days} dager",
            _ => $"forfalt siden {Norwegian.Date(deadline.Date)}",
        };
    }

    /// <summary>What the user should do about the deadline, in a sentence.</summary>
    public static string Advice(Deadline deadline, DateOnly today)
    {
        var overdue = IsOverdue(deadline, today);
        return deadline.Kind switch
        {
            DeadlineKind.AwaitingSignature =>
                $"{deadline.SignedCount} av {deadline.PartyNames.Count} har signert. Følg opp de som mangler, og registrer signaturene på avtalesiden.",
            DeadlineKind.Review => overdue
                ? "Gjennomfør den årlige gjennomgangen og registrer den på avtalesiden."
                : "Planlegg den årlige gjennomgangen og registrer den på avtalesiden når den er gjort.",
            DeadlineKind.Revision => overdue
                ? "Avtalen er eldre enn to år: revider den ved å lage en ny versjon."
                : "Avtalen bør revideres (minst annethvert år): lag en ny versjon.",
            DeadlineKind.NoticeTakesEffect => overdue
                ? "Oppsigelsen har fått virkning: kontroller at avtalen er avsluttet og at en ny avtale er på plass."
                : "Avtalen opphører denne dagen. Sørg for at en ny avtale er på plass.",
            DeadlineKind.DeviationAnswer =>
                "Den andre parten har ikke svart på avviket innen fristen. Følg opp saken, eller send den til kommunen og spesialisthelsetjenesten.",
            DeadlineKind.NoticeNotification =>
                "Avtalen er sagt opp. Helseforetaket skal varsle sitt RHF, og RHF Helsedirektoratet (004): registrer varslene på avtalesiden.",
            _ => overdue
                ? "Avtaleperioden er over: lag en ny versjon eller avslutt avtalen."
                : "Avtaleperioden slutter denne dagen: forny avtalen med en ny versjon, eller la den utløpe.",
        };
    }

    public static bool IsOverdue(Deadline deadline, DateOnly today) =>
        deadline.Kind is not (DeadlineKind.AwaitingSignature or DeadlineKind.NoticeNotification) && deadline.Date < today;
}

/// <summary>An agreement due for its yearly review, its revision, or both: named once.</summary>
public sealed record ReviewDue(Deadline Agreement, DateOnly? ReviewDate, DateOnly? RevisionDate)
{
    public DateOnly FirstDate => new[] { ReviewDate, RevisionDate }.Where(d => d is not null).Min()!.Value;

    /// <summary>"Årlig gjennomgang forfalt siden 31.12.2024 og revisjon om 40 dager (15.01.2027)."</summary>
    public string Text(DateOnly today)
    {
        var parts = new List<string>();
        if (ReviewDate is { } review)
        {
            parts.Add($"årlig gjennomgang {When(review, today)}");
        }

        if (RevisionDate is { } revision)
        {
            parts.Add($"revisjon {When(revision, today)}");
        }

        var text = string.Join(" og ", parts);
        return char.ToUpper(text[0], Norwegian.Culture) + text[1..] + ".";
    }

    public string Advice(DateOnly today) => (ReviewDate, RevisionDate) switch
    {
        (not null, not null) => "Gjennomfør gjennomgangen, og revider avtalen med en ny versjon.",
        (not null, null) => ReviewDate < today
            ? "Gjennomfør gjennomgangen og registrer den på avtalesiden."
            : "Planlegg gjennomgangen og registrer den på avtalesiden når den er gjort.",
        _ => "Revider avtalen ved å lage en ny versjon.",
    };

    public bool IsOverdue(DateOnly today) => FirstDate < today;

    private static string When(DateOnly date, DateOnly today) => (date.DayNumber - today.DayNumber) switch
    {
        < 0 => $"forfalt siden {Norwegian.Date(date)}",
        0 => "i dag",
        1 => $"om 1 dag ({Norwegian.Date(date)})",
        var d => $"om {d} dager ({Norwegian.Date(date)})",
    };
}

/// <summary>The overview's deadline lists (the first few of each) and the full counts.</summary>
public sealed record DeadlineSummary(
    DateOnly Today,
    int Horizon,
    IReadOnlyDictionary<DeadlineKind, int> Counts,
    int ReviewOrRevisionCount,
    IReadOnlyList<Deadline> AwaitingSignature,
    IReadOnlyList<ReviewDue> ReviewsDue,
    IReadOnlyList<Deadline> UnderNotice,
    IReadOnlyList<Deadline> Ending,
    IReadOnlyList<Deadline> DeviationsUnanswered);
