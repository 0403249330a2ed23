using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Infrastructure.Identity;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Account;
using SamarbeidsAvtaler.Web.Features.Users;

namespace SamarbeidsAvtaler.Web.Tests.Users;

/// <summary>User administration at the service boundary, on the real database, as a circuit calls it.</summary>
[Collection(AppCollection.Name)]
public sealed class UserServiceTests(AppFactory app)
{
    private const string Password = "Nytt!Passord2026";

    private async Task<(AsyncServiceScope Scope, UserService Service, ClaimsPrincipal Admin)> ArrangeAsync()
    {
        var admin = await app.UserAsync(WebClient.Administrator);
        var scope = app.CreateScope();
        return (scope, scope.ServiceProvider.GetRequiredService<UserService>(), admin);
    }

    private async Task<PartyOption> PartyAsync(string name)
    {
        await using var db = app.Database.CreateDbContext();
        return await db.Parties.Where(p => p.Name == name).Select(p => new PartyOption(p.Id, p.Name, p.HprNumber ?? p.OrganisationNumber)).SingleAsync();
    }

    private static UserForm NewForm(string role, PartyOption? party = null, string prefix = "bruker") => new()
    {
        DisplayName = "Ny Testbruker",
        Email = $"{prefix}-{Guid.NewGuid():N}@test.local",
        Role = role,
        Party = party,
        Password = Password,
    };

    private async Task<Guid> CreateAsync(UserService service, ClaimsPrincipal admin, UserForm form)
    {
        var result = await service.CreateAsync(admin, form);
        result.Succeeded.Should().BeTrue(string.Join(" ", result.Errors.Select(e => e.Message)));
        return result.Value;
    }

    [Fact]
    public async Task Administrator_creates_a_samhandlingssjef_linked_to_a_trust_and_it_is_audited()
    {
        var (scope, service, admin) = await ArrangeAsync();
        await using var _ = scope;
        var bergen = await PartyAsync("Helse Bergen HF");
        var form = NewForm(Roles.CooperationManager, bergen, "sjef");

        var id = await CreateAsync(service, admin, form);

        await using var db = app.Database.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Id == id);
        user.PartyId.Should().Be(bergen.Id);
        user.Email.Should().Be(form.Email);
        var entries = await db.AuditEntries.Where(a => a.EntityType == "AppUser" && a.EntityId == id.ToString()).ToListAsync();
        entries.Should().Contain(a => a.Action == AuditActions.Created && a.ActorName == "Ada Administrator");
        entries.SelectMany(a => a.Changes).Should().Contain(new FieldChange("Role", null, Roles.CooperationManager));
        entries.SelectMany(a => a.Changes).Should().NotContain(c => c.Field == "PasswordHash");

