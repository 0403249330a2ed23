using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SamarbeidsAvtaler.Web.Components;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Editor;

/// <summary>
/// What every tab of the draft editor does first: the user from the authentication state, and the
/// agreement's heading data from the service (the not-found page when it is missing or not theirs).
/// </summary>
public abstract class EditorPage : ComponentBase
{
    [Inject] protected AgreementEditorService Editor { get; set; } = default!;
    [Inject] protected NavigationManager Navigation { get; set; } = default!;
    [Inject] protected ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = default!;

    [Parameter] public Guid Id { get; set; }

    protected ClaimsPrincipal User { get; private set; } = new();

    /// <summary>Null until loaded, and when the agreement does not exist for this user.</summary>
    protected EditorHeader? Header { get; set; }

    /// <returns>False when the agreement does not exist for this user; the page is then the not-found page.</returns>
    protected async Task<bool> LoadHeaderAsync()
    {
        User = (await Authentication).User;
        Header = await Editor.GetHeaderAsync(User, Id);
        if (Header is null)
        {
            Navigation.NotFound();
            return false;
        }

        return true;
    }

    /// <summary>A result that is neither a success nor field errors: the not-found page for NotFound, else its message.</summary>
    protected string? Problem(CommandResult result)
    {
        if (result.Status == CommandStatus.NotFound)
        {
            Navigation.NotFound();
            return null;
        }

        return result.Message;
    }

    protected string EditorUrl(string tab = "") => $"/avtaler/{Id}/rediger" + (tab.Length > 0 ? "/" + tab : string.Empty);
}
