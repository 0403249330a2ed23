using System.Net;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Domain.Users;

namespace SamarbeidsAvtaler.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class UserAdministrationTests(AppFactory app)
{
    private const string Password = "Nytt!Passord2026";

    [Fact]
    public async Task Administrator_creates_a_samhandlingssjef_linked_to_a_trust_and_it_is_audited()
    {
        var admin = await app.LoggedInAsync(WebClient.Administrator);
        await using var db = app.Database.CreateDbContext();
        var bergen = await db.Parties.SingleAsync(p => p.Name == "Helse Bergen HF");
        var email = $"sjef-{Guid.NewGuid():N}@test.local";

        var response = await admin.PostFormAsync("/admin/brukere/ny", "user", new()
        {
            ["Form.DisplayName"] = "Ny Samhandlingssjef",
            ["Form.Email"] = email,
            ["Form.Role"] = Roles.CooperationManager,
            ["Form.OrganisationPartyId"] = bergen.Id.ToString(),
            ["Form.Password"] = Password,
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var user = await db.Users.SingleAsync(u => u.Email == email);
        user.PartyId.Should().Be(bergen.Id);
        var entries = await db.AuditEntries.Where(a => a.EntityType == "AppUser" && a.EntityId == user.Id.ToString()).ToListAsync();
        entries.Should().Contain(a => a.Action == AuditActions.Created && a.ActorName == "Ada Administrator");
        entries.SelectMany(a => a.Changes).Should().Contain(new FieldChange("Role", null, Roles.CooperationManager));
        entries.SelectMany(a => a.Changes).Should().NotContain(c => c.Field == "PasswordHash");

        var client = await app.LoggedInAsync(email, Password);
        (await client.GetHtmlAsync("/oversikt")).Should().Contain("Ny Samhandlingssjef").And.Contain("Oversikt for Helse Bergen HF");
    }

    [Theory]
    [InlineData(Roles.CooperationManager, "", "", "En samhandlingssjef må knyttes til et helseforetak eller en institusjon.")]
    [InlineData(Roles.Specialist, "", "", "En avtalespesialist må knyttes til sin part")]
    [InlineData(Roles.Specialist, "", "12x", "HPR-nummeret er ikke gyldig")]
    [InlineData(Roles.Specialist, "", "7777777", "Fant ingen avtalespesialist med dette HPR-nummeret")]
    [InlineData("Superbruker", "", "", "Velg rolle.")]
    public async Task Role_without_its_party_is_refused(string role, string organisation, string hpr, string message)
    {
        var admin = await app.LoggedInAsync(WebClient.Administrator);
        var email = $"feil-{Guid.NewGuid():N}@test.local";

        var response = await admin.PostFormAsync("/admin/brukere/ny", "user", new()
        {
            ["Form.DisplayName"] = "Feil Rolle",
            ["Form.Email"] = email,
            ["Form.Role"] = role,
            ["Form.OrganisationPartyId"] = organisation,
            ["Form.SpecialistHprNumber"] = hpr,
            ["Form.Password"] = Password,
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.HtmlAsync();
        html.Should().Contain(message);
        WebClient.InputValue(html, "Form.Email").Should().Be(email);
        await using var db = app.Database.CreateDbContext();
        (await db.Users.AnyAsync(u => u.Email == email)).Should().BeFalse();
    }

    [Fact]
    public async Task Weak_password_and_duplicate_email_are_refused_in_norwegian()
    {
        var admin = await app.LoggedInAsync(WebClient.Administrator);

        var weak = await admin.PostFormAsync("/admin/brukere/ny", "user", new()
        {
            ["Form.DisplayName"] = "Svak Passordsen",
            ["Form.Email"] = $"svak-{Guid.NewGuid():N}@test.local",
            ["Form.Role"] = Roles.Caseworker,
            ["Form.Password"] = "kort",
        });
        (await weak.HtmlAsync()).Should().Contain("Passordet må ha minst 12 tegn.");

        var duplicate = await admin.PostFormAsync("/admin/brukere/ny", "user", new()
        {
            ["Form.DisplayName"] = "Kopi Saksbehandler",
            ["Form.Email"] = WebClient.Caseworker,
            ["Form.Role"] = Roles.Caseworker,
            ["Form.Password"] = Password,
        });
        (await duplicate.HtmlAsync()).Should().Contain("er allerede i bruk");
    }

    [Fact]
    public async Task Deactivated_user_cannot_log_in_and_is_kept_with_history()
    {
        var admin = await app.LoggedInAsync(WebClient.Administrator);
        var email = $"slutter-{Guid.NewGuid():N}@test.local";
        var created = await admin.PostFormAsync("/admin/brukere/ny", "user", new()
        {
            ["Form.DisplayName"] = "Slutter Snart",
            ["Form.Email"] = email,
            ["Form.Role"] = Roles.Specialist,
            ["Form.SpecialistHprNumber"] = "9900103",
            ["Form.Password"] = Password,
        });
        var id = created.RedirectPath().Split('/', '?')[3];

        var response = await admin.PostFormAsync($"/admin/brukere/{id}/status", "user-status", []);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = app.Database.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        user.IsActive.Should().BeFalse();
        (await db.AuditEntries.AnyAsync(a => a.EntityId == id && a.Action == AuditActions.Deactivated)).Should().BeTrue();

        var login = await app.CreateBrowserLikeClient().PostFormAsync("/logg-inn", "login", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        login.StatusCode.Should().Be(HttpStatusCode.OK, "a deactivated user stays on the log-in page");
    }

    [Fact]
    public async Task Changing_the_role_records_old_and_new_role()
    {
        var admin = await app.LoggedInAsync(WebClient.Administrator);
        var email = $"bytter-{Guid.NewGuid():N}@test.local";
        var created = await admin.PostFormAsync("/admin/brukere/ny", "user", new()
        {
            ["Form.DisplayName"] = "Bytter Rolle",
            ["Form.Email"] = email,
            ["Form.Role"] = Roles.Caseworker,
            ["Form.Password"] = Password,
        });
        var id = created.RedirectPath().Split('/', '?')[3];
        var stamp = WebClient.InputValue(await admin.GetHtmlAsync($"/admin/brukere/{id}"), "Form.ConcurrencyStamp")!;

        var response = await admin.PostFormAsync($"/admin/brukere/{id}", "user", new()
        {
            ["Form.DisplayName"] = "Bytter Rolle",
            ["Form.Email"] = email,
            ["Form.Role"] = Roles.Administrator,
            ["Form.ConcurrencyStamp"] = stamp,
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = app.Database.CreateDbContext();
        var changes = (await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == id).ToListAsync()).SelectMany(a => a.Changes);
        changes.Should().Contain(new FieldChange("Role", Roles.Caseworker, Roles.Administrator));
    }
}
