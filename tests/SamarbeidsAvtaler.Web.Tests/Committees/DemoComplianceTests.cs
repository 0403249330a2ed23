using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Infrastructure.Seeding;
using SamarbeidsAvtaler.Web.Features.Committees;

namespace SamarbeidsAvtaler.Web.Tests.Committees;

/// <summary>The demo's cooperation structure shows what the panel is for: a warning, a gap, and bodies in order.</summary>
[Collection(AppCollection.Name)]
public sealed class DemoComplianceTests(AppFactory app)
{
    private async Task<IReadOnlyList<ComplianceFinding>> FindingsAsync(string name)
    {
        await using var scope = app.CreateScope();
        var today = scope.ServiceProvider.GetRequiredService<TimeProvider>().Today();
        await using var db = app.Database.CreateDbContext();
        var id = await db.Committees.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
        var snapshot = await CommitteeSnapshotLoader.LoadAsync(db, id);
        return CommitteeCompliance.Check(snapshot!, today.Year, today);
    }

    [Fact]
    public async Task R16_demo_ssu_has_held_three_of_four_meetings_this_year_so_the_panel_warns()
    {
        var findings = await FindingsAsync(DemoCommittees.SsuName);

        findings.Should().ContainSingle(f => f.Rule == "R16").Which.Level.Should().Be(ComplianceLevel.Warning);
        findings.Should().NotContain(f => f.Level == ComplianceLevel.Breach, "the demo SSU is composed and led per R17 and R19");
    }

    [Fact]
    public async Task R20_demo_bergensregionen_has_the_deliberate_gap_and_voss_is_composed_per_R20()
    {
        var gap = await FindingsAsync(DemoCommittees.GapAreaName);
        var voss = await FindingsAsync("Områdeutval Voss lokalsjukehusområde");

        gap.Where(f => f.Level == ComplianceLevel.Breach).Should().NotBeEmpty();
        string.Join(" ", gap.Where(f => f.Level == ComplianceLevel.Breach).Select(f => f.Title + " " + f.Detail))
            .Should().Contain(DemoCommittees.GapMunicipality).And.ContainEquivalentOf("kommuneoverlege");
        voss.Should().NotContain(f => f.Level == ComplianceLevel.Breach);
    }
}
