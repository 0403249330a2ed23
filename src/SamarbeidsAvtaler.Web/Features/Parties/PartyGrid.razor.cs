using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Web.Components;

namespace SamarbeidsAvtaler.Web.Features.Parties;

public partial class PartyGrid : IDisposable
{
    // The rows come sorted from PostgreSQL; a constant key makes the grid's own (stable) sort keep that order.
    private static readonly Func<PartyRow, object> KeepServerOrder = _ => 0;

    // Column (the row's property) to the sort key in the URL.
    private static readonly Dictionary<string, string> SortKeys = new()
    {
        [nameof(PartyRow.Name)] = "navn",
        [nameof(PartyRow.Kind)] = "type",
        [nameof(PartyRow.NumberText)] = "nummer",
        [nameof(PartyRow.PostalCity)] = "sted",
    };

    private readonly LatestLoad _loads = new();
    private MudDataGrid<PartyRow>? _grid;
    private int _gridKey;
    private (string Sort, bool Descending) _gridSort;
    private PartyListState? _requested;
    private PartyPage? _page;

    /// <summary>What the list shows: from the URL.</summary>
    [Parameter, EditorRequired] public PartyListState State { get; set; } = PartyListState.Default;

    /// <summary>The user sorted (column header) or paged: the new state, for the URL.</summary>
    [Parameter] public EventCallback<PartyListState> StateChanged { get; set; }

    [Parameter, EditorRequired] public ClaimsPrincipal User { get; set; } = new();

    private string NoRowsText => State.IsFiltered
        ? "Ingen parter passer til søket. Prøv et annet søkeord eller fjern filteret."
        : State.IncludeInactive ? "Registeret har ingen parter ennå." : "Registeret har ingen aktive parter å vise.";

    private string Summary => _page switch
    {
        null => "Henter parter …",
        { Total: 0 } => NoRowsText,
        { Total: 1 } => "1 part",
        { PageCount: 1 } page => $"{page.Total.ToString("N0", Norwegian.Culture)} parter",
        var page => $"{page.Total.ToString("N0", Norwegian.Culture)} parter, side {page.Page} av {page.PageCount}",
    };

    protected override void OnInitialized() => _gridSort = (State.Sort, State.Descending);

    protected override async Task OnParametersSetAsync()
    {
        if ((State.Sort, State.Descending) != _gridSort)
        {
            // The grid keeps its own sort state; a sort from the URL (the back button) gets a new grid that starts with it.
            _gridSort = (State.Sort, State.Descending);
            _gridKey++;
            return;
        }

        if (_requested is not null && State != _requested && _grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    private async Task<GridData<PartyRow>> LoadAsync(GridState<PartyRow> gridState, CancellationToken cancellationToken)
    {
        var wanted = State;
        var sort = GridSort.Of(gridState, SortKeys, (PartyListState.DefaultSort, false));
        if (sort != (wanted.Sort, wanted.Descending))
        {
            // A click on a column header: sort anew from the first page.
            wanted = wanted with { Sort = sort.Key, Descending = sort.Descending, Page = 1 };
        }

        _gridSort = sort;
        _requested = wanted;

        var (completed, page) = await _loads.RunAsync(token => Parties.SearchAsync(User, wanted, token), cancellationToken);
        if (!completed)
        {
            return Current();
        }

        _page = page;

        if (wanted != State)
        {
            await StateChanged.InvokeAsync(wanted);
        }

        // The summary and the pager are outside the grid: show them for the page just loaded.
        StateHasChanged();
        return Current();
    }

    private GridData<PartyRow> Current() => new() { Items = _page?.Rows ?? [], TotalItems = _page?.Rows.Count ?? 0 };

    private Task GoToPageAsync(int page) => StateChanged.InvokeAsync(State with { Page = page });

    private SortDirection Direction(string key) => GridSort.Direction(key, (State.Sort, State.Descending));

    public void Dispose() => _loads.Dispose();
}
