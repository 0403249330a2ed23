using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Testing;

namespace SamarbeidsAvtaler.Infrastructure.Tests;

public sealed class PartyPersistenceTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<Party> AddAsync(PartyDetails details)
    {
        await using var db = _database.CreateDbContext();
        var party = Party.Create(details, DateTimeOffset.UtcNow);
        db.Parties.Add(party);
        await db.SaveChangesAsync();
        return party;
    }

    [Fact]
    public async Task Specialist_round_trips_with_every_field_and_enums_stored_by_name()
    {
        var rhf = await AddAsync(new PartyDetails(PartyKind.RegionalHealthAuthority, "Helse Sør-Øst RHF"));
        var created = await AddAsync(new PartyDetails(PartyKind.Specialist, "Demo Spesialistsen", HprNumber: "9900101",
            Profession: Profession.Physician, Specialty: "Øyesykdommer", DateOfBirth: new DateOnly(1968, 3, 14),
            StreetAddress: "Eksempelgata 1", PostalCode: "0150", PostalCity: "Oslo", ContactName: "Demo Spesialistsen",
            ContactEmail: "post@demo-spesialistsen.example", ParentPartyId: rhf.Id));

        await using var db = _database.CreateDbContext();
        var loaded = await db.Parties.SingleAsync(p => p.Id == created.Id);

        loaded.Should().BeEquivalentTo(created, o => o
            .Using<DateTimeOffset>(c => c.Subject.Should().BeCloseTo(c.Expectation, TimeSpan.FromMilliseconds(1)))
            .WhenTypeIs<DateTimeOffset>());
        (await Sql.ScalarAsync<string>(_database.ConnectionString, $"SELECT kind || '/' || profession FROM parties WHERE id = '{created.Id}'"))
            .Should().Be("Specialist/Physician", "names survive reordering of the enum, numbers would not");
    }

    [Fact]
    public async Task Members_of_a_kommunegruppe_are_saved_and_replaced()
    {
        var voss = await AddAsync(new PartyDetails(PartyKind.Municipality, "Voss herad"));
        var ulvik = await AddAsync(new PartyDetails(PartyKind.Municipality, "Ulvik herad"));
        var vaksdal = await AddAsync(new PartyDetails(PartyKind.Municipality, "Vaksdal kommune"));
        Guid groupId;
        await using (var db = _database.CreateDbContext())
        {
            var group = Party.Create(new PartyDetails(PartyKind.MunicipalGroup, "Områdeutval Voss lokalsjukehusområde"), DateTimeOffset.UtcNow);
            group.SetMembers([voss.Id, ulvik.Id]);
            db.Parties.Add(group);
            await db.SaveChangesAsync();
            groupId = group.Id;
        }

        await using (var db = _database.CreateDbContext())
        {
            var group = await db.Parties.Include(p => p.Members).SingleAsync(p => p.Id == groupId);
            group.Members.Select(m => m.MunicipalityId).Should().BeEquivalentTo([voss.Id, ulvik.Id]);
            group.SetMembers([ulvik.Id, vaksdal.Id]);
            await db.SaveChangesAsync();
        }

        await using var check = _database.CreateDbContext();
        (await check.MunicipalGroupMembers.Where(m => m.GroupId == groupId).Select(m => m.MunicipalityId).ToListAsync())
            .Should().BeEquivalentTo([ulvik.Id, vaksdal.Id]);
    }
}
