using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SamarbeidsAvtaler.Browser.Tests.Infrastructure;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static SamarbeidsAvtaler.Browser.Tests.Infrastructure.AgreementSteps;

namespace SamarbeidsAvtaler.Browser.Tests;

/// <summary>
/// Journeys on the agreement page. The agreements are made through the domain and saved to the database
/// (the editor has journeys of its own); everything after that goes through the page and its dialogs.
/// </summary>
public sealed class AgreementTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private async Task<Agreement> SaveAsync(Func<Func<string, Task<SamarbeidsAvtaler.Domain.Parties.Party>>, Task<Agreement>> build)
    {
        await using var db = Fixture.Database.CreateDbContext();
        var agreement = await build(name => db.Parties.SingleAsync(p => p.Name == name));
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync();
        return agreement;
    }

    [Fact]
    public async Task Caseworker_sends_a_driftsavtale_for_signature_registers_both_signatures_in_dialogs_and_sees_it_active()
    {
        var title = $"Driftsavtale klinisk voksenpsykologi – Testa Prøvesen {RandomMarker()}";
        var draft = await SaveAsync(async party =>
        {
            var agreement = AgreementScenarios.OperatingDraft(await party("Helse Sør-Øst RHF"), await party("Testa Prøvesen"), title);
            agreement.SetSignatory(agreement.Parties[0].Id, "Rita Regiondirektør", "Fagdirektør");
            return agreement;
        });

        var page = await NewPageAsync();
        await LogInAsync(page, "saksbehandler@demo.local");
        await OpenAsync(page, $"/avtaler/{draft.Id}");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Expect(StatusChip(page)).ToHaveTextAsync("Utkast");
        await Expect(Detail(Overview(page), "Status")).ToHaveTextAsync("Utkast");
        var position = page.GetByRole(AriaRole.Region, new() { Name = "Hjemmel" });
        await Expect(Detail(position, "Andel av hel hjemmel")).ToHaveTextAsync("100 %");
        await Expect(Detail(position, "Åpningstid")).ToHaveTextAsync("37,5 timer per uke, 44 uker i året");
        await Expect(Detail(position, "Aktivitetskrav (R7)")).ToContainTextAsync("Oppfylt");

        // Until someone signs, the signatures tab shows the parties and «Ikke signert», not five empty columns.
        await OpenTabAsync(page, "Signaturer");
        var signatures = page.GetByRole(AriaRole.Region, new() { Name = "Signaturer" });
        await Expect(signatures.GetByRole(AriaRole.Columnheader)).ToHaveTextAsync(["Part", "Signatur"]);
        await OpenTabAsync(page, "Oversikt");

        await SendForSignatureAsync(page);
        await SignByAllAsync(page, ("Helse Sør-Øst RHF", "Rita Regiondirektør"), ("Testa Prøvesen", "Testa Prøvesen"));

        await Expect(StatusChip(page)).ToHaveTextAsync("Gjeldende");
        await Expect(Detail(Overview(page), "Status")).ToHaveTextAsync("Gjeldende");
        await Expect(Detail(Overview(page), "Signert av alle parter")).ToHaveTextAsync(Norwegian.Date(Today));
        // Signed means locked (R1): no editing, but a new version can be made.
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Rediger utkastet" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Lag ny versjon" })).ToBeVisibleAsync();

        // The same state after a reload: nothing lived only in the circuit.
        await OpenAsync(page, $"/avtaler/{draft.Id}");
        await Expect(StatusChip(page)).ToHaveTextAsync("Gjeldende");
    }

    [Fact]
    public async Task Notice_with_a_future_date_is_refused_in_the_dialog_with_the_input_kept_and_then_registered()
    {
        var active = await SaveAsync(async party =>
            AgreementScenarios.MunicipalDraft(AgreementLevel.Overarching, await party("Bergen kommune"), await party("Helse Bergen HF")).SignedByAll());

        var page = await NewPageAsync();
        await LogInAsync(page, "saksbehandler@demo.local");
        await OpenAsync(page, $"/avtaler/{active.Id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrer oppsigelse" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("ett års varsel");
        await dialog.GetByRole(AriaRole.Radio, new() { Name = "Bergen kommune" }).CheckAsync();
        await dialog.GetByLabel("Navn på den som sa opp avtalen").FillAsync("Kari Prøvedal");
        var date = dialog.GetByLabel("Dato for oppsigelsen");
        await date.FillAsync(Today.AddDays(2).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await date.PressAsync("Tab");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Registrer oppsigelsen" }).ClickAsync();

        await Expect(dialog.GetByText("Datoen for oppsigelsen kan ikke være frem i tid.").First).ToBeVisibleAsync();
        await Expect(dialog.GetByLabel("Navn på den som sa opp avtalen")).ToHaveValueAsync("Kari Prøvedal");

        await date.FillAsync(Today.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await date.PressAsync("Tab");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Registrer oppsigelsen" }).ClickAsync();

        await Expect(Snackbar(page, $"Oppsigelsen er registrert. Avtalen gjelder til og med {Norwegian.Date(Today.AddYears(1))}.")).ToBeVisibleAsync();
        await Expect(StatusChip(page)).ToHaveTextAsync($"Oppsagt til {Norwegian.Date(Today.AddYears(1))}");
        await Expect(Detail(Overview(page), "Oppsagt")).ToHaveTextAsync($"{Norwegian.Date(Today)} av Kari Prøvedal for Bergen kommune");
    }

    [Fact]
    public async Task Caseworker_creates_a_new_version_and_sees_the_old_one_replaced()
    {
        var marker = RandomMarker();
        var title = $"Driftsavtale familiepsykologi – Tenkt Familiesen {marker}";
        // Version 1 is signed already: saved through the domain, as the product would have left it.
        var first = await SaveAsync(async party =>
            AgreementScenarios.OperatingDraft(await party("Helse Sør-Øst RHF"), await party("Tenkt Familiesen"), title).SignedByAll());
        var (firstId, reference) = (first.Id, first.ReferenceNumber);

        var page = await NewPageAsync();
        await LogInAsync(page, "saksbehandler@demo.local");
        await OpenAsync(page, $"/avtaler/{firstId}");
        await Expect(Detail(Overview(page), "Status")).ToHaveTextAsync("Gjeldende");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lag ny versjon" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByRole(AriaRole.Heading, new() { Name = "Lag ny versjon" })).ToBeVisibleAsync();
        const string summary = "Nytt avsnitt om ventelister.";
        await dialog.GetByLabel("Hva endres?").FillAsync(summary);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Lag ny versjon" }).ClickAsync();

        await Expect(Snackbar(page, "Den nye versjonen er opprettet som utkast.")).ToBeVisibleAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex($"/avtaler/{firstId}$"));
        var secondId = AgreementIdFrom(page);
        await Expect(Detail(Overview(page), "Referanse")).ToHaveTextAsync($"{reference} versjon 2");
        await Expect(Detail(Overview(page), "Status")).ToHaveTextAsync("Utkast");
        await Expect(Detail(Overview(page), "Endringer i denne versjonen")).ToHaveTextAsync(summary);
        // The draft is a copy: v1's text and parties are there, and v1 is still in force.
        await OpenTabAsync(page, "Avtaletekst");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1. Formål", Level = 3 })).ToBeVisibleAsync();
        await OpenTabAsync(page, "Versjoner");
        var versions = page.GetByRole(AriaRole.Region, new() { Name = "Versjoner" }).Locator("tbody").GetByRole(AriaRole.Row);
        await Expect(versions).ToHaveCountAsync(2);
        await Expect(versions.Nth(0)).ToContainTextAsync("Gjeldende");
        await Expect(versions.Nth(1)).ToContainTextAsync("Versjon 2 (denne)");
        await Expect(versions.Nth(1)).ToContainTextAsync("Utkast");

        // The change itself is made in the draft editor (its own journeys); here straight in the database.
        await using (var db = Fixture.Database.CreateDbContext())
        {
            var second = await db.Agreements.Include(a => a.Sections).SingleAsync(a => a.Id == secondId);
            second.AddSection("Ventelister", "Avtalespesialisten melder ledig kapasitet til RHF hver måned.");
            await db.SaveChangesAsync();
        }

        await OpenAsync(page, $"/avtaler/{secondId}");
        await SendForSignatureAsync(page);
        await SignByAllAsync(page, ("Helse Sør-Øst RHF", "Rita RHF-direktør"), ("Tenkt Familiesen", "Tenkt Familiesen"));

        await Expect(Snackbar(page, "den forrige versjonen er markert som erstattet")).ToBeVisibleAsync();
        await Expect(Detail(Overview(page), "Status")).ToHaveTextAsync("Gjeldende");
        await OpenTabAsync(page, "Versjoner");
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
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Lag ny versjon" })).ToHaveCountAsync(0);
        await OpenTabAsync(page, "Avtaletekst");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "2. Ventelister" })).ToHaveCountAsync(0);
        await OpenTabAsync(page, "Versjoner");
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

    [Fact]
    public async Task The_agreement_page_is_logged_once_per_view_and_fits_a_phone()
    {
        var agreement = await SaveAsync(async party =>
            AgreementScenarios.OperatingDraft(await party("Helse Sør-Øst RHF"), await party("Testa Prøvesen"), $"Driftsavtale {RandomMarker()}").SignedByAll());

        var page = await NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await LogInAsync(page, "saksbehandler@demo.local");
        await OpenAsync(page, $"/avtaler/{agreement.Id}");
        await OpenTabAsync(page, "Signaturer");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Signaturer" })).ToContainTextAsync("På papir");

        // Prerender and circuit render make one view, not two; the page never scrolls sideways.
        (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).Should().BeTrue();
        await using var db = Fixture.Database.CreateDbContext();
        (await db.AccessLog.CountAsync(e => e.AgreementId == agreement.Id && e.Action == "Visning")).Should().Be(1);
    }
}
