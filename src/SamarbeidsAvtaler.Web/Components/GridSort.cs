using MudBlazor;

namespace SamarbeidsAvtaler.Web.Components;

/// <summary>
/// A server-sorted MudDataGrid whose sort lives in the URL as <c>sort=key</c> and <c>retning=synkende|stigende</c>
/// (the agreement list's way, shared by the lists that sort by column). PostgreSQL sorts; the grid only shows
/// which column and which way, and reports a header click as a new key and direction for the URL.
/// </summary>
public static class GridSort
{
    /// <summary>The sort the grid asks for, as the URL's key (through the column's property name) and direction; <paramref name="fallback"/> when it asks for none.</summary>
    public static (string Key, bool Descending) Of<T>(GridState<T> state, IReadOnlyDictionary<string, string> keysByProperty, (string Key, bool Descending) fallback) =>
        state.SortDefinitions.FirstOrDefault() is { } definition && keysByProperty.TryGetValue(definition.SortBy, out var key)
            ? (key, definition.Descending)
            : fallback;

    /// <summary>The arrow a column starts with: the URL's direction on the sorted column, none on the others.</summary>
    public static SortDirection Direction(string column, (string Key, bool Descending) sort) =>
        sort.Key != column ? SortDirection.None : sort.Descending ? SortDirection.Descending : SortDirection.Ascending;

    /// <summary>The direction a first click on a column gives (dates and numbers newest first, text A to Å).</summary>
    public static SortDirection FirstClick(bool descendingByDefault) =>
        descendingByDefault ? SortDirection.Descending : SortDirection.Ascending;
}
