using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SamarbeidsAvtaler.Infrastructure.Seeding;

namespace SamarbeidsAvtaler.DevTools;

/// <summary>
/// <c>benchmark-browser --base-url URL --app-pid PID [--runs M] [--circuits N] [--contexts C] [--idle-seconds S] [--terms "a|b"] [--circuit-path P]</c>:
/// against an app already running (on the synthetic register), in headless Chromium as the demo
/// caseworker: (1) from the last keystroke of a search term in the agreement list to the grid showing
/// its result, median and p95, with the search field's debounce shown apart; (2) the app's RSS before and
/// after opening N idle circuits on /avtaler (or P, to compare), per circuit. Prints figures; asserts nothing
/// (scripts/benchmark-agreements.sh runs it). Chromium from SA_CHROMIUM_PATH (scripts/bootstrap.sh --chromium).
/// </summary>
public static partial class BrowserBenchmarkCommand
{
    public const string Name = "benchmark-browser";

    /// <summary>The search field's DebounceInterval (Features/Agreements/List/AgreementFilterPanel.razor).</summary>
    public const int DebounceMs = 300;

    private const string ListPath = "/avtaler";
    private const double KeystrokeTargetMs = 300;
    private const double CircuitTargetMb = 1;

    // The synthetic register's first specialist ("Syntetisk Ada Prøvesen 0001"): in few agreements. And the broad word.
    private static readonly string[] DefaultTerms = [SearchBenchmarkCommand.DefaultBroadTerm, "Prøvesen 0001"];

