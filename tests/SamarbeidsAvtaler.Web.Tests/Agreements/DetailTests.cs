using System.Net;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Testing;

namespace SamarbeidsAvtaler.Web.Tests.Agreements;

/// <summary>The agreement page: what it shows, and who may see it.</summary>
[Collection(AppCollection.Name)]
public sealed class DetailTests(AppFactory app)
{
    [Fact]
    public async Task Page_shows_overview_parties_sections_and_signatures_of_an_active_driftsavtale()
    {
        var agreement = await app.OperatingAsync(then: a => a.Active());
        await using var db = app.Database.CreateDbContext();
        var rhf = await db.PartyAsync(AgreementTestData.SouthEast);
        var specialist = await db.PartyAsync(AgreementTestData.DemoSpecialist);
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var html = await client.GetHtmlAsync($"/avtaler/{agreement.Id}");

        html.Should().Contain(agreement.Title)
            .And.Contain($"{agreement.ReferenceNumber} versjon 1")
            .And.Contain("Driftsavtale")
            .And.Contain(">Gjeldende</span>")
            .And.Contain("Bokmål")
            .And.Contain("01.01.2026")
            .And.Contain("Ikke tidsbegrenset");
        // Parties link to their pages, with role and signatory.
        html.Should().Contain($"href=\"/parter/{rhf.Id}\"").And.Contain($"href=\"/parter/{specialist.Id}\"")
            .And.Contain("Regionalt helseforetak").And.Contain("Rita RHF-direktør, Direktør");
        // Text, practice position and R7.
        html.Should().Contain("1. Formål").And.Contain("Avtalen gir rett til å drive avtalepraksis med driftstilskudd.");
        html.Should().Contain("Øyesykdommer").And.Contain("100 %").And.Contain("37,5 timer per uke, 44 uker i året").And.Contain("Oppfylt");
        // Signatures per party.
        html.Should().Contain("På papir").And.Contain(AgreementScenarios.Today.ToString("dd.MM.yyyy")).And.NotContain("Ikke signert");
        // Versions and history.
        html.Should().Contain("Versjon 1 (denne)").And.Contain("Første versjon").And.Contain("Historikk");
    }

    [Fact]
    public async Task Draft_shows_every_party_as_not_signed_and_the_maintainer_actions()
    {
        var agreement = await app.OperatingAsync();
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var html = await client.GetHtmlAsync($"/avtaler/{agreement.Id}");

        html.Should().Contain(">Utkast</span>");
        System.Text.RegularExpressions.Regex.Matches(html, "Ikke signert").Count.Should().Be(2);
        html.Should().Contain($"/avtaler/{agreement.Id}/send-til-signering").And.Contain($"/avtaler/{agreement.Id}/vedlegg/ny");
    }

    [Fact]
    public async Task Service_agreement_shows_its_6_2_points_from_the_database_and_its_place_under_the_overarching_agreement()
    {
        await using var db = app.Database.CreateDbContext();
        var municipality = await db.PartyAsync(AgreementTestData.BergenMunicipality);
        var trust = await db.PartyAsync(AgreementTestData.Bergen);
        var overarching = AgreementScenarios.MunicipalDraft(AgreementLevel.Overarching, municipality, trust).SignedByAll();
        var service = AgreementScenarios.MunicipalDraft(AgreementLevel.Service, municipality, trust, parent: overarching.Id, areas: [2, 5, 12]);
        db.Agreements.AddRange(overarching, service);
        await db.SaveChangesAsync();
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var html = await client.GetHtmlAsync($"/avtaler/{service.Id}");

        html.Should().Contain("Tjenesteavtale (nivå 2)").And.Contain("Nynorsk")
            .And.Contain("Punkt 2: Samarbeid ved innleggelse, utskrivning, habilitering, rehabilitering og lærings- og mestringstilbud")
            .And.Contain("Punkt 5: Utskrivningsklare pasienter")
            .And.Contain("Punkt 12: Planlegging og utvikling av tjenester")
            .And.Contain($"href=\"/avtaler/{overarching.Id}\"");
        var parent = await client.GetHtmlAsync($"/avtaler/{overarching.Id}");
        parent.Should().Contain($"href=\"/avtaler/{service.Id}\"").And.Contain("12 måneder (helse- og omsorgstjenesteloven § 6-5, R2)")
            .And.Contain("Neste gjennomgang").And.Contain("31.12.2022 (årlig innen 31. desember, R3)")
            .And.Contain("Revisjon senest").And.Contain("01.08.2024 (minst annethvert år, R3)");
    }

