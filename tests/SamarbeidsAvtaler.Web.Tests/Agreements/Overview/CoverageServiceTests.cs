using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Testing;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Agreements.Overview;
using static SamarbeidsAvtaler.Web.Tests.Agreements.Overview.OverviewTestData;

namespace SamarbeidsAvtaler.Web.Tests.Agreements.Overview;

/// <summary>§ 6-2 coverage per kommune (/dekning and the matrix on /oversikt) at the service.</summary>
[Collection(AppCollection.Name)]
public sealed class CoverageServiceTests(AppFactory app)
{
    private readonly OverviewTestData _data = new(app);

    private sealed record Setup(Party Trust, Party Group, Party Municipality, Agreement Overarching);

    /// <summary>A kommune in its own kommunegruppe, with an active overarching agreement: the group scope shows just it.</summary>
    private async Task<Setup> SetupAsync(Party? trust = null)
    {
        trust ??= AgreementScenarios.Trust(Unique("Dekning HF"));
        var municipality = AgreementScenarios.Municipality(Unique("Dekningsvik kommune"));
        var group = Party.Create(new PartyDetails(PartyKind.MunicipalGroup, Unique("Dekningsgruppa")), AgreementScenarios.Now);
        group.SetMembers([municipality.Id]);
        await using (var db = app.Database.CreateDbContext())
        {
            if (!await db.Parties.AnyAsync(p => p.Id == trust.Id))
            {
                db.Add(trust);
            }

            db.AddRange(municipality, group);
            await db.SaveChangesAsync();
        }

        var overarching = await _data.SaveAsync(Municipal(AgreementLevel.Overarching, group, trust).SignedByAll());
        return new Setup(trust, group, municipality, overarching);
    }

    private async Task<CoverageResult> LoadAsync(CoverageScope scope, string email = WebClient.Caseworker, int pageSize = CoverageService.MaxPageSize)
    {
        var user = await _data.UserAsync(email);
        return Ok(await _data.CallAsync<CoverageService, CommandResult<CoverageResult>>(s => s.LoadAsync(user, scope, 1, pageSize)));
    }

    private async Task<CoverageCell> CellAsync(Setup setup, int point, string email = WebClient.Caseworker)
    {
        var result = await LoadAsync(new CoverageScope(setup.Group.Id), email);
        return result.Rows.Should().ContainSingle(r => r.MunicipalityId == setup.Municipality.Id).Subject.Cells[point];
    }

    [Fact]
    public async Task Coverage_shows_a_point_missing_until_an_active_service_agreement_covers_it()
    {
        var setup = await SetupAsync();
        (await CellAsync(setup, 4)).State.Should().Be(CoverageState.Missing);

        var service = await _data.SaveAsync(Municipal(AgreementLevel.Service, setup.Municipality, setup.Trust, setup.Overarching.Id, areas: [4]));
        (await CellAsync(setup, 4)).State.Should().Be(CoverageState.Missing, "a draft covers nothing");

        await using (var db = app.Database.CreateDbContext())
        {
            var tracked = await db.Agreements.Include(a => a.Parties).Include(a => a.Sections).Include(a => a.StatutoryAreas)
                .SingleAsync(a => a.Id == service.Id);
            tracked.SignedByAll();
            await db.SaveChangesAsync();
        }

        var cell = await CellAsync(setup, 4);
        cell.State.Should().Be(CoverageState.Covered);
        cell.AgreementId.Should().Be(service.Id, "the cell links to the covering agreement");
        cell.ReferenceNumber.Should().Be(service.ReferenceNumber);
        (await CellAsync(setup, 5)).State.Should().Be(CoverageState.Missing);
    }

