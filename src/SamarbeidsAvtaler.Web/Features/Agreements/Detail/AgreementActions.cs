using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Components.Dialogs;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Detail;

/// <summary>
/// The agreement page's lifecycle actions: each opens its dialog, runs the service with the version the
/// page shows, and on success says so in a snackbar and has the page reload (or go to the new version).
/// After a conflict the page reloads behind the open dialog, so the user sees the current values and a
/// second try is checked against them.
/// </summary>
public sealed class AgreementActions(
    IDialogService dialogs, ISnackbar snackbar, AgreementLifecycleService lifecycle, ClaimsPrincipal user,
    Func<AgreementView> view, Func<Guid?, Task> changed, TimeProvider clock)
{
    private AgreementView View => view();

    private Guid Id => View.Agreement.Id;

    private DateTime Today => clock.Today().ToDateTime(TimeOnly.MinValue);

    public async Task SendForSignatureAsync()
    {
        var agreement = View.Agreement;
        var message = $"Når avtalen er sendt til signering, er teksten låst: den kan ikke endres lenger. Deretter registrerer du signaturen til hver part. "
            + $"Når alle {agreement.Parties.Count} partene har signert, blir avtalen gjeldende fra {AgreementFormat.Date(agreement.ValidFrom)}.";
        var result = await dialogs.ConfirmAsync("Send til signering", message, "Ja, send til signering",
            Command(version => lifecycle.SendForSignatureAsync(user, Id, version)));
        await DoneAsync(result);
    }

    public async Task RegisterSignatureAsync(AgreementParty party)
    {
        var model = new SignatureInput { SignedByName = party.SignatoryName, SignedByTitle = party.SignatoryTitle, SignedOn = Today };
        var parameters = new DialogParameters<SignatureDialog>
        {
            { d => d.Model, model },
            { d => d.PartyName, View.PartyName(party.PartyId) },
            { d => d.LastSignature, View.Agreement.Parties.All(p => p.Id == party.Id || p.Signature is not null) },
            { d => d.Replaces, View.Agreement.PreviousVersionId is not null },
            { d => d.Submit, Command(version => lifecycle.RegisterSignatureAsync(user, Id, party.Id, model, version)) },
        };
        await DoneAsync(await ShowAsync<SignatureDialog>("Registrer signatur", parameters));
    }

    public async Task NewVersionAsync()
    {
        var model = new NewVersionInput { ValidFrom = Today };
        Guid? created = null;
        var parameters = new DialogParameters<NewVersionDialog>
        {
            { d => d.Model, model },
            { d => d.NoticeLastDay, View.Agreement.Status == AgreementStatus.UnderNotice ? AgreementFormat.Date(View.Agreement.LastDayInForce) : null },
            {
                d => d.Submit, Command(async version =>
                {
                    var result = await lifecycle.CreateNewVersionAsync(user, Id, model, version);
                    created = result.Value;
                    return result;
                })
            },
        };
        await DoneAsync(await ShowAsync<NewVersionDialog>("Lag ny versjon", parameters), created);
    }

    public async Task GiveNoticeAsync()
    {
        var model = new NoticeInput { GivenOn = Today };
        var parties = View.Agreement.Parties.Select(p => (p.PartyId, View.PartyName(p.PartyId))).OrderBy(p => p.Item2).ToList();
        var parameters = new DialogParameters<NoticeDialog>
        {
            { d => d.Model, model },
            { d => d.Agreement, View.Agreement },
            { d => d.Parties, parties },
            { d => d.Submit, Command(version => lifecycle.GiveNoticeAsync(user, Id, model, version)) },
        };
        await DoneAsync(await ShowAsync<NoticeDialog>("Registrer oppsigelse", parameters));
    }

    public async Task RegisterReviewAsync()
    {
        var agreement = View.Agreement;
        var intro = agreement.Kind == AgreementKind.MunicipalCooperationAgreement
            ? "Samarbeidsavtalene mellom kommune og helseforetak skal gjennomgås hvert år innen 31. desember, og resultatet går til partnarskapsmøtet; revisjon annethvert år anbefales (R3). "
              + $"Registreres gjennomgangen i dag, er neste gjennomgang {AgreementFormat.Date(ReviewRules.AnnualReviewDeadline(clock.Today().AddYears(1)))}."
            : "Registrer at avtalen er gjennomgått. Neste gjennomgang settes ett år frem.";
        intro += $" Neste gjennomgang nå: {AgreementFormat.Date(agreement.NextReviewDate, "ikke satt")}.";
        var model = new DateInput { Date = Today };
        await DoneAsync(await ShowDateAsync("Registrer gjennomgang", "Dato for gjennomgangen", "Registrer gjennomgangen", intro, model,
            Command(version => lifecycle.RegisterReviewAsync(user, Id, model, version)),
            askPartnershipDate: agreement.Kind == AgreementKind.MunicipalCooperationAgreement));
    }

    public async Task RecordNoticeNotificationAsync()
    {
        var agreement = View.Agreement;
        var model = new NoticeNotificationInput { Date = Today, Notification = agreement.MissingNoticeNotifications().FirstOrDefault() };
        var parameters = new DialogParameters<NoticeNotificationDialog>
        {
            { d => d.Model, model },
            { d => d.Agreement, agreement },
            { d => d.Submit, Command(version => lifecycle.RecordNoticeNotificationAsync(user, Id, model, version)) },
        };
        await DoneAsync(await ShowAsync<NoticeNotificationDialog>("Registrer varsling av oppsigelsen", parameters));
    }

    public async Task RecordRhfInformedAsync()
    {
        var informed = View.Agreement.RhfInformedOn;
        var intro = "Avtalespesialisten skal informere det regionale helseforetaket når en samarbeidsavtale med et helseforetak eller en institusjon er inngått. "
            + "Registrer datoen RHF ble informert." + (informed is { } on ? $" Registrert nå: {AgreementFormat.Date(on)}." : "");
        var model = new DateInput { Date = informed?.ToDateTime(TimeOnly.MinValue) ?? Today };
        await DoneAsync(await ShowDateAsync("Registrer at RHF er informert", "Dato RHF ble informert", "Registrer", intro, model,
            Command(version => lifecycle.RecordRhfInformedAsync(user, Id, model, version))));
    }

    public async Task UploadAttachmentAsync()
    {
        var model = new AttachmentInput();
        var parameters = new DialogParameters<UploadDialog>
        {
            { d => d.Model, model },
            { d => d.Submit, Command(version => lifecycle.UploadAttachmentAsync(user, Id, model, version)) },
        };
        await DoneAsync(await ShowAsync<UploadDialog>("Last opp vedlegg", parameters));
    }

    public async Task DeleteAttachmentAsync(AttachmentRow attachment)
    {
        var message = $"Vedlegget {attachment.FileName} ({AgreementFormat.Size(attachment.SizeBytes)}) fjernes fra utkastet. Historikken viser at det er slettet.";
        var result = await dialogs.ConfirmAsync("Slett vedlegg", message, "Ja, slett vedlegget",
            Command(version => lifecycle.DeleteAttachmentAsync(user, Id, attachment.Id, version)), destructive: true);
        await DoneAsync(result);
    }

    /// <summary>R26 and R23: the agreed discharge hours and whether dispute statements bind, on any status.</summary>
    public async Task SetTermsAsync()
    {
        var model = AgreementTermsInput.From(View.Agreement);
        var parameters = new DialogParameters<AgreementTermsDialog>
        {
            { d => d.Model, model },
            { d => d.Submit, Command(version => lifecycle.SetTermsAsync(user, Id, model, version)) },
        };
        await DoneAsync(await ShowAsync<AgreementTermsDialog>("Avtalte vilkår", parameters));
    }

    private Func<Task<CommandResult>> Command(Func<uint, Task<CommandResult>> command) => async () =>
    {
        var result = await command(View.Version);
        if (result.Status is CommandStatus.Conflict)
        {
            await changed(null);
        }

        return result;
    };

    private Task<CommandResult?> ShowAsync<TDialog>(string title, DialogParameters parameters)
        where TDialog : IComponent =>
        dialogs.ShowFormAsync<TDialog>(title, parameters);

    private Task<CommandResult?> ShowDateAsync(string title, string label, string confirm, string intro, DateInput model, Func<Task<CommandResult>> submit,
        bool askPartnershipDate = false) =>
        ShowAsync<DateDialog>(title, new DialogParameters<DateDialog>
        {
            { d => d.AskPartnershipDate, askPartnershipDate },
            { d => d.Model, model },
            { d => d.Title, title },
            { d => d.Label, label },
            { d => d.ConfirmText, confirm },
            { d => d.Intro, intro },
            { d => d.Submit, submit },
        });

    private async Task DoneAsync(CommandResult? result, Guid? goTo = null)
    {
        if (result is null)
        {
            return;
        }

        snackbar.Add(result.Message ?? "Lagret.", Severity.Success);
        await changed(goTo);
    }
}