    [Fact]
    public async Task Specialist_cooperation_agreement_shows_cooperation_forms_meetings_compensation_and_rhf_informed()
    {
        var agreement = await app.SpecialistCooperationAsync();
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var html = await client.GetHtmlAsync($"/avtaler/{agreement.Id}");

        html.Should().Contain("Samarbeidsavtale avtalespesialist–HF")
            .And.Contain("Faglig samarbeid: Felles fagdager")
            .And.Contain("To ganger i året")
            .And.Contain("Ingen utover takstene")
            .And.Contain("RHF informert");
    }

    [Fact]
    public async Task Samhandlingssjef_reads_an_agreement_of_their_trust_but_gets_404_for_a_driftsavtale()
    {
        var municipal = await app.MunicipalAsync(a => a.Active());
        var operating = await app.OperatingAsync(then: a => a.Active());
        var client = await app.LoggedInAsync(WebClient.CooperationManager);

        var html = await client.GetHtmlAsync($"/avtaler/{municipal.Id}");
        html.Should().Contain(municipal.Title).And.NotContain("/ny-versjon").And.NotContain("/oppsigelse");

        var hidden = await client.GetAsync($"/avtaler/{operating.Id}");
        hidden.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await hidden.HtmlAsync()).Should().NotContain(operating.Title);
    }

    [Fact]
    public async Task Avtalespesialist_reads_their_own_driftsavtale_and_gets_404_for_another_specialists()
    {
        var own = await app.OperatingAsync(then: a => a.Active());
        var other = await app.OperatingAsync(AgreementTestData.OtherSpecialist, a => a.Active());
        await using var db = app.Database.CreateDbContext();
        var rhf = await db.PartyAsync(AgreementTestData.SouthEast);
        var client = await app.LoggedInAsync(WebClient.Specialist);

        var html = await client.GetHtmlAsync($"/avtaler/{own.Id}");
        html.Should().Contain(own.Title).And.Contain(AgreementTestData.SouthEast)
            .And.NotContain($"href=\"/parter/{rhf.Id}\"", "an avtalespesialist cannot open other parties' pages");

        var response = await client.GetAsync($"/avtaler/{other.Id}");
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.HtmlAsync()).Should().NotContain(other.Title).And.NotContain(AgreementTestData.OtherSpecialist);
    }

    [Fact]
    public async Task Unknown_agreement_is_404()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var response = await client.GetAsync($"/avtaler/{Guid.NewGuid()}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.HtmlAsync()).Should().Contain("finnes ikke");
    }

    [Theory]
    [InlineData("send-til-signering")]
    [InlineData("ny-versjon")]
    [InlineData("oppsigelse")]
    [InlineData("gjennomgang")]
    [InlineData("rhf-informert")]
    [InlineData("vedlegg/ny")]
    [InlineData("signatur/{party}")]
    public async Task Caseworker_opens_every_action_page_and_samhandlingssjef_and_avtalespesialist_get_403(string action)
    {
        var agreement = await app.SpecialistCooperationAsync();
        var url = $"/avtaler/{agreement.Id}/{action.Replace("{party}", agreement.Parties[0].Id.ToString())}";

        (await (await app.LoggedInAsync(WebClient.Caseworker)).GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await (await app.LoggedInAsync(WebClient.Administrator)).GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK);
        var manager = await (await app.LoggedInAsync(WebClient.CooperationManager)).GetAsync(url);
        manager.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await manager.HtmlAsync()).Should().Contain("Du har ikke tilgang");
        (await (await app.LoggedInAsync(WebClient.Specialist)).GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Samhandlingssjef_cannot_post_an_action()
    {
        var agreement = await app.MunicipalAsync();
        var client = await app.LoggedInAsync(WebClient.CooperationManager);

        var response = await client.PostAsync($"/avtaler/{agreement.Id}/send-til-signering", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "send",
        }));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await app.ReloadAsync(agreement.Id)).Status.Should().Be(AgreementStatus.Draft);
    }

    [Fact]
    public async Task Action_page_of_an_unknown_agreement_is_404()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        (await client.GetAsync($"/avtaler/{Guid.NewGuid()}/oppsigelse")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var agreement = await app.OperatingAsync(then: a => a.AwaitingSignature());
        (await client.GetAsync($"/avtaler/{agreement.Id}/signatur/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
