using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Components.Dialogs;

namespace SamarbeidsAvtaler.Web.Features.Disputes;

/// <summary>
/// The case page's actions: each opens its dialog, runs the service with the version the page shows, and on
/// success says so in a snackbar and has the page reload. After a conflict the page reloads behind the open
/// dialog, so the user sees the current state and a second try is checked against it; the dialog keeps the input.
/// </summary>
public sealed class DisputeActions(
    IDialogService dialogs, ISnackbar snackbar, DisputeService disputes, ClaimsPrincipal user, Func<DisputeView> view, Func<Task> changed,
    TimeProvider clock)
{
    private DisputeView View => view();

    private Guid Id => View.Id;

    private DateTime Today => clock.Today().ToDateTime(TimeOnly.MinValue);

    public async Task EscalateAsync()
    {
        if (View.NextStep is not { } next)
        {
            return;
        }

        var model = new EscalateForm();
        var meetings = next == EscalationStep.StrategicCommittee ? await disputes.GetSsuMeetingsAsync(user, Id) : [];
        model.MeetingId = meetings.Count == 1 ? meetings[0].MeetingId : null;
        var parameters = new DialogParameters<EscalateDialog>
        {
            { d => d.Model, model },
            { d => d.Step, next },
            { d => d.Meetings, meetings },
            { d => d.Binding, View.StatementsBinding },
            { d => d.Submit, Command(version => disputes.EscalateAsync(user, Id, version, next, model)) },
        };
        await DoneAsync(await ShowAsync<EscalateDialog>("Ta tvisten videre", parameters));
    }

    public async Task RecordStatementAsync()
    {
        if (View.CurrentStatementForce is not { } force)
        {
            return;
        }

        var model = new StatementForm { GivenOn = Today };
        var parameters = new DialogParameters<StatementDialog>
        {
            { d => d.Model, model },
            { d => d.Step, View.CurrentStep },
            { d => d.Force, force },
            { d => d.Submit, Command(version => disputes.RecordStatementAsync(user, Id, version, model)) },
        };
        await DoneAsync(await ShowAsync<StatementDialog>("Registrer uttalelse", parameters));
    }

    public async Task ResolveAsync()
    {
        var model = new ResolveForm();
        var parameters = new DialogParameters<ResolveDialog>
        {
            { d => d.Model, model },
            { d => d.Step, View.CurrentStep },
            { d => d.Submit, Command(version => disputes.ResolveAsync(user, Id, version, model)) },
        };
        await DoneAsync(await ShowAsync<ResolveDialog>("Registrer at partene er enige", parameters));
    }

    public async Task RecordLossClaimAsync()
    {
        var model = new LossClaimForm
        {
            LossClaimAmount = View.LossClaimAmount,
            LossClaimDescription = View.LossClaimDescription,
            LossClaimedOn = View.LossClaimedOn?.ToDateTime(TimeOnly.MinValue) ?? Today,
        };
        var parameters = new DialogParameters<LossClaimDialog>
        {
            { d => d.Model, model },
            { d => d.Submit, Command(version => disputes.RecordLossClaimAsync(user, Id, version, model)) },
        };
        await DoneAsync(await ShowAsync<LossClaimDialog>("Registrer krav om erstatning", parameters));
    }

    private Func<Task<CommandResult>> Command(Func<uint, Task<CommandResult<uint>>> command) => async () =>
    {
        var result = await command(View.Version);
        if (result.Status is CommandStatus.Conflict)
        {
            await changed();
        }

        return result;
    };

    private Task<CommandResult?> ShowAsync<TDialog>(string title, DialogParameters parameters)
        where TDialog : IComponent =>
        dialogs.ShowFormAsync<TDialog>(title, parameters);

    private async Task DoneAsync(CommandResult? result)
    {
        if (result is null)
        {
            return;
        }

        snackbar.Add(result.Message ?? "Lagret.", Severity.Success);
        await changed();
    }
}
