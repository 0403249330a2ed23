using System.Net;
using Microsoft.EntityFrameworkCore;

namespace SamarbeidsAvtaler.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class AntiforgeryTests(AppFactory app)
{
    private static Dictionary<string, string> Municipality(string name) => new()
    {
        ["_handler"] = "party",
        ["Form.Kind"] = "Municipality",
        ["Form.Name"] = name,
    };

    [Fact]
    public async Task Form_post_without_a_token_is_refused()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var response = await client.PostAsync("/parter/ny?type=Municipality", new FormUrlEncodedContent(Municipality("Uten token kommune")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await using var db = app.Database.CreateDbContext();
        (await db.Parties.AnyAsync(p => p.Name == "Uten token kommune")).Should().BeFalse();
    }

    [Fact]
    public async Task Form_post_with_a_forged_token_is_refused()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var fields = Municipality("Falsk token kommune");
        fields["__RequestVerificationToken"] = "CfDJ8forged-token-value";

        var response = await client.PostAsync("/parter/ny?type=Municipality", new FormUrlEncodedContent(fields));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await using var db = app.Database.CreateDbContext();
        (await db.Parties.AnyAsync(p => p.Name == "Falsk token kommune")).Should().BeFalse();
    }

    [Fact]
    public async Task Token_from_another_user_session_is_refused()
    {
        var caseworker = await app.LoggedInAsync(WebClient.Caseworker);
        var administrator = await app.LoggedInAsync(WebClient.Administrator);
        var html = await administrator.GetStringAsync("/parter/ny?type=Municipality");
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var fields = Municipality("Lånt token kommune");
        fields["__RequestVerificationToken"] = token;

        var response = await caseworker.PostAsync("/parter/ny?type=Municipality", new FormUrlEncodedContent(fields));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Log_out_needs_a_token()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        (await client.PostAsync("/logg-ut", new FormUrlEncodedContent([]))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await client.GetAsync("/parter")).StatusCode.Should().Be(HttpStatusCode.OK, "a refused log-out leaves the user logged in");
    }
}
