using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Components;

namespace SamarbeidsAvtaler.Web.Features.Agreements.List;

/// <summary>
/// The agreement list's search, filters and sorting, read from the query string by the page and by the
/// CSV export alike so both always show the same agreements. Unreadable values are ignored, never an
/// error; text is cleaned (control characters such as NUL removed, length bounded) before any query.
/// </summary>
public sealed record AgreementFilter
{
    public const string DefaultSort = "gyldig-fra";

    /// <summary>Sort keys in the URL, with their column and the direction a first click gives.</summary>
    public static readonly IReadOnlyList<(string Key, string Label, bool DescendingByDefault)> Sorts =
    [
        (DefaultSort, "Gyldig fra", true),
        ("tittel", "Tittel", false),
        ("referanse", "Referanse", true),
        ("type", "Type", false),
        ("status", "Status", false),
        ("gjennomgang", "Neste gjennomgang", false),
    ];

    public static readonly IReadOnlyList<int> ReviewHorizons = [30, 90, 180, 365];

    public static AgreementFilter Empty { get; } = new();

    public string? Text { get; init; }

    public AgreementKind? Kind { get; init; }

    public AgreementStatus? Status { get; init; }

    public Guid? PartyId { get; init; }

    public string? Specialty { get; init; }

    public Guid? RhfId { get; init; }

    public int? ReviewWithinDays { get; init; }

    public bool UnderNotice { get; init; }

    /// <summary>Replaced versions are normally reached through their successor; the list shows them on request.</summary>
    public bool IncludeReplaced { get; init; }

    public string Sort { get; init; } = DefaultSort;

    public bool Descending { get; init; } = true;

