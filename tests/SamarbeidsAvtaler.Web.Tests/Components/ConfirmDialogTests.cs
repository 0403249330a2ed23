using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Components.Dialogs;

namespace SamarbeidsAvtaler.Web.Tests.Components;

public sealed class ConfirmDialogTests : MudTestContext
{
    [Fact]
    public async Task A_refused_action_keeps_the_dialog_open_with_the_reason()
    {
        var dialog = RenderProviders();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var calls = 0;

        var pending = dialog.InvokeAsync(() => dialogs.ConfirmAsync("Send til signering", "Teksten låses.", "Send",
            () =>
            {
                calls++;
                return Task.FromResult(CommandResult.Refused("Avtalen mangler parter."));
            }));

        dialog.WaitForAssertion(() => dialog.Markup.Should().Contain("Teksten låses."));
        await dialog.FindAll("button").Single(b => b.TextContent.Trim() == "Send").ClickAsync(new());

        calls.Should().Be(1);
        dialog.WaitForAssertion(() => dialog.Markup.Should().Contain("Avtalen mangler parter."));
        pending.IsCompleted.Should().BeFalse("the dialog stays open after a refusal");
    }
}