        // The new user can log in, with the trust's party in their claims.
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        (await signIn.CheckPasswordSignInAsync(user, Password, lockoutOnFailure: false)).Succeeded.Should().BeTrue();
        var principal = await app.UserAsync(form.Email!);
        principal.PartyId().Should().Be(bergen.Id);
        principal.IsInRole(Roles.CooperationManager).Should().BeTrue();
    }

    [Fact]
    public async Task Avtalespesialist_is_linked_to_their_own_party_found_by_hpr_number()
    {
        var (scope, service, admin) = await ArrangeAsync();
        await using var _ = scope;

        var options = await service.SearchPartiesAsync(admin, Roles.Specialist, "9900103");

        options.Should().ContainSingle().Which.Name.Should().Be("Fiktiv Legesen");
        var id = await CreateAsync(service, admin, NewForm(Roles.Specialist, options[0], "spes"));
        (await service.GetAsync(admin, id))!.Party!.Name.Should().Be("Fiktiv Legesen");
    }

    [Fact]
    public async Task Party_picker_offers_only_the_kinds_the_role_may_be_linked_to()
    {
        var (scope, service, admin) = await ArrangeAsync();
        await using var _ = scope;

        var forManager = await service.SearchPartiesAsync(admin, Roles.CooperationManager, "helse");
        var forSpecialist = await service.SearchPartiesAsync(admin, Roles.Specialist, "helse");
        var forCaseworker = await service.SearchPartiesAsync(admin, Roles.Caseworker, "helse");

        forManager.Should().Contain(p => p.Name == "Helse Bergen HF").And.NotContain(p => p.Name == "Helse Sør-Øst RHF");
        forSpecialist.Should().BeEmpty("no avtalespesialist is called 'helse'");
        forCaseworker.Should().BeEmpty("a saksbehandler is not linked to a party");
        (await service.SearchPartiesAsync(admin, Roles.Specialist, "Demo Spes\0")).Should().Contain(p => p.Name == "Demo Spesialistsen", "a NUL byte is dropped, not sent to PostgreSQL");
        (await service.SearchPartiesAsync(admin, Roles.Specialist, new string('x', 10_000))).Should().BeEmpty();
        (await service.SearchPartiesAsync(admin, Roles.CooperationManager, "%")).Should().BeEmpty("a wildcard matches itself");
    }

    [Fact]
    public async Task Kommune_user_is_linked_to_its_kommune_and_the_picker_offers_only_kommuner()
    {
        var (scope, service, admin) = await ArrangeAsync();
        await using var _ = scope;

        (await service.SearchPartiesAsync(admin, Roles.Municipality, "bergen")).Should().Contain(p => p.Name == "Bergen kommune")
            .And.NotContain(p => p.Name == "Helse Bergen HF");
        var id = await CreateAsync(service, admin, NewForm(Roles.Municipality, await PartyAsync("Voss herad"), "kommune"));

        (await service.GetAsync(admin, id))!.Party!.Name.Should().Be("Voss herad");
    }

    public static TheoryData<string, string?, string, string> RefusedForms => new()
    {
        { Roles.CooperationManager, null, nameof(UserForm.Party), "En samhandlingssjef må knyttes til et helseforetak eller en institusjon." },
        { Roles.CooperationManager, "Helse Sør-Øst RHF", nameof(UserForm.Party), "En samhandlingssjef må knyttes til et helseforetak eller en institusjon." },
        { Roles.Specialist, null, nameof(UserForm.Party), "En avtalespesialist må knyttes til sin egen part" },
        { Roles.Specialist, "Helse Bergen HF", nameof(UserForm.Party), "En avtalespesialist må knyttes til sin egen part" },
        { Roles.Municipality, null, nameof(UserForm.Party), "En kommunebruker må knyttes til sin kommune" },
        { Roles.Municipality, "Helse Bergen HF", nameof(UserForm.Party), "En kommunebruker må knyttes til sin kommune" },
        { "Superbruker", null, nameof(UserForm.Role), "Velg rolle." },
    };

    [Theory]
    [MemberData(nameof(RefusedForms))]
    public async Task Role_without_its_party_is_refused_and_nothing_is_saved(string role, string? partyName, string field, string message)
    {
        var (scope, service, admin) = await ArrangeAsync();
        await using var _ = scope;
        var form = NewForm(role, partyName is null ? null : await PartyAsync(partyName), "feil");

        var result = await service.CreateAsync(admin, form);

        result.Status.Should().Be(CommandStatus.Invalid);
        result.Errors.Should().Contain(e => e.Field == field && e.Message.StartsWith(message, StringComparison.Ordinal));
        await using var db = app.Database.CreateDbContext();
        (await db.Users.AnyAsync(u => u.Email == form.Email)).Should().BeFalse();
    }

    [Fact]
    public async Task A_party_given_for_a_role_without_one_is_not_linked()
    {
        var (scope, service, admin) = await ArrangeAsync();
        await using var _ = scope;

        var id = await CreateAsync(service, admin, NewForm(Roles.Caseworker, await PartyAsync("Helse Bergen HF")));

        (await service.GetAsync(admin, id))!.Party.Should().BeNull();
    }

    [Theory]
    [InlineData("kort", "Passordet må ha minst 12 tegn.")]
    [InlineData("bareliteogsiffer1", "Passordet må ha minst én stor bokstav.")]
    [InlineData("BARESTORE12345", "Passordet må ha minst én liten bokstav.")]
    [InlineData("IngenSifferHer!", "Passordet må ha minst ett siffer.")]
    [InlineData("", "Passord må fylles ut.")]
    public async Task Weak_password_is_refused_in_norwegian_beside_the_password(string password, string message)
    {
        var (scope, service, admin) = await ArrangeAsync();
        await using var _ = scope;
        var form = NewForm(Roles.Caseworker);
        form.Password = password;

        var result = await service.CreateAsync(admin, form);

        result.Status.Should().Be(CommandStatus.Invalid);
        result.Errors.Should().Contain(new FieldError(nameof(UserForm.Password), message));
    }

    [Fact]
    public async Task Too_long_password_is_refused_before_identity()
    {
        var (scope, service, admin) = await ArrangeAsync();
        await using var _ = scope;
        var form = NewForm(Roles.Caseworker);
        form.Password = "Aa1" + new string('x', 500);

        (await service.CreateAsync(admin, form)).Errors.Should().ContainSingle(e => e.Field == nameof(UserForm.Password));
    }

    [Fact]
    public async Task Duplicate_email_is_refused_in_norwegian()
    {
        var (scope, service, admin) = await ArrangeAsync();
        await using var _ = scope;
        var form = NewForm(Roles.Caseworker);
        form.Email = WebClient.Caseworker.ToUpperInvariant();

        var result = await service.CreateAsync(admin, form);

        result.Errors.Should().ContainSingle(e => e.Field == nameof(UserForm.Email)).Which.Message.Should().Contain("er allerede i bruk");
    }

    [Fact]
    public async Task Two_administrators_creating_the_same_email_at_once_get_one_user_and_a_message()
    {
        var admin = await app.UserAsync(WebClient.Administrator);
        var email = $"samtidig-{Guid.NewGuid():N}@test.local";

        async Task<CommandResult> CreateInOwnScope()
        {
            await using var scope = app.CreateScope();
            var form = NewForm(Roles.Caseworker);
            form.Email = email;
            return await scope.ServiceProvider.GetRequiredService<UserService>().CreateAsync(admin, form);
        }

        var results = await Task.WhenAll(CreateInOwnScope(), CreateInOwnScope(), CreateInOwnScope());

        results.Count(r => r.Succeeded).Should().Be(1);
        results.Where(r => !r.Succeeded).Should().OnlyContain(r => r.Status == CommandStatus.Invalid && r.Errors.Any(e => e.Message.Contains("er allerede i bruk")));
    }

    [Theory]
    [InlineData("", "ola@test.local", nameof(UserForm.DisplayName), "Navn må fylles ut.")]
    [InlineData("Navn\0Med Nul", "ola@test.local", nameof(UserForm.DisplayName), "Navn kan ikke inneholde kontrolltegn.")]
    [InlineData("Ola", "", nameof(UserForm.Email), "E-post må fylles ut.")]
    [InlineData("Ola", "ikke-en-adresse", nameof(UserForm.Email), "E-postadressen er ikke gyldig.")]
    [InlineData("Ola", "ola\0@test.local", nameof(UserForm.Email), "E-postadressen er ikke gyldig.")]
    [InlineData("Ola", "Ola Nordmann <ola@test.local>", nameof(UserForm.Email), "E-postadressen er ikke gyldig.")]
    [InlineData("Ola", "ola#x@test.local", nameof(UserForm.Email), "E-postadressen kan bare inneholde bokstavene a–å")]
    public async Task Bad_names_and_addresses_are_refused_beside_their_field(string name, string email, string field, string message)
    {
        var (scope, service, admin) = await ArrangeAsync();
        await using var _ = scope;
        var form = NewForm(Roles.Caseworker);
        form.DisplayName = name;
        form.Email = email;

        var result = await service.CreateAsync(admin, form);

        result.Status.Should().Be(CommandStatus.Invalid);
        result.Errors.Should().Contain(e => e.Field == field && e.Message.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_address_with_æ_ø_and_å_is_accepted()
    {
        var (scope, service, admin) = await ArrangeAsync();
        await using var _ = scope;
        var form = NewForm(Roles.Caseworker);
        form.DisplayName = "Bjørn Åsæther";
        form.Email = $"bjørn.åsæther{Guid.NewGuid():N}@kommune.no";

        var result = await service.CreateAsync(admin, form);

        result.Succeeded.Should().BeTrue(string.Join(" ", result.Errors.Select(e => e.Message)));
    }

    [Fact]
    public async Task Text_longer_than_its_column_is_refused_before_the_database()
    {
        var (scope, service, admin) = await ArrangeAsync();
        await using var _ = scope;
        var form = NewForm(Roles.Caseworker);
        form.DisplayName = new string('A', AppUser.DisplayNameMaxLength + 1);
        form.Email = new string('a', 300) + "@test.local";

        var result = await service.CreateAsync(admin, form);

        result.Errors.Select(e => e.Field).Should().Contain([nameof(UserForm.DisplayName), nameof(UserForm.Email)]);
    }

    [Fact]
    public async Task Changing_the_role_records_old_and_new_role_and_changes_the_security_stamp()
    {
        var (scope, service, admin) = await ArrangeAsync();
        await using var _ = scope;
        var id = await CreateAsync(service, admin, NewForm(Roles.Caseworker, prefix: "bytter"));
        var before = (await service.GetAsync(admin, id))!;
        var stampBefore = await SecurityStampAsync(id);

        var form = before.ToForm();
        form.Role = Roles.Administrator;
        var result = await service.UpdateAsync(admin, id, form);

        result.Succeeded.Should().BeTrue();
        (await service.GetAsync(admin, id))!.Role.Should().Be(Roles.Administrator);
        await using var db = app.Database.CreateDbContext();
        var changes = (await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == id.ToString()).ToListAsync()).SelectMany(a => a.Changes);
        changes.Should().Contain(new FieldChange("Role", Roles.Caseworker, Roles.Administrator));
        (await SecurityStampAsync(id)).Should().NotBe(stampBefore, "an open session must pick up the new role");
    }

    [Fact]
    public async Task Administrator_cannot_take_the_administrator_role_from_themselves_or_deactivate_themselves()
    {
        var (scope, service, admin) = await ArrangeAsync();
        await using var _ = scope;
        var self = (await service.GetAsync(admin, admin.UserId()!.Value))!;
        self.IsSelf.Should().BeTrue();
        var form = self.ToForm();
        form.Role = Roles.Caseworker;

        (await service.UpdateAsync(admin, self.Id, form)).Errors.Should().Contain(new FieldError(nameof(UserForm.Role), "Du kan ikke ta fra deg selv administratorrollen."));
        var deactivate = await service.SetActiveAsync(admin, self.Id, active: false);
        deactivate.Status.Should().Be(CommandStatus.Refused);
        deactivate.Message.Should().Be("Du kan ikke deaktivere din egen bruker.");
        (await service.GetAsync(admin, self.Id))!.IsActive.Should().BeTrue();
    }

    [Fact]
    public async Task A_save_over_a_user_changed_since_it_was_loaded_is_a_conflict_and_changes_nothing()
    {
        var (scope, service, admin) = await ArrangeAsync();
        await using var _ = scope;
        var id = await CreateAsync(service, admin, NewForm(Roles.Caseworker, prefix: "samtidig"));
        var first = (await service.GetAsync(admin, id))!.ToForm();
        var second = (await service.GetAsync(admin, id))!.ToForm();

        first.DisplayName = "Først Lagret";
        (await service.UpdateAsync(admin, id, first)).Succeeded.Should().BeTrue();
        second.DisplayName = "Sist Lagret";
        var result = await service.UpdateAsync(admin, id, second);

        result.Status.Should().Be(CommandStatus.Conflict);
        result.Message.Should().Contain("endret av noen andre");
        (await service.GetAsync(admin, id))!.DisplayName.Should().Be("Først Lagret");
    }

    [Fact]
    public async Task Concurrent_saves_of_one_user_give_one_success_and_conflicts()
    {
        var admin = await app.UserAsync(WebClient.Administrator);
        Guid id;
        UserForm loaded;
        await using (var scope = app.CreateScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<UserService>();
            id = await CreateAsync(service, admin, NewForm(Roles.Caseworker, prefix: "kapplop"));
            loaded = (await service.GetAsync(admin, id))!.ToForm();
        }

        async Task<CommandResult> SaveInOwnScope(string name)
        {
            await using var scope = app.CreateScope();
            var form = loaded.Copy();
            form.DisplayName = name;
            return await scope.ServiceProvider.GetRequiredService<UserService>().UpdateAsync(admin, id, form);
        }

        var results = await Task.WhenAll(SaveInOwnScope("A Navn"), SaveInOwnScope("B Navn"), SaveInOwnScope("C Navn"));

        results.Count(r => r.Succeeded).Should().Be(1);
        results.Where(r => !r.Succeeded).Should().OnlyContain(r => r.Status == CommandStatus.Conflict);
    }

    [Fact]
    public async Task Deactivated_user_cannot_log_in_loses_an_open_circuit_and_is_kept_with_history()
    {
        var (scope, service, admin) = await ArrangeAsync();
        await using var _ = scope;
        var form = NewForm(Roles.Specialist, await PartyAsync("Fiktiv Legesen"), "slutter");
        var id = await CreateAsync(service, admin, form);
        var openSession = await app.UserAsync(form.Email!);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value;
        (await RevalidatingIdentityStateProvider.IsStillValidAsync(users, openSession, options)).Should().BeTrue();

        var result = await service.SetActiveAsync(admin, id, active: false);

        result.Succeeded.Should().BeTrue();
        result.Message.Should().Contain("er deaktivert");
        await using (var check = app.CreateScope())
        {
            var freshUsers = check.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            (await RevalidatingIdentityStateProvider.IsStillValidAsync(freshUsers, openSession, options)).Should().BeFalse("the circuit revalidates and ends the session");
            var user = (await freshUsers.FindByIdAsync(id.ToString()))!;
            user.IsActive.Should().BeFalse();
            var signIn = check.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
            (await signIn.CheckPasswordSignInAsync(user, Password, lockoutOnFailure: false)).Succeeded.Should().BeFalse();
        }

        await using var db = app.Database.CreateDbContext();
        (await db.AuditEntries.AnyAsync(a => a.EntityId == id.ToString() && a.Action == AuditActions.Deactivated)).Should().BeTrue();
        (await service.ListAsync(admin, new UserListQuery(Text: form.Email, Status: UserStatusFilter.Deactivated))).Rows.Should().ContainSingle();

        (await service.SetActiveAsync(admin, id, active: true)).Succeeded.Should().BeTrue();
        await using var again = app.CreateScope();
        var reactivated = (await again.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(id.ToString()))!;
        (await again.ServiceProvider.GetRequiredService<SignInManager<AppUser>>().CheckPasswordSignInAsync(reactivated, Password, false)).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task Missing_users_are_not_found()
    {
        var (scope, service, admin) = await ArrangeAsync();
        await using var _ = scope;
        var missing = Guid.NewGuid();

        (await service.GetAsync(admin, missing)).Should().BeNull();
        (await service.UpdateAsync(admin, missing, NewForm(Roles.Caseworker))).Status.Should().Be(CommandStatus.NotFound);
        (await service.SetActiveAsync(admin, missing, false)).Status.Should().Be(CommandStatus.NotFound);
        (await service.GetHistoryAsync(admin, missing)).Should().BeEmpty();
    }

    [Theory]
    [InlineData(WebClient.Caseworker)]
    [InlineData(WebClient.CooperationManager)]
    [InlineData(WebClient.Specialist)]
    public async Task Every_other_role_is_refused_everything(string email)
    {
        var (scope, service, admin) = await ArrangeAsync();
        await using var _ = scope;
        var target = await CreateAsync(service, admin, NewForm(Roles.Caseworker, prefix: "maal"));
        var other = await app.UserAsync(email);
        var form = (await service.GetAsync(admin, target))!.ToForm();
        form.DisplayName = "Kapret";

        (await service.ListAsync(other, new UserListQuery())).Rows.Should().BeEmpty();
        (await service.GetAsync(other, target)).Should().BeNull();
        (await service.GetHistoryAsync(other, target)).Should().BeEmpty();
        (await service.SearchPartiesAsync(other, Roles.CooperationManager, "Helse")).Should().BeEmpty();
        (await service.CreateAsync(other, NewForm(Roles.Administrator))).Status.Should().Be(CommandStatus.Forbidden);
        (await service.UpdateAsync(other, target, form)).Status.Should().Be(CommandStatus.Forbidden);
        (await service.SetActiveAsync(other, target, false)).Status.Should().Be(CommandStatus.Forbidden);
        (await service.GetAsync(admin, target))!.DisplayName.Should().Be("Ny Testbruker");
    }

    [Fact]
    public async Task List_searches_filters_sorts_and_pages_in_the_database()
    {
        var (scope, service, admin) = await ArrangeAsync();
        await using var _ = scope;
        var marker = Guid.NewGuid().ToString("N")[..8];
        foreach (var (name, role) in new[] { ("Anne", Roles.Caseworker), ("Berit", Roles.Administrator), ("Cato", Roles.Caseworker) })
        {
            var form = NewForm(role, prefix: $"liste{marker}");
            form.DisplayName = $"{name} {marker}";
            await CreateAsync(service, admin, form);
        }

        var all = await service.ListAsync(admin, new UserListQuery(Text: marker.ToUpperInvariant()));
        all.Total.Should().Be(3);
        all.Rows.Select(r => r.DisplayName).Should().Equal($"Anne {marker}", $"Berit {marker}", $"Cato {marker}");

        var caseworkers = await service.ListAsync(admin, new UserListQuery(Text: marker, Role: Roles.Caseworker, Sort: "navn", Descending: true));
        caseworkers.Rows.Select(r => r.DisplayName).Should().Equal($"Cato {marker}", $"Anne {marker}");
        caseworkers.Rows.Should().OnlyContain(r => r.Role == Roles.Caseworker && r.IsActive);

        var byRole = await service.ListAsync(admin, new UserListQuery(Text: marker, Sort: "rolle"));
        byRole.Rows[0].Role.Should().Be(Roles.Administrator);

        var second = await service.ListAsync(admin, new UserListQuery(Text: marker, Page: 2, PageSize: 2));
        second.Total.Should().Be(3);
        second.Rows.Should().ContainSingle().Which.DisplayName.Should().Be($"Cato {marker}");

        (await service.ListAsync(admin, new UserListQuery(Text: marker, Status: UserStatusFilter.Deactivated))).Total.Should().Be(0);
        (await service.ListAsync(admin, new UserListQuery(Text: $"{marker}\0"))).Total.Should().Be(3, "a NUL byte is dropped, not sent to PostgreSQL");
        (await service.ListAsync(admin, new UserListQuery(Text: "%_%"))).Total.Should().Be(0, "wildcards match themselves");
        (await service.ListAsync(admin, new UserListQuery(Text: marker, Role: "Ukjent", Sort: "tull", Page: int.MaxValue, PageSize: int.MaxValue))).Total.Should().Be(3);
    }

    [Fact]
    public async Task History_reads_in_norwegian_with_the_party_name_and_without_technical_fields()
    {
        var (scope, service, admin) = await ArrangeAsync();
        await using var _ = scope;
        var bergen = await PartyAsync("Helse Bergen HF");
        var id = await CreateAsync(service, admin, NewForm(Roles.CooperationManager, bergen, "historikk"));
        var form = (await service.GetAsync(admin, id))!.ToForm();
        form.DisplayName = "Nytt Navn";
        (await service.UpdateAsync(admin, id, form)).Succeeded.Should().BeTrue();
        (await service.SetActiveAsync(admin, id, false)).Succeeded.Should().BeTrue();

        var history = await service.GetHistoryAsync(admin, id);

        history.Select(h => h.Action).Should().Equal(AuditActions.Deactivated, AuditActions.Changed, AuditActions.Created);

        var created = history[^1];
        created.ActorName.Should().Be("Ada Administrator");
        created.Changes.Should().Contain(new UserHistoryChange("Knyttet til part", null, "Helse Bergen HF"))
            .And.Contain(new UserHistoryChange("Rolle", null, Roles.CooperationManager))
            .And.Contain(new UserHistoryChange("Telefonnummer bekreftet", null, "Nei"))
            .And.Contain(new UserHistoryChange("Tofaktorinnlogging", null, "Nei"))
            .And.Contain(new UserHistoryChange("Aktiv", null, "Ja"));
        history[1].Changes.Should().Equal(new UserHistoryChange("Navn", "Ny Testbruker", "Nytt Navn"));
        history[0].Changes.Should().Equal(new UserHistoryChange("Aktiv", "Ja", "Nei"));
        var text = string.Join(" ", history.SelectMany(h => h.Changes).SelectMany(c => new[] { c.Field, c.OldValue, c.NewValue }));
        text.Should().NotContainAny("PhoneNumberConfirmed", "TwoFactorEnabled", "False", "True", "Stamp", "Hash", "Normalized", bergen.Id.ToString(), "UserName");
    }

    private async Task<string?> SecurityStampAsync(Guid id)
    {
        await using var db = app.Database.CreateDbContext();
        return await db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync();
    }
}
