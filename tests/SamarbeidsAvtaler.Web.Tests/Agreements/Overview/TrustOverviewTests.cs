using System.Net;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Testing;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Agreements.Overview;
using static SamarbeidsAvtaler.Web.Tests.Agreements.Overview.OverviewTestData;

namespace SamarbeidsAvtaler.Web.Tests.Agreements.Overview;

/// <summary>/oversikt: the service behind it, and the first load over HTTP (landing page, 403).</summary>
[Collection(AppCollection.Name)]
public sealed class TrustOverviewTests(AppFactory app)
{
    private readonly OverviewTestData _data = new(app);

    private async Task<TrustOverviewData> LoadAsync(string email, int horizon = DeadlineQueries.DefaultHorizon)
    {
        var user = await _data.UserAsync(email);
        return Ok(await _data.CallAsync<TrustOverviewService, CommandResult<TrustOverviewData>>(s => s.LoadAsync(user, horizon)));
    }

    [Fact]
    public async Task R22_the_overview_lists_the_trusts_deviations_still_unanswered_after_their_deadline()
    {
        var overview = await LoadAsync(WebClient.CooperationManager);

        // The demo has Helse Bergen cases sent and not answered by their deadline.
        overview.Deadlines.Counts[DeadlineKind.DeviationAnswer].Should().BePositive();
        overview.Deadlines.DeviationsUnanswered.Should().NotBeEmpty().And.HaveCountLessThanOrEqualTo(TrustOverviewService.ListLength)
            .And.OnlyContain(d => d.Kind == DeadlineKind.DeviationAnswer && d.CaseId != null && d.Date < overview.Deadlines.Today);
        overview.Deadlines.DeviationsUnanswered.Select(d => d.Date).Should().BeInAscendingOrder("the longest overdue comes first");
    }

