using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Agreements.Editor;

namespace SamarbeidsAvtaler.Web.Tests.Agreements.Editor;

/// <summary>The parties tab: searching the register for parties the kind takes, adding, removing, and who signs.</summary>
public sealed class EditorPartyTests(AppFactory app) : EditorTestBase(app)
{
    [Fact]
    public async Task Party_search_finds_by_name_and_hpr_number_and_never_offers_a_kind_the_driftsavtale_cannot_take()
    {
        var id = await CreateAsync(Operating("Driftsavtale for partssøk"));

        var helse = Ids(await Editor.SearchPartiesAsync(Caseworker, id, "Helse"));
        var bergen = await Editor.SearchPartiesAsync(Caseworker, id, "Bergen");
        var byHpr = await Editor.SearchPartiesAsync(Caseworker, id, "9900101");
        var byName = await Editor.SearchPartiesAsync(Caseworker, id, "spesialistsen");

        helse.Should().Contain(await PartyIdAsync("Helse Sør-Øst RHF")).And.Contain(await PartyIdAsync("Helse Vest RHF"))
            .And.NotContain(await PartyIdAsync("Helse Bergen HF"), "an HF is no party to a driftsavtale");
        bergen.Should().BeEmpty("neither a kommune nor an HF is a party to a driftsavtale");
        byHpr.Select(h => h.Name).Should().Contain("Demo Spesialistsen");
        byHpr.Single(h => h.Name == "Demo Spesialistsen").Number.Should().StartWith("HPR ");
        Ids(byName).Should().Contain(await PartyIdAsync("Demo Spesialistsen"));
    }

    [Fact]
    public async Task Party_search_in_a_kommune_HF_agreement_offers_kommuner_and_trusts_but_no_specialists()
    {
        var id = await CreateAsync(Municipal("Overordna for partssøk", AgreementLevel.Overarching));

        var bergen = Ids(await Editor.SearchPartiesAsync(Caseworker, id, "Bergen"));
        var demo = Ids(await Editor.SearchPartiesAsync(Caseworker, id, "Demo"));

        bergen.Should().Contain(await PartyIdAsync("Bergen kommune")).And.Contain(await PartyIdAsync("Helse Bergen HF"));
        Ids(await Editor.SearchPartiesAsync(Caseworker, id, "legevakt")).Should().Contain(await PartyIdAsync("Demo interkommunalt legevaktsamarbeid"));
        demo.Should().NotContain(await PartyIdAsync("Demo Spesialistsen"));
    }

    [Fact]
    public async Task Party_search_without_a_search_text_lists_nothing_and_leaves_out_parties_already_in_the_agreement()
    {
        var id = await CreateAsync(Operating("Driftsavtale for utvalg"));
        var southEast = await PartyIdAsync("Helse Sør-Øst RHF");
        await AddPartiesAsync(id, southEast);

        (await Editor.SearchPartiesAsync(Caseworker, id, null)).Should().BeEmpty();
        (await Editor.SearchPartiesAsync(Caseworker, id, "   ")).Should().BeEmpty();
        Ids(await Editor.SearchPartiesAsync(Caseworker, id, "Helse")).Should().NotContain(southEast).And.Contain(await PartyIdAsync("Helse Vest RHF"));
    }

    [Fact]
    public async Task Party_search_is_limited_and_survives_a_NUL_byte_and_wildcards()
    {
        var id = await CreateAsync(Municipal("Overordna for grensetest", AgreementLevel.Overarching));

        (await Editor.SearchPartiesAsync(Caseworker, id, "e")).Should().HaveCountLessThanOrEqualTo(Editing.MaxHits);
        Ids(await Editor.SearchPartiesAsync(Caseworker, id, "Ber\0gen")).Should().Contain(await PartyIdAsync("Bergen kommune"));
        (await Editor.SearchPartiesAsync(Caseworker, id, "%")).Should().BeEmpty("a % is a character to find, not a wildcard");
        (await Editor.SearchPartiesAsync(Caseworker, id, new string('x', 100_000))).Should().BeEmpty();
    }

