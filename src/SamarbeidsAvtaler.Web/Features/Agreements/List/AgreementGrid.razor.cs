using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Web.Components;

namespace SamarbeidsAvtaler.Web.Features.Agreements.List;

public partial class AgreementGrid
{
    // The rows come sorted from PostgreSQL; a constant key makes the grid's own (stable) sort keep that order.
    private static readonly Func<AgreementRow, object> KeepServerOrder = _ => 0;

    // Column (the row's property) to the sort key in the URL.
    private static readonly Dictionary<string, string> SortKeys = new()
    {
        [nameof(AgreementRow.ReferenceNumber)] = "referanse",
        [nameof(AgreementRow.Title)] = "tittel",
        [nameof(AgreementRow.Kind)] = "type",
        [nameof(AgreementRow.Status)] = "status",
        [nameof(AgreementRow.ValidFrom)] = AgreementFilter.DefaultSort,
        [nameof(AgreementRow.NextReviewDate)] = "gjennomgang",
    };

    private readonly LatestLoad _loads = new();
    private MudDataGrid<AgreementRow>? _grid;
    private int _gridKey;
    private (string Sort, bool Descending) _gridSort;
    private AgreementListState? _requested;
    private AgreementPage? _page;

    /// <summary>What the list shows: from the URL.</summary>
    [Parameter, EditorRequired] public AgreementListState State { get; set; } = AgreementListState.Default;

    /// <summary>The user changed the sort (column header) or the page: the new state, for the URL.</summary>
    [Parameter] public EventCallback<AgreementListState> StateChanged { get; set; }

    [Parameter, EditorRequired] public ClaimsPrincipal User { get; set; } = new();

    /// <summary>The last page loaded (null before the first load): for tests and the summary.</summary>
    public AgreementPage? LoadedPage => _page;

    private string NoRowsText => State.Filter.IsEmpty
        ? "Det er ingen avtaler å vise ennå."
        : "Ingen avtaler passer til søket. Prøv et annet søkeord eller fjern et filter.";

    private string Summary => _page switch
    {
        null => "Henter avtaler …",
        { Total: 0 } => NoRowsText,
        { MoreThanCounted: true } => $"Over {AgreementListService.CountLimit.ToString("N0", Norwegian.Culture)} avtaler passer. Søk eller filtrer for å se færre; sidene viser de {AgreementListService.CountLimit.ToString("N0", Norwegian.Culture)} første.",
        { Total: 1 } => "1 avtale",
        { PageCount: 1 } page => $"{page.Total.ToString("N0", Norwegian.Culture)} avtaler",
        var page => $"{page.Total.ToString("N0", Norwegian.Culture)} avtaler, side {page.Page} av {page.PageCount}",
    };

    protected override void OnInitialized() => _gridSort = SortOf(State);

    protected override async Task OnParametersSetAsync()
    {
        if (SortOf(State) != _gridSort)
        {
            // The grid keeps its own sort state; a sort that comes from the URL (back button, the sort menu)
            // gets a new grid that starts with it and loads by itself.
            _gridSort = SortOf(State);
            _gridKey++;
            return;
        }

        if (_requested is not null && State != _requested && _grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    private async Task<GridData<AgreementRow>> LoadAsync(GridState<AgreementRow> gridState, CancellationToken cancellationToken)
    {
        var wanted = State;
        var sort = GridSort.Of(gridState, SortKeys, (AgreementFilter.DefaultSort, true));
        if (sort != SortOf(wanted))
        {
            // A click on a column header: sort anew from the first page.
            wanted = wanted with { Filter = wanted.Filter with { Sort = sort.Key, Descending = sort.Descending }, Page = 1 };
        }

        _gridSort = sort;
        _requested = wanted;

        var (completed, page) = await _loads.RunAsync(token => Agreements.SearchAsync(User, wanted, token), cancellationToken);
        if (!completed)
        {
            return Current();
        }

        _page = page;

        // The summary and the pager are this component's, not the grid's: render them with the new page.
        StateHasChanged();
        if (wanted != State)
        {
            await StateChanged.InvokeAsync(wanted);
        }

        return Current();
    }

    private GridData<AgreementRow> Current() =>
        new() { Items = _page?.Rows ?? [], TotalItems = _page?.Rows.Count ?? 0 };

    private Task GoToPageAsync(int page) => StateChanged.InvokeAsync(State with { Page = page });

    private Task SetPageSizeAsync(int size) => StateChanged.InvokeAsync(State with { PageSize = size, Page = 1 });

    private SortDirection Direction(string key) => GridSort.Direction(key, SortOf(State));

    private static SortDirection FirstClick(string key) => GridSort.FirstClick(AgreementFilter.DescendingByDefault(key));

    private static (string, bool) SortOf(AgreementListState state) => (state.Filter.Sort, state.Filter.Descending);

    private static string Reference(AgreementRow row) => row.VersionNumber > 1 ? $"{row.ReferenceNumber} v{row.VersionNumber}" : row.ReferenceNumber;

    /// <summary>
    /// The status chip (markup, not a component: see AgreementStatusTag.Chip) and, for a notice, the end date under
    /// it, not in it: a long chip would push the last column out at 1280 px. Built by hand so no whitespace text sits
    /// between the two (a space would widen the column).
    /// </summary>
    private static RenderFragment StatusCell(AgreementRow row) => builder =>
    {
        builder.AddContent(0, AgreementStatusTag.Chip(row.Status));
        if (row.Status == AgreementStatus.UnderNotice && row.EndsOn is { } ends)
        {
            builder.OpenElement(1, "div");
            builder.AddAttribute(2, "class", "app-row-meta");
            builder.AddContent(3, $"til {Norwegian.Date(ends)}");
            builder.CloseElement();
        }
    };

    private static string PartySummary(List<string> names) =>
        names.Count <= 3 ? string.Join(", ", names) : $"{string.Join(", ", names.Take(2))} og {names.Count - 2} til";

    public void Dispose() => _loads.Dispose();
}
