using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SamarbeidsAvtaler.Web.Components;

namespace SamarbeidsAvtaler.Web.Features.Deviations;

public partial class DeviationList
{
    // The rows come sorted from PostgreSQL; a constant key makes the grid's own (stable) sort keep that order.
    private static readonly Func<DeviationRow, object> KeepServerOrder = _ => 0;

    // Column (the row's property) to the sort key in the URL.
    private static readonly Dictionary<string, string> SortKeys = new()
    {
        [nameof(DeviationRow.CaseNumber)] = "saksnummer",
        [nameof(DeviationRow.Title)] = "tittel",
        [nameof(DeviationRow.OccurredAt)] = DeviationFilter.DefaultSort,
        [nameof(DeviationRow.Status)] = "status",
        [nameof(DeviationRow.AnswerDueOn)] = "frist",
    };

    private readonly LatestLoad _loads = new();

    // Until the circuit has loaded the first page (the prerender never does), the grid says it is fetching, not that nothing exists.
    private bool _loaded;
    private ClaimsPrincipal _user = new();
    private DeviationFilterOptions? _options;
    private DeviationFilter _filter = DeviationFilter.Empty;

    // What the grid was last asked to load, and the sort it holds (its own state, set from the URL when it starts).
    private DeviationFilter? _requested;
    private (string Sort, bool Descending) _gridSort = SortOf(DeviationFilter.Empty);
    private int _gridKey;
    private MudDataGrid<DeviationRow>? _grid;

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "q")] private string? Text { get; set; }
    [SupplyParameterFromQuery(Name = "status")] private string? Status { get; set; }
    [SupplyParameterFromQuery(Name = "kategori")] private string? Category { get; set; }
    [SupplyParameterFromQuery(Name = "part")] private string? Party { get; set; }
    [SupplyParameterFromQuery(Name = "fra")] private string? From { get; set; }
    [SupplyParameterFromQuery(Name = "til")] private string? To { get; set; }
    [SupplyParameterFromQuery(Name = "apne")] private string? OnlyOpen { get; set; }
    [SupplyParameterFromQuery(Name = "forfalt")] private string? OnlyOverdue { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] private string? Sort { get; set; }
    [SupplyParameterFromQuery(Name = "retning")] private string? Order { get; set; }

    /// <summary>The CSV of exactly the list: filter and sort from the URL.</summary>
    private string ExportLink => Navigation.GetUriWithQueryParameters("/avvik/eksport.csv", _filter.ToQuery());

    protected override async Task OnInitializedAsync()
    {
        _user = (await Authentication).User;
        _options = await Deviations.GetFilterOptionsAsync(_user);
    }

    protected override async Task OnParametersSetAsync()
    {
        var filter = DeviationFilter.FromQuery(key => key switch
        {
            "q" => Text,
            "status" => Status,
            "kategori" => Category,
            "part" => Party,
            "fra" => From,
            "til" => To,
            "apne" => OnlyOpen,
            "forfalt" => OnlyOverdue,
            "sort" => Sort,
            "retning" => Order,
            _ => null,
        });
        if (filter == _filter)
        {
            return;
        }

        _filter = filter;
        if (SortOf(filter) != _gridSort)
        {
            // The grid keeps its own sort; a sort from the URL (reload, back) gets a new grid that starts with it and loads by itself.
            _gridSort = SortOf(filter);
            _gridKey++;
        }
        else if (_grid is not null && filter != _requested)
        {
            await _grid.ReloadServerData();
        }
    }

    private async Task<GridData<DeviationRow>> LoadAsync(GridState<DeviationRow> state, CancellationToken cancellationToken)
    {
        var sort = GridSort.Of(state, SortKeys, (DeviationFilter.DefaultSort, true));
        _gridSort = sort;
        // A click on a column header changes the sort: the URL follows, so reload and back keep it. Set before
        // navigating, since the navigation asks (OnParametersSetAsync) whether this load already covers the URL.
        var filter = _filter with { Sort = sort.Key, Descending = sort.Descending };
        _requested = filter;
        await Navigate(filter);

        var (completed, page) = await _loads.RunAsync(token => Deviations.SearchAsync(_user, filter, state.Page, state.PageSize, token), cancellationToken);
        _loaded |= completed;
        return completed && page is not null
            ? new GridData<DeviationRow> { Items = page.Rows, TotalItems = page.Total }
            : new GridData<DeviationRow> { Items = [], TotalItems = 0 };
    }

    private Task Navigate(DeviationFilter filter) => filter == _filter ? Task.CompletedTask : Address.ShowAsync("/avvik", filter.ToQuery());

    private SortDirection Direction(string key) => GridSort.Direction(key, SortOf(_filter));

    private static SortDirection FirstClick(string key) => GridSort.FirstClick(DeviationFilter.DescendingByDefault(key));

    private static (string, bool) SortOf(DeviationFilter filter) => (filter.Sort, filter.Descending);

    public void Dispose() => _loads.Dispose();
}
