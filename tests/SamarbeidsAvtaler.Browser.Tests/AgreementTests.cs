using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SamarbeidsAvtaler.Browser.Tests.Infrastructure;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static SamarbeidsAvtaler.Browser.Tests.Infrastructure.AgreementSteps;

namespace SamarbeidsAvtaler.Browser.Tests;

public sealed class AgreementTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task Caseworker_registers_a_driftsavtale_from_nothing_sends_it_for_signature_registers_both_signatures_and_sees_it_active()
    {
        var title = $"Driftsavtale klinisk voksenpsykologi – Testa Prøvesen {RandomMarker()}";
        var validFrom = new DateOnly(Today.Year, Today.Month, 1);

        var page = await NewPageAsync();
        await LogInAsync(page, "saksbehandler@demo.local");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmeny" }).GetByRole(AriaRole.Link, new() { Name = "Avtaler" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Avtaler", Level = 1 })).ToBeVisibleAsync();
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

        await Expect(page).ToHaveURLAsync(new Regex($"/avtaler/{id}\\?melding=aktiv$"));
        await Expect(Detail(Overview(page), "Status")).ToHaveTextAsync("Gjeldende");
        await Expect(Detail(Overview(page), "Signert av alle parter")).ToHaveTextAsync(Norwegian.Date(Today));
        // Signed means locked (R1): no editing, but a new version can be made.
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Rediger utkastet" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Lag ny versjon" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Caseworker_creates_a_new_version_and_sees_the_old_one_replaced()
    {
        var marker = RandomMarker();
        var title = $"Driftsavtale familiepsykologi – Tenkt Familiesen {marker}";
        Guid firstId;
        string reference;
        await using (var db = Fixture.Database.CreateDbContext())
        {
            // Version 1 is signed already: saved through the domain, as the product would have left it.
            var rhf = await db.Parties.SingleAsync(p => p.Name == "Helse Sør-Øst RHF");
            var specialist = await db.Parties.SingleAsync(p => p.Name == "Tenkt Familiesen");
            var first = AgreementScenarios.OperatingDraft(rhf, specialist, title).SignedByAll();
            db.Agreements.Add(first);
            await db.SaveChangesAsync();
            (firstId, reference) = (first.Id, first.ReferenceNumber);
        }

        var page = await NewPageAsync();
        await LogInAsync(page, "saksbehandler@demo.local");
        await page.GotoAsync($"/avtaler/{firstId}");
        await Expect(Detail(Overview(page), "Status")).ToHaveTextAsync("Gjeldende");

        await page.GetByRole(AriaRole.Link, new() { Name = "Lag ny versjon" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lag ny versjon", Level = 1 })).ToBeVisibleAsync();
        const string summary = "Nytt avsnitt om ventelister.";
        await page.GetByLabel(Label("Hva endres?")).FillAsync(summary);
        await page.GetByLabel(Label("Den nye versjonen gjelder fra")).FillAsync(Iso(Today));
        await page.GetByRole(AriaRole.Button, new() { Name = "Lag ny versjon" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Den nye versjonen er opprettet som utkast." })).ToBeVisibleAsync();
        var secondId = AgreementIdFrom(page);
        secondId.Should().NotBe(firstId);
        await Expect(Detail(Overview(page), "Referanse")).ToHaveTextAsync($"{reference} versjon 2");
        await Expect(Detail(Overview(page), "Status")).ToHaveTextAsync("Utkast");
        await Expect(Detail(Overview(page), "Endringer i denne versjonen")).ToHaveTextAsync(summary);
        // The draft is a copy: v1's text and parties are there, and v1 is still in force.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1. Formål", Level = 3 })).ToBeVisibleAsync();
        var versions = page.GetByRole(AriaRole.Region, new() { Name = "Versjoner" }).Locator("tbody").GetByRole(AriaRole.Row);
        await Expect(versions).ToHaveCountAsync(2);
        await Expect(versions.Nth(0)).ToContainTextAsync("Gjeldende");
        await Expect(versions.Nth(1)).ToContainTextAsync("Versjon 2 (denne)");
        await Expect(versions.Nth(1)).ToContainTextAsync("Utkast");

        // The change itself, in the draft editor.
        await page.GetByRole(AriaRole.Link, new() { Name = "Rediger utkastet" }).ClickAsync();
        await AddSectionAsync(page, "Ventelister", "Avtalespesialisten melder ledig kapasitet til RHF hver måned.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ferdig, vis avtalen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "2. Ventelister", Level = 3 })).ToBeVisibleAsync();

        await SendForSignatureAsync(page);
        await SignByAllAsync(page, ("Helse Sør-Øst RHF", "Rita RHF-direktør"), ("Tenkt Familiesen", "Tenkt Familiesen"));

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "den forrige versjonen er markert som erstattet" })).ToBeVisibleAsync();
        await Expect(Detail(Overview(page), "Status")).ToHaveTextAsync("Gjeldende");
        await Expect(versions).ToHaveCountAsync(2);
        await Expect(versions.Nth(0)).ToContainTextAsync("Versjon 1");
        await Expect(versions.Nth(0)).ToContainTextAsync("Erstattet");
        await Expect(versions.Nth(1)).ToContainTextAsync("Versjon 2 (denne)");
        await Expect(versions.Nth(1)).ToContainTextAsync("Gjeldende");

        // Version 1 stays readable, as signed, and says what replaced it.
        await versions.Nth(0).GetByRole(AriaRole.Link, new() { Name = "Versjon 1" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/avtaler/{firstId}$"));
        await Expect(Detail(Overview(page), "Referanse")).ToHaveTextAsync($"{reference} versjon 1");
        await Expect(Detail(Overview(page), "Status")).ToHaveTextAsync("Erstattet");
        await Expect(Detail(Overview(page), "Erstattet")).ToHaveTextAsync(Norwegian.Date(Today));
        await Expect(page.GetByText("Denne versjonen er erstattet")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "versjon 2", Exact = true })).ToHaveAttributeAsync("href", $"/avtaler/{secondId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "2. Ventelister" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Lag ny versjon" })).ToHaveCountAsync(0);
        await Expect(versions).ToHaveCountAsync(2);
        await Expect(versions.Nth(0)).ToContainTextAsync("Versjon 1 (denne)");
        await Expect(versions.Nth(1)).ToContainTextAsync("Gjeldende");

        // The register lists the agreement once, as version 2: replaced versions are left out by default.
        await page.GotoAsync($"/avtaler?q={marker}");
        var rows = page.GetByRole(AriaRole.Table).Locator("tbody").GetByRole(AriaRole.Row);
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync($"{reference} v2");
        await Expect(rows.GetByRole(AriaRole.Link, new() { Name = title })).ToHaveAttributeAsync("href", $"/avtaler/{secondId}");
    }
}