    public static AgreementFilter From(Func<string, string?> query)
    {
        static T? ParseEnum<T>(string? value) where T : struct, Enum =>
            Enum.TryParse<T>(value, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed : null;

        var days = int.TryParse(SearchText.Clean(query("frist")), NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is > 0 and <= 3650 ? d : (int?)null;
        var sort = SearchText.Clean(query("sort")) is { } s && Sorts.Any(x => x.Key == s) ? s : DefaultSort;
        var descending = SearchText.Clean(query("retning")) switch
        {
            "synkende" => true,
            "stigende" => false,
            _ => DescendingByDefault(sort),
        };

        return new AgreementFilter
        {
            Text = SearchText.Clean(query("q")),
            Kind = ParseEnum<AgreementKind>(SearchText.Clean(query("type"))),
            Status = ParseEnum<AgreementStatus>(SearchText.Clean(query("status"))),
            PartyId = Guid.TryParse(SearchText.Clean(query("part")), out var party) ? party : null,
            Specialty = SearchText.Clean(query("spesialitet")),
            RhfId = Guid.TryParse(SearchText.Clean(query("rhf")), out var rhf) ? rhf : null,
            ReviewWithinDays = days,
            UnderNotice = SearchText.Clean(query("oppsagt")) == "true",
            IncludeReplaced = SearchText.Clean(query("erstattede")) == "true",
            Sort = sort,
            Descending = descending,
        };
    }

    public static bool DescendingByDefault(string sort) => Sorts.FirstOrDefault(x => x.Key == sort).DescendingByDefault;

    /// <summary>The query string of this filter, for links that keep it (the URL of the list, the CSV export). Defaults are left out.</summary>
    public Dictionary<string, object?> ToQuery() => new()
    {
        ["q"] = Text,
        ["type"] = Kind?.ToString(),
        ["status"] = Status?.ToString(),
        ["part"] = PartyId?.ToString(),
        ["spesialitet"] = Specialty,
        ["rhf"] = RhfId?.ToString(),
        ["frist"] = ReviewWithinDays?.ToString(CultureInfo.InvariantCulture),
        ["oppsagt"] = UnderNotice ? "true" : null,
        ["erstattede"] = IncludeReplaced ? "true" : null,
        ["sort"] = Sort == DefaultSort ? null : Sort,
        ["retning"] = Descending == DescendingByDefault(Sort) ? null : Descending ? "synkende" : "stigende",
    };

    /// <summary>How many filters beside the search text are set: shown on the collapsed filter panel's button.</summary>
    public int ActiveFilterCount =>
        new object?[] { Kind, Status, PartyId, Specialty, RhfId, ReviewWithinDays }.Count(v => v is not null)
        + (UnderNotice ? 1 : 0) + (IncludeReplaced ? 1 : 0);

    public bool IsEmpty => Text is null && ActiveFilterCount == 0;

    /// <summary>
    /// At most this many agreements of parties named like the search text go to PostgreSQL as a list of ids
    /// (<see cref="NamedPartyAgreementsAsync"/>); beyond it matches are common enough that reading agreements
    /// in list order soon finds a page and 1 000 of them, and the subquery serves.
    /// </summary>
    public const int NamedPartyAgreementLimit = 10_000;

    /// <summary>
    /// The agreements a party named like the search text is party to, for <see cref="Apply"/>: null without a
    /// search text, or when there are more than <see cref="NamedPartyAgreementLimit"/>.
    /// </summary>
    /// <remarks>
    /// Why a list and a round trip of its own: under the OR with the title and the reference, a subquery on
    /// agreement_parties is a filter PostgreSQL must try on every agreement, so a rare term read all 100 000
    /// (0.4 s; scripts/benchmark-agreements.sh). «id = ANY(list)» joins the trigram indexes in one bitmap scan.
    /// </remarks>
    public async Task<List<Guid>?> NamedPartyAgreementsAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (SearchText.Clean(Text) is not { } text)
        {
            return null;
        }

        var pattern = Like(text);
        var named = db.Parties.Where(p => EF.Functions.Like(p.Name.ToLower(), pattern)).Select(p => p.Id);
        var agreements = await db.AgreementParties.Where(ap => named.Contains(ap.PartyId)).Select(ap => ap.AgreementId).Distinct()
            .OrderBy(id => id).Take(NamedPartyAgreementLimit + 1).ToListAsync(cancellationToken);
        return agreements.Count > NamedPartyAgreementLimit ? null : agreements;
    }

    /// <param name="namedPartyAgreements">From <see cref="NamedPartyAgreementsAsync"/> (faster for a rare search text); null: a subquery, the same rows.</param>
    public IQueryable<Agreement> Apply(IQueryable<Agreement> agreements, AppDbContext db, DateOnly today, List<Guid>? namedPartyAgreements = null)
    {
        if (Status is { } status)
        {
            agreements = agreements.Where(a => a.Status == status);
        }
        else if (!IncludeReplaced)
        {
            agreements = agreements.Where(a => a.Status != AgreementStatus.Replaced);
        }

        if (Kind is { } kind)
        {
            agreements = agreements.Where(a => a.Kind == kind);
        }

        if (UnderNotice)
        {
            agreements = agreements.Where(a => a.Status == AgreementStatus.UnderNotice);
        }

        if (ReviewWithinDays is { } days)
        {
            var limit = today.AddDays(days);
            agreements = agreements.Where(a => a.NextReviewDate != null && a.NextReviewDate <= limit
                && (a.Status == AgreementStatus.Active || a.Status == AgreementStatus.UnderNotice));
        }

        if (PartyId is { } partyId)
        {
            agreements = agreements.Where(a => db.AgreementParties.Any(ap => ap.AgreementId == a.Id && ap.PartyId == partyId));
        }

        if (RhfId is { } rhfId)
        {
            // An agreement belongs to an RHF when the RHF is a party or a party belongs under it.
            var underRhf = db.Parties.Where(p => p.Id == rhfId || p.ParentPartyId == rhfId
                || db.Parties.Any(parent => parent.Id == p.ParentPartyId && parent.ParentPartyId == rhfId)).Select(p => p.Id);
            agreements = agreements.Where(a => db.AgreementParties.Any(ap => ap.AgreementId == a.Id && underRhf.Contains(ap.PartyId)));
        }

        // Cleaned again here: a filter built in code (not from the URL) must not reach PostgreSQL with a NUL either.
        if (SearchText.Clean(Specialty) is { } specialty)
        {
            var pattern = Like(specialty);
            var specialists = db.Parties.Where(p => p.Kind == PartyKind.Specialist && EF.Functions.Like(p.Specialty!.ToLower(), pattern)).Select(p => p.Id);
            agreements = agreements.Where(a => EF.Functions.Like(a.PracticePosition!.Specialty.ToLower(), pattern)
                || db.AgreementParties.Any(ap => ap.AgreementId == a.Id && specialists.Contains(ap.PartyId)));
        }

        if (SearchText.Clean(Text) is { } text)
        {
            // lower(x) LIKE '%…%' is what the trigram indexes on lower(title), lower(reference_number) and lower(name) serve.
            var pattern = Like(text);
            if (namedPartyAgreements is { Count: 0 })
            {
                agreements = agreements.Where(a => EF.Functions.Like(a.Title.ToLower(), pattern) || EF.Functions.Like(a.ReferenceNumber.ToLower(), pattern));
            }
            else if (namedPartyAgreements is not null)
            {
                // One array parameter (id = ANY(@list)), whatever its length.
                agreements = agreements.Where(a => EF.Functions.Like(a.Title.ToLower(), pattern)
                    || EF.Functions.Like(a.ReferenceNumber.ToLower(), pattern)
                    || EF.Parameter(namedPartyAgreements).Contains(a.Id));
            }
            else
            {
                var named = db.Parties.Where(p => EF.Functions.Like(p.Name.ToLower(), pattern)).Select(p => p.Id);
                agreements = agreements.Where(a => EF.Functions.Like(a.Title.ToLower(), pattern)
                    || EF.Functions.Like(a.ReferenceNumber.ToLower(), pattern)
                    || db.AgreementParties.Any(ap => ap.AgreementId == a.Id && named.Contains(ap.PartyId)));
            }
        }

        return agreements;
    }

    /// <summary>Sorts by the chosen key, then by id, so paging is stable when many rows share a value.</summary>
    public IQueryable<Agreement> Order(IQueryable<Agreement> agreements) => (Sort, Descending) switch
    {
        ("tittel", false) => agreements.OrderBy(a => a.Title).ThenBy(a => a.Id),
        ("tittel", true) => agreements.OrderByDescending(a => a.Title).ThenBy(a => a.Id),
        ("referanse", false) => agreements.OrderBy(a => a.ReferenceNumber).ThenBy(a => a.VersionNumber).ThenBy(a => a.Id),
        ("referanse", true) => agreements.OrderByDescending(a => a.ReferenceNumber).ThenByDescending(a => a.VersionNumber).ThenBy(a => a.Id),
        ("type", false) => agreements.OrderBy(a => a.Kind).ThenByDescending(a => a.ValidFrom).ThenBy(a => a.Id),
        ("type", true) => agreements.OrderByDescending(a => a.Kind).ThenByDescending(a => a.ValidFrom).ThenBy(a => a.Id),
        ("status", false) => agreements.OrderBy(a => a.Status).ThenByDescending(a => a.ValidFrom).ThenBy(a => a.Id),
        ("status", true) => agreements.OrderByDescending(a => a.Status).ThenByDescending(a => a.ValidFrom).ThenBy(a => a.Id),
        // Agreements without a review date come last either way: they have nothing due.
        ("gjennomgang", false) => agreements.OrderBy(a => a.NextReviewDate == null).ThenBy(a => a.NextReviewDate).ThenBy(a => a.Id),
        ("gjennomgang", true) => agreements.OrderBy(a => a.NextReviewDate == null).ThenByDescending(a => a.NextReviewDate).ThenBy(a => a.Id),
        (_, false) => agreements.OrderBy(a => a.ValidFrom).ThenBy(a => a.Id),
        _ => agreements.OrderByDescending(a => a.ValidFrom).ThenByDescending(a => a.Id),
    };

    private static string Like(string text) => "%" + SearchText.EscapeLike(text.ToLowerInvariant()) + "%";
}
