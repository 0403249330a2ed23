using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Testing;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Agreements.Overview;
using static SamarbeidsAvtaler.Web.Tests.Agreements.Overview.OverviewTestData;

namespace SamarbeidsAvtaler.Web.Tests.Agreements.Overview;

/// <summary>The deadlines (/frister) at the service: rules R2 and R3, horizons, order, texts and access per role.</summary>
[Collection(AppCollection.Name)]
public sealed class DeadlineServiceTests(AppFactory app)
{
    private readonly OverviewTestData _data = new(app);

    private async Task<DeadlineResult> LoadAsync(string email, int horizon = DeadlineQueries.DefaultHorizon, DeadlineKind? only = null)
    {
        var user = await _data.UserAsync(email);
        return Ok(await _data.CallAsync<DeadlineService, CommandResult<DeadlineResult>>(s =>
            s.LoadAsync(user, horizon, only, 1, DeadlineService.MaxPageSize)));
    }

    private static Deadline Row(DeadlineResult result, Agreement agreement) =>
        result.Rows.Should().ContainSingle(r => r.AgreementId == agreement.Id, "the list should name {0} once", agreement.Title).Subject;

    [Fact]
    public async Task R2_R3_deadlines_list_awaiting_signature_reviews_due_and_notices_within_the_horizon_but_not_beyond_it()
    {
        var rhf = AgreementScenarios.Rhf(Unique("Frist RHF"));
        var specialists = Enumerable.Range(0, 5).Select(_ => AgreementScenarios.Specialist(Unique("Frista Spesialist"), Numbers.NewHprNumber())).ToArray();
        await _data.SaveAllAsync([rhf, .. specialists]);

        var awaiting = Operating(rhf, specialists[0], Unique("Driftsavtale venter"));
        awaiting.SendForSignature(DateTimeOffset.UtcNow.AddDays(-12));
        awaiting.RegisterSignature(awaiting.Parties[0].Id, new Signature("Rita RHF-direktør", null, Today.AddDays(-11), SignatureMethod.Paper, null), Today);
        var reviewDue = Operating(rhf, specialists[1], Unique("Driftsavtale gjennomgang snart"), nextReview: Today.AddDays(20)).SignedByAll();
        var reviewOverdue = Operating(rhf, specialists[2], Unique("Driftsavtale gjennomgang forfalt"), nextReview: Today.AddDays(-12)).SignedByAll();
        var noticeSoon = UnderNotice(Operating(rhf, specialists[3], Unique("Driftsavtale oppsagt snart")), specialists[3], Today.AddDays(60));
        var noticeLater = UnderNotice(Operating(rhf, specialists[4], Unique("Driftsavtale oppsagt senere")), specialists[4], Today.AddDays(150));
        await _data.SaveAllAsync(awaiting, reviewDue, reviewOverdue, noticeSoon, noticeLater);

        var result = await LoadAsync(WebClient.Caseworker);

        result.Horizon.Should().Be(90);
        var waiting = Row(result, awaiting);
        waiting.Kind.Should().Be(DeadlineKind.AwaitingSignature);
        DeadlineQueries.DaysText(waiting, result.Today).Should().Be("har ventet i 12 dager");
        DeadlineQueries.Advice(waiting, result.Today).Should().StartWith("1 av 2 har signert");
        waiting.ReferenceNumber.Should().Be(awaiting.ReferenceNumber);
        waiting.PartyNames.Should().Contain(specialists[0].Name);
        var due = Row(result, reviewDue);
        due.Kind.Should().Be(DeadlineKind.Review);
        due.Date.Should().Be(Today.AddDays(20));
        DeadlineQueries.DaysText(due, result.Today).Should().Be("om 20 dager");
        var overdue = Row(result, reviewOverdue);
        DeadlineQueries.IsOverdue(overdue, result.Today).Should().BeTrue();
        Row(result, noticeSoon).Kind.Should().Be(DeadlineKind.NoticeTakesEffect);
        Row(result, noticeSoon).Date.Should().Be(noticeSoon.EndsOn!.Value);
        result.Rows.Should().NotContain(r => r.AgreementId == noticeLater.Id, "its notice takes effect beyond the default 90 days");

        // Overdue first: sorted by date, the overdue review before the one due in 20 days.
        result.Rows.ToList().FindIndex(r => r.AgreementId == reviewOverdue.Id).Should()
            .BeLessThan(result.Rows.ToList().FindIndex(r => r.AgreementId == reviewDue.Id));

        var longer = await LoadAsync(WebClient.Caseworker, 180);
        Row(longer, noticeLater);
        Row(longer, noticeSoon);

        var shorter = await LoadAsync(WebClient.Caseworker, 30);
        Row(shorter, reviewDue);
        Row(shorter, awaiting); // Drafts awaiting signature show whatever the horizon.
        shorter.Rows.Should().NotContain(r => r.AgreementId == noticeSoon.Id);

        var onlyNotices = await LoadAsync(WebClient.Caseworker, 180, DeadlineKind.NoticeTakesEffect);
        Row(onlyNotices, noticeLater);
        onlyNotices.Rows.Should().OnlyContain(r => r.Kind == DeadlineKind.NoticeTakesEffect);
        onlyNotices.Total.Should().Be(onlyNotices.Counts[DeadlineKind.NoticeTakesEffect]);
    }

