using Microsoft.EntityFrameworkCore;
using Npgsql;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Testing;

namespace SamarbeidsAvtaler.Infrastructure.Tests;

public sealed class AuditTrailTests : IAsyncLifetime
{
    private static readonly PartyDetails Bergen = new(PartyKind.HealthTrust, "Helse Bergen HF", OrganisationNumber: "991324968",
        PostalCity: "Bergen");

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<Party> CreatePartyAsync(PartyDetails details)
    {
        await using var db = _database.CreateDbContext(TestAuditActor.Caseworker);
        var party = Party.Create(details, DateTimeOffset.UtcNow);
        db.Parties.Add(party);
        await db.SaveChangesAsync();
        return party;
    }

    private async Task<List<AuditEntry>> EntriesForAsync(Party party)
    {
        await using var db = _database.CreateDbContext();
        var key = party.Id.ToString();
        return await db.AuditEntries.Where(a => a.EntityId == key).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task Creating_a_party_writes_one_entry_with_actor_and_every_value_set()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        var party = await CreatePartyAsync(Bergen);

        var entry = (await EntriesForAsync(party)).Should().ContainSingle().Subject;
        entry.EntityType.Should().Be("Party");
        entry.Action.Should().Be(AuditActions.Created);
        entry.ActorUserId.Should().Be(TestAuditActor.Caseworker.UserId);
        entry.ActorName.Should().Be("Sander Saksbehandler");
        entry.OccurredAt.Should().BeAfter(before).And.BeBefore(DateTimeOffset.UtcNow.AddSeconds(5));
        entry.Changes.Should().BeEquivalentTo(new[]
        {
            new FieldChange("Kind", null, "HealthTrust"),
            new FieldChange("Name", null, "Helse Bergen HF"),
            new FieldChange("OrganisationNumber", null, "991324968"),
            new FieldChange("PostalCity", null, "Bergen"),
            new FieldChange("IsActive", null, "True"),
        });
    }

    [Fact]
    public async Task Updating_one_field_records_only_that_field_with_old_and_new_value()
    {
        var party = await CreatePartyAsync(Bergen);

        await using (var db = _database.CreateDbContext(TestAuditActor.Caseworker))
        {
            var loaded = await db.Parties.SingleAsync(p => p.Id == party.Id);
            loaded.Update(Bergen with { PostalCity = "  Haukeland " });
            await db.SaveChangesAsync();
        }

        var entry = (await EntriesForAsync(party)).Should().HaveCount(2).And.Subject.Last();
        entry.Action.Should().Be(AuditActions.Changed);
        entry.ActorName.Should().Be("Sander Saksbehandler");
        entry.Changes.Should().Equal(new FieldChange("PostalCity", "Bergen", "Haukeland"));
    }

    [Fact]
    public async Task Saving_without_a_real_change_writes_no_entry()
    {
        var party = await CreatePartyAsync(Bergen);

        await using (var db = _database.CreateDbContext(TestAuditActor.Caseworker))
        {
            var loaded = await db.Parties.SingleAsync(p => p.Id == party.Id);
            loaded.Update(Bergen with { Name = " Helse Bergen HF " });
            await db.SaveChangesAsync();
        }

        (await EntriesForAsync(party)).Should().ContainSingle(e => e.Action == AuditActions.Created);
    }

    [Fact]
    public async Task Deactivating_and_reactivating_are_recorded_as_such()
    {
        var party = await CreatePartyAsync(Bergen);

        await using (var db = _database.CreateDbContext(TestAuditActor.Caseworker))
        {
            var loaded = await db.Parties.SingleAsync(p => p.Id == party.Id);
            loaded.Deactivate();
            await db.SaveChangesAsync();
            loaded.Reactivate();
            await db.SaveChangesAsync();
        }

        var entries = await EntriesForAsync(party);
        entries.Select(e => e.Action).Should().Equal(AuditActions.Created, AuditActions.Deactivated, AuditActions.Reactivated);
        entries[1].Changes.Should().Equal(new FieldChange("IsActive", "True", "False"));
        entries[2].Changes.Should().Equal(new FieldChange("IsActive", "False", "True"));
    }

    [Fact]
    public async Task Context_without_an_actor_attributes_changes_to_System()
    {
        await using (var db = _database.CreateDbContext())
        {
            db.Parties.Add(Party.Create(new PartyDetails(PartyKind.Municipality, "Fedje kommune"), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        await using var check = _database.CreateDbContext();
        var entry = await check.AuditEntries.SingleAsync();
        entry.ActorName.Should().Be("System");
        entry.ActorUserId.Should().BeNull();
    }

    [Fact]
    public async Task Failed_save_leaves_no_audit_entry_behind()
    {
        await CreatePartyAsync(Bergen);
        var countBefore = await Sql.ScalarAsync<long>(_database.ConnectionString, "SELECT count(*) FROM audit_entries");

        var act = () => CreatePartyAsync(new PartyDetails(PartyKind.Institution, "Duplikat AS", OrganisationNumber: "991324968"));

        await act.Should().ThrowAsync<DbUpdateException>();
        (await Sql.ScalarAsync<long>(_database.ConnectionString, "SELECT count(*) FROM audit_entries")).Should().Be(countBefore);
    }

    [Theory]
    [InlineData("UPDATE audit_entries SET actor_name = 'Someone else'")]
    [InlineData("DELETE FROM audit_entries")]
    [InlineData("TRUNCATE audit_entries")]
    public async Task Audit_trail_cannot_be_changed_or_removed_by_raw_SQL(string sql)
    {
        await CreatePartyAsync(Bergen);

        var act = () => Sql.ExecuteAsync(_database.ConnectionString, sql);

        (await act.Should().ThrowAsync<PostgresException>()).Which.MessageText.Should().Contain("append-only");
        (await Sql.ScalarAsync<long>(_database.ConnectionString, "SELECT count(*) FROM audit_entries WHERE actor_name = 'Sander Saksbehandler'"))
            .Should().Be(1);
    }
}
