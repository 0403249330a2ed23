using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Agreements.Editor;

namespace SamarbeidsAvtaler.Web.Tests.Agreements.Editor;

/// <summary>
/// Two users on the same draft: whoever saves second over a changed record gets the conflict message,
/// nothing of theirs is saved, and no save ends in a duplicate key.
/// </summary>
public sealed class EditorConcurrencyTests(AppFactory app) : EditorTestBase(app)
{
    [Fact]
    public async Task Saving_details_someone_else_changed_is_a_conflict_and_the_form_is_kept()
    {
        var id = await CreateAsync(Operating("Samtidig driftsavtale"));
        var mine = (await Editor.GetDetailsAsync(Caseworker, id))!;
        var theirs = (await SecondEditor().GetDetailsAsync(Caseworker, id))!;
        theirs.Title = "Samtidig driftsavtale (endret av en annen)";
        (await SecondEditor().SaveDetailsAsync(Caseworker, id, theirs)).Succeeded.Should().BeTrue();
        mine.Title = "Min versjon av tittelen";
        mine.PracticeAddress = "Min «adresse» 7, 5003 Bergen";
        var typed = mine.Copy();

        var result = await Editor.SaveDetailsAsync(Caseworker, id, mine);

        result.Status.Should().Be(CommandStatus.Conflict);
        result.Message.Should().StartWith("Noen andre har lagret endringer i denne avtalen");
        mine.Should().BeEquivalentTo(typed);
        (await StoredAsync(id)).Title.Should().Be("Samtidig driftsavtale (endret av en annen)");

        // The page then takes the stored version: a second save is a knowing overwrite.
        mine.Version = (await Editor.GetDetailsAsync(Caseworker, id))!.Version;
        (await Editor.SaveDetailsAsync(Caseworker, id, mine)).Succeeded.Should().BeTrue();
        (await StoredAsync(id)).Title.Should().Be("Min versjon av tittelen");
    }

    [Fact]
    public async Task A_stale_change_of_only_the_practice_position_is_a_conflict()
    {
        var id = await CreateAsync(Operating("Driftsavtale med endret hjemmel"));
        var first = (await Editor.GetDetailsAsync(Caseworker, id))!;
        var stale = first.Copy();
        first.PracticeAddress = "Ny adresse 2, 5003 Bergen";
        stale.PracticeHoursPerWeek = 40;

        (await Editor.SaveDetailsAsync(Caseworker, id, first)).Succeeded.Should().BeTrue();
        (await Editor.SaveDetailsAsync(Caseworker, id, stale)).Status.Should().Be(CommandStatus.Conflict);

        var position = (await StoredAsync(id)).PracticePosition!;
        position.Address.Should().Be("Ny adresse 2, 5003 Bergen");
        position.HoursPerWeek.Should().Be(37.5m);
    }

    [Fact]
    public async Task Two_users_editing_the_same_section_the_second_gets_the_conflict_and_keeps_the_text()
    {
        var id = await CreateAsync(Operating("Driftsavtale med omstridt avsnitt"));
        var sectionId = (await Editor.AddSectionAsync(Caseworker, id, new SectionForm { Heading = "Formål", Body = "Opprinnelig." })).Value;
        var first = (await Editor.GetSectionAsync(Caseworker, id, sectionId))!;
        var second = (await SecondEditor().GetSectionAsync(Caseworker, id, sectionId))!;
        first.Body = "Den første brukerens tekst.";
        second.Body = "Den andre brukerens tekst.";

        var saved = await Editor.SaveSectionAsync(Caseworker, id, sectionId, first);
        var refused = await SecondEditor().SaveSectionAsync(Caseworker, id, sectionId, second);

        saved.Succeeded.Should().BeTrue(saved.Message);
        refused.Status.Should().Be(CommandStatus.Conflict);
        refused.Message.Should().StartWith("Noen andre har lagret endringer i dette avsnittet");
        second.Body.Should().Be("Den andre brukerens tekst.");
        (await StoredAsync(id)).Sections.Single().Body.Should().Be("Den første brukerens tekst.");

        // Taking the stored version, the second user's save goes through knowingly.
        second.Version = (await Editor.GetSectionAsync(Caseworker, id, sectionId))!.Version;
        (await SecondEditor().SaveSectionAsync(Caseworker, id, sectionId, second)).Succeeded.Should().BeTrue();
        (await StoredAsync(id)).Sections.Single().Body.Should().Be("Den andre brukerens tekst.");
    }

    [Fact]
    public async Task Two_sections_added_at_once_get_positions_one_after_the_other()
    {
        var id = await CreateAsync(Operating("Driftsavtale med samtidige avsnitt"));

        var results = await Task.WhenAll(Enumerable.Range(1, 4).Select(i =>
            SecondEditor().AddSectionAsync(Caseworker, id, new SectionForm { Heading = $"Avsnitt {i}", Body = "Tekst." })));

        results.Should().OnlyContain(r => r.Succeeded);
        (await StoredAsync(id)).Sections.Select(s => s.Position).Order().Should().Equal(1, 2, 3, 4);
    }

