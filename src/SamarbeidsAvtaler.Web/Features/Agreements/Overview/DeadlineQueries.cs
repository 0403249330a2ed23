using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Infrastructure.Data;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Overview;

/// <summary>What needs doing about an agreement, and by when.</summary>
public enum DeadlineKind
{
    AwaitingSignature = 1,
    Review = 2,
    Revision = 3,
    NoticeTakesEffect = 4,
    Ending = 5,
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
    /// <summary>Days from today to the date: negative when overdue, or how long a signature has been waited for.</summary>
    public int DaysFrom(DateOnly today) => Date.DayNumber - today.DayNumber;
}

public sealed record DeadlineResult(IReadOnlyList<Deadline> Rows, int Total, IReadOnlyDictionary<DeadlineKind, int> Counts, int Page, int PageCount)
{
    public static DeadlineResult Empty { get; } = new([], 0, new Dictionary<DeadlineKind, int>(), 1, 1);
}

/// <summary>
/// The deadlines within a horizon: drafts awaiting signature (always, however long they have
/// waited), yearly reviews due (R3), revisions due for kommune–HF agreements (R3: every second
/// year), notices taking effect (R2) and fixed terms running out. Each kind is one indexed query;
/// the page merges the kinds by date and pages through the merge.
/// </summary>
public static class DeadlineQueries
{
    public const int DefaultHorizon = 90;

    public static readonly IReadOnlyList<int> Horizons = [30, 90, 180, 365];

    /// <summary>Readers of the overview pages: everyone but an avtalespesialist.</summary>
    public const string Readers = Roles.Caseworker + "," + Roles.CooperationManager + "," + Roles.Administrator;

