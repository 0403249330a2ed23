using System.Net;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Infrastructure.Seeding;
using static SamarbeidsAvtaler.Web.Tests.Disputes.DisputeTestData;

namespace SamarbeidsAvtaler.Web.Tests.Disputes;

/// <summary>The dispute pages and the agreement terms as the server renders them: content for those who may see it, «finnes ikke» for the rest.</summary>
[Collection(AppCollection.Name)]
public sealed class DisputePageTests(AppFactory app)
{
    [Fact]
    public async Task The_demo_SSU_dispute_shows_its_ladder_with_the_meeting_and_binding_statements_and_the_view_is_logged()
    {
        await using var db = app.Database.CreateDbContext();
        var dispute = await db.Disputes.AsNoTracking().SingleAsync(d => d.Title == DemoDisputes.SsuTitle);
        var client = await app.LoggedInAsync(Secretariat);

        var html = await client.GetHtmlAsync($"/tvister/{dispute.Id}");

        html.Should().Contain(dispute.CaseNumber).And.Contain("Nåværende trinn").And.Contain("Strategisk samarbeidsutvalg")
            .And.Contain("se møtet").And.Contain("Bindende for partene").And.Contain("Protokoll for uenighet");
        (await db.AccessLog.AsNoTracking().CountAsync(e => e.CaseId == dispute.Id && e.CaseKind == CaseKinds.Dispute && e.UserName == "Sigrid Sekretariat"))
            .Should().BeGreaterThanOrEqualTo(1);
        (await client.GetHtmlAsync("/tvister")).Should().Contain("Tvister");
        (await client.GetHtmlAsync("/tvister/ny")).Should().Contain("Registrer tvisten");
    }

    [Fact]
    public async Task A_dispute_the_user_may_not_see_does_not_exist()
    {
        var bergen = await app.HelsefellesskapAsync("Bergen kommune");
        var id = await app.RaiseAsync(bergen);

        var kommune = await app.LoggedInAsync(Municipality);
        var response = await kommune.GetAsync($"/tvister/{id}");
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.HtmlAsync()).Should().Contain("finnes ikke").And.NotContain("Testtvist om tolking");

        var specialist = await app.LoggedInAsync(Specialist);
        (await specialist.GetAsync("/tvister")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await specialist.GetAsync($"/tvister/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_agreement_overview_shows_the_terms_and_maintainers_get_the_button_to_change_them()
    {
        await using var db = app.Database.CreateDbContext();
        var overarching = await db.Agreements.AsNoTracking()
            .Where(a => a.Title == DemoAgreements.OverarchingTitle && a.Level == AgreementLevel.Overarching).Select(a => a.Id).SingleAsync();

        var caseworker = await (await app.LoggedInAsync(Caseworker)).GetHtmlAsync($"/avtaler/{overarching}");
        caseworker.Should().Contain("Avtalte vilkår").And.Contain("Bindende for partene").And.Contain("Endre vilkår");

        var manager = await (await app.LoggedInAsync(Manager)).GetHtmlAsync($"/avtaler/{overarching}");
        manager.Should().Contain("Avtalte vilkår").And.NotContain("Endre vilkår");
    }

    [Fact]
    public async Task A_resolved_dispute_offers_only_the_loss_claim_to_those_who_act_for_a_side()
    {
        var h = await app.HelsefellesskapAsync();
        var id = await app.RaiseAsync(h, title: "Testtvist løst før tapskravet");
        await app.ResolveAsync(id, "Enige om bruddet."); // not the button's words, which the page must not show

        var html = await (await app.LoggedInAsync(Manager)).GetHtmlAsync($"/tvister/{id}");

        html.Should().Contain("Løst").And.Contain("Krav om erstatning")
            .And.NotContain("Partene er enige").And.NotContain("Ta videre");
    }
}