    [Fact]
    public async Task Adding_a_party_of_a_wrong_kind_is_refused_by_the_domain()
    {
        var id = await CreateAsync(Operating("Driftsavtale for feil part"));

        var result = await Editor.AddPartyAsync(Caseworker, id, await PartyIdAsync("Bergen kommune"), await VersionAsync(id));

        result.Status.Should().Be(CommandStatus.Refused);
        result.Message.Should().Be("Bergen kommune (Kommune) kan ikke være part i en driftsavtale.");
        (await StoredAsync(id)).Parties.Should().BeEmpty();
    }

    [Fact]
    public async Task Adding_the_same_party_twice_or_an_unknown_party_is_refused()
    {
        var id = await CreateAsync(Operating("Driftsavtale for dobbel part"));
        var rhf = await PartyIdAsync("Helse Sør-Øst RHF");
        await AddPartiesAsync(id, rhf);

        var twice = await Editor.AddPartyAsync(Caseworker, id, rhf, await VersionAsync(id));
        var unknown = await Editor.AddPartyAsync(Caseworker, id, Guid.NewGuid(), await VersionAsync(id));

        twice.Message.Should().Be("Samme part er lagt til to ganger.");
        unknown.Message.Should().StartWith("Parten finnes ikke eller er deaktivert.");
        (await StoredAsync(id)).Parties.Should().ContainSingle();
    }

    [Fact]
    public async Task Signatories_are_saved_and_a_party_is_removed_keeping_the_others()
    {
        var id = await CreateAsync(SpecialistCooperation("Samarbeidsavtale for underskrivere"));
        var trust = await PartyIdAsync("Helse Bergen HF");
        var first = await PartyIdAsync("Prøve Øre-Nesesen");
        var second = await PartyIdAsync("Testine Gynesen");
        await AddPartiesAsync(id, trust, first, second);
        var form = (await Editor.GetPartiesAsync(Caseworker, id))!;
        form.Rows.Select(r => r.Role).Should().BeInAscendingOrder("the parties are listed in the order of the roles");
        form.Rows.Single(r => r.PartyId == trust).Role.Should().Be(AgreementPartyRole.SpecialistService);
        Row(form, trust).SignatoryName = "Hanne HF-direktør";
        Row(form, trust).SignatoryTitle = "Administrerende direktør";
        Row(form, first).SignatoryName = "Prøve Øre-Nesesen";
        Row(form, second).SignatoryName = "Testine Gynesen";

        var saved = await Editor.SaveSignatoriesAsync(Caseworker, id, form);
        var removed = await Editor.RemovePartyAsync(Caseworker, id, second, saved.Value);

        saved.Succeeded.Should().BeTrue(saved.Message);
        removed.Succeeded.Should().BeTrue(removed.Message);
        await using var db = App.Database.CreateDbContext();
        var parties = await db.AgreementParties.Where(p => p.AgreementId == id).ToListAsync();
        parties.Select(p => (p.PartyId, p.Role, p.SignatoryName, p.SignatoryTitle)).Should().BeEquivalentTo(new[]
        {
            (trust, AgreementPartyRole.SpecialistService, (string?)"Hanne HF-direktør", (string?)"Administrerende direktør"),
            (first, AgreementPartyRole.Specialist, (string?)"Prøve Øre-Nesesen", (string?)null),
        });
    }

    [Fact]
    public async Task An_over_long_signatory_name_is_refused_beside_its_row_and_kept()
    {
        var id = await CreateAsync(Operating("Driftsavtale med langt navn"));
        await AddPartiesAsync(id, await PartyIdAsync("Helse Sør-Øst RHF"));
        var form = (await Editor.GetPartiesAsync(Caseworker, id))!;
        var name = new string('n', 201);
        form.Rows[0].SignatoryName = name;

        var result = await Editor.SaveSignatoriesAsync(Caseworker, id, form);

        result.Status.Should().Be(CommandStatus.Invalid);
        result.Errors.Should().ContainSingle().Which.Should().Be(new SamarbeidsAvtaler.Domain.FieldError("Rows[0].SignatoryName", "Navnet kan ha høyst 200 tegn."));
        form.Rows[0].SignatoryName.Should().Be(name);
        (await StoredAsync(id)).Parties.Single().SignatoryName.Should().BeNull();
    }

    private static SignatoryRow Row(PartiesForm form, Guid partyId) => form.Rows.Single(r => r.PartyId == partyId);

    private static List<Guid> Ids(IEnumerable<PartyHit> hits) => hits.Select(h => h.Id).ToList();
}
