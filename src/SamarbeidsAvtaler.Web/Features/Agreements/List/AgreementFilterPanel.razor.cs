using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using SamarbeidsAvtaler.Web.Components;

namespace SamarbeidsAvtaler.Web.Features.Agreements.List;

public partial class AgreementFilterPanel
{
    private const string All = "alle";

    private IReadOnlyList<PartyOption> _rhfs = [];
    private PartyOption? _party;
    private string? _text;
    private string? _specialty;
    private bool _open;
    private bool _initialized;

    [Parameter, EditorRequired] public AgreementFilter Filter { get; set; } = AgreementFilter.Empty;

    [Parameter] public EventCallback<AgreementFilter> FilterChanged { get; set; }

    [Parameter, EditorRequired] public ClaimsPrincipal User { get; set; } = new();

    protected override async Task OnInitializedAsync()
    {
        // Open when the URL already filters (a shared link): the user sees at once why the list is short.
        _open = Filter.ActiveFilterCount > 0;
        _rhfs = await Agreements.RegionalHealthAuthoritiesAsync(User);
    }

    protected override async Task OnParametersSetAsync()
    {
        // Keep what the user is typing: take the URL's text only when it is not what the field already means
        // (the URL holds the cleaned text; back and forward bring other text).
        if (!_initialized || SearchText.Clean(_text) != Filter.Text)
        {
            _text = Filter.Text;
        }

        if (!_initialized || SearchText.Clean(_specialty) != Filter.Specialty)
        {
            _specialty = Filter.Specialty;
        }

        _initialized = true;
        if (Filter.PartyId != _party?.Id)
        {
            _party = Filter.PartyId is { } id ? await Agreements.FindPartyAsync(User, id) : null;
        }
    }

    private void Toggle() => _open = !_open;

    private Task Emit(AgreementFilter filter) => filter == Filter ? Task.CompletedTask : FilterChanged.InvokeAsync(filter);

    private Task OnTextChanged(string? text)
    {
        _text = text;
        return Emit(Filter with { Text = SearchText.Clean(text) });
    }

    private Task OnSpecialtyChanged(string? text)
    {
        _specialty = text;
        return Emit(Filter with { Specialty = SearchText.Clean(text) });
    }

    private Task OnPartyChanged(PartyOption? party)
    {
        _party = party;
        return Emit(Filter with { PartyId = party?.Id });
    }

    private Task OnSortChanged(string value)
    {
        var parts = value.Split(':');
        return parts.Length == 2 && AgreementFilter.Sorts.Any(s => s.Key == parts[0])
            ? Emit(Filter with { Sort = parts[0], Descending = parts[1] == "synkende" })
            : Task.CompletedTask;
    }

    private Task ClearFilters() => Emit(AgreementFilter.Empty with { Text = Filter.Text, Sort = Filter.Sort, Descending = Filter.Descending });

    private async Task<IEnumerable<PartyOption>> SearchPartiesAsync(string? text, CancellationToken cancellationToken) =>
        await Agreements.SearchPartiesAsync(User, text, cancellationToken);

    private static string SortValue(string key, bool descending) => $"{key}:{(descending ? "synkende" : "stigende")}";

    private static T? Parse<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
}
