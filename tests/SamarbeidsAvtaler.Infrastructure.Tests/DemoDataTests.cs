using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Infrastructure.Identity;
using SamarbeidsAvtaler.Infrastructure.Seeding;
using SamarbeidsAvtaler.Testing;

namespace SamarbeidsAvtaler.Infrastructure.Tests;

public sealed class DemoDataTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();

        _services = SeederServices.Build(_database);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task SeedAsync()
    {
        // A fresh scope per run, as at each start-up of the app.
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RoleSeeder>().SeedAsync();
        await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
    }

    private async Task<Dictionary<string, long>> CountRowsAsync()
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in new[] { "parties", "municipal_group_members", "users", "roles", "user_roles", "audit_entries" })
        {
            counts[table] = await Sql.ScalarAsync<long>(_database.ConnectionString, $"SELECT count(*) FROM {table}");
        }

        return counts;
    }

    [Fact]
    public async Task Seeding_twice_gives_the_same_rows_as_seeding_once()
    {
        await SeedAsync();
        var once = await CountRowsAsync();

        await SeedAsync();

        (await CountRowsAsync()).Should().Equal(once);
        once["parties"].Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Demo_register_holds_the_organisations_of_DOMAIN_md_section_6_and_twelve_specialists()
    {
        await SeedAsync();
        await using var db = _database.CreateDbContext();
        var parties = await db.Parties.Include(p => p.Members).ToListAsync();

        var southEast = parties.Should().ContainSingle(p => p.Name == "Helse Sør-Øst RHF").Subject;
        southEast.Kind.Should().Be(PartyKind.RegionalHealthAuthority);
        southEast.OrganisationNumber.Should().Be("991324968");

        var bergen = parties.Should().ContainSingle(p => p.Name == "Helse Bergen HF").Subject;
        bergen.Kind.Should().Be(PartyKind.HealthTrust);
        parties.Where(p => p.ParentPartyId == bergen.Id).Should().HaveCount(5)
            .And.OnlyContain(p => p.Kind == PartyKind.Institution);
        parties.Where(p => p.ParentPartyId == bergen.Id).Select(p => p.Name).Should().BeEquivalentTo(
            "Haraldsplass Diakonale Sykehus AS", "NKS Olaviken alderspsykiatriske sykehus AS",
            "Solli distriktspsykiatriske senter", "Betanien sykehus AS", "Voss Distriktspsykiatriske Senter NKS Bjørkeli");

        // Seed 004: the kommuner are parties each; a kommunegruppe stays a party kind for real interkommunal parties.
        parties.Where(p => p.Kind == PartyKind.Municipality).Select(p => p.Name).Should().BeEquivalentTo(DemoData.HelseBergenMunicipalities);
        var groups = parties.Where(p => p.Kind == PartyKind.MunicipalGroup).ToList();
        groups.Should().ContainSingle().Which.Name.Should().NotStartWith("Områdeutval", "an områdeutval is a committee (004 § 5.3), not a party");
        groups.Should().OnlyContain(g => g.Members.Count > 0);
        var municipalities = parties.Where(p => p.Kind == PartyKind.Municipality).Select(p => p.Id).ToHashSet();
        groups.SelectMany(g => g.Members).Should().OnlyContain(m => municipalities.Contains(m.MunicipalityId));

        var specialists = parties.Where(p => p.Kind == PartyKind.Specialist).ToList();
        specialists.Should().HaveCount(12);
        specialists.Should().OnlyContain(s => s.HprNumber != null && s.Profession != null && s.DateOfBirth != null && s.OrganisationNumber == null);
        specialists.Select(s => s.HprNumber).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Each_demo_login_exists_in_its_role_with_the_demo_password()
    {
        await SeedAsync();
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        DemoData.Logins.Select(l => l.Role).Should().BeEquivalentTo(Roles.All);
        foreach (var (email, name, role) in DemoData.Logins)
        {
            var user = await users.FindByEmailAsync(email);
            user.Should().NotBeNull(email);
            user!.DisplayName.Should().Be(name);
            user.IsActive.Should().BeTrue();
            (await users.GetRolesAsync(user)).Should().Equal([role], email);
            (await users.CheckPasswordAsync(user, DemoData.Password)).Should().BeTrue(email);

            // Creating a user is audited under its real id, without the password hash.
            var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(AppUser) && a.EntityId == user.Id.ToString());
            audit.Action.Should().Be("Opprettet");
            audit.Changes.Should().Contain(c => c.Field == "Email" && c.NewValue == email)
                .And.NotContain(c => c.Field == "PasswordHash" || c.Field == "SecurityStamp");
        }

        var manager = await users.FindByEmailAsync("samhandlingssjef@demo.local");
        var specialist = await users.FindByEmailAsync("spesialist@demo.local");
        (await db.Parties.SingleAsync(p => p.Id == manager!.PartyId)).Name.Should().Be("Helse Bergen HF");
        (await db.Parties.SingleAsync(p => p.Id == specialist!.PartyId)).Name.Should().Be("Demo Spesialistsen");
        (await users.FindByEmailAsync("admin@demo.local"))!.PartyId.Should().BeNull();
    }
}
