using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace SamarbeidsAvtaler.Infrastructure.Pdf;

public sealed class PdfRendererOptions
{
    public const string Section = "Pdf";

    /// <summary>Debian's Chromium; SA_CHROMIUM_PATH or Pdf:ChromiumPath overrides it.</summary>
    public string ChromiumPath { get; set; } = Environment.GetEnvironmentVariable("SA_CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Renders at once; more wait their turn. Each render takes a core's worth of Chromium.</summary>
    public int MaxConcurrentRenders { get; set; } = 2;

    public TimeSpan RenderTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>What goes into one PDF besides the HTML: the running footer and the document's language.</summary>
public sealed record PdfRequest(string Html, string FooterHtml, string Language = "nb");

/// <summary>A PDF could not be made; the message is Norwegian and can be shown to the user.</summary>
public sealed class PdfRenderException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Prints HTML to tagged A4 PDFs with headless Chromium. One browser is kept open and shared; each
/// render gets its own context. Concurrency is bounded; a crashed or hung browser is restarted and
/// the render retried once; a render over the time limit fails with a clear message.
/// </summary>
public sealed class PdfRenderer(PdfRendererOptions options, ILogger<PdfRenderer>? logger = null) : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private readonly ILogger _logger = logger ?? NullLogger<PdfRenderer>.Instance;
    private readonly SemaphoreSlim _renders = new(options.MaxConcurrentRenders, options.MaxConcurrentRenders);
    private readonly SemaphoreSlim _browserLock = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>False when Chromium is not installed: the app runs, but PDFs are unavailable.</summary>
    public bool IsChromiumInstalled => File.Exists(options.ChromiumPath);

    /// <summary>How many times the browser has been (re)started; for tests and logs.</summary>
    public int BrowserStarts { get; private set; }

    public async Task<byte[]> RenderAsync(PdfRequest request, CancellationToken cancellationToken = default)
    {
        if (!IsChromiumInstalled)
        {
            throw new PdfRenderException("PDF-tjenesten er ikke tilgjengelig fordi Chromium mangler på serveren. Kontakt driften.");
        }

        await _renders.WaitAsync(cancellationToken);
        try
        {
            try
            {
                return await RenderOnceAsync(request, cancellationToken);
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                // The browser may have crashed or hung: start a fresh one and try once more.
                _logger.LogWarning(e, "PDF render failed; restarting the browser and retrying once");
                await RestartBrowserAsync();
                try
                {
                    return await RenderOnceAsync(request, cancellationToken);
                }
                catch (TimeoutException timeout)
                {
                    await RestartBrowserAsync();
                    throw new PdfRenderException($"PDF-en tok for lang tid å lage (over {options.RenderTimeout.TotalSeconds:0} sekunder). Prøv igjen om litt.", timeout);
                }
                catch (PlaywrightException again)
                {
                    throw new PdfRenderException("PDF-en kunne ikke lages. Prøv igjen om litt.", again);
                }
            }
        }
        finally
        {
            _renders.Release();
        }
    }

    /// <summary>Kills the browser process as a crash would; the next render must recover. For tests.</summary>
    public async Task KillBrowserForTestAsync()
    {
        await _browserLock.WaitAsync();
        try
        {
            if (_browser is not null)
            {
                await _browser.CloseAsync();
            }
        }
        finally
        {
            _browserLock.Release();
        }
    }

    private async Task<byte[]> RenderOnceAsync(PdfRequest request, CancellationToken cancellationToken)
    {
        var browser = await GetBrowserAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Locale = request.Language });
        try
        {
            var render = RenderPageAsync(context, request);
            return await render.WaitAsync(options.RenderTimeout, cancellationToken);
        }
        finally
        {
            try
            {
                await context.CloseAsync().WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                // The browser is gone or stuck; the retry path restarts it.
            }
        }
    }

    private static async Task<byte[]> RenderPageAsync(IBrowserContext context, PdfRequest request)
    {
        var page = await context.NewPageAsync();
        await page.SetContentAsync(request.Html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
        return await page.PdfAsync(new PagePdfOptions
        {
            Format = "A4",
            PrintBackground = true,
            Tagged = true,
            Outline = true,
            DisplayHeaderFooter = true,
            HeaderTemplate = "<span></span>",
            FooterTemplate = request.FooterHtml,
            Margin = new Margin { Top = "20mm", Bottom = "22mm", Left = "20mm", Right = "20mm" },
        });
    }

    private async Task<IBrowser> GetBrowserAsync()
    {
        if (_browser is { IsConnected: true } ready)
        {
            return ready;
        }

        await _browserLock.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true } started)
            {
                return started;
            }

            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = options.ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
                Timeout = 30_000,
            });
            BrowserStarts++;
            _logger.LogInformation("Started Chromium {Version} for PDF rendering", _browser.Version);
            return _browser;
        }
        finally
        {
            _browserLock.Release();
        }
    }

    private async Task RestartBrowserAsync()
    {
        await _browserLock.WaitAsync();
        try
        {
            var old = _browser;
            _browser = null;
            if (old is not null)
            {
                try
                {
                    await old.CloseAsync().WaitAsync(TimeSpan.FromSeconds(5));
                }
                catch (Exception e) when (e is PlaywrightException or TimeoutException)
                {
                    // Already dead; nothing to close.
                }
            }
        }
        finally
        {
            _browserLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            try
            {
                await _browser.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // Shutting down anyway.
            }
        }

        _playwright?.Dispose();
        _renders.Dispose();
        _browserLock.Dispose();
    }
}