    // In the page: what the list shows (the summary and every row), and the times of the last keystroke
    // and of the first DOM change that shows the awaited list, both on the page's own clock.
    private const string Hooks = """
        () => {
          const grid = () => document.querySelector('.app-agreement-grid');
          window.__saSignature = () => {
            const g = grid();
            if (!g) return '';
            const rows = g.querySelectorAll('tbody tr');
            const summary = g.previousElementSibling ? g.previousElementSibling.textContent.trim() : '';
            return summary + '|' + Array.from(rows, r => r.textContent.replace(/\s+/g, ' ').trim()).join('|');
          };
          window.__sa = { target: null, last: 0, done: 0 };
          document.addEventListener('keydown', () => { window.__sa.last = performance.now(); window.__sa.done = 0; }, true);
          new MutationObserver(() => {
            const s = window.__sa;
            if (s.target !== null && s.last > 0 && s.done === 0 && window.__saSignature() === s.target) s.done = performance.now();
          }).observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var baseUrl = SearchBenchmarkCommand.Option(args, "--base-url");
        var pidText = SearchBenchmarkCommand.Option(args, "--app-pid");
        if (baseUrl is null || !int.TryParse(pidText, out var appPid) || !File.Exists($"/proc/{appPid}/status")
            || !TryCount(args, "--runs", 20, out var runs) || !TryCount(args, "--circuits", 200, out var circuits)
            || !TryCount(args, "--contexts", 4, out var contexts) || !TryCount(args, "--idle-seconds", 10, out var idleSeconds))
        {
            await Console.Error.WriteLineAsync(
                $"Bruk: {Name} --base-url URL --app-pid PID [--runs M] [--circuits N] [--contexts C] [--idle-seconds S] [--terms \"a|b\"] [--circuit-path /sti]  (PID: the running app's process, for its RSS)");
            return 2;
        }

        var circuitPath = SearchBenchmarkCommand.Option(args, "--circuit-path") ?? ListPath;
        var terms = SearchBenchmarkCommand.Option(args, "--terms")?.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? DefaultTerms;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);

        var load = SearchBenchmarkCommand.LoadAverage();
        var keystrokes = await KeystrokesAsync(browser, baseUrl, terms, runs);
        var memory = await CircuitMemoryAsync(browser, baseUrl, appPid, circuits, contexts, idleSeconds, circuitPath);

        Console.WriteLine();
        Console.WriteLine(F($"Agreement list in the browser (headless Chromium, {Environment.ProcessorCount} cores, load average {load} before, {SearchBenchmarkCommand.LoadAverage()} after)"));
        Console.WriteLine(F($"Keystroke to updated rows: {runs} typed searches (terms in turn, a key every 50 ms), from the last keydown to the grid showing the result."));
        Console.WriteLine(F($"The search field waits {DebounceMs} ms after the last key before it searches: that wait is in «total»; «after debounce» is total − {DebounceMs}."));
        Console.WriteLine();
        Console.WriteLine(F($"{"term",-28} {"runs",4}  {"total med",9} {"p95",7}  {"after debounce med",18} {"p95",7}"));
        Console.WriteLine(new string('-', 28) + " " + new string('-', 4) + "  " + new string('-', 9) + " " + new string('-', 7) + "  " + new string('-', 18) + " " + new string('-', 7));
        foreach (var (term, times) in keystrokes.Select(k => ($"«{k.Key}»", k.Value)).Append(("all", keystrokes.SelectMany(k => k.Value).ToList())))
        {
            var median = SearchBenchmarkCommand.Percentile(times, 50);
            var p95 = SearchBenchmarkCommand.Percentile(times, 95);
            Console.WriteLine(F($"{term,-28} {times.Count,4}  {median,9:0} {p95,7:0}  {median - DebounceMs,18:0} {p95 - DebounceMs,7:0}"));
        }

        var all = keystrokes.SelectMany(k => k.Value).ToList();
        var allP95 = SearchBenchmarkCommand.Percentile(all, 95);
        Console.WriteLine(F($"aim p95 < {KeystrokeTargetMs:0} ms: total {(allP95 < KeystrokeTargetMs ? "met" : "MISSED")} ({allP95:0} ms, of which {DebounceMs} ms debounce); after debounce {(allP95 - DebounceMs < KeystrokeTargetMs ? "met" : "MISSED")} ({allP95 - DebounceMs:0} ms)"));
        Console.WriteLine();
        var perCircuit = (memory.AfterKb - memory.BeforeKb) / 1024.0 / circuits;
        Console.WriteLine(F($"Memory per idle circuit on {circuitPath}: app RSS (VmRSS, GC not forced) before {memory.BeforeKb / 1024.0:0.0} MB, after {circuits} circuits in {contexts} contexts and {idleSeconds} s idle {memory.AfterKb / 1024.0:0.0} MB"));
        Console.WriteLine(F($"  (after − before) / {circuits} = {perCircuit:0.00} MB per circuit; aim < {CircuitTargetMb:0} MB: {(perCircuit < CircuitTargetMb ? "met" : "MISSED")}; {memory.Disconnected} of {circuits} pages had lost their circuit at the end"));
        return 0;
    }

    private static async Task<Dictionary<string, List<double>>> KeystrokesAsync(IBrowser browser, string baseUrl, string[] terms, int runs)
    {
        await using var context = await NewContextAsync(browser, baseUrl);
        var page = await context.NewPageAsync();
        await LogInAsync(page);
        await page.GotoAsync(ListPath);
        await WaitForListAsync(page);
        await page.EvaluateAsync(Hooks);
        var search = page.GetByRole(AriaRole.Searchbox, new() { Name = "Søk" });
        var empty = await SettledSignatureAsync(page);

        // A first, untimed search per term: warms the app and learns what the grid shows for it.
        var targets = new Dictionary<string, string>();
        foreach (var term in terms)
        {
            await ClearAsync(page, search, empty);
            await search.PressSequentiallyAsync(term, new() { Delay = 50 });
            await page.WaitForURLAsync(new Regex(@"[?&]q=", RegexOptions.None, TimeSpan.FromSeconds(1)));
            targets[term] = await SettledSignatureAsync(page);
            if (targets[term] == empty)
            {
                throw new InvalidOperationException($"Searching for «{term}» shows the same list as no search: pick another term.");
            }
        }

        var times = terms.ToDictionary(t => t, _ => new List<double>());
        for (var i = 0; i < runs; i++)
        {
            var term = terms[i % terms.Length];
            await ClearAsync(page, search, empty);
            await page.EvaluateAsync("target => { window.__sa.target = target; window.__sa.last = 0; window.__sa.done = 0; }", targets[term]);
            await search.PressSequentiallyAsync(term, new() { Delay = 50 });
            await page.WaitForFunctionAsync("() => window.__sa.done > 0", null, new() { Timeout = 60_000, PollingInterval = 20 });
            times[term].Add(await page.EvaluateAsync<double>("() => window.__sa.done - window.__sa.last"));
        }

        return times;
    }

    /// <summary>Empties the search field and waits until the grid shows the unsearched list again.</summary>
    private static async Task ClearAsync(IPage page, ILocator search, string empty)
    {
        await page.EvaluateAsync("() => { window.__sa.target = null; }");
        if (await search.InputValueAsync() != string.Empty)
        {
            await search.ClickAsync();
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.PressAsync("Backspace");
        }

        await page.WaitForFunctionAsync("empty => window.__saSignature() === empty", empty, new() { Timeout = 60_000, PollingInterval = 50 });
    }

    /// <summary>What the grid shows once it stops changing: the same for a second, and not the loading text.</summary>
    private static async Task<string> SettledSignatureAsync(IPage page)
    {
        var last = string.Empty;
        var since = DateTime.UtcNow;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var now = await page.EvaluateAsync<string>("() => window.__saSignature()");
            if (now != last || now.Contains("Henter avtaler", StringComparison.Ordinal))
            {
                last = now;
                since = DateTime.UtcNow;
            }
            else if (DateTime.UtcNow - since > TimeSpan.FromSeconds(1))
            {
                return now;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The agreement list did not settle within 60 s.");
    }

    private static async Task<(long BeforeKb, long AfterKb, int Disconnected)> CircuitMemoryAsync(
        IBrowser browser, string baseUrl, int appPid, int circuits, int contextCount, int idleSeconds, string path)
    {
        // Log in once per context (the cookie serves all its pages), and leave the front page, so its
        // circuit ends before the first reading.
        var contexts = new List<IBrowserContext>();
        foreach (var _ in Enumerable.Range(0, contextCount))
        {
            var context = await NewContextAsync(browser, baseUrl);
            contexts.Add(context);
            var login = await context.NewPageAsync();
            await LogInAsync(login);
            await login.GotoAsync("about:blank");
            await login.CloseAsync();
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
        var before = RssKb(appPid);

        var pages = await OpenAcrossAsync(contexts, circuits, async page =>
        {
            await page.GotoAsync(path, new() { Timeout = 120_000 });
            if (path == ListPath)
            {
                await WaitForListAsync(page);
            }
            else
            {
                await page.Locator("[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            }
        });

        await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
        var after = RssKb(appPid);

        var disconnected = 0;
        foreach (var page in pages)
        {
            disconnected += await LostCircuitAsync(page) ? 1 : 0;
        }

        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }

        return (before, after, disconnected);
    }

    /// <summary>
    /// Opens <paramref name="count"/> pages spread over the contexts, one opening per context at a time (a few
    /// users' tabs, not a load test), each made ready by <paramref name="open"/>.
    /// </summary>
    internal static async Task<List<IPage>> OpenAcrossAsync(IReadOnlyList<IBrowserContext> contexts, int count, Func<IPage, Task> open)
    {
        var pages = new List<IPage>();
        var next = 0;
        await Task.WhenAll(contexts.Select(async context =>
        {
            while (Interlocked.Increment(ref next) <= count)
            {
                var page = await context.NewPageAsync();
                lock (pages)
                {
                    pages.Add(page);
                }

                await open(page);
            }
        }));
        return pages;
    }

    internal static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new()
        {
            // Debian's Chromium; Playwright must never download a browser of its own.
            ExecutablePath = Environment.GetEnvironmentVariable("SA_CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                // Many pages: share renderers, and keep every page's timers (SignalR's keep-alive) running as in a visible tab.
                "--renderer-process-limit=8", "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows",
            ],
        });

    /// <summary>Whether the page shows the reconnect modal: its circuit is gone.</summary>
    internal static Task<bool> LostCircuitAsync(IPage page) =>
        page.EvaluateAsync<bool>("""
            () => { const m = document.getElementById('components-reconnect-modal');
                    return !!m && /components-reconnect-(show|retrying|failed|rejected|paused)/.test(m.className); }
            """);

    internal static async Task<IBrowserContext> NewContextAsync(IBrowser browser, string baseUrl)
    {
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = baseUrl,
            Locale = "nb-NO",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // A loaded 2-core machine: generous; waits still return as soon as they hold.
        context.SetDefaultTimeout(60_000);
        return context;
    }

    internal static async Task LogInAsync(IPage page)
    {
        await page.GotoAsync("/logg-inn");
        await page.GetByLabel("E-post").FillAsync(SearchBenchmarkCommand.User);
        await page.GetByLabel("Passord").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" }).WaitForAsync();
    }

    /// <summary>Interactive (the circuit runs the page) and the first page of agreements loaded.</summary>
    internal static async Task WaitForListAsync(IPage page)
    {
        await page.Locator("[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.WaitForFunctionAsync("""
            () => { const g = document.querySelector('.app-agreement-grid');
                    return !!g && !!g.previousElementSibling && !g.previousElementSibling.textContent.includes('Henter avtaler')
                        && !!g.querySelector('tbody tr'); }
            """, null, new() { PollingInterval = 100 });
    }

    internal static long RssKb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(VmRss().Match(line).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"(\d+)\s*kB")]
    private static partial Regex VmRss();

    internal static bool TryCount(string[] args, string name, int fallback, out int value)
    {
        value = fallback;
        return SearchBenchmarkCommand.Option(args, name) is not { } text || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0);
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
