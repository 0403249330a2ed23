using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Web.Features.Agreements.Editor;

namespace SamarbeidsAvtaler.Web.Tests.Agreements.Editor;

/// <summary>The search-and-picks of the details form (practice kommune, parent agreement): server-side, limited, and only what fits.</summary>
public sealed class EditorPickerTests(AppFactory app) : EditorTestBase(app)
{
    [Fact]
    public async Task The_kommune_search_offers_kommuner_only()
    {
        var hits = Ids(await Editor.SearchMunicipalitiesAsync(Caseworker, "Berg"));

        hits.Should().Contain(await PartyIdAsync("Bergen kommune"))
            .And.NotContain(await PartyIdAsync("Helse Bergen HF"))
            .And.NotContain(await PartyIdAsync("Demo interkommunalt legevaktsamarbeid"));
        (await Editor.SearchMunicipalitiesAsync(Caseworker, "Berg")).Should().OnlyContain(c => c.Detail == null || c.Detail.StartsWith("org.nr. "));
    }

    [Fact]
    public async Task The_kommune_search_is_empty_without_text_limited_and_safe_with_a_NUL_byte()
    {
        (await Editor.SearchMunicipalitiesAsync(Caseworker, null)).Should().BeEmpty();
        (await Editor.SearchMunicipalitiesAsync(Caseworker, " \0 ")).Should().BeEmpty();
        (await Editor.SearchMunicipalitiesAsync(Caseworker, "e")).Should().HaveCountLessThanOrEqualTo(Editing.MaxHits);
        Ids(await Editor.SearchMunicipalitiesAsync(Caseworker, "Vo\0ss")).Should().Contain(await PartyIdAsync("Voss herad"));
    }

    [Fact]
    public async Task The_parent_search_offers_only_levels_the_agreement_may_hang_under()
    {
        var overarching = await SignedAsync(Municipal("Overordna Plukketest", AgreementLevel.Overarching));
        var service = await SignedAsync(Municipal("Tenesteavtale Plukketest", AgreementLevel.Service, overarching));
        var supplementary = await CreateAsync(Municipal("Særavtale Plukketest", AgreementLevel.Supplementary, service, binding: true));

        var forService = Ids(await Editor.SearchParentsAsync(Caseworker, "plukketest", AgreementLevel.Service, exclude: null));
        var forSupplementary = Ids(await Editor.SearchParentsAsync(Caseworker, "Plukketest", AgreementLevel.Supplementary, exclude: null));
        var forOverarching = await Editor.SearchParentsAsync(Caseworker, "Plukketest", AgreementLevel.Overarching, exclude: null);
        var excludingItself = Ids(await Editor.SearchParentsAsync(Caseworker, "Plukketest", AgreementLevel.Supplementary, exclude: service));

        forService.Should().Contain(overarching).And.NotContain(service).And.NotContain(supplementary);
        forSupplementary.Should().Contain(overarching).And.Contain(service).And.NotContain(supplementary);
        forOverarching.Should().BeEmpty("a level 1 hangs under nothing");
        excludingItself.Should().NotContain(service, "an agreement never hangs under itself");
    }

    [Fact]
    public async Task The_parent_search_finds_by_reference_number_and_treats_wildcards_as_text()
    {
        var overarching = await SignedAsync(Municipal("Overordna med saksnummer", AgreementLevel.Overarching));
        await using var db = App.Database.CreateDbContext();
        var number = await db.Agreements.Where(a => a.Id == overarching).Select(a => a.ReferenceNumber).SingleAsync();

        var hits = await Editor.SearchParentsAsync(Caseworker, number, AgreementLevel.Service, exclude: null);

        hits.Should().ContainSingle(c => c.Id == overarching).Which.Detail.Should().Contain(number);
        (await Editor.SearchParentsAsync(Caseworker, "%", AgreementLevel.Service, exclude: null)).Should().BeEmpty();
        (await Editor.SearchParentsAsync(Caseworker, "Overordna\0 med", AgreementLevel.Service, exclude: null)).Should().Contain(c => c.Id == overarching);
    }

    private static List<Guid> Ids(IEnumerable<Choice> choices) => choices.Select(c => c.Id).ToList();
}
