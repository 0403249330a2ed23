using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Testing;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Agreements.Overview;
using SamarbeidsAvtaler.Web.Tests.Deviations.Statistics;
using static SamarbeidsAvtaler.Web.Tests.Agreements.Overview.OverviewTestData;

namespace SamarbeidsAvtaler.Web.Tests.Agreements.Overview;

/// <summary>Overdue deviations on the deadlines page (/frister): their own kind, visible as DeviationAccess allows.</summary>
[Collection(AppCollection.Name)]
public sealed class DeadlineDeviationTests(AppFactory app)
{
    private readonly OverviewTestData _data = new(app);

    private static Deviation Sent(Agreement agreement, Party reporting, Party other, int occurredDaysAgo, int sentDaysAgo, int answerDays = 14)
    {
        var actor = new CaseActor(null, "Testa Melder");
        var occurred = Today.AddDays(-occurredDaysAgo).ToDateTime(new TimeOnly(10, 0));
        var deviation = Deviation.Report(
            new DeviationReport(reporting.Id, other.Id, agreement.Id, 3, DeviationCategory.DischargeWithoutEpicrisisAndMedicationList, occurred,
                "Utskriven utan epikrise (test)", "Oppdiktet testavvik.", "TEST-FRIST"),
            null, $"AVVIK-F-{Guid.NewGuid().ToString("N")[..10]}", actor, DateTime.Now, DateTimeOffset.UtcNow.AddDays(-occurredDaysAgo));
        deviation.SendToOtherParty(Today.AddDays(-sentDaysAgo + answerDays), actor, DateTimeOffset.UtcNow.AddDays(-sentDaysAgo));
        return deviation;
    }

    [Fact]
    public async Task R22_overdue_deviations_are_listed_as_their_own_kind_with_a_link_and_since_when_to_those_who_see_them()
    {
        var trust = AgreementScenarios.Trust(Unique("Helse Frist HF"));
        var municipality = AgreementScenarios.Municipality(Unique("Fristvik kommune"));
        var agreement = Municipal(AgreementLevel.Overarching, municipality, trust);
        await _data.SaveAllAsync(trust, municipality, agreement);

        var overdue = Sent(agreement, municipality, trust, occurredDaysAgo: 30, sentDaysAgo: 25);
        var notYetDue = Sent(agreement, municipality, trust, occurredDaysAgo: 5, sentDaysAgo: 4);
        var answered = Sent(agreement, trust, municipality, occurredDaysAgo: 40, sentDaysAgo: 35);
        answered.Answer("Forklaring.", "Tiltak.", new CaseActor(null, "Testa Svarar"), Today.AddDays(-1), DateTimeOffset.UtcNow.AddDays(-1));
        await _data.SaveAllAsync(overdue, notYetDue, answered);

        var caseworker = await _data.UserAsync(WebClient.Caseworker);
        var result = Ok(await _data.CallAsync<DeadlineService, CommandResult<DeadlineResult>>(s =>
            s.LoadAsync(caseworker, DeadlineQueries.DefaultHorizon, DeadlineKind.DeviationAnswer, 1, DeadlineService.MaxPageSize)));

        var row = result.Rows.Should().ContainSingle(r => r.CaseId == overdue.Id).Subject;
        row.Kind.Should().Be(DeadlineKind.DeviationAnswer);
        row.CaseNumber.Should().Be(overdue.CaseNumber);
        row.Date.Should().Be(Today.AddDays(-11));
        row.AgreementId.Should().Be(agreement.Id);
        row.PartyNames.Should().Equal($"{municipality.Name} (melder)", trust.Name);
        DeadlineQueries.IsOverdue(row, result.Today).Should().BeTrue();
        DeadlineQueries.DaysText(row, result.Today).Should().Be($"forfalt siden {Norwegian.Date(Today.AddDays(-11))}");
        result.Rows.Should().NotContain(r => r.CaseId == notYetDue.Id || r.CaseId == answered.Id);
        result.Rows.Should().OnlyContain(r => r.Kind == DeadlineKind.DeviationAnswer && r.CaseId != null);
        result.Counts[DeadlineKind.DeviationAnswer].Should().Be(result.Total);
        DeadlineKindExtensions.FromSlug("avvik").Should().Be(DeadlineKind.DeviationAnswer);

        // In the list of every kind, too.
        var all = Ok(await _data.CallAsync<DeadlineService, CommandResult<DeadlineResult>>(s =>
            s.LoadAsync(caseworker, DeadlineQueries.DefaultHorizon, null, 1, DeadlineService.MaxPageSize)));
        all.Rows.Should().Contain(r => r.CaseId == overdue.Id);

        // A samhandlingssjef sees its own HF's overdue case, and not another HF's.
        var ownManager = StatisticsTestData.User(Roles.CooperationManager, trust.Id);
        var own = Ok(await _data.CallAsync<DeadlineService, CommandResult<DeadlineResult>>(s =>
            s.LoadAsync(ownManager, DeadlineQueries.DefaultHorizon, DeadlineKind.DeviationAnswer, 1, 50)));
        own.Rows.Select(r => r.CaseId).Should().Equal(overdue.Id);

        var demoManager = await _data.UserAsync("samhandlingssjef@demo.local");
        var other = Ok(await _data.CallAsync<DeadlineService, CommandResult<DeadlineResult>>(s =>
            s.LoadAsync(demoManager, DeadlineQueries.DefaultHorizon, DeadlineKind.DeviationAnswer, 1, DeadlineService.MaxPageSize)));
        other.Rows.Should().NotContain(r => r.CaseId == overdue.Id);

        await using var db = app.Database.CreateDbContext();
        var demoOverdue = await db.Deviations.CountAsync(d => d.Status == DeviationStatus.SentToOtherParty && d.AnswerDueOn < Today
            && d.ReporterCaseReference.StartsWith("DEMO-"));
        other.Total.Should().BeGreaterThanOrEqualTo(demoOverdue, "the demo's overdue cases are all Helse Bergen's");
    }
}
