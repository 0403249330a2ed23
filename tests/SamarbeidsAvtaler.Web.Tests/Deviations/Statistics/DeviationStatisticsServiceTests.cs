using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Deviations.Statistics;
using static SamarbeidsAvtaler.Web.Tests.Deviations.Statistics.StatisticsTestData;

namespace SamarbeidsAvtaler.Web.Tests.Deviations.Statistics;

/// <summary>The deviation statistics (R25) on the real database: counts against a known set, and who sees which counts.</summary>
[Collection(AppCollection.Name)]
public sealed class DeviationStatisticsServiceTests(AppFactory app) : IAsyncLifetime
{
    private StatisticsTestData _data = null!;

    private static readonly StatisticsFilter Year2003 = new(January, December);

    public async Task InitializeAsync() => _data = await CreateAsync(app);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<CommandResult<DeviationStatistics>> LoadAsync(ClaimsPrincipal user, StatisticsFilter filter)
    {
        await using var scope = app.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DeviationStatisticsService>().LoadAsync(user, filter);
    }

    private async Task<DeviationStatistics> OkAsync(ClaimsPrincipal user, StatisticsFilter filter)
    {
        var result = await LoadAsync(user, filter);
        result.Status.Should().Be(CommandStatus.Ok, result.Message);
        return result.Value!;
    }

    private static int Count(IReadOnlyList<CountRow> rows, string label) => rows.Single(r => r.Label == label).Count;

    private Task<ClaimsPrincipal> CaseworkerAsync() => app.UserAsync(WebClient.Caseworker);

    [Fact]
    public async Task R25_area_counts_per_month_category_and_party_against_a_known_set()
    {
        var s = await OkAsync(await CaseworkerAsync(), Year2003 with { AreaId = _data.AreaA });

        s.Filter.AreaId.Should().Be(_data.AreaA);
        s.AreaName.Should().Be(_data.AreaAName);
        s.Total.Should().Be(6, "område A has six deviations in 2003; område B's one is not counted");
        s.PerMonth.Should().HaveCount(12);
        s.PerMonth.Select(m => m.Count).Should().Equal(2, 1, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0);
        s.PerMonth[0].Label.Should().Be("januar 2003");

        Count(s.PerCategory, DeviationCategory.DischargeWithoutEpicrisisAndMedicationList.DisplayName()).Should().Be(2);
        Count(s.PerCategory, DeviationCategory.Admission.DisplayName()).Should().Be(1);
        Count(s.PerCategory, DeviationCategory.Ict.DisplayName()).Should().Be(1);
        Count(s.PerCategory, DeviationCategory.Medication.DisplayName()).Should().Be(1);
        Count(s.PerCategory, DeviationCategory.Other.DisplayName()).Should().Be(1);
        Count(s.PerCategory, DeviationCategory.DischargeOutsideAgreedHours.DisplayName()).Should().Be(0);

        s.PerArea.Should().Equal(new CountRow(_data.AreaAName, 6));
        s.PerParty.Should().Equal(
            new PartyCountRow(_data.Trust.Name, 1, 4),
            new PartyCountRow(_data.K1.Name, 3, 0),
            new PartyCountRow(_data.K2.Name, 2, 1),
            new PartyCountRow(_data.OtherTrust.Name, 0, 1));
    }

    [Fact]
    public async Task R25_share_answered_within_the_deadline_counts_answered_cases_only()
    {
        var s = await OkAsync(await CaseworkerAsync(), Year2003 with { AreaId = _data.AreaA });

        s.Deadline.Answered.Should().Be(3);
        s.Deadline.WithinDeadline.Should().Be(2, "answered after 9 and 14 days are in time; after 20 days is late");
        s.Deadline.Late.Should().Be(1);
        s.Deadline.WithinPercent.Should().Be(67);
        s.Deadline.LatePercent.Should().Be(33);
    }

    [Fact]
    public async Task R25_area_filter_counts_only_the_areas_kommuner_and_per_area_counts_each_area()
    {
        var caseworker = await CaseworkerAsync();
        var areaB = await OkAsync(caseworker, Year2003 with { AreaId = _data.AreaB });
        areaB.Total.Should().Be(1);
        areaB.PerParty.Select(p => p.Label).Should().BeEquivalentTo(_data.K3.Name, _data.Trust.Name);

        // Without an område, per område splits the trust's deviations between the områder of their kommuner.
        var trust = await OkAsync(caseworker, Year2003 with { PartyId = _data.Trust.Id });
        trust.Total.Should().Be(6, "five in område A and one in område B involve the trust");
        Count(trust.PerArea, _data.AreaAName).Should().Be(5);
        Count(trust.PerArea, $"Områdeutval Statistikk B {_data.AreaAName[^8..]}").Should().Be(1);
        trust.PerArea.Should().NotContain(r => r.Label.StartsWith("Utenfor", StringComparison.Ordinal));

        var category = await OkAsync(caseworker, Year2003 with { AreaId = _data.AreaA, Category = DeviationCategory.DischargeWithoutEpicrisisAndMedicationList });
        category.Total.Should().Be(2);
    }

