using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Testing;

namespace SamarbeidsAvtaler.Web.Tests.Agreements;

/// <summary>
/// Every GET route that serves one agreement's data, found from the app's own endpoints so a new route
/// is covered the day it is added: an avtalespesialist who is not a party, and a samhandlingssjef whose
/// trust is not a party, get 404 (or 403 where the route is for caseworkers only), never the data.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class AgreementRouteAccessTests(AppFactory app)
{
    [Theory]
    [InlineData(WebClient.Specialist)]
    [InlineData(WebClient.CooperationManager)]
    public async Task Every_agreement_route_is_404_for_someone_the_agreement_is_not_shared_with(string user)
    {
        Agreement agreement;
        Attachment attachment;
        await using (var db = app.Database.CreateDbContext())
        {
            // Neither Demo Spesialistsen nor Helse Bergen HF is a party.
            agreement = AgreementScenarios.OperatingDraft(await db.Parties.SingleAsync(p => p.Name == "Helse Sør-Øst RHF"),
                await db.Parties.SingleAsync(p => p.Name == "Eksempla Revmasen"), "Hemmelig driftsavtale");
            attachment = new Attachment(agreement.Id, "hemmelig.pdf", "application/pdf", 8, new string('d', 64), true, null, AgreementScenarios.Now);
            db.Agreements.Add(agreement);
            db.Attachments.Add(attachment);
            db.AttachmentContents.Add(new AttachmentContent(attachment.Id, "%PDF-1.4"u8.ToArray()));
            await db.SaveChangesAsync();
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["id"] = agreement.Id.ToString(),
            ["agreementPartyId"] = agreement.Parties[0].Id.ToString(),
            ["attachmentId"] = attachment.Id.ToString(),
            ["sectionId"] = agreement.Sections[0].Id.ToString(),
        };
        var routes = AgreementRoutes().ToList();
        routes.Should().Contain(r => r.Url.EndsWith("/pdf", StringComparison.Ordinal)).And.Contain(r => r.Url.EndsWith("/dokument", StringComparison.Ordinal))
            .And.HaveCountGreaterThan(5, "the agreement page, document, PDF, attachment download and the editor's pages are listed (lifecycle actions are dialogs on the page)");
        var client = await app.LoggedInAsync(user);

        foreach (var (template, maintainersOnly) in routes)
        {
            var url = Parameter().Replace(template, m => values[m.Groups[1].Value]);
            var response = await client.GetAsync(url);
            var body = await response.HtmlAsync();

            var expected = maintainersOnly ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;
            response.StatusCode.Should().Be(expected, "GET {0} must not serve another's agreement to {1}", url, user);
            body.Should().NotContain("Hemmelig driftsavtale").And.NotContain("Eksempla Revmasen").And.NotContain("%PDF");
        }
    }

    /// <summary>GET routes under /avtaler/{id}, and whether their authorization admits only caseworkers and administrators.</summary>
    private IEnumerable<(string Url, bool MaintainersOnly)> AgreementRoutes()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints)
        {
            var template = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
            if (!template.StartsWith("/avtaler/{id", StringComparison.OrdinalIgnoreCase) || (methods is not null && !methods.Contains("GET")))
            {
                continue;
            }

            var roles = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Roles).OfType<string>().ToList();
            var maintainersOnly = roles.Count > 0 && roles.All(r => !r.Contains(Roles.Specialist, StringComparison.Ordinal) && !r.Contains(Roles.CooperationManager, StringComparison.Ordinal));
            yield return (Regex.Replace(template, @"\{(\w+)(:[^}]*)?\}", "{$1}"), maintainersOnly);
        }
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Parameter();
}
