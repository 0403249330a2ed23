using MudBlazor;

namespace SamarbeidsAvtaler.Web.Components.Dialogs;

public static class DialogServiceExtensions
{
    /// <summary>
    /// Asks before an action and runs it on confirmation. Returns the action's result when it succeeded,
    /// or null when the user cancelled (a refusal is shown in the dialog, which stays open).
    /// </summary>
    public static async Task<CommandResult?> ConfirmAsync(
        this IDialogService dialogs, string title, string message, string confirmText,
        Func<Task<CommandResult>> action, bool destructive = false)
    {
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.Title, title },
            { d => d.Message, message },
            { d => d.ConfirmText, confirmText },
            { d => d.OnConfirm, action },
            { d => d.Destructive, destructive },
        };
        return await dialogs.ShowFormAsync<ConfirmDialog>(title, parameters);
    }

    /// <summary>
    /// Shows a form dialog that runs its own command; returns the command's result once it succeeded and the
    /// dialog closed, or null when the user cancelled.
    /// </summary>
    public static async Task<CommandResult?> ShowFormAsync<TDialog>(this IDialogService dialogs, string title, DialogParameters parameters,
        DialogOptions? options = null)
        where TDialog : Microsoft.AspNetCore.Components.IComponent
    {
        var dialog = await dialogs.ShowAsync<TDialog>(title, parameters, options ?? new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        return result is { Canceled: false, Data: CommandResult done } ? done : null;
    }
}