    [Fact]
    public async Task An_overdue_deadline_says_since_when_and_what_to_do_not_how_many_days_ago()
    {
        var rhf = AgreementScenarios.Rhf(Unique("Forfalt RHF"));
        var specialist = AgreementScenarios.Specialist(Unique("Forfalla Spesialist"), Numbers.NewHprNumber());
        await _data.SaveAllAsync(rhf, specialist);
        var since = Today.AddDays(-850);
        var agreement = await _data.SaveAsync(Operating(rhf, specialist, Unique("Driftsavtale lenge forfalt"), nextReview: since).SignedByAll());

        var row = Row(await LoadAsync(WebClient.Caseworker), agreement);

        DeadlineQueries.DaysText(row, Today).Should().Be($"forfalt siden {Norwegian.Date(since)}").And.NotContain("dager siden");
        DeadlineQueries.Advice(row, Today).Should().Be("Gjennomfør den årlige gjennomgangen og registrer den på avtalesiden.");
    }

    [Fact]
    public async Task R3_kommune_HF_agreement_is_due_for_revision_two_years_after_it_took_effect()
    {
        var trust = AgreementScenarios.Trust(Unique("Revisjon HF"));
        var municipality = AgreementScenarios.Municipality(Unique("Revisjonsvik kommune"));
        await _data.SaveAllAsync(trust, municipality);
        var validFrom = Today.AddYears(-2).AddDays(40);
        var agreement = await _data.SaveAsync(
            Municipal(AgreementLevel.Overarching, municipality, trust, validFrom: validFrom, nextReview: Today.AddYears(1)).SignedByAll());

        var row = Row(await LoadAsync(WebClient.Caseworker, 90), agreement);

        row.Kind.Should().Be(DeadlineKind.Revision);
        row.Date.Should().Be(ReviewRules.RevisionDeadline(validFrom));
        DeadlineQueries.DaysText(row, Today).Should().Be("om 40 dager");
        DeadlineQueries.Advice(row, Today).Should().Contain("ny versjon");
        (await LoadAsync(WebClient.Caseworker, 30)).Rows.Should().NotContain(r => r.AgreementId == agreement.Id);
    }

