using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Infrastructure.Identity;
using SamarbeidsAvtaler.Infrastructure.Seeding;
using SamarbeidsAvtaler.Testing;

namespace SamarbeidsAvtaler.Infrastructure.Tests;

public sealed class DemoAgreementsTests : IAsyncLifetime
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

    private async Task<Dictionary<string, long>> CountRowsAsync()
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in new[] { "parties", "agreements", "agreement_parties", "agreement_sections", "agreement_statutory_areas", "agreement_cooperation_forms", "reference_counters", "audit_entries" })
        {
            counts[table] = await Sql.ScalarAsync<long>(_database.ConnectionString, $"SELECT count(*) FROM {table}");
        }

        return counts;
    }

    [Fact]
    public async Task Seeding_twice_gives_the_same_agreements_as_seeding_once()
    {
        var once = await CountRowsAsync();

        await SeedAsync();

        (await CountRowsAsync()).Should().Equal(once);
        once["agreements"].Should().BeGreaterThan(10);
    }

    [Fact]
    public async Task Every_lifecycle_state_occurs_in_the_demo_register()
    {
        await using var db = _database.CreateDbContext();

        var statuses = await db.Agreements.Select(a => a.Status).Distinct().ToListAsync();

        statuses.Should().BeEquivalentTo(Enum.GetValues<AgreementStatus>());
        var kinds = await db.Agreements.Select(a => a.Kind).Distinct().ToListAsync();
        kinds.Should().BeEquivalentTo(Enum.GetValues<AgreementKind>());
    }

    [Fact]
    public async Task Seed_004_is_one_level_1_document_covering_point_1_with_the_kommuner_and_six_institutions_as_parties()
    {
        await using var db = _database.CreateDbContext();

        var agreement = await db.Agreements.Include(a => a.Parties).Include(a => a.Sections)
            .SingleAsync(a => a.Title == DemoAgreements.OverarchingTitle);

        agreement.Kind.Should().Be(AgreementKind.MunicipalCooperationAgreement);
        agreement.Level.Should().Be(AgreementLevel.Overarching);
        agreement.Language.Should().Be(DocumentLanguage.Nynorsk);
        agreement.Status.Should().Be(AgreementStatus.Active);
        agreement.ValidFrom.Should().Be(new DateOnly(2022, 8, 1));
        agreement.Replaces.Should().Be("overordna samarbeidsavtale inngått 01.07.2012 og tenesteavtale 1 inngått 01.07.2012");
        agreement.ReferenceNumber.Should().MatchRegex("^KA-2022-[0-9]{4}$");
        agreement.Sections.Should().NotBeEmpty();
        agreement.Parties.Should().OnlyContain(p => p.Signature != null);
        (await db.AgreementStatutoryAreas.Where(a => a.AgreementId == agreement.Id).Select(a => a.AreaNumber).ToListAsync())
            .Should().Equal([1], "«Overordna samarbeidsavtale og tenesteavtale 1»: the level-1 document covers point 1 itself (R4)");
        (await db.Agreements.AnyAsync(a => a.Title.StartsWith("Tenesteavtale 1:"))).Should().BeFalse("there is no separate tenesteavtale 1");

        // Every kommune of Helse Bergen's area is a party of its own; the områdeutval are committees, not parties.
        var partyIds = agreement.Parties.Select(p => p.PartyId).ToList();
        var parties = await db.Parties.Where(p => partyIds.Contains(p.Id)).ToListAsync();
        parties.Where(p => p.Kind == PartyKind.Municipality).Select(p => p.Name).Should().BeEquivalentTo(DemoData.HelseBergenMunicipalities);
        parties.Should().NotContain(p => p.Kind == PartyKind.MunicipalGroup);
        parties.Where(p => p.Kind is PartyKind.HealthTrust or PartyKind.Institution).Select(p => p.Name).Should().BeEquivalentTo(
            ["Helse Bergen HF", "Haraldsplass Diakonale Sykehus AS", "NKS Olaviken alderspsykiatriske sykehus AS",
             "Solli distriktspsykiatriske senter", "Betanien sykehus AS", "Voss Distriktspsykiatriske Senter NKS Bjørkeli"]);
        (await db.Parties.AnyAsync(p => p.Name.StartsWith("Områdeutval"))).Should().BeFalse();
    }

    [Fact]
    public async Task R4_service_agreements_hang_under_the_overarching_one_and_cover_some_statutory_areas_but_not_all()
    {
        await using var db = _database.CreateDbContext();
        var overarching = await db.Agreements.SingleAsync(a => a.Title == DemoAgreements.OverarchingTitle);

        var valid = await db.Agreements
            .Where(a => a.Level == AgreementLevel.Service && a.Status == AgreementStatus.Active)
            .Select(a => new { a.ParentAgreementId, a.NextReviewDate, Areas = a.StatutoryAreas.Select(s => s.AreaNumber).ToList() })
            .ToListAsync();

        valid.Should().OnlyContain(a => a.ParentAgreementId == overarching.Id);
        valid.SelectMany(a => a.Areas).Distinct().Should().BeEquivalentTo([2, 3, 5, 12], "point 1 is covered by the level-1 document itself");
        var today = TimeProvider.System.Today();
        valid.Should().Contain(a => a.NextReviewDate < today, "one service agreement's yearly review is overdue (R3)");

        var supplementary = await db.Agreements.SingleAsync(a => a.Level == AgreementLevel.Supplementary);
        supplementary.IsLegallyBinding.Should().BeFalse("R5: a særavtale states whether it binds");
        (await db.Agreements.SingleAsync(a => a.Id == supplementary.ParentAgreementId)).Level.Should().Be(AgreementLevel.Service);

        // R4: the parties below are parties of the agreement above.
        var parentParties = await db.AgreementParties.Where(p => p.AgreementId == overarching.Id).Select(p => p.PartyId).ToListAsync();
        (await db.AgreementParties.Where(p => p.AgreementId == supplementary.Id).Select(p => p.PartyId).ToListAsync())
            .Should().BeSubsetOf(parentParties);
    }

    [Fact]
    public async Task R1_a_signed_new_version_waits_for_its_valid_from_while_the_old_one_stays_in_force()
    {
        await using var db = _database.CreateDbContext();

        var signed = await db.Agreements.SingleAsync(a => a.Status == AgreementStatus.Signed);
        var old = await db.Agreements.SingleAsync(a => a.Id == signed.PreviousVersionId);

        signed.ValidFrom.Should().BeAfter(TimeProvider.System.Today());
        old.Status.Should().Be(AgreementStatus.Active, "in force until the day before the new version's valid-from");
    }

    [Fact]
    public async Task R1_replaced_version_points_to_its_active_successor_and_the_demo_specialist_has_active_agreements()
    {
        await using var db = _database.CreateDbContext();

        var replaced = await db.Agreements.SingleAsync(a => a.Status == AgreementStatus.Replaced);
        var successor = await db.Agreements.SingleAsync(a => a.Id == replaced.ReplacedByAgreementId);
        successor.Status.Should().Be(AgreementStatus.Active);
        successor.VersionNumber.Should().Be(2);
        successor.PreviousVersionId.Should().Be(replaced.Id);
        successor.ReferenceNumber.Should().Be(replaced.ReferenceNumber);

        var own = await db.Parties.SingleAsync(p => p.Name == "Demo Spesialistsen");
        var kinds = await db.Agreements
            .Where(a => a.Status == AgreementStatus.Active && a.Parties.Any(p => p.PartyId == own.Id))
            .Select(a => a.Kind).ToListAsync();
        kinds.Should().BeEquivalentTo([AgreementKind.OperatingAgreement, AgreementKind.SpecialistCooperationAgreement]);

        var awaiting = await db.Agreements.Include(a => a.Parties)
            .Where(a => a.Status == AgreementStatus.AwaitingSignature && a.Kind == AgreementKind.OperatingAgreement).SingleAsync();
        awaiting.Parties.Count(p => p.Signature != null).Should().Be(1, "one of the two parties has signed");
    }
}