    [Fact]
    public async Task R25_kommune_user_sees_its_own_cases_and_the_counts_of_its_områdeutvals_area()
    {
        var kommune = User(Roles.Municipality, _data.K1.Id);

        var own = await OkAsync(kommune, Year2003);
        own.Total.Should().Be(3, "without an område a kommune counts its own cases");
        own.Areas.Select(a => a.Id).Should().Equal(_data.AreaA);

        var area = await OkAsync(kommune, Year2003 with { AreaId = _data.AreaA });
        area.Total.Should().Be(6, "R25: the områdeutval's view covers every kommune of the area, as counts");
        area.PerParty.Should().Contain(p => p.Label == _data.K2.Name);

        var notHis = await OkAsync(kommune, Year2003 with { AreaId = _data.AreaB });
        notHis.Filter.AreaId.Should().BeNull("område B is not the kommune's, so it cannot be chosen");
        notHis.Total.Should().Be(3);
    }

    [Fact]
    public async Task R25_samhandlingssjef_counts_its_trusts_cases_in_an_area()
    {
        var manager = User(Roles.CooperationManager, _data.Trust.Id);

        var area = await OkAsync(manager, Year2003 with { AreaId = _data.AreaA });
        area.Areas.Select(a => a.Id).Should().BeEquivalentTo([_data.AreaA, _data.AreaB]);
        area.Total.Should().Be(5, "the other trust's case in område A is not its HF's");
        area.PerParty.Should().NotContain(p => p.Label == _data.OtherTrust.Name);
    }

    [Fact]
    public async Task R25_avtalespesialist_gets_no_statistics()
    {
        var specialist = await app.UserAsync("spesialist@demo.local");

        var result = await LoadAsync(specialist, Year2003 with { AreaId = _data.AreaA });

        result.Status.Should().Be(CommandStatus.Forbidden);
        result.Value.Should().BeNull();
    }

    [Fact]
    public async Task R25_empty_selection_counts_nothing_and_an_unknown_area_is_none()
    {
        var s = await OkAsync(await CaseworkerAsync(), new StatisticsFilter(new DateOnly(1901, 1, 1), new DateOnly(1901, 12, 1), AreaId: Guid.NewGuid()));

        s.Filter.AreaId.Should().BeNull();
        s.Total.Should().Be(0);
        s.PerMonth.Should().OnlyContain(m => m.Count == 0);
        s.Deadline.WithinPercent.Should().BeNull();
    }

    [Fact]
    public async Task R25_csv_carries_the_same_numbers_as_the_tables()
    {
        var s = await OkAsync(await CaseworkerAsync(), Year2003 with { AreaId = _data.AreaA });

        var lines = StatisticsCsv.Text(s).Split(Environment.NewLine);

        lines.Should().Contain("Måned;Antall");
        foreach (var row in s.PerMonth.Concat(s.PerCategory).Concat(s.PerArea))
        {
            lines.Should().Contain($"{row.Label};{row.Count}");
        }

        lines.Should().Contain("Part;Meldt av parten;Meldt mot parten;Totalt");
        foreach (var row in s.PerParty)
        {
            lines.Should().Contain($"{row.Label};{row.Reported};{row.Against};{row.Total}");
        }

        lines.Should().Contain("Besvart innen fristen;2;67").And.Contain("Besvart etter fristen;1;33").And.Contain("Antall avvik;6");
        StatisticsCsv.Bytes(s).Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
    }

    [Fact]
    public void R25_filter_from_the_url_falls_back_to_the_last_12_months_on_bad_input()
    {
        var today = new DateOnly(2026, 11, 29);
        var fallback = StatisticsFilter.Default(today);
        fallback.From.Should().Be(new DateOnly(2025, 12, 1));
        fallback.To.Should().Be(new DateOnly(2026, 11, 1));

        StatisticsFilter Parse(params (string Key, string Value)[] q) =>
            StatisticsFilter.Parse(k => q.FirstOrDefault(p => p.Key == k).Value, today);

        Parse(("fra", "2026-05"), ("til", "2025-01")).Should().Be(fallback, "the wrong way round");
        Parse(("fra", "1800-01")).Should().Be(fallback, "before 1900");
        Parse(("fra", "2026-0\0"), ("omrade", "x"), ("kategori", "tull")).Should().Be(fallback);
        Parse(("fra", "1990-01"), ("til", "2025-01")).Should().Be(fallback, "longer than ten years");
        var parsed = Parse(("fra", "2003-01"), ("til", "2003-12"), ("kategori", "ikt"));
        parsed.Should().Be(new StatisticsFilter(January, December, Category: DeviationCategory.Ict));
        StatisticsFilter.Parse(k => parsed.ToQuery(today).GetValueOrDefault(k)?.ToString(), today).Should().Be(parsed);
    }
}
