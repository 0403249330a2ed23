using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SamarbeidsAvtaler.Browser.Tests.Infrastructure;
using SamarbeidsAvtaler.Infrastructure.Seeding;
using Xunit.Abstractions;

namespace SamarbeidsAvtaler.Browser.Tests;

/// <summary>
/// An axe-core scan (WCAG 2.1 A and AA) of every page each demo role can open, after an interactive
/// page runs in its circuit: no serious or critical violation anywhere.
/// </summary>
public sealed class AccessibilityTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Admin = "admin@demo.local";
    private const string Caseworker = "saksbehandler@demo.local";
    private const string Manager = "samhandlingssjef@demo.local";
    private const string Specialist = "spesialist@demo.local";
    private const string Secretariat = "sekretariat@demo.local";
    private const string Municipality = "kommune@demo.local";
    private const string NotFoundPrefix = "/finnes-ikke-";

    [Theory]
    [InlineData(Admin)]
    [InlineData(Caseworker)]
    [InlineData(Manager)]
    [InlineData(Specialist)]
    [InlineData(Secretariat)]
    [InlineData(Municipality)]
    public async Task Every_page_a_role_can_open_has_no_serious_or_critical_violation(string email)
    {
        var (agreementId, partyId) = await VisibleRecordsAsync(email);
        var pages = PagesFor(email, agreementId, partyId, await CommitteeRecordsAsync()).Concat(await CasePagesAsync(email)).ToList();

        await using var context = await AxeScan.NewContextAsync(Fixture);
        var page = await context.NewPageAsync();
        await LogInAsync(page, email);

        var found = new List<string>();
        foreach (var url in pages)
        {
            found.AddRange(await ScanAsync(page, url, url.StartsWith(NotFoundPrefix, StringComparison.Ordinal) ? 404 : 200));
        }

        found.Should().BeEmpty($"every page {email} can open must pass WCAG 2.1 A/AA without a serious or critical violation");
    }

    [Fact]
    public async Task Every_tab_of_a_body_and_a_meeting_has_no_serious_or_critical_violation()
    {
        var records = await CommitteeRecordsAsync();
        await using var context = await AxeScan.NewContextAsync(Fixture);
        var page = await context.NewPageAsync();
        await LogInAsync(page, Secretariat);

        var found = new List<string>();
        foreach (var url in new[] { $"/utvalg/{records.Ssu}", $"/utvalg/{records.Ssu}/moter/{records.Meeting}" })
        {
            found.AddRange(await ScanAsync(page, url));
            var tabs = page.GetByRole(AriaRole.Tab);
            for (var i = 1; i < await tabs.CountAsync(); i++)
            {
                var tab = tabs.Nth(i);
                var name = await tab.InnerTextAsync();
                await tab.ClickAsync();
                await Microsoft.Playwright.Assertions.Expect(tab).ToHaveAttributeAsync("aria-selected", "true");
                await page.WaitForTimeoutAsync(300);
                found.AddRange((await AxeScan.SeriousViolationsAsync(page)).Select(v => $"{url} ({name}): {v}"));
            }
        }

        found.Should().BeEmpty("every tab of the committee pages must pass WCAG 2.1 A/AA without a serious or critical violation");
    }

    [Fact]
    public async Task Log_in_and_error_pages_have_no_serious_or_critical_violation()
    {
        var found = new List<string>();
        await using var context = await AxeScan.NewContextAsync(Fixture);
        var page = await context.NewPageAsync();
        found.AddRange(await ScanAsync(page, "/logg-inn"));
        found.AddRange(await ScanAsync(page, "/logg-inn?utlogget=1"));

        await LogInAsync(page, Specialist);
        found.AddRange(await ScanAsync(page, "/admin/brukere", expectedStatus: 403));

        // The log-in page with a wrong password: the error message and the kept e-mail address.
        await using var second = await AxeScan.NewContextAsync(Fixture);
        var failed = await second.NewPageAsync();
        await failed.GotoAsync("/logg-inn");
        await failed.GetByLabel("E-post").FillAsync(Caseworker);
        await failed.GetByLabel("Passord").FillAsync("Feil-passord-2026");
        await failed.GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(failed.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        found.AddRange((await AxeScan.SeriousViolationsAsync(failed)).Select(v => $"/logg-inn (feil passord): {v}"));

        found.Should().BeEmpty();
    }

    [Fact]
    public async Task Phone_width_shell_has_no_serious_or_critical_violation()
    {
        await using var context = await AxeScan.NewContextAsync(Fixture, new ViewportSize { Width = 390, Height = 844 });
        var page = await context.NewPageAsync();
        var found = new List<string>();
        found.AddRange(await ScanAsync(page, "/logg-inn"));
        await LogInAsync(page, Caseworker);
        found.AddRange(await ScanAsync(page, "/"));
        found.Should().BeEmpty();
    }

    [Fact]
    public async Task The_scan_finds_a_violation_where_there_is_one()
    {
        // Guards against a scan that silently checks nothing: an image without a text alternative is critical.
        await using var context = await AxeScan.NewContextAsync(Fixture);
        var page = await context.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"nb\"><head><title>Prøve</title></head><body><main><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"></main></body></html>");

        var violations = await AxeScan.SeriousViolationsAsync(page);

        violations.Select(v => v.Id).Should().Contain("image-alt");
    }

    /// <summary>Opens <paramref name="url"/>, waits until an interactive page runs, and scans it.</summary>
    private async Task<IEnumerable<string>> ScanAsync(IPage page, string url, int expectedStatus = 200)
    {
        var response = await page.GotoAsync(url);
        response.Should().NotBeNull();
        response!.Status.Should().Be(expectedStatus, $"{url} should answer {expectedStatus}");
        if (await page.Locator("[data-interactive]").CountAsync() > 0)
        {
            await WaitForInteractiveAsync(page);
        }

        if (Environment.GetEnvironmentVariable("SA_SCREENSHOTS") is { Length: > 0 } folder)
        {
            var name = string.Concat(url.Select(c => char.IsLetterOrDigit(c) ? c : '_')) + "_" + page.ViewportSize?.Width + ".png";
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = true });
        }

        var violations = await AxeScan.SeriousViolationsAsync(page);
        foreach (var violation in violations)
        {
            _output.WriteLine($"{url}: {violation}");
        }

        return violations.Select(v => $"{url}: {v}");
    }

    private readonly ITestOutputHelper _output = output;

    private static IReadOnlyList<string> PagesFor(string email, Guid agreementId, Guid partyId, CommitteeRecords committees)
    {
        var agreement = $"/avtaler/{agreementId}";
        List<string> common = [agreement, $"{agreement}/dokument", $"/parter/{partyId}", "/parter", "/verifiser", NotFoundPrefix + Guid.NewGuid().ToString("N")];
        var meeting = $"/utvalg/{committees.Ssu}/moter/{committees.Meeting}";
        List<string> bodies = ["/utvalg", "/utvalg/oversikt", $"/utvalg/{committees.Ssu}", meeting, $"{meeting}/referat", $"/personer/{committees.Person}"];
        List<string> keeping = ["/utvalg/ny", "/honorar", "/honorar/satser"];
        return email switch
        {
            Specialist => ["/mine-avtaler", .. common],
            Manager => ["/", "/avtaler", "/oversikt", "/frister", "/dekning", .. bodies, .. common],
            Secretariat => ["/avtaler", .. bodies, .. keeping, .. common],
            Municipality => ["/avtaler", .. common],
            Caseworker => ["/", "/avtaler", "/oversikt", "/frister", "/dekning", "/parter/ny", .. bodies, .. keeping, .. common],
            _ => ["/", "/avtaler", "/oversikt", "/frister", "/dekning", "/parter/ny", "/admin/brukere", "/admin/tilgangslogg", .. bodies, .. keeping, .. common],
        };
    }

    private sealed record CommitteeRecords(Guid Ssu, Guid Meeting, Guid Person);

    /// <summary>
    /// The deviation and dispute pages (issue 10) for every role but an avtalespesialist: the lists, the
    /// forms, the statistics and one case of each kind the user may see (the demo's, on Helse Bergen's agreements).
    /// </summary>
    private async Task<IReadOnlyList<string>> CasePagesAsync(string email)
    {
        if (email == Specialist)
        {
            return [];
        }

        await using var db = Fixture.Database.CreateDbContext();
        var own = await db.Users.Where(u => u.Email == email).Select(u => u.PartyId).SingleAsync();
        var deviations = db.Deviations.AsQueryable();
        var disputes = db.Disputes.AsQueryable();
        if (email == Municipality)
        {
            deviations = deviations.Where(d => d.ReportingPartyId == own || d.OtherPartyId == own);
            disputes = disputes.Where(d => d.RaisingPartyId == own || d.OtherPartyId == own);
        }

        var deviation = await deviations.OrderBy(d => d.CaseNumber).Select(d => (Guid?)d.Id).FirstOrDefaultAsync();
        var dispute = await disputes.OrderBy(d => d.CaseNumber).Select(d => (Guid?)d.Id).FirstOrDefaultAsync();
        deviation.Should().NotBeNull($"the demo has a deviation {email} may see");
        List<string> pages = ["/avvik", "/avvik/ny", "/avvik/statistikk", $"/avvik/{deviation}", "/tvister", "/tvister/ny"];
        if (dispute is { } id)
        {
            pages.Add($"/tvister/{id}");
        }

        return pages;
    }

    /// <summary>The demo SSU, a meeting of it with approved minutes, and one of its members.</summary>
    private async Task<CommitteeRecords> CommitteeRecordsAsync()
    {
        await using var db = Fixture.Database.CreateDbContext();
        var ssu = await db.Committees.Where(c => c.Name == DemoCommittees.SsuName).Select(c => c.Id).SingleAsync();
        var meeting = await db.Meetings.Where(m => m.CommitteeId == ssu && m.MinutesApprovedOn != null).OrderBy(m => m.Date).Select(m => m.Id).FirstAsync();
        var person = await db.CommitteeMembers.Where(m => m.CommitteeId == ssu).OrderBy(m => m.CreatedAt).Select(m => m.PersonId).FirstAsync();
        return new CommitteeRecords(ssu, meeting, person);
    }

    /// <summary>An agreement and a party the user may see: their own for an avtalespesialist, their trust's for a samhandlingssjef.</summary>
    private async Task<(Guid Agreement, Guid Party)> VisibleRecordsAsync(string email)
    {
        await using var db = Fixture.Database.CreateDbContext();
        var own = await db.Users.Where(u => u.Email == email).Select(u => u.PartyId).SingleAsync();
        var parties = own is { } id
            ? db.Parties.Where(p => p.Id == id || p.ParentPartyId == id).Select(p => p.Id)
            : db.Parties.Select(p => p.Id);
        var agreement = await db.Agreements
            .Where(a => db.AgreementParties.Any(ap => ap.AgreementId == a.Id && parties.Contains(ap.PartyId)))
            .OrderBy(a => a.ReferenceNumber).ThenBy(a => a.VersionNumber)
            .Select(a => a.Id).FirstAsync();
        var party = own ?? await db.Parties.Where(p => p.Name == "Helse Bergen HF").Select(p => p.Id).SingleAsync();
        return (agreement, party);
    }
}
