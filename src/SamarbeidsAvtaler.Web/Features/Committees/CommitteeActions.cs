using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Components.Dialogs;

namespace SamarbeidsAvtaler.Web.Features.Committees;

/// <summary>
/// The body page's commands: each opens its dialog, runs the service with the row version the page shows, and on
/// success says so in a snackbar and has the page reload. After a conflict the page reloads behind the open dialog,
/// so a second try is checked against what is stored now.
/// </summary>
public sealed class CommitteeActions(
    IDialogService dialogs, ISnackbar snackbar, ICommitteeService committees, IMemberService members, ClaimsPrincipal user,
    Func<CommitteeView> view, Func<Task> changed, TimeProvider clock)
{
    private static readonly DialogOptions Small = new() { MaxWidth = MaxWidth.Small, FullWidth = true };
    private static readonly DialogOptions Medium = new() { MaxWidth = MaxWidth.Medium, FullWidth = true };

    private CommitteeView View => view();

    private Guid Id => View.Id;

    private DateTime Today => clock.Today().ToDateTime(TimeOnly.MinValue);

    public async Task WindUpAsync()
    {
        var model = new WindUpInput { WoundUpOn = Today };
        await DoneAsync(await ShowAsync<WindUpDialog>("Avvikle utvalg", new DialogParameters<WindUpDialog>
        {
            { d => d.Model, model },
            { d => d.Name, View.Name },
            { d => d.Submit, Command(v => committees.WindUpAsync(user, Id, MemberForm.Date(model.WoundUpOn), v)) },
        }));
    }

    public async Task ReopenAsync() =>
        await DoneAsync(await dialogs.ConfirmAsync("Gjenåpne utvalg", $"{View.Name} blir aktivt igjen, og avviklingsdatoen fjernes.", "Gjenåpne",
            Command(v => committees.ReopenAsync(user, Id, v))));

    public async Task AddQuotaAsync()
    {
        var model = new QuotaForm();
        await DoneAsync(await ShowAsync<QuotaDialog>("Ny setegruppe", new DialogParameters<QuotaDialog>
        {
            { d => d.Model, model },
            { d => d.User, user },
            {
                d => d.Submit, Command(v =>
                {
                    model.Version = v;
                    return committees.AddQuotaAsync(user, Id, model);
                })
            },
        }));
    }

    public async Task RemoveQuotaAsync(QuotaView quota) =>
        await DoneAsync(await dialogs.ConfirmAsync("Fjern setegruppe",
            $"Setegruppen «{quota.Label}» ({quota.SeatsText} seter) fjernes. Medlemmene blir stående; de telles bare ikke lenger i gruppen.",
            "Fjern setegruppen", Command(v => committees.RemoveQuotaAsync(user, Id, quota.Id, v)), destructive: true));

    /// <summary>Edits a year's leadership; without a year, a new year (this year unless it is taken).</summary>
    public async Task EditLeadershipAsync(LeadershipView? year)
    {
        var taken = View.Leadership.Select(l => l.Year).ToHashSet();
        var model = new LeadershipForm
        {
            Year = year?.Year ?? Enumerable.Range(clock.Today().Year, 5).Where(y => !taken.Contains(y)).DefaultIfEmpty(clock.Today().Year).First(),
            ChairMemberId = year?.Chair?.MemberId,
            DeputyChairMemberId = year?.DeputyChair?.MemberId,
            HostSide = year?.HostSide,
        };
        await DoneAsync(await ShowAsync<LeadershipDialog>("Ledelse", new DialogParameters<LeadershipDialog>
        {
            { d => d.Model, model },
            { d => d.Kind, View.Kind },
            { d => d.Members, View.VotingMembers.ToList() },
            { d => d.YearFixed, year is not null },
            {
                d => d.Submit, Command(v =>
                {
                    model.Version = v;
                    return committees.SaveLeadershipAsync(user, Id, model);
                })
            },
        }));
    }

    public async Task AddMemberAsync()
    {
        var form = MemberForm.New(clock.Today(), View.TermYears, View.Version);
        await DoneAsync(await ShowMemberAsync("Nytt medlem", form, null));
    }

    public async Task EditMemberAsync(MemberView member)
    {
        var form = await members.GetFormAsync(user, Id, member.Id);
        if (form is null)
        {
            snackbar.Add("Medlemskapet finnes ikke lenger. Siden er lastet på nytt.", Severity.Warning);
            await changed();
            return;
        }

        await DoneAsync(await ShowMemberAsync($"Rediger {member.PersonName}", form, member.Id));
    }

    public async Task EndTermAsync(MemberView member)
    {
        var model = new EndTermInput { TermTo = member.TermTo > clock.Today() ? Today : member.TermTo.ToDateTime(TimeOnly.MinValue) };
        await DoneAsync(await ShowAsync<EndTermDialog>("Avslutt periode", new DialogParameters<EndTermDialog>
        {
            { d => d.Model, model },
            { d => d.Member, member },
            { d => d.Submit, Command(v => members.EndTermAsync(user, Id, member.Id, MemberForm.Date(model.TermTo), v)) },
        }));
    }

    public async Task RemoveMemberAsync(MemberView member) =>
        await DoneAsync(await dialogs.ConfirmAsync("Fjern medlem",
            $"{member.PersonName} fjernes fra utvalget, som om medlemskapet aldri var registrert. Bruk dette bare når det ble registrert ved en feil; "
            + "ellers avslutter du perioden, så står medlemmet blant tidligere medlemmer.",
            "Fjern medlemmet", Command(v => members.RemoveAsync(user, Id, member.Id, v)), destructive: true));

    private async Task<CommandResult?> ShowMemberAsync(string title, MemberForm form, Guid? memberId)
    {
        var dialog = await dialogs.ShowAsync<MemberDialog>(title, new DialogParameters<MemberDialog>
        {
            { d => d.Title, title },
            { d => d.Form, form },
            { d => d.CommitteeId, Id },
            { d => d.MemberId, memberId },
            { d => d.TermYears, View.TermYears },
            { d => d.VotingMembers, View.VotingMembers.Where(m => !m.IsPast(View.Today)).ToList() },
            { d => d.User, user },
        }, Medium);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: CommandResult done } ? done : null;
    }

    private Func<Task<CommandResult>> Command(Func<uint, Task<CommandResult>> command) => async () =>
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
        dialogs.ShowFormAsync<TDialog>(title, parameters, Small);

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
