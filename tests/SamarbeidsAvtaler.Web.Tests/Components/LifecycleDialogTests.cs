using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Agreements.Detail;

namespace SamarbeidsAvtaler.Web.Tests.Components;

/// <summary>The agreement page's lifecycle dialogs: a refusal or a field error is shown in the dialog, which keeps what the user typed.</summary>
public sealed class LifecycleDialogTests : MudTestContext
{
    private (IRenderedComponent<MudDialogProvider> Provider, Task<IDialogReference> Shown) ShowSignature(SignatureInput model, Func<Task<CommandResult>> submit)
    {
        var provider = RenderProviders();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<SignatureDialog>
        {
            { d => d.Model, model },
            { d => d.PartyName, "Helse Sør-Øst RHF" },
            { d => d.Submit, submit },
        };
        var shown = provider.InvokeAsync(() => dialogs.ShowAsync<SignatureDialog>("Registrer signatur", parameters));
        provider.WaitForAssertion(() => provider.Markup.Should().Contain("Registrer signatur for Helse Sør-Øst RHF"));
        return (provider, shown);
    }

    private static Task ConfirmAsync(IRenderedComponent<MudDialogProvider> provider) =>
        provider.FindAll("button").Single(b => b.TextContent.Trim() == "Registrer signaturen").ClickAsync(new());

    [Fact]
    public async Task A_refused_signature_is_shown_in_the_dialog_which_stays_open_with_the_input_kept()
    {
        var model = new SignatureInput { SignedByName = "Navn Som Beholdes", SignedByTitle = "Direktør", SignedOn = new DateTime(2026, 11, 20) };
        var (provider, shown) = ShowSignature(model,
            () => Task.FromResult(CommandResult.Refused("Signaturer registreres bare på en avtale som venter på signering; avtalen har status «Utkast».")));
        var reference = await shown;

        await ConfirmAsync(provider);

        provider.WaitForAssertion(() => provider.Find("[role=alert]").TextContent.Should().Contain("avtalen har status «Utkast»"));
        reference.Result.IsCompleted.Should().BeFalse("the dialog stays open after a refusal");
        provider.FindAll("input").Select(i => i.GetAttribute("value")).Should().Contain(["Navn Som Beholdes", "Direktør", "20.11.2026"]);
        model.SignedByName.Should().Be("Navn Som Beholdes");
    }

    [Fact]
    public async Task Field_errors_from_the_service_are_shown_beside_the_fields_and_in_the_summary()
    {
        var model = new SignatureInput { SignedByName = new string('n', 10), SignedOn = new DateTime(2026, 11, 20) };
        var (provider, _) = ShowSignature(model, () => Task.FromResult(CommandResult.Invalid(
            [new FieldError(nameof(SignatureInput.SignedByTitle), "Tittelen kan ha høyst 200 tegn.")])));

        await ConfirmAsync(provider);

        provider.WaitForAssertion(() =>
        {
            provider.Markup.Should().Contain("Skjemaet har feil som må rettes");
            provider.FindAll(".mud-input-helper-text, .mud-input-error").Select(e => e.TextContent).Should().Contain(t => t.Contains("Tittelen kan ha høyst 200 tegn."));
        });
    }

    [Fact]
    public async Task A_successful_signature_closes_the_dialog_with_the_result()
    {
        var calls = 0;
        var (provider, shown) = ShowSignature(new SignatureInput { SignedByName = "Rita", SignedOn = new DateTime(2026, 11, 20) }, () =>
        {
            calls++;
            return Task.FromResult(CommandResult.Ok("Signaturen er registrert."));
        });
        var reference = await shown;

        await ConfirmAsync(provider);

        var result = await reference.Result;
        calls.Should().Be(1);
        result!.Canceled.Should().BeFalse();
        ((CommandResult)result.Data!).Message.Should().Be("Signaturen er registrert.");
    }
}
