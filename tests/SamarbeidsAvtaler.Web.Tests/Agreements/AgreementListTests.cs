using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Testing;

namespace SamarbeidsAvtaler.Web.Tests.Agreements;

[Collection(AppCollection.Name)]
public sealed class AgreementListTests(AppFactory app)
{

    /// <summary>A driftsavtale with a unique title so tests sharing the database can find exactly theirs.</summary>
    private async Task<(Agreement Agreement, string Marker)> SaveOperatingAsync(string specialist = "Demo Spesialistsen", bool signed = false)
    {
        await using var db = app.Database.CreateDbContext();
        var marker = "Liste" + Guid.NewGuid().ToString("N")[..8];
        var agreement = AgreementScenarios.OperatingDraft(await db.PartyAsync("Helse Sør-Øst RHF"), await db.PartyAsync(specialist), $"Driftsavtale {marker}");
        if (signed)
        {
            agreement.SignedByAll();
        }

        db.Agreements.Add(agreement);
        await db.SaveChangesAsync();
        return (agreement, marker);
    }

    [Fact]
    public async Task Search_finds_by_title_reference_and_party_name()
    {
        var (agreement, marker) = await SaveOperatingAsync("Fiktiv Legesen");
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        (await client.GetHtmlAsync($"/avtaler?q={marker.ToLowerInvariant()}")).Should().Contain(marker).And.Contain("1 avtale");
        (await client.GetHtmlAsync($"/avtaler?q={agreement.ReferenceNumber}")).Should().Contain(marker);
        (await client.GetHtmlAsync("/avtaler?q=fiktiv+legesen")).Should().Contain(marker);
        (await client.GetHtmlAsync("/avtaler?q=finnes-ikke-i-registeret")).Should().Contain("Ingen avtaler passer til søket");
    }

    [Fact]
    public async Task Filters_by_kind_status_party_specialty_and_notice()
    {
        var (draft, draftMarker) = await SaveOperatingAsync();
        var (_, activeMarker) = await SaveOperatingAsync(signed: true);
        await using var db = app.Database.CreateDbContext();
        var specialist = await db.PartyAsync("Demo Spesialistsen");
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var active = await client.GetHtmlAsync("/avtaler?type=OperatingAgreement&status=Active&q=liste");
        active.Should().Contain(activeMarker).And.NotContain(draftMarker);
        (await client.GetHtmlAsync($"/avtaler?status=Draft&part={specialist.Id}&q={draftMarker}")).Should().Contain(draftMarker).And.Contain("Demo Spesialistsen");
        (await client.GetHtmlAsync($"/avtaler?type=MunicipalCooperationAgreement&q={draftMarker}")).Should().Contain("Ingen avtaler passer til søket");
        (await client.GetHtmlAsync($"/avtaler?spesialitet=%C3%B8yesykdom&q={draftMarker}")).Should().Contain(draftMarker);
        (await client.GetHtmlAsync($"/avtaler?spesialitet=hud&q={draftMarker}")).Should().Contain("Ingen avtaler passer til søket");
        (await client.GetHtmlAsync($"/avtaler?oppsagt=true&q={activeMarker}")).Should().Contain("Ingen avtaler passer til søket");
        draft.Status.Should().Be(AgreementStatus.Draft);
    }

    [Fact]
    public async Task Replaced_versions_are_hidden_unless_asked_for()
    {
        await using var db = app.Database.CreateDbContext();
        var (first, marker) = await SaveOperatingAsync(signed: true);
        var tracked = await db.Agreements.Include(a => a.Parties).Include(a => a.Sections).SingleAsync(a => a.Id == first.Id);
        var second = tracked.CreateNewVersion("Ny åpningstid", tracked.ValidFrom, AgreementScenarios.Now).SignedByAll();
        db.Agreements.Add(second);
        await db.SaveChangesAsync();
        tracked.MarkReplacedBy(second);
        await db.SaveChangesAsync();
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var list = await client.GetHtmlAsync($"/avtaler?q={marker}");
        list.Should().Contain("1 avtale").And.Contain($"{first.ReferenceNumber} v2");
        (await client.GetHtmlAsync($"/avtaler?q={marker}&status=Replaced")).Should().Contain("Erstattet").And.Contain("1 avtale");
    }

