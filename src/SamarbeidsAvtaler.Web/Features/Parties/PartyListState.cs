using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Web.Components;

namespace SamarbeidsAvtaler.Web.Features.Parties;

/// <summary>
/// What the party list shows: search, kind, deactivated or not, sort and page. It lives in the URL
/// (q, type, inaktive, sort, retning, side: the sort as the agreement list writes it), so a link, a bookmark,
/// reload and the back button restore it.
/// </summary>
public sealed record PartyListState(string? Search, PartyKind? Kind, bool IncludeInactive, string Sort, bool Descending, int Page)
{
    public const int PageSize = 25;
    public const string DefaultSort = "navn";

    public static readonly IReadOnlyList<string> SortKeys = [DefaultSort, "type", "nummer", "sted"];

    public static readonly PartyListState Default = new(null, null, false, DefaultSort, false, 1);

    public bool IsFiltered => Search is not null || Kind is not null;

    /// <summary>Reads the URL's values; anything unknown or malformed falls back to the default, never an error.</summary>
    public static PartyListState FromQuery(string? q, string? type, string? inactive, string? sort, string? direction, string? page)
    {
        var kind = Enum.TryParse<PartyKind>(type, ignoreCase: false, out var k) && Enum.IsDefined(k) && !int.TryParse(type, out _) ? k : (PartyKind?)null;
        var key = SearchText.Clean(sort) is { } s && SortKeys.Contains(s) ? s : DefaultSort;
        var descending = SearchText.Clean(direction) == "synkende";
        var number = int.TryParse(page, out var n) && n is > 0 and < 100_000 ? n : 1;
        return new PartyListState(SearchText.Clean(q), kind, inactive == "true", key, descending, number);
    }

    /// <summary>The URL query values; defaults are left out so the plain list has a plain URL.</summary>
    public IReadOnlyDictionary<string, object?> ToQuery() => new Dictionary<string, object?>
    {
        ["q"] = Search,
        ["type"] = Kind?.ToString(),
        ["inaktive"] = IncludeInactive ? "true" : null,
        ["sort"] = Sort == DefaultSort ? null : Sort,
        ["retning"] = Descending ? "synkende" : null,
        ["side"] = Page > 1 ? Page : null,
    };
}
