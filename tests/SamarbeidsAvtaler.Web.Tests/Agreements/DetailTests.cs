using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Testing;
using SamarbeidsAvtaler.Web.Features.Agreements.Detail;

namespace SamarbeidsAvtaler.Web.Tests.Agreements;

/// <summary>The agreement page's data (AgreementDetailService) and the page's first load: what it shows, and who may see it.</summary>
[Collection(AppCollection.Name)]
public sealed class DetailTests(AppFactory app)
{
    private async Task<AgreementView?> ViewAsync(string email, Guid id)
    {
        await using var scope = app.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AgreementDetailService>().GetAsync(await app.UserAsync(email), id);
    }

    [Fact]
    public async Task Caseworker_gets_overview_parties_sections_signatures_versions_and_history_of_an_active_driftsavtale()
    {
        var agreement = await app.OperatingAsync(then: a => a.Active());
        await using var db = app.Database.CreateDbContext();
        var rhf = await db.PartyAsync(AgreementTestData.SouthEast);
        var specialist = await db.PartyAsync(AgreementTestData.DemoSpecialist);

        var view = (await ViewAsync(WebClient.Caseworker, agreement.Id))!;

        view.Agreement.Title.Should().Be(agreement.Title);
        view.Agreement.Status.Should().Be(AgreementStatus.Active);
        view.CanMaintain.Should().BeTrue();
        view.PartyName(rhf.Id).Should().Be(AgreementTestData.SouthEast);
        view.LinkableParties.Should().Contain([rhf.Id, specialist.Id]);
        view.Agreement.Sections.Should().ContainSingle(s => s.Heading == "Formål");
        view.Agreement.Parties.Should().OnlyContain(p => p.Signature != null && p.Signature.Method == SignatureMethod.Paper);
        view.Versions.Should().ContainSingle().Which.Id.Should().Be(agreement.Id);
        view.Successor.Should().BeNull();
        view.Version.Should().BeGreaterThan(0u);
        view.HistoryText.Value("Status", "Active").Should().Be("Gjeldende");
    }

    [Fact]
    public async Task Service_agreement_gets_its_6_2_points_from_the_database_and_its_place_under_the_overarching_agreement()
    {
        await using var db = app.Database.CreateDbContext();
        var municipality = await db.PartyAsync(AgreementTestData.BergenMunicipality);
        var trust = await db.PartyAsync(AgreementTestData.Bergen);
        var overarching = AgreementScenarios.MunicipalDraft(AgreementLevel.Overarching, municipality, trust).SignedByAll();
        var service = AgreementScenarios.MunicipalDraft(AgreementLevel.Service, municipality, trust, parent: overarching.Id, areas: [2, 5, 12]);
        db.Agreements.AddRange(overarching, service);
        await db.SaveChangesAsync();

        var view = (await ViewAsync(WebClient.Caseworker, service.Id))!;
        view.Areas.Select(a => $"Punkt {a.Number}: {a.Title}").Should().Equal(
            "Punkt 2: Samarbeid ved innleggelse, utskrivning, habilitering, rehabilitering og lærings- og mestringstilbud",
            "Punkt 5: Utskrivningsklare pasienter",
            "Punkt 12: Planlegging og utvikling av tjenester");
        view.Parent!.Id.Should().Be(overarching.Id);

        var parent = (await ViewAsync(WebClient.Caseworker, overarching.Id))!;
        parent.Children.Should().ContainSingle(c => c.Id == service.Id);
        parent.Agreement.NextReviewDate.Should().Be(new DateOnly(AgreementTestData.Today.Year, 12, 31), "registered now: due by the coming 31 December (R3)");
    }

    [Fact]
    public async Task Samhandlingssjef_reads_an_agreement_of_their_trust_without_actions_but_not_a_driftsavtale()
    {
        var municipal = await app.MunicipalAsync(a => a.Active());
        var operating = await app.OperatingAsync(then: a => a.Active());

        var view = await ViewAsync(WebClient.CooperationManager, municipal.Id);
        view!.Agreement.Title.Should().Be(municipal.Title);
        view.CanMaintain.Should().BeFalse();
        (await ViewAsync(WebClient.CooperationManager, operating.Id)).Should().BeNull();
    }

