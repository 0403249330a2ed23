using System.Net;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Testing;

namespace SamarbeidsAvtaler.Web.Tests.Agreements;

[Collection(AppCollection.Name)]
public sealed class MyAgreementsTests(AppFactory app)
{
    [Fact]
    public async Task Avtalespesialist_lands_on_their_agreements_with_current_and_earlier_signed_pdfs()
    {
        Agreement first, second, others;
        await using (var db = app.Database.CreateDbContext())
        {
            var rhf = await db.Parties.SingleAsync(p => p.Name == "Helse Sør-Øst RHF");
            first = AgreementScenarios.OperatingDraft(rhf, await db.Parties.SingleAsync(p => p.Name == "Demo Spesialistsen"), "Min driftsavtale " + Guid.NewGuid().ToString("N")[..6]).SignedByAll();
            db.Agreements.Add(first);
            others = AgreementScenarios.OperatingDraft(rhf, await db.Parties.SingleAsync(p => p.Name == "Prøve Øre-Nesesen"), "Andres driftsavtale").SignedByAll();
            db.Agreements.Add(others);
            await db.SaveChangesAsync();
            second = first.CreateNewVersion("Ny adresse", first.ValidFrom, AgreementScenarios.Now).SignedByAll();
            db.Agreements.Add(second);
            await db.SaveChangesAsync();
            first.MarkReplacedBy(second, AgreementScenarios.Today);
            await db.SaveChangesAsync();
        }

        var client = await app.LoggedInAsync(WebClient.Specialist);
        var home = await client.GetAsync("/");
        home.RedirectPath().Should().Be("/mine-avtaler");

        var page = await client.GetHtmlAsync("/mine-avtaler");
        page.Should().Contain(second.Title).And.Contain($"/avtaler/{second.Id}/pdf").And.Contain("Tidligere signerte versjoner")
            .And.Contain($"/avtaler/{first.Id}/pdf").And.Contain("Versjon 1 (PDF)").And.NotContain("Andres driftsavtale");
        (await client.GetAsync($"/avtaler/{first.Id}/pdf")).StatusCode.Should().Be(HttpStatusCode.OK, "earlier signed versions stay downloadable");
        (await client.GetAsync($"/avtaler/{others.Id}/pdf")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Mine_avtaler_is_only_for_avtalespesialister()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);

        (await client.GetAsync("/mine-avtaler")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
