using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Testing;

namespace SamarbeidsAvtaler.Infrastructure.Tests;

public sealed class StatutoryAreaTableTests
{
    [Fact]
    public async Task Migrated_statutory_areas_equal_the_domain_catalogue()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();

        var rows = await db.StatutoryAreas.AsNoTracking().OrderBy(a => a.Number).ToListAsync();

        rows.Should().Equal(StatutoryAreaCatalogue.All);
    }

    [Fact]
    public async Task Reference_numbers_count_per_kind_and_year()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();

        var first = await Data.ReferenceNumbers.NextAsync(db, AgreementKind.OperatingAgreement, 2026);
        var second = await Data.ReferenceNumbers.NextAsync(db, AgreementKind.OperatingAgreement, 2026);
        var other = await Data.ReferenceNumbers.NextAsync(db, AgreementKind.MunicipalCooperationAgreement, 2026);

        (first, second, other).Should().Be(("DA-2026-0001", "DA-2026-0002", "KA-2026-0001"));
    }
}
