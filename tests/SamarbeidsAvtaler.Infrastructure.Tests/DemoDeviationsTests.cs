using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Infrastructure.Seeding;
using SamarbeidsAvtaler.Testing;

namespace SamarbeidsAvtaler.Infrastructure.Tests;

/// <summary>The demo's year of invented deviations (issue 10 § 7) and the agreed discharge hours they are measured against.</summary>
public sealed class DemoDeviationsTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private (int Deviations, int Events, string Numbers) _afterFirstRun;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = SeederServices.Build(_database);
        await using (var scope = _services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RoleSeeder>().SeedAsync();
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
        }

        _afterFirstRun = await SnapshotAsync();
        await using (var scope = _services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
        }
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<(int Deviations, int Events, string Numbers)> SnapshotAsync()
    {
        await using var db = _database.CreateDbContext();
        var numbers = await db.Deviations.OrderBy(d => d.CaseNumber).Select(d => d.CaseNumber).ToListAsync();
        return (numbers.Count, await db.DeviationEvents.CountAsync(), string.Join(",", numbers));
    }

    [Fact]
    public async Task Seeding_twice_changes_nothing()
    {
        (await SnapshotAsync()).Should().Be(_afterFirstRun);
    }

    [Fact]
    public async Task R26_the_tjenesteavtale_on_admission_and_discharge_carries_seed_003s_discharge_hours()
    {
        await using var db = _database.CreateDbContext();
        var covering = await db.Agreements.AsNoTracking()
            .Where(a => a.Level == AgreementLevel.Service && db.AgreementStatutoryAreas.Any(s => s.AgreementId == a.Id && s.AreaNumber == 3))
            .ToListAsync();

        covering.Should().NotBeEmpty();
        covering.Should().OnlyContain(a => a.DischargeHours == DischargeHours.SeedExample);
    }

    [Fact]
    public async Task R22_R25_demo_year_spans_12_months_in_every_status_with_late_answers_and_overdue_cases()
    {
        await using var db = _database.CreateDbContext();
        var deviations = await db.Deviations.AsNoTracking().Include(d => d.Events).ToListAsync();
        var today = TimeProvider.System.Today();
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);

        deviations.Count.Should().BeInRange(150, 250);
        deviations.Should().OnlyContain(d => d.ReporterCaseReference.StartsWith(DemoDeviations.ReferencePrefix, StringComparison.Ordinal));
        deviations.Should().OnlyContain(d => DateOnly.FromDateTime(d.OccurredAt) >= firstMonth && DateOnly.FromDateTime(d.OccurredAt) <= today);
        deviations.Select(d => (d.OccurredAt.Year, d.OccurredAt.Month)).Distinct().Should().HaveCount(12, "every month of the year has deviations");
        deviations.Select(d => d.CaseNumber).Should().OnlyHaveUniqueItems().And.OnlyContain(n => n.StartsWith("AVVIK-", StringComparison.Ordinal));

        deviations.Select(d => d.Status).Distinct().Should().BeEquivalentTo(Enum.GetValues<DeviationStatus>());
        deviations.Count(d => d.Status == DeviationStatus.Closed).Should().BeGreaterThan(deviations.Count / 2, "most cases are closed");
        deviations.Count(d => d.AnsweredWithinDeadline == true).Should().BeGreaterThan(10);
        deviations.Count(d => d.AnsweredWithinDeadline == false).Should().BeGreaterThanOrEqualTo(3, "a few are answered late");
        deviations.Count(d => d.IsOverdue(today)).Should().BeGreaterThanOrEqualTo(3, "a few are overdue now");
        deviations.Count(d => d.EscalatedAt != null).Should().BeGreaterThanOrEqualTo(3);

        // Every step dated and in order, as the domain builds it.
        deviations.Should().OnlyContain(d => d.Events.Count >= 1 && d.Events.Min(e => e.OccurredAt) == d.ReportedAt);
        deviations.Where(d => d.Category == DeviationCategory.DischargeOutsideAgreedHours).Should().OnlyContain(d => d.OutsideAgreedHours == true);
    }

    [Fact]
    public async Task R25_demo_is_skewed_so_the_charts_tell_something()
    {
        await using var db = _database.CreateDbContext();
        var deviations = await db.Deviations.AsNoTracking().ToListAsync();
        var names = await db.Parties.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name);
        var areaOf = DemoData.Areas.SelectMany(a => a.Municipalities.Select(m => (m, a.Area))).ToDictionary(x => x.m, x => x.Area);

        string Area(Deviation d) => areaOf.GetValueOrDefault(names[d.ReportingPartyId]) ?? areaOf[names[d.OtherPartyId]];
        deviations.GroupBy(Area).OrderByDescending(g => g.Count()).First().Key.Should().Be("Bergensregionen");

        var winter = deviations.Where(d => d.OccurredAt.Month is 12 or 1 or 2).ToList();
        winter.GroupBy(d => d.Category).OrderByDescending(g => g.Count()).First().Key
            .Should().Be(DeviationCategory.DischargeWithoutEpicrisisAndMedicationList);

    }

    [Fact]
    public async Task R24_demo_texts_hold_nothing_that_looks_like_a_fødselsnummer()
    {
        await using var db = _database.CreateDbContext();
        var texts = await db.Deviations.AsNoTracking()
            .Select(d => new[] { d.Title, d.Description, d.ReporterCaseReference, d.Explanation, d.Measures, d.Recommendation })
            .ToListAsync();

        texts.SelectMany(t => t).Should().OnlyContain(t => !PatientIdentity.ContainsNationalIdentityNumber(t));
    }

    [Fact]
    public async Task Demo_steps_are_taken_on_weekdays_in_office_hours_whatever_hour_the_demo_is_made()
    {
        await using var db = _database.CreateDbContext();
        // The newest steps are capped at "a moment ago" and may fall at any hour; a day back, all are office work.
        var dayAgo = DateTimeOffset.UtcNow.AddDays(-1);
        var steps = await db.DeviationEvents.AsNoTracking().Where(e => e.OccurredAt < dayAgo).Select(e => e.OccurredAt).ToListAsync();

        steps.Should().NotBeEmpty();
        steps.Select(Norwegian.Local).Should().OnlyContain(t => t.Hour >= 8 && t.Hour < 16 && t.DayOfWeek != DayOfWeek.Saturday && t.DayOfWeek != DayOfWeek.Sunday);
    }
}
