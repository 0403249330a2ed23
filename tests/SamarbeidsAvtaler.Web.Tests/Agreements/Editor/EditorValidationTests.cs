using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Agreements.Editor;

namespace SamarbeidsAvtaler.Web.Tests.Agreements.Editor;

/// <summary>Wrong input is refused with a Norwegian message for the field it belongs to; nothing is saved and the form is left as typed.</summary>
public sealed class EditorValidationTests(AppFactory app) : EditorTestBase(app)
{
    public static TheoryData<string, Action<AgreementForm>, string> InvalidDriftsavtale => new()
    {
        { nameof(AgreementForm.Title), f => f.Title = "", "Tittel må fylles ut." },
        { nameof(AgreementForm.ValidFrom), f => f.ValidFrom = null, "Gyldig fra må fylles ut." },
        { nameof(AgreementForm.ValidTo), f => f.ValidTo = new DateTime(2025, 12, 31), "Gyldig til kan ikke være før gyldig fra." },
        { nameof(AgreementForm.PracticeSharePercent), f => f.PracticeSharePercent = 0, "Andelen av en hel hjemmel må være mellom 1 og 100 %." },
        { nameof(AgreementForm.PracticeSharePercent), f => f.PracticeSharePercent = null, "Andel av hel hjemmel må fylles ut." },
        { nameof(AgreementForm.PracticeSpecialty), f => f.PracticeSpecialty = "", "Spesialitet må fylles ut." },
        { nameof(AgreementForm.PracticeWeeksPerYear), f => f.PracticeWeeksPerYear = 40, "En driftsavtale forutsetter praksis minst 44 uker i året (R7)." },
        { nameof(AgreementForm.NoticePeriodMonths), f => f.NoticePeriodMonths = 36, "Oppsigelsestiden må være mellom 1 og 24 måneder." },
        { nameof(AgreementForm.PracticeHoursPerWeek), f => f.PracticeHoursPerWeek = 30, "En hjemmel på 100 % krever minst 37,5 timer per uke (37,5 timer for full hjemmel, R7)." },
    };

    [Theory]
    [MemberData(nameof(InvalidDriftsavtale))]
    public async Task Invalid_driftsavtale_details_are_refused_for_the_field_and_the_form_is_kept(string field, Action<AgreementForm> change, string message)
    {
        var title = "Ugyldig driftsavtale " + Guid.NewGuid().ToString("N")[..6];
        var form = Operating(title);
        form.PracticeAddress = "Kari «Kontakt» Æøå-gata 3";
        change(form);
        var typed = form.Copy();

        var result = await Editor.CreateAsync(Caseworker, form);

        result.Status.Should().Be(CommandStatus.Invalid);
        result.Errors.Should().ContainSingle(e => e.Field == field).Which.Message.Should().Be(message);
        form.Should().BeEquivalentTo(typed, "the service leaves what the user typed as it was");
        await using var db = App.Database.CreateDbContext();
        (await db.Agreements.AnyAsync(a => a.Title == title || a.Title == string.Empty)).Should().BeFalse();
    }

    [Fact]
    public async Task R7_a_half_position_needs_half_the_hours()
    {
        var form = Operating("Halv hjemmel med nok timer");
        form.PracticeSharePercent = 50;
        form.PracticeHoursPerWeek = 18.75m;

        var id = await CreateAsync(form);

        (await StoredAsync(id)).PracticePosition!.HoursPerWeek.Should().Be(18.75m);
    }

    [Fact]
    public async Task R4_level_2_without_a_parent_is_refused()
    {
        var result = await Editor.CreateAsync(Caseworker, Municipal("Tenesteavtale utan overordna", AgreementLevel.Service));

        result.Errors.Should().ContainSingle(e => e.Field == nameof(AgreementForm.ParentAgreement))
            .Which.Message.Should().Be("En tjenesteavtale må høre under en overordnet samarbeidsavtale (R4).");
        await using var db = App.Database.CreateDbContext();
        (await db.Agreements.AnyAsync(a => a.Title == "Tenesteavtale utan overordna")).Should().BeFalse();
    }

