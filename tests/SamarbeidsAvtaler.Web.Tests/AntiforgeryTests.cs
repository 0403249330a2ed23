using System.Net;

namespace SamarbeidsAvtaler.Web.Tests;

/// <summary>
/// The app's forms are interactive now (no form posts); the form posts that remain (log-out, log-in)
/// must carry a valid antiforgery token of the user's own session.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AntiforgeryTests(AppFactory app)
{
    private static string TokenIn(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

    [Fact]
    public async Task Form_post_with_a_forged_token_is_refused()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var response = await client.PostAsync("/logg-ut", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = "CfDJ8forged-token-value",
        }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await client.GetAsync("/parter")).StatusCode.Should().Be(HttpStatusCode.OK, "a refused log-out leaves the user logged in");
    }

    [Fact]
    public async Task Token_from_another_user_session_is_refused()
    {
        var caseworker = await app.LoggedInAsync(WebClient.Caseworker);
        var administrator = await app.LoggedInAsync(WebClient.Administrator);
        // Every page of the app carries the log-out form, with the session's token.
        var token = TokenIn(await administrator.GetStringAsync("/parter"));
        token.Should().NotBeEmpty();

        var response = await caseworker.PostAsync("/logg-ut", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await caseworker.GetAsync("/parter")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Log_out_needs_a_token()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        (await client.PostAsync("/logg-ut", new FormUrlEncodedContent([]))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await client.GetAsync("/parter")).StatusCode.Should().Be(HttpStatusCode.OK, "a refused log-out leaves the user logged in");
    }
}
