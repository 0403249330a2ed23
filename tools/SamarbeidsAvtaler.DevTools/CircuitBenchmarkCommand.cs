using System.Globalization;
using Microsoft.Playwright;

namespace SamarbeidsAvtaler.DevTools;

/// <summary>
/// <c>benchmark-circuits --base-url URL --app-pid PID [--circuits N] [--contexts C] [--idle-seconds S] [--paths "/|/avtaler"]</c>:
/// server memory per idle circuit, page by page, against an app already running in Development (it needs the
/// app's <c>/dev/memory</c>). For each path: N pages opened as the demo caseworker and left idle, then per circuit
/// (a) the growth of the app's RSS as the operating system sees it, GC not forced, (b) the growth of RSS and (c) of
/// the managed heap after a full, compacting collection. (a) is what the machine pays as things run; (c) is what the
/// circuits really keep alive; (b) − (c) is native memory and the GC's own bookkeeping. Prints figures; asserts nothing
/// (scripts/benchmark-agreements.sh --circuits runs it).
/// </summary>
public static class CircuitBenchmarkCommand
{
    public const string Name = "benchmark-circuits";

    private const double TargetMb = 1;

    private sealed record Reading(int Circuits, long RssKb, long GcRssBytes, long ManagedBytes);

    private sealed record Result(string Path, int Pages, Reading Before, Reading After, int Lost);

    public static async Task<int> RunAsync(string[] args)
    {
        var baseUrl = SearchBenchmarkCommand.Option(args, "--base-url");
        var pidText = SearchBenchmarkCommand.Option(args, "--app-pid");
        if (baseUrl is null || !int.TryParse(pidText, out var appPid) || !File.Exists($"/proc/{appPid}/status")
            || !BrowserBenchmarkCommand.TryCount(args, "--circuits", 100, out var circuits)
            || !BrowserBenchmarkCommand.TryCount(args, "--contexts", 4, out var contextCount)
            || !BrowserBenchmarkCommand.TryCount(args, "--idle-seconds", 10, out var idleSeconds))
        {
            await Console.Error.WriteLineAsync(
                $"Bruk: {Name} --base-url URL --app-pid PID [--circuits N] [--contexts C] [--idle-seconds S] [--paths \"/|/avtaler\"]");
            return 2;
        }

        var paths = (SearchBenchmarkCommand.Option(args, "--paths") ?? "/|/avtaler")
            .Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
        var loadBefore = SearchBenchmarkCommand.LoadAverage();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserBenchmarkCommand.LaunchAsync(playwright);
        var contexts = new List<IBrowserContext>();
        foreach (var _ in Enumerable.Range(0, contextCount))
        {
            var context = await BrowserBenchmarkCommand.NewContextAsync(browser, baseUrl);
            contexts.Add(context);
            var login = await context.NewPageAsync();
            await BrowserBenchmarkCommand.LogInAsync(login);
            await login.CloseAsync();
        }

        // One visit to every path first: what the app builds once (compiled code, caches, pooled buffers) is not
        // a circuit's cost and would otherwise land on the first path measured.
        foreach (var path in paths)
        {
            var page = await contexts[0].NewPageAsync();
            await OpenAsync(page, path);
            await page.CloseAsync();
        }

        var results = new List<Result>();
        foreach (var path in paths)
        {
            var before = await SettledReadingAsync(http, appPid, expectedCircuits: 0);
            var pages = await BrowserBenchmarkCommand.OpenAcrossAsync(contexts, circuits, page => OpenAsync(page, path));

            await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
            var after = await ReadAsync(http, appPid);
            var lost = 0;
            foreach (var page in pages)
            {
                lost += await BrowserBenchmarkCommand.LostCircuitAsync(page) ? 1 : 0;
            }

            results.Add(new Result(path, pages.Count, before, after, lost));
            foreach (var page in pages)
            {
                await page.CloseAsync();
            }
        }

        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }

        var info = await http.GetStringAsync("/dev/memory?gc=false");
        Console.WriteLine();
        Console.WriteLine(F($"Memory per idle circuit ({Environment.ProcessorCount} cores; load average {loadBefore} before, {SearchBenchmarkCommand.LoadAverage()} after; server GC {Value(info, "server_gc")})"));
        Console.WriteLine(F($"{circuits} pages per path in {contextCount} browser contexts as the demo caseworker, then {idleSeconds} s idle. Before each path the previous path's circuits are closed."));
        Console.WriteLine("RSS: the app's VmRSS as read from /proc (GC not forced). After GC: /dev/memory's readings after GC.Collect(2, forced, blocking, compacting),");
        Console.WriteLine("finalizers, and a second collection. Per circuit = (after − before) / open circuits (counted in the app by a CircuitHandler).");
        Console.WriteLine();
        Console.WriteLine(F($"{"path",-44} {"circuits",8} {"lost",4}  {"RSS before→after MB",20} {"per c.",6}  {"RSS after GC MB",16} {"per c.",6}  {"managed MB",14} {"per c.",6}"));
        Console.WriteLine(new string('-', 44) + " " + new string('-', 8) + " " + new string('-', 4) + "  " + new string('-', 20) + " " + new string('-', 6) + "  "
            + new string('-', 16) + " " + new string('-', 6) + "  " + new string('-', 14) + " " + new string('-', 6));
        foreach (var r in results)
        {
            var opened = Math.Max(1, r.After.Circuits - r.Before.Circuits);
            double Mb(long bytes) => bytes / 1048576.0;
            var rss = Mb((r.After.RssKb - r.Before.RssKb) * 1024) / opened;
            var gcRss = Mb(r.After.GcRssBytes - r.Before.GcRssBytes) / opened;
            var managed = Mb(r.After.ManagedBytes - r.Before.ManagedBytes) / opened;
            Console.WriteLine(F($"{r.Path,-44} {r.After.Circuits - r.Before.Circuits,8} {r.Lost,4}  {$"{r.Before.RssKb / 1024.0:0}→{r.After.RssKb / 1024.0:0}",20} {rss,6:0.00}  {$"{Mb(r.Before.GcRssBytes):0}→{Mb(r.After.GcRssBytes):0}",16} {gcRss,6:0.00}  {$"{Mb(r.Before.ManagedBytes):0.0}→{Mb(r.After.ManagedBytes):0.0}",14} {managed,6:0.00}"));
        }

        Console.WriteLine(F($"aim < {TargetMb:0} MB per idle circuit (RSS, GC not forced): ")
            + string.Join("; ", results.Select(r =>
            {
                var perCircuit = (r.After.RssKb - r.Before.RssKb) / 1024.0 / Math.Max(1, r.After.Circuits - r.Before.Circuits);
                return F($"{r.Path} {(perCircuit < TargetMb ? "met" : "MISSED")}");
            })));
        return 0;
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path, new() { Timeout = 120_000 });
        await page.Locator("[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        if (path == "/avtaler")
        {
            await BrowserBenchmarkCommand.WaitForListAsync(page);
        }

        // What the page loads after it turned interactive ("Henter …") is part of an idle circuit.
        await page.WaitForFunctionAsync("() => !document.body.textContent.includes('Henter ')", null, new() { PollingInterval = 100 });
    }

    /// <summary>
    /// Waits until the app has the expected number of circuits (closed pages' circuits end when the page says
    /// goodbye, or after the disconnected-circuit retention) and RSS stops falling, then reads.
    /// </summary>
    private static async Task<Reading> SettledReadingAsync(HttpClient http, int appPid, int expectedCircuits)
    {
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (DateTime.UtcNow < deadline && Value(await http.GetStringAsync("/dev/memory?gc=false"), "circuits") != expectedCircuits.ToString(CultureInfo.InvariantCulture))
        {
            await Task.Delay(1000);
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
        return await ReadAsync(http, appPid);
    }

    /// <summary>RSS first, as it is, then the forced collection's figures.</summary>
    private static async Task<Reading> ReadAsync(HttpClient http, int appPid)
    {
        var rssKb = BrowserBenchmarkCommand.RssKb(appPid);
        var text = await http.GetStringAsync("/dev/memory");
        long Number(string key) => long.Parse(Value(text, key), CultureInfo.InvariantCulture);
        return new Reading((int)Number("circuits"), rssKb, Number("rss_bytes"), Number("managed_bytes"));
    }

    private static string Value(string text, string key) =>
        text.Split('\n').Select(l => l.Split('=', 2)).FirstOrDefault(p => p.Length == 2 && p[0] == key)?[1]
        ?? throw new InvalidOperationException($"/dev/memory gave no {key}: is the app running in Development?");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
