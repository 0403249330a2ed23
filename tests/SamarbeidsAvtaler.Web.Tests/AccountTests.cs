using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Infrastructure.Identity;

namespace SamarbeidsAvtaler.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class AccountTests(AppFactory app)
{
    private const string Password = "Riktig!Passord123";

    private async Task<string> CreateUserAsync()
    {
        var email = $"bruker-{Guid.NewGuid():N}@test.local";
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, DisplayName = "Test Bruker", CreatedAt = DateTimeOffset.UtcNow };
        (await users.CreateAsync(user, Password)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(user, Roles.Caseworker)).Succeeded.Should().BeTrue();
        return email;
    }

    private static Task<HttpResponseMessage> LogInAsync(HttpClient client, string email, string password, string url = "/logg-inn") =>
        client.PostFormAsync(url, "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    [Fact]
    public async Task Wrong_password_shows_a_message_and_keeps_the_email()
    {
        var email = await CreateUserAsync();
        var client = app.CreateBrowserLikeClient();

        var response = await LogInAsync(client, email, "Feil!Passord999");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.HtmlAsync();
        html.Should().Contain("Feil e-post eller passord");
        WebClient.InputValue(html, "Input.Email").Should().Be(email);
        WebClient.InputValue(html, "Input.Password").Should().BeEmpty();
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_even_for_the_right_password()
    {
        var email = await CreateUserAsync();
        var client = app.CreateBrowserLikeClient();
        for (var i = 0; i < 5; i++)
        {
            await LogInAsync(client, email, "Feil!Passord999");
        }

        var response = await LogInAsync(client, email, Password);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.HtmlAsync()).Should().Contain("Kontoen er sperret");
    }

    [Fact]
    public async Task Successful_log_in_returns_to_a_local_page_but_never_to_another_site()
    {
        var email = await CreateUserAsync();

        var local = await LogInAsync(app.CreateBrowserLikeClient(), email, Password, "/logg-inn?ReturnUrl=%2Fparter");
        local.RedirectPath().Should().Be("/parter");

        var foreign = await LogInAsync(app.CreateBrowserLikeClient(), email, Password, "/logg-inn?ReturnUrl=%2F%2Fevil.example%2F");
        foreign.RedirectPath().Should().Be("/");
    }

    [Fact]
    public async Task Header_shows_the_user_and_role_and_log_out_ends_the_session()
    {
        var client = await app.LoggedInAsync(WebClient.CooperationManager);
        var home = await client.GetHtmlAsync("/oversikt");
        home.Should().Contain("Siri Samhandling").And.Contain("Samhandlingssjef").And.Contain("lang=\"nb\"");
        var token = Regex.Match(home, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await client.PostAsync("/logg-ut", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync("/oversikt")).RedirectPath().Should().StartWith("/logg-inn", "the user is logged out");
    }

    [Fact]
    public async Task Demo_log_ins_are_shown_outside_production()
    {
        var html = await app.CreateBrowserLikeClient().GetHtmlAsync("/logg-inn");

        html.Should().Contain("saksbehandler@demo.local").And.Contain("Demobrukere");
    }
}
