using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SamarbeidsAvtaler.Browser.Tests.Infrastructure;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Infrastructure.Seeding;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SamarbeidsAvtaler.Browser.Tests;

/// <summary>
/// Issue 10's journey: a kommune reports a discharge outside the agreed hours (R26), the HF answers (R22),
/// and the områdeutval's statistics count it (R25).
/// </summary>
public sealed class DeviationJourneyTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Municipality = "kommune@demo.local";
    private const string Manager = "samhandlingssjef@demo.local";

    private static async Task<int> AreaCountAsync(IPage page, string url)
    {
        await OpenAsync(page, url);
        var summary = page.GetByText(new Regex(@"\d+ avvik i perioden"));
        await Expect(summary).ToBeVisibleAsync();
        var text = await summary.InnerTextAsync();
        return int.Parse(Regex.Match(text, @"(\d[\d\s\u00a0]*) avvik").Groups[1].Value.Replace(" ", "").Replace("\u00a0", ""), CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task R22_R25_R26_a_kommune_reports_a_discharge_breach_the_hf_answers_and_the_omradeutval_chart_counts_it()
    {
        Guid area;
        await using (var db = Fixture.Database.CreateDbContext())
        {
            area = await db.Committees.Where(c => c.Name == DemoCommittees.GapAreaName).Select(c => c.Id).SingleAsync();
        }

        var statistics = $"/avvik/statistikk?omrade={area}&kategori=DischargeOutsideAgreedHours";
        var kommune = await NewPageAsync();
        await LogInAsync(kommune, Municipality);

        // A kommune user lands on its deviations.
        await Expect(kommune).ToHaveURLAsync(new Regex("/avvik$"));
        var before = await AreaCountAsync(kommune, statistics);

        // The last Saturday before today: 20:30 is outside the weekend window 09–15.
        var today = TimeProvider.System.Today();
        var sinceSaturday = ((int)today.DayOfWeek + 1) % 7;
        var saturday = today.AddDays(-(sinceSaturday == 0 ? 7 : sinceSaturday));
        await OpenAsync(kommune, "/avvik/ny");
        await Expect(kommune.GetByTestId("no-names-reminder")).ToContainTextAsync("fødselsnummer");
        await Expect(kommune.GetByLabel("Meldt av")).ToHaveValueAsync(DemoData.DemoMunicipality);
        var other = kommune.GetByLabel("Meldt mot");
        await other.FillAsync("Helse Bergen");
        await MudLists.ChooseAsync(kommune, MudLists.OpenListItem(kommune, new Regex(@"^\s*Helse Bergen HF\s*$")));
        await MudLists.SelectAsync(kommune, kommune.GetByLabel("Avtale"), "Tenesteavtale 2 og 3");
        await MudLists.SelectAsync(kommune, kommune.GetByLabel("Kategori"), "Utskrivning utenfor avtalt tid");
        var date = kommune.GetByLabel("Dato for hendelsen");
        await date.FillAsync(saturday.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
        await date.PressAsync("Tab");
        await kommune.GetByLabel("Klokkeslett").FillAsync("20:30");
        await Expect(kommune.GetByTestId("discharge-hours")).ToContainTextAsync("utenfor avtalt tid");

        var title = "Utskrevet lørdag kveld " + Guid.NewGuid().ToString("N")[..6];
        await kommune.GetByLabel("Tittel").FillAsync(title);
        await kommune.GetByLabel("Beskrivelse").FillAsync("Pasienten kom til sjukeheimen kl. 21 uten at vakthavende var varslet.");
        await kommune.GetByLabel("Saksnummer i eget avvikssystem").FillAsync("ASK-DEMO-77");
        await kommune.GetByRole(AriaRole.Button, new() { Name = "Meld avvik" }).ClickAsync();

        await Expect(kommune).ToHaveURLAsync(new Regex("/avvik/[0-9a-f-]{36}$"));
        await Expect(kommune.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        var caseUrl = new Uri(kommune.Url).AbsolutePath;
        await WaitForInteractiveAsync(kommune);
        await kommune.GetByRole(AriaRole.Button, new() { Name = "Send til motparten" }).ClickAsync();
        var send = kommune.GetByRole(AriaRole.Dialog);
        await send.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(kommune.GetByText("Sendt til motparten").First).ToBeVisibleAsync();
        await Expect(kommune.GetByRole(AriaRole.Button, new() { Name = "Svar" })).ToHaveCountAsync(0, new() { Timeout = 5000 });

        // The HF's samhandlingssjef answers for its side.
        var hf = await NewPageAsync();
        await LogInAsync(hf, Manager);
        await OpenAsync(hf, caseUrl);
        await WaitForInteractiveAsync(hf);
        await hf.GetByRole(AriaRole.Button, new() { Name = "Svar" }).ClickAsync();
        var answer = hf.GetByRole(AriaRole.Dialog);
        await answer.GetByLabel("Forklaring").FillAsync("Sengeposten var full, og pasienten ble flyttet ut uten å vente til morgenen.");
        await answer.GetByLabel("Tiltak").FillAsync("Utskrivning etter kl. 15 i helgene skal godkjennes av vakthavende lege.");
        await answer.GetByRole(AriaRole.Button, new() { Name = "Send svaret" }).ClickAsync();
        await Expect(hf.GetByText("Besvart").First).ToBeVisibleAsync();
        await Expect(hf.GetByText("Utskrivning etter kl. 15 i helgene").First).ToBeVisibleAsync();

        // The områdeutval's statistics count it.
        (await AreaCountAsync(kommune, statistics)).Should().Be(before + 1);
    }
}