    [Fact]
    public async Task R4_a_level_1_document_covers_the_points_it_names_itself()
    {
        var setup = await SetupAsync();

        var overarching = await _data.SaveAsync(Municipal(AgreementLevel.Overarching, setup.Municipality, setup.Trust, areas: [1]).SignedByAll());

        var cell = await CellAsync(setup, 1);
        cell.State.Should().Be(CoverageState.Covered, "004 is «Overordna samarbeidsavtale og tenesteavtale 1»");
        cell.AgreementId.Should().Be(overarching.Id);
    }

    [Fact]
    public async Task R4_when_the_overarching_agreement_has_ended_its_tjenesteavtaler_cover_nothing()
    {
        var setup = await SetupAsync();
        await _data.SaveAsync(Municipal(AgreementLevel.Service, setup.Municipality, setup.Trust, setup.Overarching.Id, areas: [8]).SignedByAll());
        (await CellAsync(setup, 8)).State.Should().Be(CoverageState.Covered);

        await using (var db = app.Database.CreateDbContext())
        {
            var parent = await db.Agreements.Include(a => a.Parties).SingleAsync(a => a.Id == setup.Overarching.Id);
            parent.GiveNotice(parent.Parties[0].PartyId, "Kari Kommunedirektør", parent.ValidFrom, parent.ValidFrom.AddYears(1).AddDays(1));
            parent.EndIfDue(parent.ValidFrom.AddYears(1).AddDays(1)).Should().BeTrue();
            await db.SaveChangesAsync();
        }

        var cell = await CellAsync(setup, 8);
        cell.State.Should().Be(CoverageState.ParentEnded, "a tjenesteavtale hangs under a level 1 that is in force (R4), and the page says why it is missing");
        cell.ReferenceNumber.Should().NotBeNull("the cell names the tjenesteavtale that no longer covers the point");
    }

    [Fact]
    public async Task Coverage_counts_a_kommune_covered_through_its_kommunegruppe()
    {
        var setup = await SetupAsync();

        var service = await _data.SaveAsync(Municipal(AgreementLevel.Service, setup.Group, setup.Trust, setup.Overarching.Id, areas: [6]).SignedByAll());

        var cell = await CellAsync(setup, 6);
        cell.State.Should().Be(CoverageState.Covered);
        cell.AgreementId.Should().Be(service.Id);
    }

    [Fact]
    public async Task Coverage_does_not_count_a_service_agreement_whose_validity_has_ended_or_not_begun()
    {
        var setup = await SetupAsync();

        await _data.SaveAsync(Municipal(AgreementLevel.Service, setup.Group, setup.Trust, setup.Overarching.Id, areas: [7],
            validFrom: new DateOnly(2023, 1, 1), validTo: Today.AddDays(-1)).SignedByAll());
        await _data.SaveAsync(Municipal(AgreementLevel.Service, setup.Group, setup.Trust, setup.Overarching.Id, areas: [9],
            validFrom: Today.AddDays(10)).SignedByAll());

        (await CellAsync(setup, 7)).State.Should().Be(CoverageState.Missing);
        (await CellAsync(setup, 9)).State.Should().Be(CoverageState.Missing, "an agreement not yet in force covers nothing today");
    }

    [Fact]
    public async Task R3_coverage_shows_an_overdue_yearly_review()
    {
        var setup = await SetupAsync();

        var service = await _data.SaveAsync(Municipal(AgreementLevel.Service, setup.Municipality, setup.Trust, setup.Overarching.Id, areas: [8],
            nextReview: Today.AddDays(-5)).SignedByAll());

        var cell = await CellAsync(setup, 8);
        cell.State.Should().Be(CoverageState.ReviewOverdue);
        cell.AgreementId.Should().Be(service.Id);
        cell.NextReviewDate.Should().Be(Today.AddDays(-5));
    }