    [Fact]
    public async Task Two_users_adding_parties_at_once_one_is_saved_and_the_other_gets_the_conflict_never_a_duplicate_key()
    {
        var id = await CreateAsync(SpecialistCooperation("Samarbeidsavtale med samtidige parter"));
        var version = await VersionAsync(id);
        var trust = await PartyIdAsync("Helse Bergen HF");
        var specialist = await PartyIdAsync("Demo Spesialistsen");

        // The same party twice and two different ones, each pair from the same starting version.
        var same = await Task.WhenAll(SecondEditor().AddPartyAsync(Caseworker, id, trust, version), SecondEditor().AddPartyAsync(Caseworker, id, trust, version));
        var newVersion = await VersionAsync(id);
        var different = await Task.WhenAll(
            SecondEditor().AddPartyAsync(Caseworker, id, specialist, newVersion),
            SecondEditor().AddPartyAsync(Caseworker, id, await PartyIdAsync("Testa Prøvesen"), newVersion));

        foreach (var pair in new[] { same, different })
        {
            pair.Count(r => r.Succeeded).Should().Be(1);
            pair.Single(r => !r.Succeeded).Status.Should().Be(CommandStatus.Conflict);
            pair.Single(r => !r.Succeeded).Message.Should().StartWith("Noen andre har lagret endringer i denne avtalen");
        }

        (await StoredAsync(id)).Parties.Should().HaveCount(2);
    }

    [Fact]
    public async Task Saving_signatories_over_someone_elses_change_is_a_conflict()
    {
        var id = await CreateAsync(Operating("Driftsavtale med samtidige underskrivere"));
        await AddPartiesAsync(id, await PartyIdAsync("Helse Sør-Øst RHF"));
        var mine = (await Editor.GetPartiesAsync(Caseworker, id))!;
        var theirs = (await SecondEditor().GetPartiesAsync(Caseworker, id))!;
        theirs.Rows[0].SignatoryName = "Den andre";
        (await SecondEditor().SaveSignatoriesAsync(Caseworker, id, theirs)).Succeeded.Should().BeTrue();
        mine.Rows[0].SignatoryName = "Meg";

        var result = await Editor.SaveSignatoriesAsync(Caseworker, id, mine);

        result.Status.Should().Be(CommandStatus.Conflict);
        mine.Rows[0].SignatoryName.Should().Be("Meg");
        (await StoredAsync(id)).Parties.Single().SignatoryName.Should().Be("Den andre");
    }

    [Fact]
    public async Task Two_users_saving_samarbeidsformer_at_once_one_is_saved_and_the_other_gets_the_conflict()
    {
        var id = await CreateAsync(SpecialistCooperation("Samarbeidsavtale med samtidige samarbeidsformer"));
        var first = (await Editor.GetCooperationFormsAsync(Caseworker, id))!;
        var second = (await SecondEditor().GetCooperationFormsAsync(Caseworker, id))!;
        first.Rows.Single(r => r.Form == CooperationForm.DivisionOfWork).Chosen = true;
        second.Rows.Single(r => r.Form == CooperationForm.DivisionOfWork).Chosen = true;
        second.Rows.Single(r => r.Form == CooperationForm.HolidayCover).Chosen = true;

        var results = await Task.WhenAll(SecondEditor().SaveCooperationFormsAsync(Caseworker, id, first), SecondEditor().SaveCooperationFormsAsync(Caseworker, id, second));

        results.Count(r => r.Succeeded).Should().Be(1);
        results.Single(r => !r.Succeeded).Status.Should().Be(CommandStatus.Conflict);
        var stored = (await StoredAsync(id)).CooperationForms.Count;
        stored.Should().BeOneOf(1, 2);
    }

    [Fact]
    public async Task Two_users_saving_statutory_points_at_once_one_is_saved_and_the_other_gets_the_conflict()
    {
        var overarching = await SignedAsync(Municipal("Overordna for samtidige punkt", AgreementLevel.Overarching));
        var service = await CreateAsync(Municipal("Tenesteavtale for samtidige punkt", AgreementLevel.Service, overarching));
        var version = (await Editor.GetStatutoryAreasAsync(Caseworker, service))!.Version;

        var results = await Task.WhenAll(
            SecondEditor().SaveStatutoryAreasAsync(Caseworker, service, [1, 2], version),
            SecondEditor().SaveStatutoryAreasAsync(Caseworker, service, [2, 3], version));

        results.Count(r => r.Succeeded).Should().Be(1);
        results.Single(r => !r.Succeeded).Status.Should().Be(CommandStatus.Conflict);
    }
}
