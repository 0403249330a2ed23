using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Testing;
using SamarbeidsAvtaler.Web.Features.Agreements.Overview;
using SamarbeidsAvtaler.Web.Tests.Agreements.Overview;
using static SamarbeidsAvtaler.Web.Tests.Agreements.Overview.OverviewTestData;

namespace SamarbeidsAvtaler.Web.Tests.Agreements;

/// <summary>
/// The deadlines CSV download (an HTTP endpoint, linked from /frister and /oversikt) and the synthetic
/// register command. The pages themselves are tested at their services (Overview/*ServiceTests).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OverviewTests(AppFactory app)
{
    private readonly OverviewTestData _data = new(app);

    [Fact]
    public async Task Deadlines_download_as_semicolon_separated_csv()
    {
        var rhf = AgreementScenarios.Rhf(Unique("CSV RHF"));
        var specialist = AgreementScenarios.Specialist(Unique("Csv; \"Spesialist\""), Numbers.NewHprNumber());
        var another = AgreementScenarios.Specialist(Unique("Csv Forfalt"), Numbers.NewHprNumber());
        await _data.SaveAllAsync(rhf, specialist, another);
        var agreement = await _data.SaveAsync(Operating(rhf, specialist, Unique("=Driftsavtale CSV"), nextReview: Today.AddDays(5)).SignedByAll());
        var overdue = await _data.SaveAsync(Operating(rhf, another,
            Unique("Driftsavtale CSV forfalt"), nextReview: Today.AddDays(-850)).SignedByAll());
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var response = await client.GetAsync("/frister.csv?dager=30");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Contain("30-dager");
        var csv = await response.Content.ReadAsStringAsync();
        csv.Should().StartWith("Dato;Frist;Hva;Avtale;");
        var lines = csv.Split(["\r\n", "\n"], StringSplitOptions.None);
        var line = lines.Should().ContainSingle(l => l.Contains(agreement.ReferenceNumber)).Subject;
        line.Should().Contain("om 5 dager;Årlig gjennomgang;'=Driftsavtale CSV", "a leading = must not become a spreadsheet formula")
            .And.Contain("Csv; \"\"Spesialist\"\"").And.Contain(";\"CSV RHF", "a field holding a separator or quote is quoted");
        lines.Should().ContainSingle(l => l.Contains(overdue.ReferenceNumber)).Which.Should()
            .Contain($"forfalt siden {Norwegian.Date(Today.AddDays(-850))}");
    }

    [Fact]
    public async Task Samhandlingssjef_downloads_only_deadlines_of_their_trust()
    {
        Agreement own, others;
        await using (var db = app.Database.CreateDbContext())
        {
            var bergen = await db.Parties.SingleAsync(p => p.Name == "Helse Bergen HF");
            var otherTrust = AgreementScenarios.Trust(Unique("CSV Annet HF"));
            var municipality = AgreementScenarios.Municipality(Unique("Csvvik kommune"));
            await _data.SaveAllAsync(otherTrust, municipality);
            own = Municipal(AgreementLevel.Overarching, municipality, bergen, nextReview: Today.AddDays(10)).SignedByAll();
            others = Municipal(AgreementLevel.Overarching, municipality, otherTrust, nextReview: Today.AddDays(12)).SignedByAll();
            await _data.SaveAllAsync(own, others);
        }

        var manager = await (await app.LoggedInAsync(WebClient.CooperationManager)).GetStringAsync("/frister.csv?dager=90&hva=gjennomgang");
        manager.Should().Contain(own.Title).And.NotContain(others.Title);

        var caseworker = await (await app.LoggedInAsync(WebClient.Caseworker)).GetStringAsync("/frister.csv");
        caseworker.Should().Contain(own.Title).And.Contain(others.Title);
    }

    [Theory]
    [InlineData("/frister.csv?dager=%00&hva=%00")]
    [InlineData("/frister.csv?dager=99999999999999999999&hva=tull")]
    [InlineData("/frister.csv?dager=-1")]
    public async Task Nonsense_in_the_csv_query_gives_the_default_horizon(string url)
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        var response = await client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Contain("90-dager");
    }
}
