using System.Net;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Testing;
using SamarbeidsAvtaler.Web.Features.Agreements.Editor;

namespace SamarbeidsAvtaler.Web.Tests.Agreements.Editor;

/// <summary>The editor's pages on first load (the prerender): they render, and answer 403 and 404 as the rest of the app does.</summary>
public sealed class EditorPageTests(AppFactory app) : EditorTestBase(app)
{
    [Fact]
    public async Task The_new_agreement_page_offers_the_three_kinds_and_each_kind_its_form()
    {
        var client = await App.LoggedInAsync(WebClient.Caseworker);

        var choice = await client.GetHtmlAsync("/avtaler/ny");
        var operating = await client.GetHtmlAsync("/avtaler/ny?type=OperatingAgreement");
        var municipal = await client.GetHtmlAsync("/avtaler/ny?type=MunicipalCooperationAgreement");
        var unknown = await client.GetHtmlAsync("/avtaler/ny?type=1");

        choice.Should().Contain("/avtaler/ny?type=OperatingAgreement").And.Contain("/avtaler/ny?type=SpecialistCooperationAgreement")
            .And.Contain("/avtaler/ny?type=MunicipalCooperationAgreement");
        operating.Should().Contain("Ny driftsavtale").And.Contain("Full hjemmel: 37,5 timer per uke i minst 44 uker").And.Contain("Kommune (praksissted)");
        municipal.Should().Contain("Ny samarbeidsavtale kommune–HF").And.Contain("Plass i avtalestrukturen").And.NotContain("Full hjemmel");
        unknown.Should().Contain("Velg hva slags avtale du vil registrere.");
    }

    [Fact]
    public async Task Every_tab_of_a_draft_renders_and_tabs_that_do_not_apply_are_not_offered_and_not_found()
    {
        var client = await App.LoggedInAsync(WebClient.Caseworker);
        var id = await CreateAsync(Operating("Driftsavtale for sidetest"));
        var section = (await Editor.AddSectionAsync(Caseworker, id, new SectionForm { Heading = "Formål", Body = "Tekst." })).Value;

        foreach (var tab in new[] { "", "/parter", "/avsnitt", $"/avsnitt/{section}" })
        {
            var response = await client.GetAsync($"/avtaler/{id}/rediger{tab}");
            response.StatusCode.Should().Be(HttpStatusCode.OK, tab);
            (await response.HtmlAsync()).Should().Contain("Driftsavtale for sidetest").And.Contain("Deler av avtalen");
        }

        (await client.GetHtmlAsync($"/avtaler/{id}/rediger")).Should().NotContain("/rediger/samarbeidsformer").And.NotContain("/rediger/lovpunkter");
        (await client.GetAsync($"/avtaler/{id}/rediger/samarbeidsformer")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync($"/avtaler/{id}/rediger/lovpunkter")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_kind_specific_tabs_render_for_their_kinds()
    {
        var client = await App.LoggedInAsync(WebClient.Caseworker);
        var cooperation = await CreateAsync(SpecialistCooperation("Samarbeidsavtale for sidetest"));
        var overarching = await SignedAsync(Municipal("Overordna for sidetest", AgreementLevel.Overarching));
        var service = await CreateAsync(Municipal("Tenesteavtale for sidetest", AgreementLevel.Service, overarching));

        (await client.GetHtmlAsync($"/avtaler/{cooperation}/rediger/samarbeidsformer")).Should().Contain("Tilsyn med inneliggende pasienter");
        (await client.GetHtmlAsync($"/avtaler/{service}/rediger/lovpunkter")).Should().Contain("Tjenester til barn og unge med behov for sammensatte tjenester");
    }

    [Fact]
    public async Task Editing_a_missing_agreement_or_section_is_not_found()
    {
        var client = await App.LoggedInAsync(WebClient.Caseworker);
        var id = await CreateAsync(Operating("Driftsavtale uten det avsnittet"));

        foreach (var tab in new[] { "", "/parter", "/avsnitt", "/samarbeidsformer", "/lovpunkter", $"/avsnitt/{Guid.NewGuid()}" })
        {
            (await client.GetAsync($"/avtaler/{Guid.NewGuid()}/rediger{tab}")).StatusCode.Should().Be(HttpStatusCode.NotFound, tab);
        }

        (await client.GetAsync($"/avtaler/{id}/rediger/avsnitt/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(WebClient.CooperationManager)]
    [InlineData(WebClient.Specialist)]
    public async Task Other_roles_get_403_on_every_editor_page(string email)
    {
        var id = await CreateAsync(Operating("Driftsavtale for 403"));
        var client = await App.LoggedInAsync(email);

        foreach (var url in new[] { "/avtaler/ny", "/avtaler/ny?type=OperatingAgreement", $"/avtaler/{id}/rediger", $"/avtaler/{id}/rediger/parter",
                     $"/avtaler/{id}/rediger/avsnitt" })
        {
            (await client.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.Forbidden, url);
        }
    }

    [Fact]
    public async Task A_signed_agreement_shows_the_refusal_and_no_form()
    {
        var client = await App.LoggedInAsync(WebClient.Caseworker);
        Guid id;
        await using (var setup = App.Database.CreateDbContext())
        {
            var rhf = setup.Parties.Single(p => p.Name == "Helse Sør-Øst RHF");
            var specialist = setup.Parties.Single(p => p.Name == "Eksempel Hjertelund");
            var signed = AgreementScenarios.OperatingDraft(rhf, specialist, "Signert driftsavtale for sidetest").SignedByAll();
            setup.Agreements.Add(signed);
            await setup.SaveChangesAsync();
            id = signed.Id;
        }

        foreach (var tab in new[] { "", "/parter", "/avsnitt" })
        {
            var html = await client.GetHtmlAsync($"/avtaler/{id}/rediger{tab}");
            html.Should().Contain("Bare et utkast kan endres.").And.NotContain("Lagre").And.NotContain("Legg til");
        }
    }
}