    [Fact]
    public async Task R4_level_2_under_another_level_2_is_refused()
    {
        var overarching = await SignedAsync(Municipal("Overordna for R4-test", AgreementLevel.Overarching));
        var service = await CreateAsync(Municipal("Tenesteavtale for R4-test", AgreementLevel.Service, overarching));

        // Not offered by the picker; sent by hand.
        var result = await Editor.CreateAsync(Caseworker, Municipal("Tenesteavtale under tenesteavtale", AgreementLevel.Service, service));

        result.Errors.Should().ContainSingle(e => e.Field == nameof(AgreementForm.ParentAgreement))
            .Which.Message.Should().Be("En tjenesteavtale (nivå 2) kan ikke høre under en tjenesteavtale (nivå 2) (R4).");
    }

    [Fact]
    public async Task R4_level_2_under_an_unsigned_level_1_is_refused()
    {
        var draft = await CreateAsync(Municipal("Overordna som ikkje er signert", AgreementLevel.Overarching));

        var result = await Editor.CreateAsync(Caseworker, Municipal("Tenesteavtale under utkast", AgreementLevel.Service, draft));

        result.Errors.Should().ContainSingle(e => e.Field == nameof(AgreementForm.ParentAgreement))
            .Which.Message.Should().Contain("må være signert og ikke avsluttet").And.Contain("Utkast").And.Contain("R4");
        (await Editor.SearchParentsAsync(Caseworker, "ikkje er signert", AgreementLevel.Service, exclude: null)).Should().BeEmpty(
            "the picker offers only signed parents that have not ended");
    }

    [Fact]
    public async Task R4_a_party_of_a_level_2_agreement_must_be_party_of_the_level_1_above()
    {
        var overarching = await SignedAsync(Municipal("Overordna utan Utanforvik", AgreementLevel.Overarching));
        var outsider = await CreatePartyAsync("Utanforvik kommune");
        var service = await CreateAsync(Municipal("Tenesteavtale med partskontroll", AgreementLevel.Service, overarching));
        await AddPartiesAsync(service, await PartyIdAsync("Bergen kommune"));

        var result = await Editor.AddPartyAsync(Caseworker, service, outsider, await VersionAsync(service));

        result.Succeeded.Should().BeFalse();
        result.Message.Should().Contain("«Utanforvik kommune» er ikke part i avtalen over").And.Contain("R4");
        (await StoredAsync(service)).Parties.Select(p => p.PartyId).Should().NotContain(outsider);
    }

    [Fact]
    public async Task R4_a_parent_that_is_not_a_kommune_HF_agreement_is_refused()
    {
        var operating = await CreateAsync(Operating("Driftsavtale som ikke er overordnet"));

        var result = await Editor.CreateAsync(Caseworker, Municipal("Tenesteavtale under driftsavtale", AgreementLevel.Service, operating));

        result.Errors.Should().ContainSingle(e => e.Field == nameof(AgreementForm.ParentAgreement))
            .Which.Message.Should().Be("Velg en overordnet samarbeidsavtale fra søket.");
    }

    [Fact]
    public async Task R4_level_1_with_agreements_under_it_cannot_become_level_2()
    {
        var top = await SignedAsync(Municipal("Overordna som skal flyttast", AgreementLevel.Overarching));
        var other = await CreateAsync(Municipal("Ein annan overordna", AgreementLevel.Overarching));
        await CreateAsync(Municipal("Tenesteavtale under den første", AgreementLevel.Service, top));
        var form = (await Editor.GetDetailsAsync(Caseworker, top))!;
        form.Level = AgreementLevel.Service;
        form.ParentAgreement = new Choice(other, "Ein annan overordna", null);

        var result = await Editor.SaveDetailsAsync(Caseworker, top, form);

        result.Errors.Should().ContainSingle(e => e.Field == nameof(AgreementForm.Level)).Which.Message
            .Should().Be("Avtalen har underordnede avtaler (tjenesteavtale (nivå 2)) som ikke kan høre under en tjenesteavtale (nivå 2) (R4).");
        (await StoredAsync(top)).Level.Should().Be(AgreementLevel.Overarching);
    }

