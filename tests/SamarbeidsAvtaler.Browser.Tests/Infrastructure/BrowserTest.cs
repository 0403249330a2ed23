using Microsoft.Playwright;
using SamarbeidsAvtaler.Infrastructure.Seeding;
using Xunit.Abstractions;

namespace SamarbeidsAvtaler.Browser.Tests.Infrastructure;

/// <summary>
/// Base for browser tests: xUnit makes a new instance per test, and every page it opens lives in a
/// browser context of its own, closed when the test ends.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    static BrowserTest() => Assertions.SetDefaultExpectTimeout(10_000);

    protected BrowserFixture Fixture { get; } = fixture;

    protected async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var context = await Fixture.NewContextAsync(viewport);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>Logs in through the log-in form and waits for the front page.</summary>
    protected static async Task LogInAsync(IPage page, string email, string password = DemoData.Password)
    {
        await page.GotoAsync("/logg-inn");
        await page.GetByLabel("E-post").FillAsync(email);
        await page.GetByLabel("Passord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" })).ToBeVisibleAsync();

        // The landing page is prerendered first: a menu click while the circuit starts can be lost (seen on CI).
        await WaitForInteractiveAsync(page);
    }

    /// <summary>Opens a page of the interactive application and waits until its circuit runs it.</summary>
    protected static async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await WaitForInteractiveAsync(page);
    }

    /// <summary>Waits until the page is interactive (prerendered markup answers no clicks before that).</summary>
    protected static Task WaitForInteractiveAsync(IPage page) =>
        Assertions.Expect(page.Locator("[data-interactive='true']")).ToBeAttachedAsync();

    public Task InitializeAsync()
    {
        Fixture.AppLog.Drain(); // What earlier tests left is theirs.
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        // Shown by the test runner when the test fails: the server's side of a "Noe gikk galt".
        foreach (var line in Fixture.AppLog.Drain())
        {
            output.WriteLine(line);
        }
    }
}