    [Fact]
    public async Task Csv_export_holds_the_filtered_rows_in_norwegian_format()
    {
        var (agreement, marker) = await SaveOperatingAsync("Testa Prøvesen");
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var response = await client.GetAsync($"/avtaler/eksport.csv?q={marker}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var lines = Encoding.UTF8.GetString(bytes[3..]).ReplaceLineEndings("\n").TrimEnd().Split('\n');
        lines.Should().HaveCount(2);
        lines[0].Should().Be("Referanse;Versjon;Tittel;Type;Status;Parter;Gyldig fra;Gyldig til;Neste gjennomgang;Slutter");
        lines[1].Should().Be($"{agreement.ReferenceNumber};1;Driftsavtale {marker};Driftsavtale;Utkast;\"Helse Sør-Øst RHF, Testa Prøvesen\";01.01.2026;;;");
    }

    [Fact]
    public async Task Csv_export_defuses_formulas()
    {
        await using var db = app.Database.CreateDbContext();
        var marker = "Formel" + Guid.NewGuid().ToString("N")[..6];
        var agreement = AgreementScenarios.OperatingDraft(await db.PartyAsync("Helse Sør-Øst RHF"), await db.PartyAsync("Demo Spesialistsen"), $"=HYPERLINK(\"x\") {marker}");
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync();
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var csv = await client.GetStringAsync($"/avtaler/eksport.csv?q={marker}");

        csv.Should().Contain("\"'=HYPERLINK(\"\"x\"\")");
    }

    [Fact]
    public async Task Avtalespesialist_lists_only_their_own_agreements()
    {
        var (_, own) = await SaveOperatingAsync("Demo Spesialistsen");
        var (_, other) = await SaveOperatingAsync("Demonstra Nevrosen");
        var client = await app.LoggedInAsync(WebClient.Specialist);

        var list = await client.GetHtmlAsync("/avtaler?q=liste");
        list.Should().Contain("Mine avtaler").And.Contain(own).And.NotContain(other);
        (await client.GetStringAsync("/avtaler/eksport.csv?q=liste")).Should().Contain(own).And.NotContain(other);
    }

    [Fact]
    public async Task Samhandlingssjef_lists_only_agreements_their_trust_is_party_to()
    {
        await using var db = app.Database.CreateDbContext();
        var bergen = await db.PartyAsync("Helse Bergen HF");
        var marker = "Trust" + Guid.NewGuid().ToString("N")[..6];
        var withTrust = AgreementScenarios.SpecialistCooperationDraft(bergen, await db.PartyAsync("Eksempel Hjertelund"));
        withTrust.UpdateDraft(new AgreementDetails(AgreementKind.SpecialistCooperationAgreement, $"Samarbeid {marker}", DocumentLanguage.Bokmal, new DateOnly(2026, 1, 1)), AgreementScenarios.Today);
        db.Agreements.Add(withTrust);
        await db.SaveChangesAsync();
        var (_, operating) = await SaveOperatingAsync();
        var client = await app.LoggedInAsync(WebClient.CooperationManager);

        var list = await client.GetHtmlAsync("/avtaler");
        list.Should().Contain(marker).And.NotContain(operating);
    }

    [Fact]
    public async Task Nonsense_query_values_are_ignored()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var response = await client.GetAsync("/avtaler?type=7&status=Tull&side=-4&frist=abc&part=ikke-en-guid&sort=%27;drop");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Htmx_search_gets_the_results_fragment_only()
    {
        var (_, marker) = await SaveOperatingAsync();
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/avtaler?q={marker}");
        request.Headers.Add("HX-Request", "true");

        var html = await (await client.SendAsync(request)).HtmlAsync();

        html.Should().Contain("id=\"avtaler-resultat\"").And.Contain(marker).And.NotContain("<html");
    }
}
