using System.Net;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Infrastructure.Seeding;

namespace SamarbeidsAvtaler.Web.Tests.Committees;

/// <summary>The committee pages render on the server for the demo structure, and are not found for an avtalespesialist.</summary>
[Collection(AppCollection.Name)]
public sealed class CommitteePageHttpTests(AppFactory app)
{
    private const string Secretariat = "sekretariat@demo.local";

    private async Task<(Guid Ssu, Guid Person)> DemoAsync()
    {
        await using var db = app.Database.CreateDbContext();
        var ssu = await db.Committees.Where(c => c.Name == DemoCommittees.SsuName).Select(c => c.Id).FirstAsync();
        var person = await db.CommitteeMembers.Where(m => m.CommitteeId == ssu).Select(m => m.PersonId).FirstAsync();
        return (ssu, person);
    }

    [Theory]
    [InlineData(WebClient.Caseworker)]
    [InlineData(Secretariat)]
    [InlineData(WebClient.CooperationManager)]
    public async Task The_committee_pages_render_for_everyone_who_may_read_them(string user)
    {
        var (ssu, person) = await DemoAsync();
        var client = await app.LoggedInAsync(user);

        (await client.GetHtmlAsync("/utvalg")).Should().Contain(DemoCommittees.SsuName).And.Contain(DemoCommittees.GapAreaName);
        (await client.GetHtmlAsync("/utvalg/oversikt")).Should().Contain("Regeloversikt for utvalgene").And.Contain(DemoCommittees.SsuName);
        (await client.GetHtmlAsync($"/utvalg/{ssu}")).Should().Contain(DemoCommittees.SsuName).And.Contain("Medlemmer").And.Contain("Regler");
        (await client.GetHtmlAsync($"/personer/{person}")).Should().Contain("Verv i utvalg").And.Contain(DemoCommittees.SsuName);
    }

    [Fact]
    public async Task The_body_form_renders_for_those_who_keep_bodies_and_is_not_found_for_others()
    {
        var (ssu, _) = await DemoAsync();
        var secretariat = await app.LoggedInAsync(Secretariat);
        (await secretariat.GetHtmlAsync("/utvalg/ny")).Should().Contain("Nytt utvalg");
        (await secretariat.GetHtmlAsync($"/utvalg/{ssu}/rediger")).Should().Contain($"Rediger {DemoCommittees.SsuName}");

        var manager = await app.LoggedInAsync(WebClient.CooperationManager);
        (await manager.GetAsync($"/utvalg/{ssu}/rediger")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await manager.GetAsync("/utvalg/ny")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_avtalespesialist_gets_not_found_for_bodies_and_persons()
    {
        var (ssu, person) = await DemoAsync();
        var client = await app.LoggedInAsync(WebClient.Specialist);

        (await client.GetAsync($"/utvalg/{ssu}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync($"/personer/{person}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetHtmlAsync("/utvalg")).Should().Contain("Det er ikke registrert utvalg");
    }
}