    /// <summary>The horizon in days from the query: one of the choices, anything else the default.</summary>
    public static int ParseHorizon(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && Horizons.Contains(days) ? days : DefaultHorizon;


    public static async Task<DeadlineResult> LoadAsync(AppDbContext db, ClaimsPrincipal user, DateOnly today, int horizon,
        DeadlineKind? only, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var limit = today.AddDays(horizon);
        var visible = db.Agreements.AsNoTracking().VisibleTo(db, user);
        var current = visible.Where(a => a.Status == AgreementStatus.Active || a.Status == AgreementStatus.UnderNotice);

        var awaiting = visible.Where(a => a.Status == AgreementStatus.AwaitingSignature);
        var reviews = current.Where(a => a.NextReviewDate != null && a.NextReviewDate <= limit);
        // R3 (003): revision at least every second year, counted from when this version took effect.
        // Compared on valid_from itself so its index serves: the latest valid-from whose deadline
        // (valid-from + 2 years, 29 February to 28 February) falls within the horizon.
        var revisionFrom = limit.AddYears(-2);
        if (limit is { Month: 2, Day: 28 } && DateTime.IsLeapYear(revisionFrom.Year))
        {
            revisionFrom = revisionFrom.AddDays(1);
        }

        var revisions = current.Where(a => a.Kind == AgreementKind.MunicipalCooperationAgreement && a.ValidFrom <= revisionFrom);
        var notices = visible.Where(a => a.Status == AgreementStatus.UnderNotice && a.EndsOn != null && a.EndsOn <= limit);
        var endings = visible.Where(a => a.Status == AgreementStatus.Active && a.ValidTo != null && a.ValidTo <= limit);

        bool Wanted(DeadlineKind kind) => only is null || only == kind;
        // All five counts in one pass over the table instead of one query each: the same conditions as above.
        var c = await visible.GroupBy(_ => 1).Select(g => new
        {
            Awaiting = g.Count(a => a.Status == AgreementStatus.AwaitingSignature),
            Reviews = g.Count(a => (a.Status == AgreementStatus.Active || a.Status == AgreementStatus.UnderNotice)
                && a.NextReviewDate != null && a.NextReviewDate <= limit),
            Revisions = g.Count(a => (a.Status == AgreementStatus.Active || a.Status == AgreementStatus.UnderNotice)
                && a.Kind == AgreementKind.MunicipalCooperationAgreement && a.ValidFrom <= revisionFrom),
            Notices = g.Count(a => a.Status == AgreementStatus.UnderNotice && a.EndsOn != null && a.EndsOn <= limit),
            Endings = g.Count(a => a.Status == AgreementStatus.Active && a.ValidTo != null && a.ValidTo <= limit),
        })
            .SingleOrDefaultAsync(cancellationToken);
        var counts = new Dictionary<DeadlineKind, int>
        {
            [DeadlineKind.AwaitingSignature] = c?.Awaiting ?? 0,
            [DeadlineKind.Review] = c?.Reviews ?? 0,
            [DeadlineKind.Revision] = c?.Revisions ?? 0,
            [DeadlineKind.NoticeTakesEffect] = c?.Notices ?? 0,
            [DeadlineKind.Ending] = c?.Endings ?? 0,
        };

        // A page beyond the last shows the last one.
        var total = only is { } o ? counts[o] : counts.Values.Sum();
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        page = Math.Clamp(page, 1, pageCount);
        var skip = (page - 1) * pageSize;

        // The first skip + pageSize of the merge can only come from the first skip + pageSize of each kind.
        var n = skip + pageSize;
        var hits = new List<(DeadlineKind Kind, Guid Id, DateOnly Date)>();
        if (Wanted(DeadlineKind.AwaitingSignature) && counts[DeadlineKind.AwaitingSignature] > 0)
        {
            var rows = await awaiting.OrderBy(a => a.SentForSignatureAt).ThenBy(a => a.Id).Take(n)
                .Select(a => new { a.Id, a.SentForSignatureAt, a.CreatedAt }).ToListAsync(cancellationToken);
            hits.AddRange(rows.Select(r => (DeadlineKind.AwaitingSignature, r.Id, DateOnly.FromDateTime((r.SentForSignatureAt ?? r.CreatedAt).ToLocalTime().DateTime))));
        }

        if (Wanted(DeadlineKind.Review) && counts[DeadlineKind.Review] > 0)
        {
            var rows = await reviews.OrderBy(a => a.NextReviewDate).ThenBy(a => a.Id).Take(n)
                .Select(a => new { a.Id, Date = a.NextReviewDate!.Value }).ToListAsync(cancellationToken);
            hits.AddRange(rows.Select(r => (DeadlineKind.Review, r.Id, r.Date)));
        }

        if (Wanted(DeadlineKind.Revision) && counts[DeadlineKind.Revision] > 0)
        {
            var rows = await revisions.OrderBy(a => a.ValidFrom).ThenBy(a => a.Id).Take(n)
                .Select(a => new { a.Id, a.ValidFrom }).ToListAsync(cancellationToken);
            hits.AddRange(rows.Select(r => (DeadlineKind.Revision, r.Id, ReviewRules.RevisionDeadline(r.ValidFrom))));
        }

        if (Wanted(DeadlineKind.NoticeTakesEffect) && counts[DeadlineKind.NoticeTakesEffect] > 0)
        {
            var rows = await notices.OrderBy(a => a.EndsOn).ThenBy(a => a.Id).Take(n)
                .Select(a => new { a.Id, Date = a.EndsOn!.Value }).ToListAsync(cancellationToken);
            hits.AddRange(rows.Select(r => (DeadlineKind.NoticeTakesEffect, r.Id, r.Date)));
        }

        if (Wanted(DeadlineKind.Ending) && counts[DeadlineKind.Ending] > 0)
        {
            var rows = await endings.OrderBy(a => a.ValidTo).ThenBy(a => a.Id).Take(n)
                .Select(a => new { a.Id, Date = a.ValidTo!.Value }).ToListAsync(cancellationToken);
            hits.AddRange(rows.Select(r => (DeadlineKind.Ending, r.Id, r.Date)));
        }

        var shown = hits.OrderBy(h => h.Date).ThenBy(h => h.Kind).ThenBy(h => h.Id).Skip(skip).Take(pageSize).ToList();
        var ids = shown.Select(h => h.Id).Distinct().ToList();
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

        var deadlines = shown.Select(h =>
        {
            var a = agreements[h.Id];
            return new Deadline(h.Kind, h.Id, h.Date, a.Title, a.ReferenceNumber, a.VersionNumber, a.Kind,
                parties[h.Id].Select(p => p.Name).ToList(), parties[h.Id].Count(p => p.Signed));
        }).ToList();

        return new DeadlineResult(deadlines, total, counts, page, pageCount);
    }

    /// <summary>"om 12 dager", "i dag", "forfalt for 12 dager siden"; for a signature: how long it has waited.</summary>
    public static string DaysText(Deadline deadline, DateOnly today)
    {
        var days = deadline.DaysFrom(today);
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
            -1 => "forfalt for 1 dag siden",
            > 0 => $"om {days} dager",
            _ => $"forfalt for {-days} dager siden",
        };
    }

    public static bool IsOverdue(Deadline deadline, DateOnly today) =>
        deadline.Kind != DeadlineKind.AwaitingSignature && deadline.Date < today;
}
