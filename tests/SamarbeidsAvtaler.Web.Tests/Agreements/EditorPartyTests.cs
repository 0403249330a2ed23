using System.Net;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;
using static SamarbeidsAvtaler.Web.Tests.Agreements.EditorClient;

namespace SamarbeidsAvtaler.Web.Tests.Agreements;

/// <summary>The parties tab: search-and-pick among the kinds the agreement takes, signatories, removal.</summary>
[Collection(AppCollection.Name)]
public sealed class EditorPartyTests(AppFactory app)
{
    private static string Offered(Guid partyId) => $"name=\"partId\" value=\"{partyId}\"";

    [Fact]
    public async Task Party_search_finds_by_name_and_hpr_number_and_never_offers_a_kind_the_driftsavtale_cannot_take()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var id = await client.CreateAsync(Operating("Driftsavtale for partssøk"));
        var southEast = await app.PartyIdAsync("Helse Sør-Øst RHF");
        var west = await app.PartyIdAsync("Helse Vest RHF");
        var bergenHf = await app.PartyIdAsync("Helse Bergen HF");
        var bergenKommune = await app.PartyIdAsync("Bergen kommune");
        var demo = await app.PartyIdAsync("Demo Spesialistsen");

        var helse = await client.GetHtmlAsync($"/avtaler/{id}/rediger/parter?q=Helse");
        var bergen = await client.GetHtmlAsync($"/avtaler/{id}/rediger/parter?q=Bergen");
        var byHpr = await client.GetHtmlAsync($"/avtaler/{id}/rediger/parter?q=9900101");
        var byName = await client.GetHtmlAsync($"/avtaler/{id}/rediger/parter?q=spesialistsen");

