using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Components.Forms;

namespace SamarbeidsAvtaler.Web.Features.Deviations;

public partial class DeviationReportEditor
{
    public const string NoNamesReminder = "Ikke skriv pasientens navn, fødselsnummer eller D-nummer – bruk saksnummeret i eget avvikssystem.";

    private EditContext _editContext = default!;
    private FormErrors _errors = default!;
    private DeviationReportForm? _current;
    private IReadOnlyList<DeviationAgreementOption> _agreements = [];
    private string? _problem;
    private bool _busy;

    [Parameter, EditorRequired] public DeviationReportForm Form { get; set; } = default!;

    /// <summary>The parties the user may report for, matching a text.</summary>
    [Parameter, EditorRequired] public Func<string?, CancellationToken, Task<IReadOnlyList<DeviationPartyOption>>> SearchReportingParties { get; set; } = default!;

    /// <summary>The parties on the other side of the reporting party (its id first), matching a text.</summary>
    [Parameter, EditorRequired] public Func<Guid, string?, CancellationToken, Task<IReadOnlyList<DeviationPartyOption>>> SearchOtherParties { get; set; } = default!;

    /// <summary>The agreements in force between the two parties.</summary>
    [Parameter, EditorRequired] public Func<Guid, Guid, Task<IReadOnlyList<DeviationAgreementOption>>> LoadAgreements { get; set; } = default!;

    /// <summary>Saves the report; errors go beside the fields, any other refusal above the form.</summary>
    [Parameter, EditorRequired] public Func<DeviationReportForm, Task<CommandResult<Guid>>> Save { get; set; } = default!;

    [Parameter] public EventCallback<CommandResult<Guid>> Saved { get; set; }

    private DeviationAgreementOption? Agreement => _agreements.FirstOrDefault(a => a.Id == Form.AgreementId);

    private IReadOnlyList<int> Points => Agreement?.StatutoryAreas ?? [];

    /// <summary>
    /// R26, live: for a discharge (or before a category is chosen), whether the reported time is within the
    /// agreement's agreed hours, public holidays counted.
    /// </summary>
    private (bool Outside, string Text)? HoursNotice
    {
        get
        {
            if (Agreement?.Hours is not { } hours || Form.OccurredAt is not { } at
                || (Form.Category is { } category && !Deviation.IsDischarge(category)))
            {
                return null;
            }

            return hours.OutsideMessage(at) is { } outside
                ? (true, outside)
                : (false, $"Tidspunktet er innenfor avtalt utskrivningstid ({Norwegian.InSentence(hours.ToString())}).");
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        if (!ReferenceEquals(Form, _current))
        {
            _current = Form;
            _editContext = new EditContext(Form);
            _errors = new FormErrors(_editContext);
            _problem = null;
            _agreements = [];
            if (Form.ReportingParty is { } reporting && Form.OtherParty is { } other)
            {
                _agreements = await LoadAgreements(reporting.Id, other.Id);
            }
        }
    }

    private static string? PointLabel(int? number) =>
        number is { } n ? $"{n}. {StatutoryAreaCatalogue.All.FirstOrDefault(a => a.Number == n)?.Title}" : null;

    private async Task<IEnumerable<DeviationPartyOption>> SearchReportingAsync(string? text, CancellationToken ct) =>
        await SearchReportingParties(text, ct);

    private async Task<IEnumerable<DeviationPartyOption>> SearchOtherAsync(string? text, CancellationToken ct) =>
        Form.ReportingParty is { } reporting ? await SearchOtherParties(reporting.Id, text, ct) : [];

    private async Task ReportingChangedAsync(DeviationPartyOption? party)
    {
        if (party?.Id == Form.ReportingParty?.Id)
        {
            return;
        }

        // Another reporting party: the other party and the agreement were chosen for the old one.
        Form.ReportingParty = party;
        Form.OtherParty = null;
        await ReloadAgreementsAsync();
    }

    private async Task OtherChangedAsync(DeviationPartyOption? party)
    {
        if (party?.Id == Form.OtherParty?.Id)
        {
            return;
        }

        Form.OtherParty = party;
        await ReloadAgreementsAsync();
    }

    private async Task ReloadAgreementsAsync()
    {
        _agreements = Form.ReportingParty is { } reporting && Form.OtherParty is { } other ? await LoadAgreements(reporting.Id, other.Id) : [];
        if (_agreements.All(a => a.Id != Form.AgreementId))
        {
            // The only agreement between the two is the one; with several the user chooses.
            AgreementChanged(_agreements.Count == 1 ? _agreements[0].Id : null);
        }
    }

    private void AgreementChanged(Guid? id)
    {
        Form.AgreementId = id;
        if (Form.StatutoryAreaNumber is { } point && !Points.Contains(point))
        {
            Form.StatutoryAreaNumber = null;
        }
    }

    private async Task SaveAsync()
    {
        if (_busy)
        {
            return;
        }

        _busy = true;
        _problem = null;
        _errors.Clear();
        try
        {
            var result = await Save(Form);
            if (result.Succeeded)
            {
                await Saved.InvokeAsync(result);
            }
            else if (result.Status == CommandStatus.Invalid && result.Errors.Count > 0)
            {
                _errors.Add(result.Errors);
            }
            else
            {
                _problem = result.Message;
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
