using System.Net;
using Microsoft.Playwright;
using SamarbeidsAvtaler.Testing;

namespace SamarbeidsAvtaler.Browser.Tests.Infrastructure;

/// <summary>
/// Shared by every browser test: one throwaway database, the app seeded with demo data on a real port,
/// and one headless Chromium. Each test opens its own browser context (fresh cookies and storage).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private AppFactory? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public TestDatabase Database => _database ?? throw NotStarted();

    public Uri BaseAddress => (_app ?? throw NotStarted()).BaseAddress;

    public IBrowser Browser => _browser ?? throw NotStarted();

    public AppLog AppLog => (_app ?? throw NotStarted()).Log;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _app = new AppFactory(_database.ConnectionString);

        // Runs Program: migrations, roles and demo data, then Kestrel starts listening.
        await Task.Run(_app.StartServer);
        if (BaseAddress.IsLoopback is false || BaseAddress.Port == 80)
        {
            throw new InvalidOperationException($"The app did not report a Kestrel address on 127.0.0.1 (got {BaseAddress}).");
        }

        await CheckAppIsServingAsync();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            // Debian's Chromium; Playwright must never download a browser of its own.
            ExecutablePath = Environment.GetEnvironmentVariable("SA_CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A new, isolated browser context pointed at the app.</summary>
    public async Task<IBrowserContext> NewContextAsync(ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "nb-NO",
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
        });
        // Generous for a 2-core CI machine; assertions still return as soon as they hold.
        context.SetDefaultTimeout(15_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private async Task CheckAppIsServingAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var ready = await http.GetAsync("/health/ready");
        if (ready.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"/health/ready answered {(int)ready.StatusCode}: {await ready.Content.ReadAsStringAsync()}");
        }

        // The interactive pages need Blazor's script and MudBlazor's files, served from the build's static web assets.
        foreach (var asset in new[] { "/_framework/blazor.web.js", "/_content/MudBlazor/MudBlazor.min.css" })
        {
            using var response = await http.GetAsync(asset);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{asset} answered {(int)response.StatusCode}: the static web assets of the build are not served.");
            }
        }
    }

    private static InvalidOperationException NotStarted() => new("The browser fixture has not been initialised.");
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