        helse.Should().Contain(Offered(southEast)).And.Contain(Offered(west)).And.NotContain(Offered(bergenHf), "an HF is no party to a driftsavtale");
        bergen.Should().NotContain(Offered(bergenKommune), "a kommune is no party to a driftsavtale").And.NotContain(Offered(bergenHf))
            .And.Contain("Ingen parter som kan være med i denne avtalen, passer til søket.");
        byHpr.Should().Contain(Offered(demo)).And.Contain("Demo Spesialistsen");
        byName.Should().Contain(Offered(demo));
    }

    [Fact]
    public async Task Party_search_in_a_kommune_HF_agreement_offers_kommuner_and_trusts_but_no_specialists()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var id = await client.CreateAsync(Municipal("Overordna for partssøk", "Overarching"));

        var bergen = await client.GetHtmlAsync($"/avtaler/{id}/rediger/parter?q=Bergen");
        var demo = await client.GetHtmlAsync($"/avtaler/{id}/rediger/parter?q=Demo");

        bergen.Should().Contain(Offered(await app.PartyIdAsync("Bergen kommune"))).And.Contain(Offered(await app.PartyIdAsync("Helse Bergen HF")))
            .And.Contain(Offered(await app.PartyIdAsync("Områdeutval Bergen kommune")));
        demo.Should().NotContain(Offered(await app.PartyIdAsync("Demo Spesialistsen")));
    }

    [Fact]
    public async Task Party_search_without_a_search_text_lists_nothing_and_leaves_out_parties_already_in_the_agreement()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var id = await client.CreateAsync(Operating("Driftsavtale for utvalg"));
        var southEast = await app.PartyIdAsync("Helse Sør-Øst RHF");
        await client.AddPartiesAsync(id, southEast);

        var empty = await client.GetHtmlAsync($"/avtaler/{id}/rediger/parter");
        var helse = await client.GetHtmlAsync($"/avtaler/{id}/rediger/parter?q=Helse");

        empty.Should().NotContain("name=\"partId\"");
        helse.Should().NotContain(Offered(southEast)).And.Contain(Offered(await app.PartyIdAsync("Helse Vest RHF")));
    }

    [Fact]
    public async Task With_htmx_the_search_returns_the_hits_without_the_page_around_them()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var id = await client.CreateAsync(Operating("Driftsavtale for htmx-søk"));

        var response = await client.HtmxGetAsync($"/avtaler/{id}/rediger/parter?q=Helse");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.HtmlAsync();
        html.Should().NotContain("<html").And.NotContain("app-header").And.Contain("id=\"part-treff\"")
            .And.Contain(Offered(await app.PartyIdAsync("Helse Sør-Øst RHF")));
    }

    [Fact]
    public async Task Adding_a_party_of_a_wrong_kind_by_a_forged_post_is_refused()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var id = await client.CreateAsync(Operating("Driftsavtale for forfalsket part"));

        var response = await client.AddPartyAsync(id, await app.PartyIdAsync("Bergen kommune"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.HtmlAsync()).Should().Contain("Bergen kommune (Kommune) kan ikke være part i en driftsavtale.");
        await using var db = app.Database.CreateDbContext();
        (await db.AgreementParties.AnyAsync(p => p.AgreementId == id)).Should().BeFalse();
    }

    [Fact]
    public async Task Adding_the_same_party_twice_or_an_unknown_party_is_refused()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var id = await client.CreateAsync(Operating("Driftsavtale for dobbel part"));
        var rhf = await app.PartyIdAsync("Helse Sør-Øst RHF");
        await client.AddPartiesAsync(id, rhf);

        var twice = await client.AddPartyAsync(id, rhf);
        var unknown = await client.AddPartyAsync(id, Guid.NewGuid());

        (await twice.HtmlAsync()).Should().Contain("Samme part er lagt til to ganger.");
        (await unknown.HtmlAsync()).Should().Contain("Parten finnes ikke eller er deaktivert.");
        await using var db = app.Database.CreateDbContext();
        (await db.AgreementParties.CountAsync(p => p.AgreementId == id)).Should().Be(1);
    }

    [Fact]
    public async Task Signatories_are_saved_and_a_party_is_removed_keeping_the_others()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var id = await client.CreateAsync(SpecialistCooperation("Samarbeidsavtale for underskrivere"));
        var trust = await app.PartyIdAsync("Helse Bergen HF");
        var first = await app.PartyIdAsync("Prøve Øre-Nesesen");
        var second = await app.PartyIdAsync("Testine Gynesen");
        await client.AddPartiesAsync(id, trust, first, second);

        var page = await client.GetHtmlAsync($"/avtaler/{id}/rediger/parter?lagret=1");
        page.Should().Contain("Prøve Øre-Nesesen").And.Contain("Spesialisthelsetjenesten").And.Contain("Endringene er lagret.");
        var fields = new Dictionary<string, string>
        {
            ["Form.Rows[0].PartyId"] = trust.ToString(),
            ["Form.Rows[0].SignatoryName"] = "Hanne HF-direktør",
            ["Form.Rows[0].SignatoryTitle"] = "Administrerende direktør",
            ["Form.Rows[1].PartyId"] = first.ToString(),
            ["Form.Rows[1].SignatoryName"] = "Prøve Øre-Nesesen",
            ["Form.Rows[2].PartyId"] = second.ToString(),
            ["Form.Rows[2].SignatoryName"] = "Testine Gynesen",
        };
        var saved = await client.PostFormAsync($"/avtaler/{id}/rediger/parter", "parties", fields);
        fields["Form.Remove"] = second.ToString();
        var removed = await client.PostFormAsync($"/avtaler/{id}/rediger/parter", "parties", fields);

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect, Errors(await saved.HtmlAsync()));
        removed.StatusCode.Should().Be(HttpStatusCode.Redirect, Errors(await removed.HtmlAsync()));
        removed.RedirectPath().Should().Be($"/avtaler/{id}/rediger/parter?lagret=1");
        await using var db = app.Database.CreateDbContext();
        var parties = await db.AgreementParties.Where(p => p.AgreementId == id).ToListAsync();
        parties.Select(p => (p.PartyId, p.Role, p.SignatoryName, p.SignatoryTitle)).Should().BeEquivalentTo(new[]
        {
            (trust, AgreementPartyRole.SpecialistService, (string?)"Hanne HF-direktør", (string?)"Administrerende direktør"),
            (first, AgreementPartyRole.Specialist, (string?)"Prøve Øre-Nesesen", (string?)null),
        });
        var after = await client.GetHtmlAsync($"/avtaler/{id}/rediger/parter");
        after.Should().Contain("value=\"Hanne HF-direktør\"").And.Contain("value=\"Administrerende direktør\"").And.NotContain("Testine Gynesen");
    }

    [Fact]
    public async Task An_over_long_signatory_name_is_refused_and_kept()
    {
        var client = await app.LoggedInAsync(WebClient.Caseworker);
        var id = await client.CreateAsync(Operating("Driftsavtale med langt navn"));
        var rhf = await app.PartyIdAsync("Helse Sør-Øst RHF");
        await client.AddPartiesAsync(id, rhf);
        var name = new string('n', 201);

        var response = await client.PostFormAsync($"/avtaler/{id}/rediger/parter", "parties", new()
        {
            ["Form.Rows[0].PartyId"] = rhf.ToString(),
            ["Form.Rows[0].SignatoryName"] = name,
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.HtmlAsync();
        html.Should().Contain("Navnet kan ha høyst 200 tegn.");
        WebClient.InputValue(html, "Form.Rows[0].SignatoryName").Should().Be(name);
    }
}
