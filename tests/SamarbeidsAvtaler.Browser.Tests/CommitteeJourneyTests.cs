using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SamarbeidsAvtaler.Browser.Tests.Infrastructure;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Infrastructure.Seeding;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SamarbeidsAvtaler.Browser.Tests;

/// <summary>
/// The samarbeidssekretariat keeps the SSU (issue 9): it adds a member, holds the year's fourth meeting,
/// and the rules panel turns from warning to fulfilled (R16: «SSU skal minimum møtast 4 gonger i året»).
/// </summary>
public sealed class CommitteeJourneyTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Secretariat = "sekretariat@demo.local";

    [Fact]
    public async Task Secretariat_composes_the_ssu_holds_a_fourth_meeting_and_the_panel_turns_from_warning_to_fulfilled()
    {
        var today = TimeProvider.System.Today();
        var page = await NewPageAsync();
        await LogInAsync(page, Secretariat);

        // The sekretariat lands on the overview of its helsefellesskap's bodies.
        await Expect(page).ToHaveURLAsync(new Regex("/utvalg/oversikt$"));
        await WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = DemoCommittees.SsuName, Exact = true }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = DemoCommittees.SsuName, Level = 1 })).ToBeVisibleAsync();
        await WaitForInteractiveAsync(page);
        var ssuUrl = page.Url;

        // Before: three meetings held so far this year.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Regler" }).ClickAsync();
        var meetingsFinding = page.Locator(".compliance-item").Filter(new() { HasText = $"Møter i {today.Year}" });
        await Expect(meetingsFinding).ToContainTextAsync("har holdt 3 av minst 4 møter");
        await Expect(meetingsFinding).ToContainTextAsync("Advarsel");

        // Compose: an observer on item, registered as a new person from the member form.
        await page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Medlemmer") }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nytt medlem" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Ny person" }).ClickAsync();
        await dialog.GetByLabel("Navn", new() { Exact = true }).FillAsync("Olav Observatørsen");
        await dialog.GetByLabel("Tittel", new() { Exact = true }).FillAsync("Leiar i områdeutvalet");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Registrer person" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Radio, new() { Name = "Kommune" }).CheckAsync();
        await MudLists.SelectAsync(page, dialog.GetByLabel("Rolle", new() { Exact = true }), "Observatør på sak");
        await TypeDateAsync(dialog.GetByLabel("Periode fra"), today);
        await TypeDateAsync(dialog.GetByLabel("Periode til"), today.AddYears(2));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(page.GetByText("Olav Observatørsen").First).ToBeVisibleAsync();

        // Hold the fourth meeting: plan it for today, then register it as held.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Møter" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Planlegg møte" }).ClickAsync();
        dialog = page.GetByRole(AriaRole.Dialog);
        await TypeDateAsync(dialog.GetByLabel("Dato", new() { Exact = true }), today);
        await dialog.GetByLabel("Sted", new() { Exact = true }).FillAsync("Haukeland universitetssjukehus");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Planlegg", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/moter/[0-9a-f-]{36}$"));
        await WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrer som holdt" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Ja, møtet er holdt" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Registrer som holdt" })).ToHaveCountAsync(0);

        // After: the panel says the requirement is met.
        await OpenAsync(page, new Uri(ssuUrl).PathAndQuery);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Regler" }).ClickAsync();
        meetingsFinding = page.Locator(".compliance-item").Filter(new() { HasText = $"Møter i {today.Year}" });
        await Expect(meetingsFinding).ToContainTextAsync("har holdt 4 møter");
        await Expect(meetingsFinding).ToContainTextAsync("Oppfylt");
        await Expect(meetingsFinding.Locator("blockquote")).ToContainTextAsync("SSU skal minimum møtast 4 gonger i året");
    }

    private static async Task TypeDateAsync(ILocator input, DateOnly date)
    {
        await input.FillAsync(date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
        await input.PressAsync("Tab");
    }
}