    [Fact]
    public async Task R5_level_3_without_a_binding_answer_is_refused()
    {
        var overarching = await SignedAsync(Municipal("Overordna for R5-test", AgreementLevel.Overarching));
        var form = Municipal("Særavtale utan svar om binding", AgreementLevel.Supplementary, overarching);

        var result = await Editor.CreateAsync(Caseworker, form);

        result.Errors.Should().ContainSingle(e => e.Field == nameof(AgreementForm.IsLegallyBinding))
            .Which.Message.Should().Be("En særavtale må si om den er rettslig bindende (R5).");
        form.ParentAgreement!.Id.Should().Be(overarching, "the chosen parent is kept");
        await using var db = App.Database.CreateDbContext();
        (await db.Agreements.AnyAsync(a => a.Title == "Særavtale utan svar om binding")).Should().BeFalse();
    }

    [Fact]
    public async Task R5_a_binding_særavtale_is_stored_as_binding_and_levels_1_and_2_are_binding_by_law()
    {
        var overarching = await SignedAsync(Municipal("Overordna for binding", AgreementLevel.Overarching, binding: false));
        var supplementary = await CreateAsync(Municipal("Bindande særavtale", AgreementLevel.Supplementary, overarching, binding: true));

        (await StoredAsync(overarching)).IsLegallyBinding.Should().BeTrue("a level 1 agreement binds by law whatever the form said");
        (await StoredAsync(supplementary)).IsLegallyBinding.Should().BeTrue();
    }

    [Fact]
    public async Task Kommune_HF_agreement_without_a_level_is_refused()
    {
        var result = await Editor.CreateAsync(Caseworker, Municipal("Avtale utan nivå", level: null));

        result.Errors.Should().ContainSingle(e => e.Field == nameof(AgreementForm.Level))
            .Which.Message.Should().Be("Velg nivå: overordnet avtale, tjenesteavtale eller særavtale.");
    }

    [Fact]
    public async Task Valid_to_before_valid_from_is_refused_on_the_details_tab_too()
    {
        var id = await CreateAsync(SpecialistCooperation("Samarbeidsavtale med datofeil"));
        var form = (await Editor.GetDetailsAsync(Caseworker, id))!;
        form.ValidTo = new DateTime(2026, 1, 15);

        var result = await Editor.SaveDetailsAsync(Caseworker, id, form);

        result.Errors.Should().ContainSingle(e => e.Field == nameof(AgreementForm.ValidTo)).Which.Message.Should().Be("Gyldig til kan ikke være før gyldig fra.");
        form.ValidTo.Should().Be(new DateTime(2026, 1, 15));
        (await StoredAsync(id)).ValidTo.Should().BeNull();
    }

    [Fact]
    public async Task A_practice_location_that_is_not_a_kommune_is_refused()
    {
        var result = await Editor.CreateAsync(Caseworker, Operating("Driftsavtale med feil sted", await PartyIdAsync("Helse Bergen HF")));

        result.Errors.Should().ContainSingle(e => e.Field == nameof(AgreementForm.PracticeMunicipality)).Which.Message.Should().Be("Velg en kommune fra søket.");
        await using var db = App.Database.CreateDbContext();
        (await db.Agreements.AnyAsync(a => a.Title == "Driftsavtale med feil sted")).Should().BeFalse();
    }

    [Fact]
    public async Task An_unknown_kind_is_refused()
    {
        var form = Operating("Avtale av ukjent type");
        form.Kind = (AgreementKind)99;

        var result = await Editor.CreateAsync(Caseworker, form);

        result.Errors.Should().ContainSingle(e => e.Field == nameof(AgreementForm.Kind)).Which.Message.Should().Be("Velg avtaletype.");
    }

    private async Task<Guid> CreatePartyAsync(string name)
    {
        await using var db = App.Database.CreateDbContext();
        var party = SamarbeidsAvtaler.Domain.Parties.Party.Create(new(SamarbeidsAvtaler.Domain.Parties.PartyKind.Municipality, name), DateTimeOffset.UtcNow);
        db.Parties.Add(party);
        await db.SaveChangesAsync();
        return party.Id;
    }
}
