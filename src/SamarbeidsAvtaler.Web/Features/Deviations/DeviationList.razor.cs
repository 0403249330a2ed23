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

    // Column (the row's property) to the sort key of the filter.
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
    private (string Sort, bool Descending) _sort = (DeviationFilter.DefaultSort, true);
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

    /// <summary>The CSV of exactly the list: the filter from the URL with the grid's sort.</summary>
    private string ExportLink =>
        Navigation.GetUriWithQueryParameters("/avvik/eksport.csv", (_filter with { Sort = _sort.Sort, Descending = _sort.Descending }).ToQuery());

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
            _ => null,
        });
        if (filter != _filter)
        {
            _filter = filter;
            if (_grid is not null)
            {
                await _grid.ReloadServerData();
            }
        }
    }

    private async Task<GridData<DeviationRow>> LoadAsync(GridState<DeviationRow> state, CancellationToken cancellationToken)
    {
        _sort = state.SortDefinitions.FirstOrDefault() is { } definition && SortKeys.TryGetValue(definition.SortBy, out var key)
            ? (key, definition.Descending)
            : (DeviationFilter.DefaultSort, true);
        var filter = _filter with { Sort = _sort.Sort, Descending = _sort.Descending };
        var (completed, page) = await _loads.RunAsync(token => Deviations.SearchAsync(_user, filter, state.Page, state.PageSize, token), cancellationToken);
        _loaded |= completed;
        // The CSV link follows the sort.
        StateHasChanged();
        return completed && page is not null
            ? new GridData<DeviationRow> { Items = page.Rows, TotalItems = page.Total }
            : new GridData<DeviationRow> { Items = [], TotalItems = 0 };
    }

    // A search field reports its value again when it loses focus, e.g. on a click on a case link: by then the
    // user is on the way to the case, and pushing the list's address again would turn them back.
    private void Navigate(DeviationFilter filter)
    {
        var current = Navigation.ToBaseRelativePath(Navigation.Uri).Split('?', '#')[0];
        if (filter != _filter && current == "avvik")
        {
            Navigation.NavigateTo(Navigation.GetUriWithQueryParameters("/avvik", filter.ToQuery()));
        }
    }

    public void Dispose() => _loads.Dispose();
}
