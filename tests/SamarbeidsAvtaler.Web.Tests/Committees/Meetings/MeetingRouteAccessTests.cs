using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Committees.Meetings;
using SamarbeidsAvtaler.Web.Tests.Agreements;
using static SamarbeidsAvtaler.Web.Tests.Committees.Meetings.MeetingTestData;

namespace SamarbeidsAvtaler.Web.Tests.Committees.Meetings;

/// <summary>
/// Every GET route of a meeting, found from the app's own endpoints so a new route is covered the day it
/// is added: a sekretariat of another helsefellesskap and an avtalespesialist get 404, never the content.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class MeetingRouteAccessTests(AppFactory app)
{
    private const string Secret = "Hemmelig budsjettsak";

    [Fact]
    public async Task Every_meeting_route_is_404_for_a_user_outside_the_helsefellesskap()
    {
        var user = await app.UserAsync(WebClient.Caseworker);
        var body = await app.CommitteeAsync(await app.BergenHelsefellesskapAsync());
        var meeting = (await app.MeetingsAsync(s => s.PlanAsync(user, body.Id, Form(Today.AddDays(-2))))).Value;
        async Task Run(Func<IMeetingService, uint, Task<CommandResult<uint>>> command) =>
            (await app.MeetingsAsync(async s => await command(s, (await s.GetAsync(user, body.Id, meeting))!.Version))).Status.Should().Be(CommandStatus.Ok);
        await Run((s, v) => s.AddAgendaItemAsync(user, meeting, new AgendaItemForm { Title = Secret }, v));
        var item = (await app.MeetingsAsync(s => s.GetAsync(user, body.Id, meeting)))!.AgendaItems.Single().Id;
        await Run((s, v) => s.UploadDocumentAsync(user, meeting, item, new AgendaDocumentUpload { FileName = "hemmelig.pdf", Bytes = AgreementTestData.SmallPdf() }, v));
        await Run((s, v) => s.MarkHeldAsync(user, meeting, v));
        await Run((s, v) => s.SaveMinutesDraftAsync(user, meeting, new MinutesForm { MinutesText = Secret }, v));
        await Run((s, v) => s.ApproveMinutesAsync(user, meeting, new ApproveMinutesForm { MinutesApprovedOn = Today.ToDateTime(TimeOnly.MinValue), MinutesApprovedBy = "SSU" }, v));
        var document = (await app.MeetingsAsync(s => s.GetAsync(user, body.Id, meeting)))!.AgendaItems.Single().Documents.Single().Id;

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["committeeId"] = body.Id.ToString(),
            ["meetingId"] = meeting.ToString(),
            ["documentId"] = document.ToString(),
        };
        var routes = MeetingRoutes().ToList();
        routes.Should().Contain(r => r.EndsWith("/referat.pdf", StringComparison.Ordinal)).And.Contain(r => r.EndsWith("/referat", StringComparison.Ordinal))
            .And.Contain(r => r.Contains("/dokumenter/", StringComparison.Ordinal)).And.HaveCountGreaterThanOrEqualTo(4);
        var (_, otherTrust) = await app.OtherHelsefellesskapAsync();
        var clients = new[] { await app.LoggedInAsync(await app.SecretariatUserAsync(otherTrust)), await app.LoggedInAsync(WebClient.Specialist) };

        foreach (var client in clients)
        {
            foreach (var template in routes)
            {
                var url = Parameter().Replace(template, m => values[m.Groups[1].Value]);
                var response = await client.GetAsync(url);
                var content = await response.HtmlAsync();

                response.StatusCode.Should().Be(HttpStatusCode.NotFound, "GET {0} must not serve another helsefellesskap's meeting", url);
                content.Should().NotContain(Secret).And.NotContain(body.Name).And.NotContain("%PDF");
            }
        }

        // The same routes answer the body's own people.
        var own = await app.LoggedInAsync(WebClient.CooperationManager);
        foreach (var template in routes)
        {
            var url = Parameter().Replace(template, m => values[m.Groups[1].Value]);
            (await own.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK, "GET {0} serves the helsefellesskap's own samhandlingssjef", url);
        }
    }

    /// <summary>GET routes under /utvalg/{committeeId}/moter/{meetingId}.</summary>
    private IEnumerable<string> MeetingRoutes()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints)
        {
            var template = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
            if (template.StartsWith("/utvalg/{committeeId", StringComparison.OrdinalIgnoreCase) && template.Contains("/moter/{meetingId", StringComparison.OrdinalIgnoreCase)
                && (methods is null || methods.Contains("GET")))
            {
                yield return Regex.Replace(template, @"\{(\w+)(:[^}]*)?\}", "{$1}");
            }
        }
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Parameter();
}
