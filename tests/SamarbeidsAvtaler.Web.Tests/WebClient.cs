using System.Net;
using System.Text.RegularExpressions;
using SamarbeidsAvtaler.Infrastructure.Seeding;

namespace SamarbeidsAvtaler.Web.Tests;

/// <summary>Drives the app as a browser without JavaScript would: GET the form, POST it back with its token.</summary>
public static partial class WebClient
{
    public const string Caseworker = "saksbehandler@demo.local";
    public const string Administrator = "admin@demo.local";
    public const string CooperationManager = "samhandlingssjef@demo.local";
    public const string Specialist = "spesialist@demo.local";
    public const string Municipality = "kommune@demo.local";

    public static async Task<HttpClient> LoggedInAsync(this AppFactory factory, string email, string password = DemoData.Password)
    {
        var client = factory.CreateBrowserLikeClient();
        var response = await client.PostFormAsync("/logg-inn", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "the demo user {0} should be able to log in", email);
        return client;
    }

    /// <summary>Fetches <paramref name="formPage"/> for a fresh antiforgery token and posts the named form to it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formPage, string formName, Dictionary<string, string> fields)
    {
        var page = await client.GetAsync(formPage);
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(html);
        token.Success.Should().BeTrue("the page {0} should contain a form with an antiforgery token", formPage);

        var body = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = token.Groups[1].Value,
        };
        return await client.PostAsync(formPage, new FormUrlEncodedContent(body));
    }

    /// <summary>Where a redirect points, as a local path and query.</summary>
    public static string RedirectPath(this HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"Expected a redirect, got {(int)response.StatusCode}.");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    public static async Task<string> HtmlAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static async Task<string> GetHtmlAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, "GET {0} should succeed", url);
        return await response.HtmlAsync();
    }

    /// <summary>The value attribute of the input with the given name, as the user will see it.</summary>
    public static string? InputValue(string html, string name)
    {
        var match = Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*>");
        if (!match.Success)
        {
            return null;
        }

        var value = Regex.Match(match.Value, "value=\"([^\"]*)\"");
        return value.Success ? value.Groups[1].Value : string.Empty;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
