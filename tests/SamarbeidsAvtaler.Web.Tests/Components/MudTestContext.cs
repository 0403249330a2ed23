using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SamarbeidsAvtaler.Web.Components.Localization;

namespace SamarbeidsAvtaler.Web.Tests.Components;

/// <summary>
/// bUnit with MudBlazor as the app registers it (Norwegian texts included). MudBlazor calls JavaScript
/// for focus and popovers; loose mode answers those calls with defaults.
/// </summary>
public abstract class MudTestContext : BunitContext, IAsyncLifetime
{
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only asynchronously disposable: dispose the container that way, first.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    // bUnit waits one second by default; on a busy two-core CI machine a render that reads PostgreSQL can take longer.
    static MudTestContext() => DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    protected MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddTransient<MudLocalizer, NorwegianMudLocalizer>();
    }

    /// <summary>Renders MudBlazor's providers, which dialogs, popovers and snackbars need; returns the dialogs' one.</summary>
    protected IRenderedComponent<MudDialogProvider> RenderProviders()
    {
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        return Render<MudDialogProvider>();
    }
}
