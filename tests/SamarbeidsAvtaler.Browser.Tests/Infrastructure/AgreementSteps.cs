using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SamarbeidsAvtaler.Browser.Tests.Infrastructure;

/// <summary>
/// What several agreement tests do the same way through the UI: fill the party and text tabs of a
/// draft, and on the agreement page send it for signature and register each party's signature on paper, in dialogs.
/// </summary>
public static partial class AgreementSteps
{
    /// <summary>
    /// The last signature renders and archives the signed PDF in the same request; the first render
    /// also starts the app's own Chromium, which takes a while on a busy 2-core machine.
    /// </summary>
    private const float LastSignatureTimeout = 45_000;

    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    /// <summary>Today in Norway, as a date input takes it: the app's lifecycle dates are Norwegian calendar days.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Oslo).DateTime);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string RandomMarker() =>
        "nettleser-" + new string(Enumerable.Range(0, 8).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray());

    /// <summary>
    /// A field's whole label, with or without the «(må fylles ut)» of a required field. Anchored, because
    /// Designsystemet labels a fieldset by its legend and description, which may mention a field's label.
    /// Playwright tests a pattern against the label's raw text, so any run of whitespace goes.
    /// </summary>
    public static Regex Label(string label) =>
        new($@"^\s*{Regex.Escape(label).Replace(@"\ ", @"\s+", StringComparison.Ordinal)}(\s*\(må fylles ut\)|\s*\*)?\s*$");

