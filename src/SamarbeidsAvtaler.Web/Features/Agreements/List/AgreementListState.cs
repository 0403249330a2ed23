using System.Globalization;
using SamarbeidsAvtaler.Web.Components;

namespace SamarbeidsAvtaler.Web.Features.Agreements.List;

/// <summary>
/// Everything the agreement list's URL holds: the filter (shared with the CSV export), the page and the
/// page size. The page builds it from the query string and writes it back, so a link, a bookmark, reload
/// and the back button all restore the same list.
/// </summary>
public sealed record AgreementListState(AgreementFilter Filter, int Page = 1, int PageSize = AgreementListState.DefaultPageSize)
{
    public const int DefaultPageSize = 25;

    public static readonly IReadOnlyList<int> PageSizes = [10, 25, 50, 100];

    public static AgreementListState Default { get; } = new(AgreementFilter.Empty);

    public static AgreementListState From(Func<string, string?> query)
    {
        var page = int.TryParse(SearchText.Clean(query("side")), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and <= 100_000 ? p : 1;
        var size = int.TryParse(SearchText.Clean(query("antall")), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && PageSizes.Contains(s) ? s : DefaultPageSize;
        return new AgreementListState(AgreementFilter.From(query), page, size);
    }

    public Dictionary<string, object?> ToQuery()
    {
        var query = Filter.ToQuery();
        query["side"] = Page > 1 ? Page.ToString(CultureInfo.InvariantCulture) : null;
        query["antall"] = PageSize != DefaultPageSize ? PageSize.ToString(CultureInfo.InvariantCulture) : null;
        return query;
    }

    /// <summary>A new filter starts again on the first page.</summary>
    public AgreementListState WithFilter(AgreementFilter filter) => this with { Filter = filter, Page = 1 };
}
