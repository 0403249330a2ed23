using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Testing;
using SamarbeidsAvtaler.Web.Features.Agreements.Overview;

namespace SamarbeidsAvtaler.Web.Tests.Agreements;

/// <summary>
/// The deadlines page (/frister), the § 6-2 coverage matrix (/dekning) and the CSV download. Each
/// test makes its own parties and agreements with unique names, since the collection shares one
/// database that also holds the demo agreements.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class OverviewTests(AppFactory app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    // The app seeds the demo register at start-up only into an empty one: start it before a test adds parties.
    private readonly Microsoft.AspNetCore.TestHost.TestServer _started = app.Server;

    private static string Unique(string text) => $"{text} {Guid.NewGuid().ToString("N")[..8]}";

    private async Task<T> SaveAsync<T>(T entity)
        where T : class
    {
        await using var db = app.Database.CreateDbContext();
        db.Add(entity);
        await db.SaveChangesAsync();
        return entity;
    }

    private async Task SaveAllAsync(params object[] entities)
    {
        await using var db = app.Database.CreateDbContext();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }

    private static Agreement Operating(Party rhf, Party specialist, string title, DateOnly? nextReview = null, DateOnly? validTo = null)
    {
        var agreement = Agreement.CreateDraft(
            new AgreementDetails(AgreementKind.OperatingAgreement, title, DocumentLanguage.Bokmal, new DateOnly(2024, 1, 1),
                ValidTo: validTo, NextReviewDate: nextReview, PracticePosition: AgreementScenarios.FullPosition()),
            AgreementScenarios.NextReference(AgreementKind.OperatingAgreement), AgreementScenarios.Now);
        agreement.SetParties([(rhf, "Rita RHF-direktør", "Direktør"), (specialist, specialist.Name, "Avtalespesialist")]);
        agreement.AddSection("Formål", "Avtalepraksis med driftstilskudd.");
        return agreement;
    }

    private static Agreement Municipal(AgreementLevel level, Party municipalSide, Party trust, Guid? parent = null, int[]? areas = null,
        DateOnly? validFrom = null, DateOnly? validTo = null, DateOnly? nextReview = null)
    {
        var agreement = Agreement.CreateDraft(
            new AgreementDetails(AgreementKind.MunicipalCooperationAgreement, Unique(level.DisplayName()), DocumentLanguage.Nynorsk,
                // Recent and reviewed far ahead unless asked: no deadline rows the test did not ask for.
                validFrom ?? Today.AddMonths(-6), ValidTo: validTo, NextReviewDate: nextReview ?? Today.AddYears(1), Level: level, ParentAgreementId: parent),
            AgreementScenarios.NextReference(AgreementKind.MunicipalCooperationAgreement), AgreementScenarios.Now);
        agreement.SetParties([(municipalSide, "Kari Kommunedirektør", "Kommunedirektør"), (trust, "Hanne HF-direktør", "Administrerende direktør")]);
        agreement.AddSection("Føremål", "Samanhengande tenester.");
        if (areas is not null)
        {
            agreement.SetStatutoryAreas(areas);
        }

        return agreement;
    }

    private static Agreement UnderNotice(Agreement agreement, Party by, DateOnly endsAround)
    {
        agreement.SignedByAll();
        // Notice of six months given so that it takes effect about when asked (R2).
        var givenOn = endsAround.AddMonths(-agreement.NoticePeriodMonths);
        agreement.GiveNotice(by.Id, by.Name, givenOn, Today);
        return agreement;
    }

    // ---------------------------------------------------------------- /frister

    [Fact]
    public async Task R2_R3_deadlines_list_awaiting_signature_reviews_due_and_notices_within_the_horizon_but_not_beyond_it()
    {
        var rhf = AgreementScenarios.Rhf(Unique("Frist RHF"));
        var specialists = Enumerable.Range(0, 5).Select(i => AgreementScenarios.Specialist(Unique("Frista Spesialist"), Numbers.NewHprNumber())).ToArray();
        await SaveAllAsync([rhf, .. specialists]);

        var awaiting = Operating(rhf, specialists[0], Unique("Driftsavtale venter"));
        awaiting.SendForSignature(DateTimeOffset.Now.AddDays(-12));
        awaiting.RegisterSignature(awaiting.Parties[0].Id, new Signature("Rita RHF-direktør", null, Today.AddDays(-11), SignatureMethod.Paper, null), Today);
        var reviewDue = Operating(rhf, specialists[1], Unique("Driftsavtale gjennomgang snart"), nextReview: Today.AddDays(20)).SignedByAll();
        var reviewOverdue = Operating(rhf, specialists[2], Unique("Driftsavtale gjennomgang forfalt"), nextReview: Today.AddDays(-12)).SignedByAll();
        var noticeSoon = UnderNotice(Operating(rhf, specialists[3], Unique("Driftsavtale oppsagt snart")), specialists[3], Today.AddDays(60));
        var noticeLater = UnderNotice(Operating(rhf, specialists[4], Unique("Driftsavtale oppsagt senere")), specialists[4], Today.AddDays(150));
        await SaveAllAsync(awaiting, reviewDue, reviewOverdue, noticeSoon, noticeLater);
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var html = await client.GetHtmlAsync("/frister");

        Row(html, awaiting.Title).Should().Contain("Venter på signatur").And.Contain("har ventet i 12 dager").And.Contain("1 av 2 har signert")
            .And.Contain($"/avtaler/{awaiting.Id}").And.Contain(awaiting.ReferenceNumber).And.Contain(specialists[0].Name);
        Row(html, reviewDue.Title).Should().Contain("Årlig gjennomgang").And.Contain("om 20 dager").And.Contain(Today.AddDays(20).ToString("dd.MM.yyyy"));
        Row(html, reviewOverdue.Title).Should().Contain("forfalt for 12 dager siden");
        Row(html, noticeSoon.Title).Should().Contain("Oppsigelse får virkning").And.Contain(noticeSoon.EndsOn!.Value.ToString("dd.MM.yyyy"));
        html.Should().NotContain(noticeLater.Title, "its notice takes effect beyond the default 90 days");
        html.Should().Contain("<option value=\"90\" selected");

        var longer = await client.GetHtmlAsync("/frister?dager=180");
        longer.Should().Contain(noticeLater.Title).And.Contain(noticeSoon.Title);

        var shorter = await client.GetHtmlAsync("/frister?dager=30");
        shorter.Should().Contain(reviewDue.Title).And.Contain(awaiting.Title, "drafts awaiting signature show whatever the horizon")
            .And.NotContain(noticeSoon.Title);

        // Sorted by date: the overdue review before the one due in 20 days.
        html.IndexOf(reviewOverdue.Title, StringComparison.Ordinal).Should().BeLessThan(html.IndexOf(reviewDue.Title, StringComparison.Ordinal));

        var onlyNotices = await client.GetHtmlAsync("/frister?dager=180&hva=oppsigelse");
        onlyNotices.Should().Contain(noticeLater.Title).And.NotContain(reviewDue.Title);
    }

    [Fact]
    public async Task R3_kommune_HF_agreement_is_due_for_revision_two_years_after_it_took_effect()
    {
        var trust = AgreementScenarios.Trust(Unique("Revisjon HF"));
        var municipality = AgreementScenarios.Municipality(Unique("Revisjonsvik kommune"));
        await SaveAllAsync(trust, municipality);
        var validFrom = Today.AddYears(-2).AddDays(40);
        var agreement = Municipal(AgreementLevel.Overarching, municipality, trust, validFrom: validFrom, nextReview: Today.AddYears(1)).SignedByAll();
        await SaveAsync(agreement);
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var html = await client.GetHtmlAsync("/frister?dager=90");

        Row(html, agreement.Title).Should().Contain("Revisjon").And.Contain("om 40 dager")
            .And.Contain(ReviewRules.RevisionDeadline(validFrom).ToString("dd.MM.yyyy"));
        (await client.GetHtmlAsync("/frister?dager=30")).Should().NotContain(agreement.Title);
    }

    [Theory]
    [InlineData("/frister?dager=abc")]
    [InlineData("/frister?dager=-30")]
    [InlineData("/frister?dager=91")]
    [InlineData("/frister?dager=99999999999999999999")]
    [InlineData("/frister?dager=30.5&hva=tull&side=-3")]
    [InlineData("/frister?dager=&side=99999999999")]
    [InlineData("/frister?side=2147483647")]
    [InlineData("/frister?dager=%00%27%22<script>")]
    public async Task Nonsense_in_the_deadline_query_falls_back_to_the_defaults(string url)
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var html = await client.GetHtmlAsync(url);

        html.Should().Contain("<option value=\"90\" selected").And.Contain("Frister");
        html.Should().NotContain("<script>");
    }

    [Fact]
    public async Task Htmx_request_gets_the_list_without_the_layout()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/frister?dager=365");
        request.Headers.Add("HX-Request", "true");

        var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.HtmlAsync();
        html.Should().Contain("id=\"frister-resultat\"").And.NotContain("<html").And.NotContain("Hovedmeny");
    }

    [Theory]
    [InlineData("/frister")]
    [InlineData("/dekning")]
    [InlineData("/frister.csv")]
    public async Task Avtalespesialist_may_not_read_the_overview_pages(string url)
    {
        var client = await app.LoggedInAsync(WebClient.Specialist);

        (await client.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(WebClient.Caseworker)]
    [InlineData(WebClient.Administrator)]
    [InlineData(WebClient.CooperationManager)]
    public async Task Caseworker_administrator_and_samhandlingssjef_read_the_overview_pages(string user)
    {
        var client = await app.LoggedInAsync(user);

        (await client.GetAsync("/frister")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/dekning")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Samhandlingssjef_sees_only_deadlines_of_agreements_their_trust_is_party_to()
    {
        await using var db = app.Database.CreateDbContext();
        var bergen = await db.Parties.SingleAsync(p => p.Name == "Helse Bergen HF");
        var institution = await db.Parties.SingleAsync(p => p.Name == "Betanien sykehus AS");
        var otherTrust = AgreementScenarios.Trust(Unique("Annet HF"));
        var municipality = AgreementScenarios.Municipality(Unique("Tilgangsvik kommune"));
        await SaveAllAsync(otherTrust, municipality);
        var own = Municipal(AgreementLevel.Overarching, municipality, bergen, nextReview: Today.AddDays(10)).SignedByAll();
        var throughInstitution = Municipal(AgreementLevel.Overarching, municipality, institution, nextReview: Today.AddDays(11)).SignedByAll();
        var others = Municipal(AgreementLevel.Overarching, municipality, otherTrust, nextReview: Today.AddDays(12)).SignedByAll();
        await SaveAllAsync(own, throughInstitution, others);

        var manager = await (await app.LoggedInAsync(WebClient.CooperationManager)).GetHtmlAsync("/frister");
        manager.Should().Contain(own.Title).And.Contain(throughInstitution.Title).And.NotContain(others.Title);

        var csv = await (await app.LoggedInAsync(WebClient.CooperationManager)).GetStringAsync("/frister.csv");
        csv.Should().Contain(own.Title).And.NotContain(others.Title);

        var caseworker = await (await app.LoggedInAsync(WebClient.Caseworker)).GetHtmlAsync("/frister");
        caseworker.Should().Contain(own.Title).And.Contain(others.Title);
    }

    [Fact]
    public async Task Deadlines_download_as_semicolon_separated_csv()
    {
        var rhf = AgreementScenarios.Rhf(Unique("CSV RHF"));
        var specialist = AgreementScenarios.Specialist(Unique("Csv; \"Spesialist\""), Numbers.NewHprNumber());
        await SaveAllAsync(rhf, specialist);
        var agreement = await SaveAsync(Operating(rhf, specialist, Unique("=Driftsavtale CSV"), nextReview: Today.AddDays(5)).SignedByAll());
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var response = await client.GetAsync("/frister.csv?dager=30");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Contain("30-dager");
        var csv = await response.Content.ReadAsStringAsync();
        csv.Should().StartWith("Dato;Frist;Hva;Avtale;");
        var line = csv.Split(["\r\n", "\n"], StringSplitOptions.None).Should().ContainSingle(l => l.Contains(agreement.ReferenceNumber)).Subject;
        line.Should().Contain("om 5 dager;Årlig gjennomgang;'=Driftsavtale CSV", "a leading = must not become a spreadsheet formula")
            .And.Contain("Csv; \"\"Spesialist\"\"").And.Contain(";\"CSV RHF", "a field holding a separator or quote is quoted");
    }

    // ---------------------------------------------------------------- /dekning

    private sealed record Setup(Party Trust, Party Group, Party Municipality, Agreement Overarching);

    /// <summary>A kommune in its own kommunegruppe, with an active overarching agreement: the group filter shows just it.</summary>
    private async Task<Setup> CoverageSetupAsync()
    {
        var trust = AgreementScenarios.Trust(Unique("Dekning HF"));
        var municipality = AgreementScenarios.Municipality(Unique("Dekningsvik kommune"));
        var group = Party.Create(new PartyDetails(PartyKind.MunicipalGroup, Unique("Dekningsgruppa")), AgreementScenarios.Now);
        group.SetMembers([municipality.Id]);
        await SaveAllAsync(trust, municipality, group);
        var overarching = await SaveAsync(Municipal(AgreementLevel.Overarching, group, trust).SignedByAll());
        return new Setup(trust, group, municipality, overarching);
    }

    private async Task<string> CellAsync(Setup setup, int point)
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var html = await client.GetHtmlAsync($"/dekning?gruppe={setup.Group.Id}");
        return Cell(html, setup.Municipality.Name, point);
    }

    [Fact]
    public async Task Coverage_shows_a_point_missing_until_an_active_service_agreement_covers_it()
    {
        var setup = await CoverageSetupAsync();
        (await CellAsync(setup, 4)).Should().Contain("Mangler").And.NotContain("Dekket");

        var service = Municipal(AgreementLevel.Service, setup.Municipality, setup.Trust, setup.Overarching.Id, areas: [4]);
        await SaveAsync(service);
        (await CellAsync(setup, 4)).Should().Contain("Mangler", "a draft covers nothing");

        await using (var db = app.Database.CreateDbContext())
        {
            var tracked = await db.Agreements.Include(a => a.Parties).Include(a => a.Sections).Include(a => a.StatutoryAreas)
                .SingleAsync(a => a.Id == service.Id);
            tracked.SignedByAll();
            await db.SaveChangesAsync();
        }

        var cell = await CellAsync(setup, 4);
        cell.Should().Contain("Dekket").And.Contain($"href=\"/avtaler/{service.Id}\"").And.NotContain("Mangler");
        (await CellAsync(setup, 5)).Should().Contain("Mangler");
    }

    [Fact]
    public async Task Coverage_counts_a_kommune_covered_through_its_kommunegruppe()
    {
        var setup = await CoverageSetupAsync();

        var service = await SaveAsync(Municipal(AgreementLevel.Service, setup.Group, setup.Trust, setup.Overarching.Id, areas: [6]).SignedByAll());

        (await CellAsync(setup, 6)).Should().Contain("Dekket").And.Contain($"/avtaler/{service.Id}");
    }

    [Fact]
    public async Task Coverage_does_not_count_a_service_agreement_whose_validity_has_ended()
    {
        var setup = await CoverageSetupAsync();

        await SaveAsync(Municipal(AgreementLevel.Service, setup.Group, setup.Trust, setup.Overarching.Id, areas: [7],
            validFrom: new DateOnly(2023, 1, 1), validTo: Today.AddDays(-1)).SignedByAll());
        await SaveAsync(Municipal(AgreementLevel.Service, setup.Group, setup.Trust, setup.Overarching.Id, areas: [9],
            validFrom: Today.AddDays(10)).SignedByAll());

        (await CellAsync(setup, 7)).Should().Contain("Mangler");
        (await CellAsync(setup, 9)).Should().Contain("Mangler", "an agreement not yet in force covers nothing today");
    }

    [Fact]
    public async Task R3_coverage_shows_an_overdue_yearly_review()
    {
        var setup = await CoverageSetupAsync();

        var service = await SaveAsync(Municipal(AgreementLevel.Service, setup.Municipality, setup.Trust, setup.Overarching.Id, areas: [8],
            nextReview: Today.AddDays(-5)).SignedByAll());

        (await CellAsync(setup, 8)).Should().Contain("Gjennomgang forfalt").And.Contain($"/avtaler/{service.Id}");
    }

    [Fact]
    public async Task Coverage_matrix_has_a_column_per_point_valid_today_and_accessible_headers()
    {
        var setup = await CoverageSetupAsync();
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var html = await client.GetHtmlAsync($"/dekning?gruppe={setup.Group.Id}");

        Regex.Matches(html, "<th scope=\"col\"").Count.Should().Be(1 + 13 + 1);
        html.Should().Contain("<caption").And.Contain($"<th scope=\"row\">{setup.Municipality.Name}</th>")
            .And.Contain("Punkt 13: Tjenester til barn og unge med behov for sammensatte tjenester")
            .And.Contain("app-table-scroll").And.Contain($"kommunene i {setup.Group.Name}");
    }

    [Fact]
    public async Task Coverage_by_default_lists_kommuner_with_a_kommune_HF_agreement_and_takes_nonsense_as_the_default()
    {
        var setup = await CoverageSetupAsync();
        var loner = await SaveAsync(AgreementScenarios.Municipality(Unique("Utenforvik kommune")));
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        foreach (var url in new[] { "/dekning?side=1", "/dekning?gruppe=tull&side=abc", $"/dekning?gruppe={Guid.NewGuid()}" })
        {
            var html = await client.GetHtmlAsync(url);
            html.Should().Contain("kommunene som er part i en samarbeidsavtale kommune–HF")
                .And.Contain("Voss herad", "the demo kommuner are parties through their områdeutval")
                .And.NotContain(loner.Name);
        }

        var all = await client.GetHtmlAsync("/dekning?gruppe=alle");
        all.Should().Contain("alle aktive kommuner");
        setup.Municipality.Name.Should().NotBeNull();
    }

    // ---------------------------------------------------------------- HTML helpers

    /// <summary>The table row that mentions <paramref name="text"/>.</summary>
    private static string Row(string html, string text)
    {
        var rows = TableRow().Matches(html).Select(m => m.Value).Where(r => r.Contains(text, StringComparison.Ordinal)).ToList();
        rows.Should().ContainSingle("the page should list {0} once", text);
        return rows[0];
    }

    /// <summary>The coverage cell of a kommune for a § 6-2 point (columns are the points in order).</summary>
    private static string Cell(string html, string municipality, int point)
    {
        var row = Row(html, $"<th scope=\"row\">{municipality}</th>");
        var cells = TableCell().Matches(row).Select(m => m.Value).ToList();
        return cells[point - 1];
    }

    [GeneratedRegex("<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex TableRow();

    [GeneratedRegex("<td>.*?</td>", RegexOptions.Singleline)]
    private static partial Regex TableCell();
}
