using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Web.Components;

namespace SamarbeidsAvtaler.Web.Features.Deviations;

/// <summary>
/// The register's search, filters and sort, read from the query string by the list page and by the CSV export
/// alike, so both show the same cases. Unreadable values are ignored, never an error; text is cleaned
/// (control characters such as NUL removed, length bounded) before any query.
/// </summary>
public sealed record DeviationFilter
{
    public const string DefaultSort = "tidspunkt";

    /// <summary>Sort keys in the URL and whether the first click sorts descending.</summary>
    public static readonly IReadOnlyList<(string Key, bool DescendingByDefault)> Sorts =
    [
        (DefaultSort, true),
        ("saksnummer", true),
        ("tittel", false),
        ("status", false),
        ("frist", false),
    ];

    public static DeviationFilter Empty { get; } = new();

    public string? Text { get; init; }
    public DeviationStatus? Status { get; init; }
    public DeviationCategory? Category { get; init; }

    /// <summary>A party on either side of the case.</summary>
    public Guid? PartyId { get; init; }

    /// <summary>The period the deviation happened in, both days included.</summary>
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public bool OnlyOpen { get; init; }

    /// <summary>Sent, unanswered and past the answer deadline.</summary>
    public bool OnlyOverdue { get; init; }
    public string Sort { get; init; } = DefaultSort;
    public bool Descending { get; init; } = true;

    public bool IsEmpty => this == Empty with { Sort = Sort, Descending = Descending };

    public static DeviationFilter FromQuery(Func<string, string?> query)
    {
        static T? ParseEnum<T>(string? value) where T : struct, Enum =>
            Enum.TryParse<T>(value, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed : null;

        static DateOnly? ParseDate(string? value) =>
            DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && DateRules.InRange(date) ? date : null;

        var sort = SearchText.Clean(query("sort")) is { } s && Sorts.Any(x => x.Key == s) ? s : DefaultSort;
        return new DeviationFilter
        {
            Text = SearchText.Clean(query("q")),
            Status = ParseEnum<DeviationStatus>(SearchText.Clean(query("status"))),
            Category = ParseEnum<DeviationCategory>(SearchText.Clean(query("kategori"))),
            PartyId = Guid.TryParse(SearchText.Clean(query("part")), out var party) ? party : null,
            From = ParseDate(SearchText.Clean(query("fra"))),
            To = ParseDate(SearchText.Clean(query("til"))),
            OnlyOpen = SearchText.Clean(query("apne")) == "true",
            OnlyOverdue = SearchText.Clean(query("forfalt")) == "true",
            Sort = sort,
            Descending = SearchText.Clean(query("retning")) switch
            {
                "synkende" => true,
                "stigende" => false,
                _ => DescendingByDefault(sort),
            },
        };
    }

    public static bool DescendingByDefault(string sort) => Sorts.FirstOrDefault(x => x.Key == sort).DescendingByDefault;

    /// <summary>The query string of this filter (defaults left out): the list's URL and the CSV link.</summary>
    public Dictionary<string, object?> ToQuery() => new()
    {
        ["q"] = Text,
        ["status"] = Status?.ToString(),
        ["kategori"] = Category?.ToString(),
        ["part"] = PartyId?.ToString(),
        ["fra"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["til"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["apne"] = OnlyOpen ? "true" : null,
        ["forfalt"] = OnlyOverdue ? "true" : null,
        ["sort"] = Sort == DefaultSort ? null : Sort,
        ["retning"] = Descending == DescendingByDefault(Sort) ? null : Descending ? "synkende" : "stigende",
    };

    public IQueryable<Deviation> Apply(IQueryable<Deviation> deviations, DateOnly today)
    {
        if (Status is { } status)
        {
            deviations = deviations.Where(d => d.Status == status);
        }

        if (Category is { } category)
        {
            deviations = deviations.Where(d => d.Category == category);
        }

        if (PartyId is { } party)
        {
            deviations = deviations.Where(d => d.ReportingPartyId == party || d.OtherPartyId == party);
        }

        if (From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue);
            deviations = deviations.Where(d => d.OccurredAt >= start);
        }

        if (To is { } to && to < DateRules.Latest)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue);
            deviations = deviations.Where(d => d.OccurredAt < end);
        }

        if (OnlyOpen)
        {
            deviations = deviations.Where(d => d.Status != DeviationStatus.Closed);
        }

        if (OnlyOverdue)
        {
            deviations = deviations.Where(d => d.Status == DeviationStatus.SentToOtherParty && d.AnswerDueOn < today);
        }

        // Cleaned again here: a filter built in code must not reach PostgreSQL with a NUL either.
        if (SearchText.Clean(Text) is { } text)
        {
            var pattern = "%" + SearchText.EscapeLike(text.ToLowerInvariant()) + "%";
            deviations = deviations.Where(d => EF.Functions.Like(d.CaseNumber.ToLower(), pattern)
                || EF.Functions.Like(d.Title.ToLower(), pattern)
                || EF.Functions.Like(d.ReporterCaseReference.ToLower(), pattern));
        }

        return deviations;
    }

    /// <summary>Sorts by the chosen key, then by id, so paging is stable.</summary>
    public IQueryable<Deviation> Order(IQueryable<Deviation> deviations) => (Sort, Descending) switch
    {
        ("saksnummer", false) => deviations.OrderBy(d => d.CaseNumber).ThenBy(d => d.Id),
        ("saksnummer", true) => deviations.OrderByDescending(d => d.CaseNumber).ThenBy(d => d.Id),
        ("tittel", false) => deviations.OrderBy(d => d.Title).ThenBy(d => d.Id),
        ("tittel", true) => deviations.OrderByDescending(d => d.Title).ThenBy(d => d.Id),
        ("status", false) => deviations.OrderBy(d => d.Status).ThenByDescending(d => d.OccurredAt).ThenBy(d => d.Id),
        ("status", true) => deviations.OrderByDescending(d => d.Status).ThenByDescending(d => d.OccurredAt).ThenBy(d => d.Id),
        // Cases without a deadline (not sent yet, or answered before one was set) come last either way.
        ("frist", false) => deviations.OrderBy(d => d.AnswerDueOn == null).ThenBy(d => d.AnswerDueOn).ThenBy(d => d.Id),
        ("frist", true) => deviations.OrderBy(d => d.AnswerDueOn == null).ThenByDescending(d => d.AnswerDueOn).ThenBy(d => d.Id),
        (_, false) => deviations.OrderBy(d => d.OccurredAt).ThenBy(d => d.Id),
        _ => deviations.OrderByDescending(d => d.OccurredAt).ThenByDescending(d => d.Id),
    };
}
