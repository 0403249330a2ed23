using Microsoft.EntityFrameworkCore;
using Npgsql;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Testing;

namespace SamarbeidsAvtaler.Infrastructure.Tests;

public sealed class DatabaseConstraintTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static PartyDetails Specialist(string name, string hpr) => new(PartyKind.Specialist, name, HprNumber: hpr,
        Profession: Profession.Psychologist, Specialty: "Klinisk voksenpsykologi", DateOfBirth: new DateOnly(1975, 6, 2));

    private async Task AddAsync(PartyDetails details)
    {
        await using var db = _database.CreateDbContext();
        db.Parties.Add(Party.Create(details, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Duplicate_organisation_number_is_refused_by_its_unique_index()
    {
        await AddAsync(new PartyDetails(PartyKind.RegionalHealthAuthority, "Helse Sør-Øst RHF", OrganisationNumber: "991324968"));

        var act = () => AddAsync(new PartyDetails(PartyKind.HealthTrust, "Kopi HF", OrganisationNumber: "991 324 968"));

        (await act.Should().ThrowAsync<DbUpdateException>()).WithInnerException<PostgresException>()
            .Which.Should().Match<PostgresException>(e =>
                e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "ix_parties_organisation_number");
    }

    [Fact]
    public async Task Duplicate_hpr_number_is_refused_by_its_unique_index()
    {
        await AddAsync(Specialist("Testa Prøvesen", "9900102"));

        var act = () => AddAsync(Specialist("Testa Prøvesen d.y.", "9 900 102"));

        (await act.Should().ThrowAsync<DbUpdateException>()).WithInnerException<PostgresException>()
            .Which.Should().Match<PostgresException>(e =>
                e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "ix_parties_hpr_number");
    }

    [Fact]
    public async Task Many_parties_may_lack_an_organisation_number()
    {
        // NULLs are distinct in a unique index, so optional numbers do not collide.
        await AddAsync(new PartyDetails(PartyKind.Municipality, "Fedje kommune"));
        await AddAsync(new PartyDetails(PartyKind.Municipality, "Modalen kommune"));
        await AddAsync(Specialist("Demo Barnesen", "9900105"));
        await AddAsync(Specialist("Tenkt Familiesen", "9900110"));

        (await Sql.ScalarAsync<long>(_database.ConnectionString, "SELECT count(*) FROM parties")).Should().Be(4);
    }

    [Fact]
    public async Task Second_of_two_concurrent_edits_is_refused()
    {
        var details = new PartyDetails(PartyKind.Institution, "Betanien sykehus AS", PostalCity: "Bergen");
        var party = Party.Create(details, DateTimeOffset.UtcNow);
        await using (var db = _database.CreateDbContext())
        {
            db.Parties.Add(party);
            await db.SaveChangesAsync();
        }

        await using var first = _database.CreateDbContext();
        await using var second = _database.CreateDbContext();
        var firstCopy = await first.Parties.SingleAsync(p => p.Id == party.Id);
        var secondCopy = await second.Parties.SingleAsync(p => p.Id == party.Id);

        firstCopy.Update(details with { PostalCity = "Fyllingsdalen" });
        await first.SaveChangesAsync();
        secondCopy.Update(details with { ContactName = "Ola Nordmann" });
        var act = () => second.SaveChangesAsync();

        await act.Should().ThrowAsync<DbUpdateConcurrencyException>();
        await using var check = _database.CreateDbContext();
        var stored = await check.Parties.SingleAsync(p => p.Id == party.Id);
        stored.PostalCity.Should().Be("Fyllingsdalen");
        stored.ContactName.Should().BeNull("the stale edit must not overwrite the first");
        (await check.AuditEntries.CountAsync(a => a.EntityId == party.Id.ToString())).Should().Be(2, "the refused edit is not audited");
    }
}
