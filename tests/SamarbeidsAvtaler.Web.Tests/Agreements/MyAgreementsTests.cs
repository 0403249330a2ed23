using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Testing;
using SamarbeidsAvtaler.Web.Features.MyAgreements;

namespace SamarbeidsAvtaler.Web.Tests.Agreements;

[Collection(AppCollection.Name)]
public sealed class MyAgreementsTests(AppFactory app)
{
    private async Task<IReadOnlyList<MyAgreement>> MineAsync(string email)
    {
        var user = await app.UserAsync(email);
        await using var scope = app.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MyAgreementsService>().GetAsync(user);
    }

    [Fact]
    public async Task Avtalespesialist_gets_their_agreements_with_current_and_earlier_signed_versions()
    {
        Agreement first, second, third, others, draftOnly;
        await using (var db = app.Database.CreateDbContext())
        {
            var rhf = await db.Parties.SingleAsync(p => p.Name == "Helse Sør-Øst RHF");
            var own = await db.Parties.SingleAsync(p => p.Name == "Demo Spesialistsen");
            first = AgreementScenarios.OperatingDraft(rhf, own, "Min driftsavtale " + Guid.NewGuid().ToString("N")[..6]).SignedByAll();
            db.Agreements.Add(first);
            others = AgreementScenarios.OperatingDraft(rhf, await db.Parties.SingleAsync(p => p.Name == "Prøve Øre-Nesesen"), "Andres driftsavtale").SignedByAll();
            db.Agreements.Add(others);
            draftOnly = AgreementScenarios.OperatingDraft(rhf, own, "Mitt utkast " + Guid.NewGuid().ToString("N")[..6]);
            db.Agreements.Add(draftOnly);
            await db.SaveChangesAsync();
            second = first.CreateNewVersion("Ny adresse", first.ValidFrom, AgreementScenarios.Now).SignedByAll();
            db.Agreements.Add(second);
            await db.SaveChangesAsync();
            first.MarkReplacedBy(second);
            // A third version still being drafted is the RHF's work, not yet shown to the specialist.
            third = second.CreateNewVersion("Nye åpningstider", second.ValidFrom, AgreementScenarios.Now);
            db.Agreements.Add(third);
            await db.SaveChangesAsync();
        }

        var mine = await MineAsync(WebClient.Specialist);

        var chain = mine.Single(a => a.Current.ReferenceNumber == first.ReferenceNumber);
        chain.Current.Should().Match<MyAgreementVersion>(v => v.Id == second.Id && v.VersionNumber == 2 && v.IsSigned && v.Status == AgreementStatus.Active);
        chain.EarlierSigned.Should().ContainSingle().Which.Should().Match<MyAgreementVersion>(v =>
            v.Id == first.Id && v.Status == AgreementStatus.Replaced && v.ReplacedOn == second.ValidFrom);
        mine.SelectMany(a => a.EarlierSigned.Prepend(a.Current)).Select(v => v.Id).Should().NotContain([others.Id, third.Id]);
        mine.Single(a => a.Current.Id == draftOnly.Id).Current.IsSigned.Should().BeFalse("an unsigned first draft is shown, its PDF marked as a draft");
        mine.Should().OnlyContain(a => a.Current.Title != "Andres driftsavtale");

        var client = await app.LoggedInAsync(WebClient.Specialist);
        (await client.GetAsync($"/avtaler/{first.Id}/pdf")).StatusCode.Should().Be(HttpStatusCode.OK, "earlier signed versions stay downloadable");
        (await client.GetAsync($"/avtaler/{others.Id}/pdf")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_an_avtalespesialist_has_own_agreements()
    {
        (await MineAsync(WebClient.Caseworker)).Should().BeEmpty("the register is the caseworker's list; Mine avtaler is the specialist's");
        (await MineAsync(WebClient.CooperationManager)).Should().BeEmpty();
        (await MineAsync(WebClient.Administrator)).Should().BeEmpty();
    }

    [Fact]
    public async Task Avtalespesialist_lands_on_mine_avtaler_and_other_roles_are_refused()
    {
        var specialist = await app.LoggedInAsync(WebClient.Specialist);
        (await specialist.GetAsync("/")).RedirectPath().Should().Be("/mine-avtaler");
        var page = await specialist.GetAsync("/mine-avtaler");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await page.HtmlAsync()).Should().Contain("Mine avtaler").And.Contain("Les avtalen").And.Contain("Last ned PDF");

        var caseworker = await app.LoggedInAsync(WebClient.Caseworker);
        (await caseworker.GetAsync("/mine-avtaler")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