    /// <summary>A date as the product's date fields take it typed: dd.MM.yyyy.</summary>
    public static string Typed(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>Types a date into a MudBlazor date field and leaves it, so the field reads what was typed.</summary>
    public static async Task FillDateAsync(IPage page, string label, DateOnly date)
    {
        var field = page.GetByLabel(Label(label));
        await field.FillAsync(Typed(date));
        await field.PressAsync("Tab");
        await Expect(field).ToHaveValueAsync(Typed(date));
    }

    /// <summary>A search-and-pick (MudAutocomplete): types the search and picks the hit whose text starts with <paramref name="option"/>.</summary>
    public static async Task PickAsync(IPage page, string label, string search, string option)
    {
        var field = page.GetByLabel(Label(label));
        await field.FillAsync(search);
        await MudLists.ChooseAsync(page, MudLists.OpenListItem(page, new Regex($"^\\s*{Regex.Escape(option)}")));
        await Expect(field).ToHaveValueAsync(new Regex($"^{Regex.Escape(option)}"));
    }

    /// <summary>The agreement id in the address of an agreement or editor page.</summary>
    public static Guid AgreementIdFrom(IPage page) => Guid.Parse(AgreementUrl().Match(page.Url).Groups[1].Value);

    /// <summary>The value beside a term in a description list (dt/dd) of <paramref name="scope"/>.</summary>
    public static ILocator Detail(ILocator scope, string term) => scope.Locator($"dt:text-is('{term}') + dd");

    public static ILocator Overview(IPage page) => page.GetByRole(AriaRole.Region, new() { Name = "Oversikt", Exact = true });

    /// <summary>On the parties tab: searches, picks the party from the hits (which adds it), and waits for it to be in the agreement.</summary>
    public static async Task AddPartyAsync(IPage page, string search, string partyName)
    {
        await WaitForInteractiveAsync(page);
        await PickPartyAsync(page, search, partyName);
        await Expect(page.GetByText($"{partyName} er lagt til.")).ToBeVisibleAsync();
        await Expect(PartyGroup(page, partyName)).ToBeVisibleAsync();
    }

    /// <summary>On the parties tab: who signs for each party, then saves.</summary>
    public static async Task SetSignatoriesAsync(IPage page, params (string Party, string Name, string Title)[] signatories)
    {
        foreach (var (party, name, title) in signatories)
        {
            var group = PartyGroup(page, party);
            await group.GetByLabel(Label("Signeres av (navn)")).FillAsync(name);
            await group.GetByLabel(Label("Tittel")).FillAsync(title);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre hvem som signerer" }).ClickAsync();
        await Expect(page.GetByText("Endringene er lagret.")).ToBeVisibleAsync();
        foreach (var (party, name, _) in signatories)
        {
            await Expect(PartyGroup(page, party).GetByLabel(Label("Signeres av (navn)"))).ToHaveValueAsync(name);
        }
    }

    /// <summary>Opens the «Avtaletekst» tab of the draft editor and adds a section at the end.</summary>
    public static async Task AddSectionAsync(IPage page, string heading, string body)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Deler av avtalen" }).GetByRole(AriaRole.Link, new() { Name = "Avtaletekst" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nytt avsnitt", Level = 2 })).ToBeVisibleAsync();
        await WaitForInteractiveAsync(page);
        var existing = await page.GetByRole(AriaRole.Heading, new() { Level = 3 }).CountAsync();
        await page.GetByLabel(Label("Overskrift")).FillAsync(heading);
        await page.GetByLabel(Label("Tekst")).FillAsync(body);
        await page.GetByRole(AriaRole.Button, new() { Name = "Legg til avsnitt" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{existing + 1}. {heading}", Level = 3 })).ToBeVisibleAsync();
    }

    /// <summary>The agreement page's tab of that name (Oversikt, Parter, Avtaletekst, Vedlegg, Signaturer, Versjoner, Historikk).</summary>
    public static async Task OpenTabAsync(IPage page, string name)
    {
        var tab = page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex($"^{Regex.Escape(name)}") });
        await tab.ClickAsync();
        await Expect(tab).ToHaveAttributeAsync("aria-selected", "true");
    }

    /// <summary>The status chip beside the agreement page's heading.</summary>
    public static ILocator StatusChip(IPage page) => page.Locator(".app-page-header .app-status-chip");

    /// <summary>A snackbar with the given text.</summary>
    public static ILocator Snackbar(IPage page, string text) => page.Locator(".mud-snackbar").Filter(new() { HasText = text });

    /// <summary>From the agreement page of a complete draft: «Send til signering» and confirm in the dialog.</summary>
    public static async Task SendForSignatureAsync(IPage page)
    {
        await Expect(page.Locator("[data-interactive='true']")).ToBeAttachedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send til signering", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByRole(AriaRole.Heading, new() { Name = "Send til signering" })).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("er teksten låst");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Ja, send til signering" }).ClickAsync();
        await Expect(Snackbar(page, "Avtalen er sendt til signering. Teksten er låst.")).ToBeVisibleAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(StatusChip(page)).ToHaveTextAsync("Til signering");
    }

    /// <summary>
    /// From the agreement page: on the signatures tab, registers each party's signature on paper, today (the
    /// dialog's defaults), in the order given; the last one makes it active. Ends on the overview tab.
    /// </summary>
    public static async Task SignByAllAsync(IPage page, params (string Party, string SignedBy)[] signatures)
    {
        await Expect(page.Locator("[data-interactive='true']")).ToBeAttachedAsync();
        await OpenTabAsync(page, "Signaturer");
        for (var i = 0; i < signatures.Length; i++)
        {
            var (party, signedBy) = signatures[i];
            var last = i == signatures.Length - 1;
            await page.GetByRole(AriaRole.Button, new() { Name = $"Registrer signatur for {party}", Exact = true }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog.GetByRole(AriaRole.Heading, new() { Name = $"Registrer signatur for {party}" })).ToBeVisibleAsync();
            await dialog.GetByLabel("Signert av").FillAsync(signedBy);
            await Expect(dialog.GetByLabel("Dato for signering")).ToHaveValueAsync(Today.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
            await Expect(dialog.GetByRole(AriaRole.Radio, new() { Name = "På papir" })).ToBeCheckedAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Registrer signaturen" }).ClickAsync();

            var message = last ? "Alle parter har signert. Avtalen er gjeldende" : "Signaturen er registrert.";
            await Expect(Snackbar(page, message)).ToBeVisibleAsync(new() { Timeout = last ? LastSignatureTimeout : null });
            var row = page.GetByRole(AriaRole.Region, new() { Name = "Signaturer" }).GetByRole(AriaRole.Row)
                .Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = party, Exact = true }) });
            await Expect(row).ToContainTextAsync(signedBy);
            await Expect(row).ToContainTextAsync("På papir");
        }

        await OpenTabAsync(page, "Oversikt");
    }

    private static async Task PickPartyAsync(IPage page, string search, string partyName)
    {
        await page.GetByLabel(Label("Søk etter part")).FillAsync(search);
        await MudLists.ChooseAsync(page, MudLists.OpenListItem(page, new Regex($"^\\s*{Regex.Escape(partyName)}\\s*·")));
    }

    private static Task WaitForInteractiveAsync(IPage page) => Expect(page.Locator("[data-interactive='true']")).ToBeAttachedAsync();

    // Named by its legend, the party's name (the fieldset is described by the party's role and kind).
    private static ILocator PartyGroup(IPage page, string partyName) =>
        page.GetByRole(AriaRole.Group, new() { NameRegex = new Regex($@"^{Regex.Escape(partyName)}(\s|$)") });

    [GeneratedRegex(@"/avtaler/([0-9a-f-]{36})(?:[/?#]|$)")]
    private static partial Regex AgreementUrl();
}
