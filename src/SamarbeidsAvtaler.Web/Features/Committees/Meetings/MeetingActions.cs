using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Components.Dialogs;
using SamarbeidsAvtaler.Web.Features.Agreements.Detail;

namespace SamarbeidsAvtaler.Web.Features.Committees.Meetings;

/// <summary>
/// The meeting page's actions in dialogs: each runs the service with the version the page shows, and
/// on success says so in a snackbar and has the page reload. After a conflict the page reloads behind
/// the open dialog, which keeps what the user typed, so a second try is checked against the new values.
/// </summary>
public sealed class MeetingActions(
    IDialogService dialogs, ISnackbar snackbar, IMeetingService meetings, ClaimsPrincipal user,
    Func<MeetingView> view, Func<Task> changed, TimeProvider clock)
{
    private MeetingView View => view();

    private Guid Id => View.Id;

    public async Task EditAsync()
    {
        var model = MeetingForm.From(View);
        await DoneAsync(await ShowAsync<MeetingDialog>("Endre møtet", new DialogParameters<MeetingDialog>
        {
            { d => d.Model, model },
            { d => d.Title, "Endre møtet" },
            { d => d.Submit, Command(version => meetings.UpdateAsync(user, Id, model, version)) },
        }));
    }

    public async Task MarkHeldAsync()
    {
        var message = $"Møtet {Norwegian.Date(View.Date)} registreres som holdt. Bare holdte møter teller med i kravet til antall møter i året (R16). "
            + "Etterpå kan referatet godkjennes, og saker på møtet kan ikke lenger fjernes.";
        await DoneAsync(await dialogs.ConfirmAsync("Registrer som holdt", message, "Ja, møtet er holdt",
            Command(version => meetings.MarkHeldAsync(user, Id, version))));
    }

    public async Task CancelAsync()
    {
        var message = $"Møtet {Norwegian.Date(View.Date)} avlyses. Det blir stående i listen som avlyst, med sakene det hadde. Et avlyst møte kan ikke gjenopptas; planlegg et nytt i stedet.";
        await DoneAsync(await dialogs.ConfirmAsync("Avlys møtet", message, "Ja, avlys møtet",
            Command(version => meetings.CancelAsync(user, Id, version)), destructive: true));
    }

    /// <summary>Deletes a planned meeting without agenda; true when it is gone (the page then leaves).</summary>
    public async Task<bool> DeleteAsync()
    {
        var message = $"Møtet {Norwegian.Date(View.Date)} slettes helt. Bruk dette når møtet ble registrert ved en feil; ellers avlyser du det.";
        var result = await dialogs.ConfirmAsync("Slett møtet", message, "Ja, slett møtet",
            Command(version => meetings.DeleteAsync(user, Id, version)), destructive: true);
        if (result is null)
        {
            return false;
        }

        snackbar.Add(result.Message ?? "Møtet er slettet.", Severity.Success);
        return true;
    }

    public async Task AddItemAsync()
    {
        var model = new AgendaItemForm();
        await DoneAsync(await ShowAsync<AgendaItemDialog>("Ny sak", new DialogParameters<AgendaItemDialog>
        {
            { d => d.Model, model },
            { d => d.Title, "Ny sak" },
            { d => d.Intro, $"Saken får neste ledige nummer for {View.Committee.ShortName} i {View.Date.Year}." },
            { d => d.ConfirmText, "Legg til" },
            { d => d.Submit, Command(version => meetings.AddAgendaItemAsync(user, Id, model, version)) },
        }));
    }

    public async Task EditItemAsync(AgendaItemRow item)
    {
        var model = new AgendaItemForm { Title = item.Title, Description = item.Description };
        await DoneAsync(await ShowAsync<AgendaItemDialog>($"Endre sak {item.Label}", new DialogParameters<AgendaItemDialog>
        {
            { d => d.Model, model },
            { d => d.Title, $"Endre sak {item.Label}" },
            { d => d.Submit, Command(version => meetings.UpdateAgendaItemAsync(user, Id, item.Id, model, version)) },
        }));
    }

    public async Task RemoveItemAsync(AgendaItemRow item)
    {
        var message = $"Sak {item.Label} «{item.Title}» fjernes fra møtet, med {item.Documents.Count} dokument(er). Nummeret brukes ikke om igjen, med mindre det var årets siste.";
        await DoneAsync(await dialogs.ConfirmAsync("Fjern saken", message, "Ja, fjern saken",
            Command(version => meetings.RemoveAgendaItemAsync(user, Id, item.Id, version)), destructive: true));
    }

    public async Task UploadAsync(AgendaItemRow item)
    {
        var model = new AgendaDocumentUpload();
        await DoneAsync(await ShowAsync<AgendaDocumentDialog>($"Last opp dokument til sak {item.Label}", new DialogParameters<AgendaDocumentDialog>
        {
            { d => d.Model, model },
            { d => d.ItemLabel, item.Label },
            { d => d.Submit, Command(version => meetings.UploadDocumentAsync(user, Id, item.Id, model, version)) },
        }));
    }

    public async Task DeleteDocumentAsync(AgendaItemRow item, AgendaDocumentRow document)
    {
        var message = $"Dokumentet {document.FileName} ({AgreementFormat.Size(document.SizeBytes)}) slettes fra sak {item.Label}. Historikken viser at det er slettet.";
        await DoneAsync(await dialogs.ConfirmAsync("Slett dokumentet", message, "Ja, slett dokumentet",
            Command(version => meetings.DeleteDocumentAsync(user, Id, item.Id, document.Id, version)), destructive: true));
    }

    public async Task ApproveAsync()
    {
        var model = new ApproveMinutesForm { MinutesApprovedOn = clock.Today().ToDateTime(TimeOnly.MinValue), MinutesApprovedBy = $"{View.Committee.ShortName} i møte" };
        await DoneAsync(await ShowAsync<ApproveMinutesDialog>("Godkjenn referatet", new DialogParameters<ApproveMinutesDialog>
        {
            { d => d.Model, model },
            { d => d.Submit, Command(version => meetings.ApproveMinutesAsync(user, Id, model, version)) },
        }));
    }

    public async Task PublishAsync()
    {
        var message = "Referatet merkes som publisert med dagens dato. (Den offentlige siden kommer senere; merket og datoen tas vare på.)";
        await DoneAsync(await dialogs.ConfirmAsync("Publiser referatet", message, "Ja, publiser",
            Command(version => meetings.PublishMinutesAsync(user, Id, version))));
    }

    public async Task UnpublishAsync()
    {
        await DoneAsync(await dialogs.ConfirmAsync("Trekk tilbake publiseringen", "Referatet merkes som ikke publisert. Teksten og godkjenningen står som før.",
            "Ja, trekk tilbake", Command(version => meetings.UnpublishMinutesAsync(user, Id, version))));
    }

    private Func<Task<CommandResult>> Command<TResult>(Func<uint, Task<TResult>> command)
        where TResult : CommandResult => async () =>
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
