using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Infrastructure.Seeding;
using SamarbeidsAvtaler.Testing;

namespace SamarbeidsAvtaler.Infrastructure.Tests;

/// <summary>The demo holds Helse Bergen's cooperation structure of seed 004 § 5.</summary>
public sealed class DemoCommitteesTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = SeederServices.Build(_database);
        await SeedAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task SeedAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RoleSeeder>().SeedAsync();
        await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
    }

    [Fact]
    public async Task Demo_has_the_bodies_of_seed_004_section_5_under_the_overarching_agreement()
    {
        await using var db = _database.CreateDbContext();
        var bodies = await db.Committees.AsNoTracking().ToListAsync();

        bodies.Select(b => b.Kind).Should().Contain([CommitteeKind.PartnershipMeeting, CommitteeKind.StrategicCommittee,
            CommitteeKind.Secretariat, CommitteeKind.ProfessionalCommittee, CommitteeKind.AreaCommittee]);
        bodies.Where(b => b.Kind == CommitteeKind.AreaCommittee).Select(b => b.Name).Should().BeEquivalentTo(
            DemoData.Areas.Select(a => $"Områdeutval {a.Area}"));
        bodies.Where(b => b.Kind == CommitteeKind.ProfessionalCommittee).Select(b => b.Name).Should().BeEquivalentTo(
            ["Medisinsk fagleg utval", "Felles underutval for akuttmedisin og beredskap"]);
        var overarching = await db.Agreements.SingleAsync(a => a.Title == DemoAgreements.OverarchingTitle);
        bodies.Should().OnlyContain(b => b.OverarchingAgreementId == overarching.Id);

        var ssu = bodies.Single(b => b.Kind == CommitteeKind.StrategicCommittee);
        bodies.Where(b => b.Kind == CommitteeKind.ProfessionalCommittee).Should().OnlyContain(b => b.AppointedByCommitteeId == ssu.Id && b.ReportsToCommitteeId == ssu.Id,
            "faglege samarbeidsutval are appointed by and report to SSU (004 § 5.4)");
    }

    [Fact]
    public async Task Demo_ssu_is_composed_per_R19_with_a_personal_deputy_for_every_voting_member()
    {
        await using var db = _database.CreateDbContext();
        var ssu = await db.Committees.AsNoTracking().SingleAsync(c => c.Kind == CommitteeKind.StrategicCommittee);
        var members = await db.CommitteeMembers.AsNoTracking().Where(m => m.CommitteeId == ssu.Id).ToListAsync();

        var voting = members.Where(m => m.Role == MemberRole.Member).ToList();
        voting.Should().HaveCount(12, "5 kommunal (Bergen two), 5 from the specialist service and 2 user representatives");
        voting.Count(m => m.Representation == Representation.UserRepresentative).Should().Be(2);
        voting.Where(m => m.Representation == Representation.UserRepresentative).Select(m => m.Side).Should().OnlyHaveUniqueItems();
        members.Where(m => m.Role == MemberRole.Deputy).Select(m => m.DeputyForMemberId).Should().BeEquivalentTo(voting.Select(m => (Guid?)m.Id));
        members.Where(m => m.Role == MemberRole.Observer).Should().HaveCount(5);
    }

    [Fact]
    public async Task Demo_ssu_has_held_three_meetings_this_year_and_planned_a_fourth_with_numbered_agenda_items()
    {
        await using var db = _database.CreateDbContext();
        var ssu = await db.Committees.AsNoTracking().SingleAsync(c => c.Kind == CommitteeKind.StrategicCommittee);
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.AgendaItems).Where(m => m.CommitteeId == ssu.Id).ToListAsync();
        var year = TimeProvider.System.Today().Year;

        meetings.Count(m => m.Status == MeetingStatus.Held && m.Date.Year == year).Should().Be(3);
        meetings.Should().ContainSingle(m => m.Status == MeetingStatus.Planned);
        // Nine items of the bodies' own, and the demo dispute at the SSU step (DemoDisputes) last on the planned meeting.
        meetings.SelectMany(m => m.AgendaItems).Select(i => i.Number).Should().BeEquivalentTo(Enumerable.Range(1, 10));
        meetings.Count(m => m.MinutesStatus == MinutesStatus.Approved && m.MinutesPublishedOn != null).Should().Be(2);
    }

    [Fact]
    public async Task Seeding_twice_adds_no_second_structure()
    {
        await SeedAsync();
        await using var db = _database.CreateDbContext();

        (await db.Committees.CountAsync()).Should().Be(9);
    }
}
