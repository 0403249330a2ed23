using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Testing;
using SamarbeidsAvtaler.Web.Features.Committees.Meetings;
using SamarbeidsAvtaler.Web.Tests.Components;
using static SamarbeidsAvtaler.Web.Tests.Committees.Meetings.MeetingTestData;

namespace SamarbeidsAvtaler.Web.Tests.Committees.Meetings;

/// <summary>The minutes editor against the real service: a conflict or a refused text keeps what the user wrote.</summary>
[Collection(AppCollection.Name)]
public sealed class MinutesTabTests : MudTestContext
{
    private readonly AppFactory _app;

    public MinutesTabTests(AppFactory app)
    {
        _app = app;
        Meetings = new MeetingService(new Contexts(app.Database), TimeProvider.System);
        Services.AddSingleton(Meetings);
    }

    private IMeetingService Meetings { get; }

    private async Task<(ClaimsPrincipal User, MeetingView View)> MeetingAsync()
    {
        var user = await _app.UserAsync(WebClient.Caseworker);
        var body = await _app.CommitteeAsync(await _app.BergenHelsefellesskapAsync());
        var planned = await Meetings.PlanAsync(user, body.Id, Form(Today.AddDays(-1)));
        return (user, (await Meetings.GetAsync(user, body.Id, planned.Value))!);
    }

    private IRenderedComponent<MinutesTab> Render(ClaimsPrincipal user, MeetingView view, Func<Task>? changed = null)
    {
        RenderProviders();
        return Render<MinutesTab>(p => p.Add(t => t.View, view).Add(t => t.User, user).Add(t => t.Changed, changed));
    }

    [Fact]
    public async Task A_save_over_someone_elses_draft_is_a_conflict_and_the_text_typed_stays()
    {
        var (user, view) = await MeetingAsync();
        var tab = Render(user, view);
        (await Meetings.SaveMinutesDraftAsync(user, view.Id, new MinutesForm { MinutesText = "Noen andres utkast" }, view.Version)).Succeeded.Should().BeTrue();

        await tab.Find("textarea").ChangeAsync(new() { Value = "Mitt utkast\nmed to linjer" });
        await tab.Find("form").SubmitAsync();

        tab.WaitForAssertion(() => tab.Find("[role=alert]").TextContent.Should().Contain("Noen andre har lagret endringer"));
        tab.Find("textarea").GetAttribute("value").Should().Be("Mitt utkast\nmed to linjer");
    }

    [Fact]
    public async Task A_refused_text_gets_its_message_beside_the_field_and_stays()
    {
        var (user, view) = await MeetingAsync();
        var tab = Render(user, view);

        await tab.Find("textarea").ChangeAsync(new() { Value = "Usynlig\u0007tegn" });
        await tab.Find("form").SubmitAsync();

        tab.WaitForAssertion(() => tab.Markup.Should().Contain("Referat inneholder usynlige kontrolltegn"));
        tab.Find("textarea").GetAttribute("value").Should().Be("Usynlig\u0007tegn");
        (await Meetings.GetAsync(user, view.Committee.Id, view.Id))!.MinutesText.Should().BeNull("nothing was saved");
    }

    private sealed class Contexts(TestDatabase database) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => database.CreateDbContext();
    }
}
