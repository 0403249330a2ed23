using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Infrastructure.Seeding;
using SamarbeidsAvtaler.Testing;

namespace SamarbeidsAvtaler.Infrastructure.Tests;

/// <summary>The demo's disputes (issue 10 § 7, R23): one at the SSU step on the SSU's planned meeting; seed 004's binding statements.</summary>
public sealed class DemoDisputesTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = SeederServices.Build(_database);
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RoleSeeder>().SeedAsync();
        await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task R23_one_demo_dispute_stands_at_the_SSU_step_as_a_numbered_agenda_item_of_the_SSUs_planned_meeting()
    {
        await using var db = _database.CreateDbContext();
        var dispute = await db.Disputes.AsNoTracking().Include(d => d.Steps).SingleAsync(d => d.Title == DemoDisputes.SsuTitle);

        dispute.CurrentStep.Should().Be(EscalationStep.StrategicCommittee);
        dispute.IsResolved.Should().BeFalse();
        dispute.Steps.Select(s => s.Step).Should().BeEquivalentTo([EscalationStep.ServiceLevel, EscalationStep.DisagreementProtocol, EscalationStep.StrategicCommittee]);
        dispute.Steps.Should().OnlyContain(s => Norwegian.Local(s.EnteredAt).Hour >= 8 && Norwegian.Local(s.EnteredAt).Hour < 16,
            "the timeline reads as office work whatever hour the demo is made");
        var itemId = dispute.Steps.Single(s => s.Step == EscalationStep.StrategicCommittee).AgendaItemId;
        var item = await db.AgendaItems.AsNoTracking().SingleAsync(i => i.Id == itemId);
        item.Title.Should().Be($"Tvist {dispute.CaseNumber}: {DemoDisputes.SsuTitle}");
        var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == item.MeetingId);
        meeting.Status.Should().Be(MeetingStatus.Planned);
        var ssu = await db.Committees.AsNoTracking().SingleAsync(c => c.Id == meeting.CommitteeId);
        ssu.Name.Should().Be(DemoCommittees.SsuName);
        var numbers = await db.AgendaItems.AsNoTracking().Where(i => i.CommitteeId == ssu.Id && i.Year == item.Year).Select(i => i.Number).ToListAsync();
        numbers.Should().OnlyHaveUniqueItems();
        item.Number.Should().Be(numbers.Max(), "the dispute came last onto the year's agenda");
    }

    [Fact]
    public async Task Seed_004_makes_dispute_statements_binding_on_Helse_Bergens_overarching_agreement_and_the_other_disputes_are_resolved_and_at_the_protokoll()
    {
        await using var db = _database.CreateDbContext();
        (await db.Agreements.AsNoTracking().Where(a => a.Title == DemoAgreements.OverarchingTitle && a.Level == AgreementLevel.Overarching)
            .Select(a => a.DisputeStatementsBinding).SingleAsync()).Should().BeTrue();

        var disputes = await db.Disputes.AsNoTracking().ToListAsync();
        disputes.Should().HaveCount(3);
        disputes.Should().ContainSingle(d => d.Title == DemoDisputes.ResolvedTitle && d.IsResolved && d.CurrentStep == EscalationStep.ServiceLevel);
        disputes.Should().ContainSingle(d => d.Title == DemoDisputes.ProtocolTitle && !d.IsResolved && d.CurrentStep == EscalationStep.DisagreementProtocol);
        disputes.Select(d => d.CaseNumber).Should().OnlyHaveUniqueItems().And.OnlyContain(n => n.StartsWith("TVIST-"));
        disputes.Should().OnlyContain(d => d.Question.Contains("demoeksempel"), "invented text says it is invented");
    }

    [Fact]
    public async Task Seeding_twice_gives_the_same_rows()
    {
        await using var before = _database.CreateDbContext();
        var disputes = await before.Disputes.AsNoTracking().OrderBy(d => d.CaseNumber).Select(d => new { d.Id, d.CaseNumber, d.CurrentStep }).ToListAsync();
        var items = await before.AgendaItems.CountAsync();
        var steps = await before.DisputeSteps.CountAsync();

        await using (var scope = _services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
        }

        await using var after = _database.CreateDbContext();
        (await after.Disputes.AsNoTracking().OrderBy(d => d.CaseNumber).Select(d => new { d.Id, d.CaseNumber, d.CurrentStep }).ToListAsync())
            .Should().Equal(disputes);
        (await after.AgendaItems.CountAsync()).Should().Be(items);
        (await after.DisputeSteps.CountAsync()).Should().Be(steps);
    }
}