    [Theory]
    [InlineData(91, 99, -3, 0)]
    [InlineData(-30, 0, int.MaxValue, int.MaxValue)]
    [InlineData(int.MaxValue, -1, int.MinValue, -5)]
    [InlineData(0, 3, 0, 1)]
    public async Task Nonsense_horizon_kind_page_and_page_size_fall_back_to_what_the_service_allows(int horizon, int kind, int page, int pageSize)
    {
        var user = await _data.UserAsync(WebClient.Caseworker);

        var result = Ok(await _data.CallAsync<DeadlineService, CommandResult<DeadlineResult>>(s =>
            s.LoadAsync(user, horizon, (DeadlineKind)kind, page, pageSize)));

        result.Horizon.Should().Be(horizon is 30 or 90 or 180 or 365 ? horizon : DeadlineQueries.DefaultHorizon);
        result.Page.Should().BeInRange(1, result.PageCount);
        result.Rows.Count.Should().BeLessThanOrEqualTo(DeadlineService.MaxPageSize);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-30")]
    [InlineData("91")]
    [InlineData("99999999999999999999")]
    [InlineData("30.5")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("\0'\"<script>")]
    public void Nonsense_in_the_query_gives_the_default_horizon_and_all_kinds(string? value)
    {
        DeadlineQueries.ParseHorizon(value).Should().Be(DeadlineQueries.DefaultHorizon);
        DeadlineKindExtensions.FromSlug(value).Should().BeNull();
        DeadlineQueries.ParseHorizon("365").Should().Be(365);
        DeadlineKindExtensions.FromSlug("oppsigelse").Should().Be(DeadlineKind.NoticeTakesEffect);
    }

    [Fact]
    public async Task Avtalespesialist_is_refused_the_deadlines_coverage_and_overview()
    {
        var specialist = await _data.UserAsync(WebClient.Specialist);

        (await _data.CallAsync<DeadlineService, CommandResult<DeadlineResult>>(s => s.LoadAsync(specialist, 90, null, 1, 50)))
            .Status.Should().Be(CommandStatus.Forbidden);
        (await _data.CallAsync<CoverageService, CommandResult<CoverageResult>>(s => s.LoadAsync(specialist, CoverageScope.Default, 1, 50)))
            .Status.Should().Be(CommandStatus.Forbidden);
        (await _data.CallAsync<CoverageService, CommandResult<IReadOnlyList<GroupOption>>>(s => s.GroupsAsync(specialist)))
            .Status.Should().Be(CommandStatus.Forbidden);
        (await _data.CallAsync<TrustOverviewService, CommandResult<TrustOverviewData>>(s => s.LoadAsync(specialist, 90)))
            .Status.Should().Be(CommandStatus.Forbidden);
    }

    [Fact]
    public async Task Samhandlingssjef_sees_only_deadlines_of_agreements_their_trust_or_its_institutions_are_party_to()
    {
        await using var db = app.Database.CreateDbContext();
        var bergen = await db.Parties.SingleAsync(p => p.Name == "Helse Bergen HF");
        var institution = await db.Parties.SingleAsync(p => p.Name == "Betanien sykehus AS");
        var otherTrust = AgreementScenarios.Trust(Unique("Annet HF"));
        var municipality = AgreementScenarios.Municipality(Unique("Tilgangsvik kommune"));
        await _data.SaveAllAsync(otherTrust, municipality);
        var own = Municipal(AgreementLevel.Overarching, municipality, bergen, nextReview: Today.AddDays(10)).SignedByAll();
        var throughInstitution = Municipal(AgreementLevel.Overarching, municipality, institution, nextReview: Today.AddDays(11)).SignedByAll();
        var others = Municipal(AgreementLevel.Overarching, municipality, otherTrust, nextReview: Today.AddDays(12)).SignedByAll();
        await _data.SaveAllAsync(own, throughInstitution, others);

        var manager = await LoadAsync(WebClient.CooperationManager);
        Row(manager, own);
        Row(manager, throughInstitution);
        manager.Rows.Should().NotContain(r => r.AgreementId == others.Id);

        foreach (var maintainer in new[] { WebClient.Caseworker, WebClient.Administrator })
        {
            var all = await LoadAsync(maintainer);
            Row(all, own);
            Row(all, others);
        }
    }
}