    [Fact]
    public async Task Samhandlingssjef_gets_the_overview_of_their_trusts_agreements_only()
    {
        Agreement own, other;
        await using (var db = app.Database.CreateDbContext())
        {
            var bergen = await db.Parties.SingleAsync(p => p.Name == "Helse Bergen HF");
            own = AgreementScenarios.SpecialistCooperationDraft(bergen, await db.Parties.SingleAsync(p => p.Name == "Demonstra Nevrosen"));
            own.UpdateDraft(new AgreementDetails(AgreementKind.SpecialistCooperationAgreement, Unique("Oversiktstest Bergen"),
                DocumentLanguage.Bokmal, new DateOnly(2026, 1, 1)), AgreementScenarios.Today);
            own.SendForSignature(AgreementScenarios.Now);
            other = AgreementScenarios.OperatingDraft(await db.Parties.SingleAsync(p => p.Name == "Helse Sør-Øst RHF"),
                await db.Parties.SingleAsync(p => p.Name == "Demonstra Nevrosen"), Unique("Oversiktstest HSØ"));
            other.SendForSignature(AgreementScenarios.Now);
            db.Agreements.AddRange(own, other);
            await db.SaveChangesAsync();
        }

        var manager = await LoadAsync(WebClient.CooperationManager);

        manager.TrustName.Should().Be("Helse Bergen HF");
        manager.Deadlines.AwaitingSignature.Should().Contain(d => d.AgreementId == own.Id).And.NotContain(d => d.AgreementId == other.Id);
        manager.Count(AgreementKind.SpecialistCooperationAgreement, AgreementStatus.AwaitingSignature).Should().BeGreaterThan(0);
        manager.Count(AgreementKind.OperatingAgreement, AgreementStatus.AwaitingSignature).Should().Be(0,
            "Helse Bergen is party to no driftsavtale");
        manager.Coverage.Rows.Should().Contain(r => r.Name == "Voss herad", "the demo kommuner are covered by Helse Bergen's agreements");
        manager.Deadlines.AwaitingSignature.Count.Should().BeLessThanOrEqualTo(TrustOverviewService.ListLength);

        var caseworker = await LoadAsync(WebClient.Caseworker, 365);
        caseworker.TrustName.Should().BeNull();
        caseworker.Deadlines.Horizon.Should().Be(365);
        caseworker.Count(AgreementKind.OperatingAgreement, AgreementStatus.AwaitingSignature).Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task R3_an_agreement_due_for_both_yearly_review_and_revision_is_named_once_with_both_dates()
    {
        var trust = AgreementScenarios.Trust(Unique("Dobbel HF"));
        var municipality = AgreementScenarios.Municipality(Unique("Dobbelvik kommune"));
        await _data.SaveAllAsync(trust, municipality);
        // Long overdue, so it is among the first few whatever else the shared database holds.
        var validFrom = new DateOnly(2001, 1, 1);
        var reviewSince = Today.AddDays(-400);
        var both = await _data.SaveAsync(
            Municipal(AgreementLevel.Overarching, municipality, trust, validFrom: validFrom, nextReview: reviewSince).SignedByAll());
        var caseworker = await _data.UserAsync(WebClient.Caseworker);

        var overview = await LoadAsync(WebClient.Caseworker);

        // The deadlines list has two rows (one per kind); the overview's list one entry.
        var deadlines = Ok(await _data.CallAsync<DeadlineService, CommandResult<DeadlineResult>>(s =>
            s.LoadAsync(caseworker, 90, null, 1, DeadlineService.MaxPageSize)));
        deadlines.Rows.Where(r => r.AgreementId == both.Id).Select(r => r.Kind).Should().BeEquivalentTo([DeadlineKind.Review, DeadlineKind.Revision]);
        var entry = overview.Deadlines.ReviewsDue.Should().ContainSingle(r => r.Agreement.AgreementId == both.Id).Subject;
        entry.ReviewDate.Should().Be(reviewSince);
        entry.RevisionDate.Should().Be(ReviewRules.RevisionDeadline(validFrom));
        entry.Text(Today).Should().Be(
            $"Årlig gjennomgang forfalt siden {reviewSince:dd.MM.yyyy} og revisjon forfalt siden {ReviewRules.RevisionDeadline(validFrom):dd.MM.yyyy}.");
        entry.Advice(Today).Should().Contain("Gjennomfør gjennomgangen").And.Contain("ny versjon");
        overview.Deadlines.ReviewOrRevisionCount.Should().BeLessThan(
            overview.Deadlines.Counts[DeadlineKind.Review] + overview.Deadlines.Counts[DeadlineKind.Revision], "an agreement due for both counts once");
        overview.Deadlines.ReviewsDue.Select(r => r.Agreement.AgreementId).Should().OnlyHaveUniqueItems();
        overview.Deadlines.ReviewsDue.Select(r => r.FirstDate).Should().BeInAscendingOrder("what is overdue comes first");
    }

    [Fact]
    public async Task Samhandlingssjef_lands_on_the_overview_and_readers_load_the_pages()
    {
        var manager = await app.LoggedInAsync(WebClient.CooperationManager);
        (await manager.GetAsync("/")).RedirectPath().Should().Be("/oversikt");

        foreach (var email in new[] { WebClient.CooperationManager, WebClient.Caseworker, WebClient.Administrator })
        {
            var client = await app.LoggedInAsync(email);
            foreach (var url in new[] { "/oversikt", "/oversikt?dager=tull%00", "/frister?dager=abc&hva=%00&side=-3", "/dekning?gruppe=%00&side=99999999999" })
            {
                (await client.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK, "{0} opens {1}", email, url);
            }
        }

        var page = await manager.GetHtmlAsync("/oversikt?dager=365");
        page.Should().Contain("Oversikt for Helse Bergen HF").And.Contain("/frister.csv?dager=365");
    }

    [Theory]
    [InlineData("/oversikt")]
    [InlineData("/frister")]
    [InlineData("/dekning")]
    [InlineData("/frister.csv")]
    public async Task Avtalespesialist_gets_403_on_the_overview_pages(string url)
    {
        var client = await app.LoggedInAsync(WebClient.Specialist);

        (await client.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