    [Fact]
    public async Task Coverage_has_a_column_per_point_valid_today_each_with_a_short_name_and_its_title()
    {
        var setup = await SetupAsync();

        var result = await LoadAsync(new CoverageScope(setup.Group.Id));

        result.Areas.Select(a => a.Number).Should().Equal(Enumerable.Range(1, 13));
        result.Areas[12].Title.Should().Be("Tjenester til barn og unge med behov for sammensatte tjenester");
        result.Areas.Should().OnlyContain(a => a.ShortTitle.Length > 0 && a.ShortTitle.Length <= 28);
        result.Areas.Select(a => a.ShortTitle).Should().OnlyHaveUniqueItems();
        result.Scope.Should().Be(new CoverageScope(setup.Group.Id));
        result.GroupName.Should().Be(setup.Group.Name);
        result.Rows.Should().ContainSingle().Which.Name.Should().Be(setup.Municipality.Name);
    }

    [Fact]
    public async Task Coverage_by_default_lists_kommuner_with_a_kommune_HF_agreement_and_takes_an_unknown_group_as_the_default()
    {
        var setup = await SetupAsync();
        var loner = await _data.SaveAsync(AgreementScenarios.Municipality(Unique("Utenforvik kommune")));
        var notAGroup = setup.Municipality.Id;

        foreach (var scope in new[] { CoverageScope.Default, CoverageScope.Parse("tull"), CoverageScope.Parse("\0"), new CoverageScope(Guid.NewGuid()), new CoverageScope(notAGroup) })
        {
            var result = await LoadAsync(scope);
            result.Scope.Should().Be(CoverageScope.Default);
            result.Rows.Select(r => r.Name).Should().Contain("Voss herad", "the demo kommuner are parties through their områdeutval")
                .And.Contain(setup.Municipality.Name).And.NotContain(loner.Name);
        }

        var all = await LoadAsync(CoverageScope.Parse("alle"));
        all.Scope.All.Should().BeTrue();
        all.Total.Should().BeGreaterThan((await LoadAsync(CoverageScope.Default)).Total);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-5, -1)]
    [InlineData(int.MaxValue, int.MaxValue)]
    [InlineData(int.MinValue, 3)]
    public async Task Nonsense_page_and_page_size_fall_back_to_what_the_service_allows(int page, int pageSize)
    {
        var user = await _data.UserAsync(WebClient.Caseworker);

        var result = Ok(await _data.CallAsync<CoverageService, CommandResult<CoverageResult>>(s =>
            s.LoadAsync(user, CoverageScope.Parse("alle"), page, pageSize)));

        result.Page.Should().BeInRange(1, result.PageCount);
        result.Rows.Count.Should().BeInRange(1, CoverageService.MaxPageSize);
    }

    [Fact]
    public async Task Samhandlingssjef_sees_coverage_only_from_agreements_their_trust_is_party_to()
    {
        Party bergen;
        await using (var db = app.Database.CreateDbContext())
        {
            bergen = await db.Parties.SingleAsync(p => p.Name == "Helse Bergen HF");
        }

        var ownSetup = await SetupAsync(bergen);
        var otherSetup = await SetupAsync();
        await _data.SaveAsync(Municipal(AgreementLevel.Service, ownSetup.Municipality, bergen, ownSetup.Overarching.Id, areas: [3]).SignedByAll());
        await _data.SaveAsync(Municipal(AgreementLevel.Service, otherSetup.Municipality, otherSetup.Trust, otherSetup.Overarching.Id, areas: [3]).SignedByAll());

        (await CellAsync(ownSetup, 3, WebClient.CooperationManager)).State.Should().Be(CoverageState.Covered);
        (await CellAsync(otherSetup, 3, WebClient.CooperationManager)).State.Should().Be(CoverageState.Missing,
            "another trust's agreement does not exist for this samhandlingssjef");
        (await CellAsync(otherSetup, 3, WebClient.Caseworker)).State.Should().Be(CoverageState.Covered);

        var managerDefault = await LoadAsync(CoverageScope.Default, WebClient.CooperationManager);
        managerDefault.Rows.Should().NotContain(r => r.MunicipalityId == otherSetup.Municipality.Id);
    }
}