    [Fact]
    public async Task Avtalespesialist_reads_their_own_driftsavtale_without_a_link_to_the_rhf_and_not_another_specialists()
    {
        var own = await app.OperatingAsync(then: a => a.Active());
        var other = await app.OperatingAsync(AgreementTestData.OtherSpecialist, a => a.Active());
        await using var db = app.Database.CreateDbContext();
        var rhf = await db.PartyAsync(AgreementTestData.SouthEast);

        var view = (await ViewAsync(WebClient.Specialist, own.Id))!;
        view.PartyName(rhf.Id).Should().Be(AgreementTestData.SouthEast);
        view.LinkableParties.Should().NotContain(rhf.Id, "an avtalespesialist cannot open other parties' pages");
        (await ViewAsync(WebClient.Specialist, other.Id)).Should().BeNull();
        (await ViewAsync(WebClient.Specialist, Guid.NewGuid())).Should().BeNull();
    }

    [Fact]
    public async Task History_is_for_those_who_may_read_the_agreement()
    {
        var agreement = await app.OperatingAsync();
        await using var scope = app.CreateScope();
        var details = scope.ServiceProvider.GetRequiredService<AgreementDetailService>();
        await using (var db = app.Database.CreateDbContext())
        {
            db.AuditEntries.Add(new AuditEntry("Agreement", agreement.Id.ToString(), AuditActions.Changed, null, "Test", AgreementScenarios.Now,
                [new("Status", "Draft", "AwaitingSignature")]));
            await db.SaveChangesAsync();
        }

        (await details.GetHistoryAsync(await app.UserAsync(WebClient.Caseworker), agreement.Id)).Should()
            .Contain(e => e.ActorName == "Test" && e.Changes.Contains(new FieldChange("Status", "Draft", "AwaitingSignature")));
        (await details.GetHistoryAsync(await app.UserAsync(WebClient.CooperationManager), agreement.Id)).Should().BeEmpty();
    }

    [Fact]
    public async Task First_load_prerenders_the_heading_status_and_overview_and_logs_the_view_once()
    {
        var agreement = await app.OperatingAsync(then: a => a.Active());
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var html = await client.GetHtmlAsync($"/avtaler/{agreement.Id}");

        html.Should().Contain(agreement.Title).And.Contain($"{agreement.ReferenceNumber} versjon 1").And.Contain("Driftsavtale")
            .And.Contain("Gjeldende").And.Contain("Bokmål").And.Contain("01.01.2026").And.Contain("Ikke tidsbegrenset")
            .And.Contain("Øyesykdommer").And.Contain("37,5 timer per uke, 44 uker i året").And.Contain("Oppfylt")
            .And.Contain($"/avtaler/{agreement.Id}/pdf").And.Contain($"/avtaler/{agreement.Id}/dokument").And.Contain("Lag ny versjon");
        await using var db = app.Database.CreateDbContext();
        (await db.AccessLog.CountAsync(e => e.AgreementId == agreement.Id && e.Action == AccessLogEntry.Viewed && e.UserName == "Sander Saksbehandler"))
            .Should().Be(1, "the prerender logs the view and hands that on to the interactive render");
    }

    [Fact]
    public async Task Samhandlingssjef_gets_no_actions_and_404_for_a_driftsavtale()
    {
        var municipal = await app.MunicipalAsync(a => a.Active());
        var operating = await app.OperatingAsync(then: a => a.Active());
        var client = await app.LoggedInAsync(WebClient.CooperationManager);

        (await client.GetHtmlAsync($"/avtaler/{municipal.Id}")).Should().Contain(municipal.Title).And.NotContain("Lag ny versjon")
            .And.NotContain("Registrer oppsigelse");
        var hidden = await client.GetAsync($"/avtaler/{operating.Id}");
        hidden.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await hidden.HtmlAsync()).Should().NotContain(operating.Title);
        await using var db = app.Database.CreateDbContext();
        (await db.AccessLog.AnyAsync(e => e.AgreementId == operating.Id)).Should().BeFalse();
    }

    [Fact]
    public async Task Avtalespesialist_gets_404_for_another_specialists_agreement()
    {
        var other = await app.OperatingAsync(AgreementTestData.OtherSpecialist, a => a.Active());
        var client = await app.LoggedInAsync(WebClient.Specialist);

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

    [Fact]
    public async Task Access_log_is_written_only_for_an_agreement_the_user_may_see()
    {
        var other = await app.OperatingAsync(AgreementTestData.OtherSpecialist);
        await using var scope = app.CreateScope();
        var details = scope.ServiceProvider.GetRequiredService<AgreementDetailService>();

        (await details.RecordViewAsync(await app.UserAsync(WebClient.Specialist), other.Id)).Should().BeFalse();
        (await details.RecordViewAsync(await app.UserAsync(WebClient.Caseworker), other.Id)).Should().BeTrue();
        await using var db = app.Database.CreateDbContext();
        (await db.AccessLog.CountAsync(e => e.AgreementId == other.Id)).Should().Be(1);
    }
}
