using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SamarbeidsAvtaler.Browser.Tests.Infrastructure;
using SamarbeidsAvtaler.Domain;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static SamarbeidsAvtaler.Browser.Tests.Infrastructure.AgreementSteps;

namespace SamarbeidsAvtaler.Browser.Tests;

/// <summary>
/// A driftsavtale from nothing: made in the editor step by step (search-and-pick for parties and
/// kommune), then sent for signature and signed through the agreement page's dialogs.
/// </summary>
public sealed class EditorJourneyTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task Caseworker_registers_a_driftsavtale_in_the_editor_from_nothing_and_signs_it_into_force()
    {
        var title = $"Driftsavtale klinisk voksenpsykologi – Testa Prøvesen {RandomMarker()}";
        var validFrom = new DateOnly(Today.Year, Today.Month, 1);

        var page = await NewPageAsync();
        await LogInAsync(page, "saksbehandler@demo.local");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmeny" }).GetByRole(AriaRole.Link, new() { Name = "Avtaler" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Avtaler", Level = 1 })).ToBeVisibleAsync();
        // The list loads in its circuit; on a loaded machine that can take longer than a click's wait.
        await WaitForInteractiveAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Ny avtale" }).ClickAsync();
        // The list's own links also start with "Driftsavtale": wait for the kind choice first.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ny avtale", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Driftsavtale$") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ny driftsavtale", Level = 1 })).ToBeVisibleAsync();

        // Step 1: the details and the practice position (hjemmel).
        await WaitForInteractiveAsync(page);
        await page.GetByLabel(Label("Tittel")).FillAsync(title);
        await FillDateAsync(page, "Gyldig fra", validFrom);
        await page.GetByLabel(Label("Spesialitet")).FillAsync("Klinisk voksenpsykologi");
        // Search-and-pick: the matching kommuner come from the server while the user types.
        await PickAsync(page, "Kommune (praksissted)", "Bergen", "Bergen kommune");
        await page.GetByLabel(Label("Adresse")).FillAsync("Prøvevegen 12, 5003 Bergen");
        await page.GetByLabel(Label("Andel av hel hjemmel (%)")).FillAsync("100");
        await page.GetByLabel(Label("Timer per uke")).FillAsync("37,5");
        await page.GetByLabel(Label("Uker per år")).FillAsync("44");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opprett utkast og fortsett" }).ClickAsync();

        // Step 2: the parties, found with the party search, and who signs for each.
        await Expect(page).ToHaveURLAsync(new Regex(@"/avtaler/[0-9a-f-]{36}/rediger/parter\?ny=1$"));
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = new Regex(@"Utkastet er opprettet med saksnummer DA-\d{4}-\d{4}") }))
            .ToBeVisibleAsync();
        var id = AgreementIdFrom(page);
        await AddPartyAsync(page, "Helse Sør-Øst", "Helse Sør-Øst RHF");
        await AddPartyAsync(page, "Testa Prøvesen", "Testa Prøvesen");
        await SetSignatoriesAsync(page, ("Helse Sør-Øst RHF", "Rita Regiondirektør", "Fagdirektør"), ("Testa Prøvesen", "Testa Prøvesen", "Avtalespesialist"));

        await AddSectionAsync(page, "Formål", "Avtalen gir rett til å drive avtalepraksis med driftstilskudd fra Helse Sør-Øst RHF.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Ferdig, vis avtalen" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/avtaler/{id}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Expect(Detail(Overview(page), "Status")).ToHaveTextAsync("Utkast");
        await Expect(Detail(Overview(page), "Gyldig fra")).ToHaveTextAsync(Norwegian.Date(validFrom));
        // What the form took in is what the agreement says: 37,5 hours is a full position (R7).
        var position = page.GetByRole(AriaRole.Region, new() { Name = "Hjemmel" });
        await Expect(Detail(position, "Spesialitet")).ToHaveTextAsync("Klinisk voksenpsykologi");
        await Expect(Detail(position, "Kommune")).ToHaveTextAsync("Bergen kommune");
        await Expect(Detail(position, "Andel av hel hjemmel")).ToHaveTextAsync("100 %");
        await Expect(Detail(position, "Åpningstid")).ToHaveTextAsync("37,5 timer per uke, 44 uker i året");
        await Expect(Detail(position, "Aktivitetskrav (R7)")).ToContainTextAsync("Oppfylt");

        await SendForSignatureAsync(page);
        await SignByAllAsync(page, ("Helse Sør-Øst RHF", "Rita Regiondirektør"), ("Testa Prøvesen", "Testa Prøvesen"));

        await Expect(StatusChip(page)).ToHaveTextAsync("Gjeldende");
        await Expect(Detail(Overview(page), "Signert av alle parter")).ToHaveTextAsync(Norwegian.Date(Today));
    }
}
