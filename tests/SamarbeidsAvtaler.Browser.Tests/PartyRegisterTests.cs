using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SamarbeidsAvtaler.Browser.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SamarbeidsAvtaler.Browser.Tests;

public sealed class PartyRegisterTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public async Task Caseworker_registers_a_specialist_correcting_a_validation_error_then_finds_it_by_search()
    {
        var surname = "Nettleser" + RandomLetters(6);
        var name = "Nora " + surname;
        // Starts with 8: the demo specialists have 99001xx, so a rerun against a kept database won't clash either.
        var hprNumber = "8" + Random.Shared.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

        var page = await NewPageAsync();
        await LogInAsync(page, "saksbehandler@demo.local");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmeny" }).GetByRole(AriaRole.Link, new() { Name = "Parter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Parter", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ny part" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Avtalespesialist" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ny part: avtalespesialist", Level = 1 })).ToBeVisibleAsync();

        var nameInput = page.GetByLabel("Navn");
        var hprInput = page.GetByLabel("HPR-nummer");
        var professionSelect = page.GetByLabel("Profesjon");
        var specialtyInput = page.GetByLabel("Spesialitet");
        var birthInput = page.GetByLabel("Fødselsdato");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Lagre" });

        await nameInput.FillAsync(name);
        await hprInput.FillAsync("12ab");
        await professionSelect.SelectOptionAsync(new SelectOptionValue { Label = "Psykolog" });
        await specialtyInput.FillAsync("Klinisk nevropsykologi");
        await birthInput.FillAsync("1979-05-17");
        await save.ClickAsync();

        // The error sits in the HPR field itself and is tied to the input for screen readers.
        const string hprError = "HPR-nummeret er ikke gyldig. Det skal ha 7–9 siffer.";
        var hprField = page.Locator(".ds-field").Filter(new() { Has = hprInput });
        await Expect(hprField.GetByText(hprError)).ToBeVisibleAsync();
        await Expect(hprInput).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(hprInput).ToHaveAccessibleDescriptionAsync(new Regex(Regex.Escape(hprError)));
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Skjemaet har feil som må rettes" })).ToBeVisibleAsync();

        // Everything typed is still there, the bad value included, so only the mistake needs retyping.
        await Expect(nameInput).ToHaveValueAsync(name);
        await Expect(hprInput).ToHaveValueAsync("12ab");
        await Expect(professionSelect).ToHaveValueAsync("Psychologist");
        await Expect(specialtyInput).ToHaveValueAsync("Klinisk nevropsykologi");
        await Expect(birthInput).ToHaveValueAsync("1979-05-17");

        await hprInput.FillAsync(hprNumber);
        await save.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/parter/[0-9a-f-]{36}\?lagret=1$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Endringene er lagret" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Definition).Filter(new() { HasTextRegex = new Regex($"^{hprNumber}$") })).ToBeVisibleAsync();

        // Search: htmx swaps the result list in place as the user types, without a page load.
        await page.GotoAsync("/parter");
        await page.EvaluateAsync("() => { window.__samePage = true; }");
        var search = page.GetByRole(AriaRole.Searchbox, new() { Name = "Søk" });
        var rows = page.GetByRole(AriaRole.Table).Locator("tbody").GetByRole(AriaRole.Row);
        await search.FillAsync(surname.ToLowerInvariant()[..10]);

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 part"); // the whole text: "41 parter" won't do
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/parter\?q="));
        (await page.EvaluateAsync<bool>("() => window.__samePage === true")).Should().BeTrue("htmx updates the list in place");

        // Enter submits the search form (htmx again): here by HPR number.
        await search.FillAsync(hprNumber);
        await search.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex($@"/parter\?q={hprNumber}"));
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        await Expect(rows).ToContainTextAsync($"HPR {hprNumber}");
    }

    [Fact]
    public async Task Specialist_is_refused_the_register_and_sees_only_own_party()
    {
        Guid otherSpecialist;
        await using (var db = Fixture.Database.CreateDbContext())
        {
            otherSpecialist = await db.Parties.Where(p => p.Name == "Testa Prøvesen").Select(p => p.Id).SingleAsync();
        }

        var page = await NewPageAsync();
        await LogInAsync(page, "spesialist@demo.local");

        var list = await page.GotoAsync("/parter");
        list!.Status.Should().Be(200);
        var rows = page.GetByRole(AriaRole.Table).Locator("tbody").GetByRole(AriaRole.Row);
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.GetByRole(AriaRole.Link, new() { Name = "Demo Spesialistsen" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 part");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ny part" })).ToHaveCountAsync(0);

        var form = await page.GotoAsync("/parter/ny");
        form!.Status.Should().Be(403);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Du har ikke tilgang", Level = 1 })).ToBeVisibleAsync();

        var other = await page.GotoAsync($"/parter/{otherSpecialist}");
        other!.Status.Should().Be(404);
        // Not "forbidden": for a specialist another party simply does not exist.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("finnes ikke"));
        await Expect(page.GetByText("Testa Prøvesen")).ToHaveCountAsync(0);
    }

    private static string RandomLetters(int count) =>
        new(Enumerable.Range(0, count).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray());
}
