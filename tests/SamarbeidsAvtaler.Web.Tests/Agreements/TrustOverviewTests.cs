using System.Net;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Testing;

namespace SamarbeidsAvtaler.Web.Tests.Agreements;

[Collection(AppCollection.Name)]
public sealed class TrustOverviewTests(AppFactory app)
{
    [Fact]
    public async Task Samhandlingssjef_lands_on_the_overview_of_their_trusts_agreements_only()
    {
        Agreement own, other;
        await using (var db = app.Database.CreateDbContext())
        {
            var bergen = await db.Parties.SingleAsync(p => p.Name == "Helse Bergen HF");
            own = AgreementScenarios.SpecialistCooperationDraft(bergen, await db.Parties.SingleAsync(p => p.Name == "Demonstra Nevrosen"));
            own.UpdateDraft(new AgreementDetails(AgreementKind.SpecialistCooperationAgreement, "Oversiktstest Bergen " + Guid.NewGuid().ToString("N")[..6],
                DocumentLanguage.Bokmal, new DateOnly(2026, 1, 1)), AgreementScenarios.Today);
            own.SendForSignature(AgreementScenarios.Now);
            other = AgreementScenarios.OperatingDraft(await db.Parties.SingleAsync(p => p.Name == "Helse Sør-Øst RHF"), await db.Parties.SingleAsync(p => p.Name == "Demonstra Nevrosen"),
                "Oversiktstest HSØ " + Guid.NewGuid().ToString("N")[..6]);
            other.SendForSignature(AgreementScenarios.Now);
            db.Agreements.AddRange(own, other);
            await db.SaveChangesAsync();
        }

        var client = await app.LoggedInAsync(WebClient.CooperationManager);
        (await client.GetAsync("/")).RedirectPath().Should().Be("/oversikt");

        var page = await client.GetHtmlAsync("/oversikt");
        page.Should().Contain("Oversikt for Helse Bergen HF").And.Contain("Avtaler etter type og status")
            .And.Contain("Venter på signatur").And.Contain(own.Title).And.NotContain(other.Title)
            .And.Contain("§ 6-2-dekning for kommunene").And.Contain("/frister.csv?dager=90");
        (await client.GetHtmlAsync("/oversikt?dager=365")).Should().Contain("/frister.csv?dager=365");
        (await client.GetAsync("/oversikt?dager=tull")).StatusCode.Should().Be(HttpStatusCode.OK);
        var csv = await client.GetStringAsync("/frister.csv?dager=90");
        csv.Should().Contain(own.Title).And.NotContain(other.Title);
    }

    [Fact]
    public async Task Avtalespesialist_gets_403_on_the_overview()
    {
        var client = await app.LoggedInAsync(WebClient.Specialist);

        (await client.GetAsync("/oversikt")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
