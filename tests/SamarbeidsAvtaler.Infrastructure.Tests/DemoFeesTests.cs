using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Domain.Committees.Fees;
using SamarbeidsAvtaler.Infrastructure.Seeding;
using SamarbeidsAvtaler.Testing;

namespace SamarbeidsAvtaler.Infrastructure.Tests;

/// <summary>The demo has a fastlege with two claims (issue 9 § 7), and the migration the rate of seed 001.</summary>
public sealed class DemoFeesTests : IAsyncLifetime
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
        // A second run changes nothing.
        await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task R21_migration_seeds_the_rate_of_seed_001_880_kroner_an_hour()
    {
        await using var db = _database.CreateDbContext();
        var rate = await db.FeeRates.AsNoTracking().SingleAsync();

        rate.HourlyRate.Should().Be(880.00m);
        rate.ValidFrom.Should().Be(new DateOnly(2020, 1, 1));
        rate.Note.Should().Contain("honorarsatsen i rammeavtalen pkt. 12.5 (per i dag 880 kroner per time)");
    }

    [Fact]
    public async Task Demo_fastlege_of_the_Voss_area_committee_has_a_finalised_claim_for_last_month_and_a_draft_for_this_month_to_Voss_herad()
    {
        await using var db = _database.CreateDbContext();
        var claims = await db.FeeClaims.AsNoTracking().Include(c => c.Activities).ToListAsync();
        claims.Should().HaveCount(2);

        var person = await db.Persons.AsNoTracking().SingleAsync(p => p.Id == claims[0].PersonId);
        person.GpEmployment.Should().Be(GpEmployment.SelfEmployed);
        var committees = await (from m in db.CommitteeMembers
                                join c in db.Committees on m.CommitteeId equals c.Id
                                where m.PersonId == person.Id && m.Representation == Representation.GeneralPractitioner
                                select c.Name).ToListAsync();
        committees.Should().Contain(DemoFees.CommitteeName);
        var voss = await db.Parties.AsNoTracking().SingleAsync(p => p.Name == DemoFees.PayingMunicipality);
        claims.Should().OnlyContain(c => c.PersonId == person.Id && c.PayingMunicipalityPartyId == voss.Id);

        var today = TimeProvider.System.Today();
        var finalised = claims.Single(c => c.Status == FeeClaimStatus.Finalised);
        finalised.PeriodTo.Should().BeBefore(new DateOnly(today.Year, today.Month, 1));
        finalised.Activities.Select(a => (a.Kind, a.InsideOfficeHours)).Should().BeEquivalentTo(new[]
        {
            (FeeActivityKind.Meeting, true), (FeeActivityKind.Travel, true), (FeeActivityKind.Travel, false), (FeeActivityKind.CasePreparation, false),
        });
        // 3 h meeting (6 × 880) + 45 min travel inside (2 × 880) + 45 min travel outside (2 × 440) + 70 min preparation (3 × 440).
        finalised.Activities.Should().OnlyContain(a => a.FrozenHourlyRate == 880m && a.FrozenAmount != null);
        finalised.Activities.Sum(a => a.FrozenAmount).Should().Be(5280m + 1760m + 880m + 1320m);

        var draft = claims.Single(c => c.Status == FeeClaimStatus.Draft);
        draft.PeriodFrom.Should().Be(new DateOnly(today.Year, today.Month, 1));
        draft.Activities.Should().Contain(a => a.Kind == FeeActivityKind.Meeting && !a.InsideOfficeHours && a.ChosenMultiplier == null,
            "the claim page must show the question the seed leaves open");
        draft.Activities.Should().OnlyContain(a => a.FrozenAmount == null);
    }
}
