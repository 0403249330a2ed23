using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SamarbeidsAvtaler.Browser.Tests.Infrastructure;
using SamarbeidsAvtaler.Domain.Parties;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SamarbeidsAvtaler.Browser.Tests;

public sealed class PartyRegisterTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private static ILocator Rows(IPage page) => page.Locator(".app-party-grid tbody tr");

    private static ILocator Field(IPage page, ILocator input) => page.Locator(".mud-input-control").Filter(new() { Has = input });

    [Fact]
    public async Task Caseworker_registers_a_specialist_correcting_a_validation_error_then_finds_it_by_search()
    {
        var surname = "Nettleser" + RandomLetters(6);
        var name = "Nora " + surname;
        // Starts with 8: the demo specialists have 99001xx, so a rerun against a kept database won't clash either.
        var hprNumber = "8" + Random.Shared.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

        var page = await NewPageAsync();
        await LogInAsync(page, "saksbehandler@demo.local");
        await OpenAsync(page, "/parter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Parter", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ny part" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Avtalespesialist" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ny part: avtalespesialist", Level = 1 })).ToBeVisibleAsync();

        var nameInput = page.GetByLabel("Navn", new() { Exact = true });
        var hprInput = page.GetByLabel("HPR-nummer");
        var specialtyInput = page.GetByLabel("Spesialitet");
        var birthInput = page.GetByLabel("Fødselsdato");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Lagre" });

        await nameInput.FillAsync(name);
        await hprInput.FillAsync("12ab");
        await MudLists.SelectAsync(page, page.GetByLabel("Profesjon"), "Psykolog");
        await specialtyInput.FillAsync("Klinisk nevropsykologi");
        await birthInput.FillAsync("17.05.1979");
        await birthInput.PressAsync("Tab");
        await save.ClickAsync();

        // The error sits beside the HPR field, the summary at the top.
        const string hprError = "HPR-nummeret er ikke gyldig. Det skal ha 7–9 siffer.";
        await Expect(Field(page, hprInput).GetByText(hprError)).ToBeVisibleAsync();
        await Expect(hprInput).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Skjemaet har feil som må rettes" })).ToBeVisibleAsync();

        // Everything typed is still there, the bad value included, so only the mistake needs retyping.
        await Expect(nameInput).ToHaveValueAsync(name);
        await Expect(hprInput).ToHaveValueAsync("12ab");
        await Expect(page.GetByLabel("Profesjon")).ToHaveValueAsync("Psykolog");
        await Expect(specialtyInput).ToHaveValueAsync("Klinisk nevropsykologi");
        await Expect(birthInput).ToHaveValueAsync("17.05.1979");

        await hprInput.FillAsync(hprNumber);
        await save.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/parter/[0-9a-f-]{36}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Parten er registrert.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Definition).Filter(new() { HasTextRegex = new Regex($"^{hprNumber}$") })).ToBeVisibleAsync();

        // Search as you type updates the list in place and writes the search into the URL.
        await page.GetByRole(AriaRole.Link, new() { Name = "Parter" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/parter$"));
        await page.EvaluateAsync("() => { window.__samePage = true; }");
        var search = page.GetByLabel("Søk", new() { Exact = true });
        await search.FillAsync(surname.ToLowerInvariant()[..10]);

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "part" })).ToHaveTextAsync("1 part");
        await Expect(Rows(page)).ToHaveCountAsync(1);
        await Expect(Rows(page).GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/parter\?q=nettleser"));
        (await page.EvaluateAsync<bool>("() => window.__samePage === true")).Should().BeTrue("the list updates without a page load");

        // By HPR number, with the kind filter; reload restores both from the URL.
        await search.FillAsync(hprNumber);
        await MudLists.SelectAsync(page, page.GetByLabel("Type"), "Avtalespesialist");
        await Expect(page).ToHaveURLAsync(new Regex($@"/parter\?q={hprNumber}&type=Specialist"));
        await Expect(Rows(page)).ToHaveCountAsync(1);
        await Expect(Rows(page)).ToContainTextAsync($"HPR {hprNumber}");

        await page.ReloadAsync();
        await WaitForInteractiveAsync(page);
        await Expect(search).ToHaveValueAsync(hprNumber);
        await Expect(page.GetByLabel("Type")).ToHaveValueAsync("Avtalespesialist");
        await Expect(Rows(page)).ToHaveCountAsync(1);

        // The back button goes back to the search before the kind filter.
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex($@"/parter\?q={hprNumber}$"));
        await Expect(page.GetByLabel("Type")).ToHaveValueAsync("Alle typer");
        await Expect(Rows(page).GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_row_link_opens_the_party_after_a_search()
    {
        var page = await NewPageAsync();
        await LogInAsync(page, "saksbehandler@demo.local");
        await OpenAsync(page, "/parter");

        await page.GetByLabel("Søk", new() { Exact = true }).FillAsync("Haraldsplass");
        await Expect(page).ToHaveURLAsync(new Regex(@"/parter\?q=Haraldsplass$"));
        await Expect(Rows(page)).ToHaveCountAsync(1);
        var link = page.GetByRole(AriaRole.Link, new() { Name = "Haraldsplass Diakonale Sykehus AS", Exact = true });
        await Expect(link).ToBeVisibleAsync();
        await link.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Haraldsplass Diakonale Sykehus AS" })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/parter/[0-9a-f-]{36}$"));
    }

    [Fact]
    public async Task Specialist_is_refused_the_register_and_sees_only_own_party()
    {
        Guid otherSpecialist;
        Guid own;
        await using (var db = Fixture.Database.CreateDbContext())
        {
            otherSpecialist = await db.Parties.Where(p => p.Name == "Testa Prøvesen").Select(p => p.Id).SingleAsync();
            own = await db.Parties.Where(p => p.Name == "Demo Spesialistsen").Select(p => p.Id).SingleAsync();
        }

        var page = await NewPageAsync();
        await LogInAsync(page, "spesialist@demo.local");

        await OpenAsync(page, "/parter");
        await Expect(Rows(page)).ToHaveCountAsync(1);
        await Expect(Rows(page).GetByRole(AriaRole.Link, new() { Name = "Demo Spesialistsen" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "part" })).ToHaveTextAsync("1 part");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ny part" })).ToHaveCountAsync(0);

        // The own party names its RHF as text: a link would lead to a page the specialist may not see.
        await OpenAsync(page, $"/parter/{own}");
        await Expect(page.GetByRole(AriaRole.Definition).Filter(new() { HasText = "Helse Sør-Øst RHF" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Helse Sør-Øst RHF" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Rediger" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Rediger" })).ToHaveCountAsync(0);

        var form = await page.GotoAsync("/parter/ny");
        form!.Status.Should().Be(403);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Du har ikke tilgang", Level = 1 })).ToBeVisibleAsync();

        var other = await page.GotoAsync($"/parter/{otherSpecialist}");
        other!.Status.Should().Be(404);
        // Not "forbidden": for a specialist another party simply does not exist.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("finnes ikke"));
        await Expect(page.GetByText("Testa Prøvesen")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Two_sessions_edit_the_same_party_and_the_second_save_gets_the_conflict_and_keeps_its_input()
    {
        var party = Party.Create(new PartyDetails(PartyKind.Municipality, "Konflikt kommune " + RandomLetters(5)), DateTimeOffset.UtcNow);
        await using (var db = Fixture.Database.CreateDbContext())
        {
            db.Parties.Add(party);
            await db.SaveChangesAsync();
        }

        var first = await NewPageAsync();
        var second = await NewPageAsync();
        await LogInAsync(first, "saksbehandler@demo.local");
        await LogInAsync(second, "admin@demo.local");
        await OpenAsync(first, $"/parter/{party.Id}/rediger");
        await OpenAsync(second, $"/parter/{party.Id}/rediger");

        await first.GetByLabel("Navn", new() { Exact = true }).FillAsync("Navnet fra første økt");
        await first.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();
        await Expect(first.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Navnet fra første økt" })).ToBeVisibleAsync();

        var name = second.GetByLabel("Navn", new() { Exact = true });
        var contact = second.GetByLabel("Kontaktperson");
        await name.FillAsync("Navnet fra andre økt");
        await contact.FillAsync("Bente Bakkestøl");
        await second.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();

        var conflict = second.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Noen andre har lagret endringer i denne parten" });
        await Expect(conflict).ToBeVisibleAsync();
        await Expect(conflict).ToContainTextAsync("Navnet fra første økt"); // the values stored now
        await Expect(name).ToHaveValueAsync("Navnet fra andre økt");
        await Expect(contact).ToHaveValueAsync("Bente Bakkestøl");
        await Expect(second).ToHaveURLAsync(new Regex($"/parter/{party.Id}/rediger$"));

        // Having seen the other version, the second user saves theirs over it.
        await second.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();
        await Expect(second.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Navnet fra andre økt" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Caseworker_deactivates_a_party_through_its_dialog()
    {
        var party = Party.Create(new PartyDetails(PartyKind.Municipality, "Dialog kommune " + RandomLetters(5)), DateTimeOffset.UtcNow);
        await using (var db = Fixture.Database.CreateDbContext())
        {
            db.Parties.Add(party);
            await db.SaveChangesAsync();
        }

        var page = await NewPageAsync();
        await LogInAsync(page, "saksbehandler@demo.local");
        await OpenAsync(page, $"/parter/{party.Id}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Deaktiver" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("vises da ikke i søk");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Deaktiver" }).ClickAsync();

        await Expect(page.GetByText($"{party.Name} er deaktivert.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Aktiver igjen" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Historikk" })).ToBeVisibleAsync();
        await Expect(page.Locator(".app-audit-history")).ToContainTextAsync("Deaktivert");
    }

    private static string RandomLetters(int count) =>
        new(Enumerable.Range(0, count).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray());
}