/// <summary>The synthetic register for load tests: valid rows (the schema's constraints hold), every state, no number clashes.</summary>
public sealed class SyntheticRegisterTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Generates_agreements_of_every_kind_and_state_and_reuses_its_parties_when_run_again()
    {
        var register = new SyntheticRegister(_database.ConnectionString, TimeProvider.System);

        var first = await register.GenerateAsync(3_000);
        var second = await register.GenerateAsync(1_500);

        first.Agreements.Should().Be(3_000);
        second.Agreements.Should().Be(1_500);
        await using var db = _database.CreateDbContext();
        (await db.Agreements.CountAsync()).Should().Be(4_500);
        (await db.Agreements.Select(a => a.Status).Distinct().ToListAsync()).Should().BeEquivalentTo(Enum.GetValues<AgreementStatus>());
        (await db.Agreements.Select(a => a.Kind).Distinct().ToListAsync()).Should().BeEquivalentTo(Enum.GetValues<AgreementKind>());
        (await db.Agreements.Select(a => a.Level).Distinct().ToListAsync()).Should().BeEquivalentTo(new AgreementLevel?[]
            { null, AgreementLevel.Overarching, AgreementLevel.Service, AgreementLevel.Supplementary });

        var specialists = await db.Parties.Where(p => p.Kind == PartyKind.Specialist).ToListAsync();
        specialists.Should().HaveCount(SyntheticRegister.SpecialistCount)
            .And.OnlyContain(p => p.Name.StartsWith("Syntetisk ") && p.HprNumber!.StartsWith('7') && p.HprNumber.Length == 8);
        (await db.Agreements.Where(a => !db.AgreementSections.Any(s => s.AgreementId == a.Id)).AnyAsync()).Should().BeFalse("every agreement has a section");
        (await db.Agreements.Where(a => db.AgreementParties.Count(p => p.AgreementId == a.Id) < 2).AnyAsync()).Should().BeFalse();

        // R1: every replaced version points to an active successor with the same number.
        var replaced = await db.Agreements.Where(a => a.Status == AgreementStatus.Replaced)
            .Select(a => new { a.ReferenceNumber, Successor = db.Agreements.Single(s => s.Id == a.ReplacedByAgreementId) })
            .ToListAsync();
        replaced.Should().OnlyContain(r => r.Successor.Status == AgreementStatus.Active && r.Successor.ReferenceNumber == r.ReferenceNumber
            && r.Successor.VersionNumber == 2);

        // The app's next number never collides with a synthetic one.
        var year = await db.Agreements.Where(a => a.Kind == AgreementKind.OperatingAgreement).MaxAsync(a => a.CreatedAt.Year);
        var next = await ReferenceNumbers.NextAsync(db, AgreementKind.OperatingAgreement, year);
        (await db.Agreements.AnyAsync(a => a.ReferenceNumber == next)).Should().BeFalse();
    }
}
