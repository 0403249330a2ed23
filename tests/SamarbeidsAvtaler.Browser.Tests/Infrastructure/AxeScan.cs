using System.Text.Json;
using Microsoft.Playwright;

namespace SamarbeidsAvtaler.Browser.Tests.Infrastructure;

/// <summary>
/// Runs axe-core (from npm, installed by <c>scripts/bootstrap.sh --chromium</c> into this project's
/// node_modules, never committed) in a page against the WCAG 2.1 A and AA rules. The page's content
/// security policy allows scripts from the app only, so the page must come from a context made with
/// <see cref="NewContextAsync"/> (<c>BypassCSP</c>), which lets the injected script run.
/// </summary>
public static class AxeScan
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly Lazy<string> Script = new(() => File.ReadAllText(FindAxe()));

    /// <summary>A browser context for scanning: as the fixture's, but with the CSP bypassed for the injected axe script.</summary>
    public static async Task<IBrowserContext> NewContextAsync(BrowserFixture fixture, ViewportSize? viewport = null)
    {
        var context = await fixture.Browser.NewContextAsync(new()
        {
            BaseURL = fixture.BaseAddress.ToString(),
            Locale = "nb-NO",
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
            BypassCSP = true,
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    /// <summary>The serious and critical violations on the page as it is now.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> SeriousViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.AddScriptTagAsync(new() { Content = Script.Value });
        }

        var result = await page.EvaluateAsync<JsonElement>(
            """
            async (tags) => {
              const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
              return r.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({
                  id: v.id,
                  impact: v.impact,
                  help: v.help,
                  nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\s+/g, ' ')),
                }));
            }
            """,
            Tags);

        return result.EnumerateArray()
            .Select(v => new AxeViolation(
                v.GetProperty("id").GetString()!,
                v.GetProperty("impact").GetString()!,
                v.GetProperty("help").GetString()!,
                v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()!).ToList()))
            .ToList();
    }

    // tests/SamarbeidsAvtaler.Browser.Tests/node_modules/axe-core/axe.min.js, found from the test's bin folder upwards.
    private static string FindAxe()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            "axe-core is not installed: run scripts/bootstrap.sh --chromium (npm ci in tests/SamarbeidsAvtaler.Browser.Tests).");
    }
}

/// <summary>One axe rule a page breaks, with up to five of the elements that break it.</summary>
public sealed record AxeViolation(string Id, string Impact, string Help, IReadOnlyList<string> Nodes)
{
    public override string ToString() => $"{Id} ({Impact}): {Help}{Environment.NewLine}    {string.Join(Environment.NewLine + "    ", Nodes)}";
}
