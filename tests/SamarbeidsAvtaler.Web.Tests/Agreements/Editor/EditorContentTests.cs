using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Agreements.Editor;

namespace SamarbeidsAvtaler.Web.Tests.Agreements.Editor;

/// <summary>The draft's content: sections of text, samarbeidsformer with the compensation they need, and § 6-2 points.</summary>
public sealed class EditorContentTests(AppFactory app) : EditorTestBase(app)
{
    [Fact]
    public async Task Sections_are_added_headed_ordered_edited_moved_and_deleted()
    {
        var id = await CreateAsync(Operating("Driftsavtale med avsnitt"));
        var ids = new Dictionary<string, Guid>();
        foreach (var heading in new[] { "Formål", "Hjemmel", "Oppsigelse" })
        {
            var added = await Editor.AddSectionAsync(Caseworker, id, new SectionForm { Heading = heading, Body = $"Tekst om {heading.ToLowerInvariant()}." });
            added.Succeeded.Should().BeTrue(added.Message);
            ids[heading] = added.Value;
        }

        async Task<List<(string Heading, int Position)>> Sections() =>
            (await Editor.GetSectionsAsync(Caseworker, id))!.Select(s => (s.Heading, s.Position)).ToList();

        (await Sections()).Should().Equal(("Formål", 1), ("Hjemmel", 2), ("Oppsigelse", 3));

        (await Editor.MoveSectionAsync(Caseworker, id, ids["Oppsigelse"], -1)).Succeeded.Should().BeTrue();
        (await Sections()).Should().Equal(("Formål", 1), ("Oppsigelse", 2), ("Hjemmel", 3));
        (await Editor.MoveSectionAsync(Caseworker, id, ids["Formål"], -1)).Succeeded.Should().BeTrue("moving the first up is a no-op, not an error");
        (await Sections()).Should().Equal(("Formål", 1), ("Oppsigelse", 2), ("Hjemmel", 3));

        var section = (await Editor.GetSectionAsync(Caseworker, id, ids["Formål"]))!;
        section.Position.Should().Be(1);
        section.Heading = "Formål og bakgrunn";
        section.Body = "Ny tekst\nover to linjer.";
        var edited = await Editor.SaveSectionAsync(Caseworker, id, ids["Formål"], section);
        edited.Succeeded.Should().BeTrue(edited.Message);

        var deleted = await Editor.DeleteSectionAsync(Caseworker, id, ids["Oppsigelse"]);
        deleted.Succeeded.Should().BeTrue(deleted.Message);
        (await Sections()).Should().Equal(("Formål og bakgrunn", 1), ("Hjemmel", 2));
        (await Editor.GetSectionAsync(Caseworker, id, ids["Formål"]))!.Body.Should().Be("Ny tekst\nover to linjer.");
        (await Editor.DeleteSectionAsync(Caseworker, id, ids["Oppsigelse"])).Status.Should().Be(CommandStatus.NotFound, "it is gone");
    }

    [Fact]
    public async Task A_section_without_a_heading_or_with_too_long_a_text_is_refused_and_the_form_is_kept()
    {
        var id = await CreateAsync(Operating("Driftsavtale med avsnittsfeil"));
        var form = new SectionForm { Heading = " ", Body = "Teksten «som» skal bli stående, æøå." };

        var noHeading = await Editor.AddSectionAsync(Caseworker, id, form);
        var tooLong = await Editor.AddSectionAsync(Caseworker, id, new SectionForm { Heading = new string('h', 301), Body = new string('b', 100_001) });

        noHeading.Errors.Should().ContainSingle(e => e.Field == "Heading").Which.Message.Should().Be("Overskrift må fylles ut.");
        form.Body.Should().Be("Teksten «som» skal bli stående, æøå.");
        tooLong.Errors.Select(e => e.Field).Should().BeEquivalentTo(["Heading", "Body"]);
        (await StoredAsync(id)).Sections.Should().BeEmpty();
    }

    [Fact]
    public async Task Compensation_is_required_when_inpatient_supervision_is_chosen()
    {
        var id = await CreateAsync(SpecialistCooperation("Samarbeidsavtale med tilsyn"));
        var form = (await Editor.GetCooperationFormsAsync(Caseworker, id))!;
        form.Rows.Select(r => r.Form).Should().Equal(Enum.GetValues<CooperationForm>(), "every form is offered, in the order of 000");
        Choose(form, CooperationForm.ProfessionalCooperation, "Felles fagdager");
        Choose(form, CooperationForm.InpatientSupervision, "Tilsyn «på» sengepost");
        form.Compensation = " ";

        var refused = await Editor.SaveCooperationFormsAsync(Caseworker, id, form);

        refused.Errors.Should().ContainSingle(e => e.Field == nameof(CooperationFormsForm.Compensation))
            .Which.Message.Should().Be("Tilsyn med inneliggende pasienter dekkes ikke av takstene: avtalt godtgjøring må fylles ut.");
        form.Rows.Single(r => r.Form == CooperationForm.InpatientSupervision).Should().BeEquivalentTo(
            new CooperationFormRow { Form = CooperationForm.InpatientSupervision, Chosen = true, Description = "Tilsyn «på» sengepost" });
        (await StoredAsync(id)).CooperationForms.Should().BeEmpty();

        form = (await Editor.GetCooperationFormsAsync(Caseworker, id))!;
        Choose(form, CooperationForm.InpatientSupervision, "Tilsyn på sengepost");
        form.Compensation = "Timepris etter avtale";
        (await Editor.SaveCooperationFormsAsync(Caseworker, id, form)).Succeeded.Should().BeTrue();
        var stored = await StoredAsync(id);
        stored.Compensation.Should().Be("Timepris etter avtale");
        stored.CooperationForms.Should().ContainSingle().Which.Form.Should().Be(CooperationForm.InpatientSupervision);

        // Choosing again replaces the choice, keeping what stays.
        form = (await Editor.GetCooperationFormsAsync(Caseworker, id))!;
        form.Rows.Single(r => r.Form == CooperationForm.InpatientSupervision).Description.Should().Be("Tilsyn på sengepost");
        Choose(form, CooperationForm.InpatientSupervision, "Tilsyn på sengepost, endret");
        Choose(form, CooperationForm.HolidayCover, "Dekker hverandre i ferier");
        (await Editor.SaveCooperationFormsAsync(Caseworker, id, form)).Succeeded.Should().BeTrue();
        (await StoredAsync(id)).CooperationForms.Select(f => f.Form).Should().BeEquivalentTo([CooperationForm.InpatientSupervision, CooperationForm.HolidayCover]);
    }

    [Fact]
    public async Task Statutory_point_12_is_refused_on_an_agreement_valid_from_before_1_august_2022()
    {
        var overarching = await SignedAsync(Municipal("Overordna frå 2022", AgreementLevel.Overarching, validFrom: new DateTime(2022, 1, 1)));
        var service = await CreateAsync(Municipal("Tenesteavtale frå juli 2022", AgreementLevel.Service, overarching, validFrom: new DateTime(2022, 7, 1)));
        var form = (await Editor.GetStatutoryAreasAsync(Caseworker, service))!;
        form.Offered.Select(a => a.Number).Should().Equal(Enumerable.Range(1, 11), "on 01.07.2022 § 6-2 had 11 points");

        var result = await Editor.SaveStatutoryAreasAsync(Caseworker, service, [3, 12], form.Version);

        result.Errors.Should().ContainSingle(e => e.Field == nameof(StatutoryAreasForm.Areas))
            .Which.Message.Should().Be("§ 6-2 punkt 12 gjaldt ikke 01.07.2022. Fra 1. august 2022 har loven 13 punkter, før det 11.");
        (await StoredAsync(service)).StatutoryAreas.Should().BeEmpty();
    }

    [Fact]
    public async Task Statutory_points_from_august_2022_are_thirteen_and_a_later_change_of_date_is_checked_again()
    {
        var overarching = await SignedAsync(Municipal("Overordna frå august 2022", AgreementLevel.Overarching));
        var service = await CreateAsync(Municipal("Tenesteavtale om barn og unge", AgreementLevel.Service, overarching));
        var form = (await Editor.GetStatutoryAreasAsync(Caseworker, service))!;
        form.Offered.Should().Contain(a => a.Number == 13 && a.Title == "Tjenester til barn og unge med behov for sammensatte tjenester");
        (await Editor.SaveStatutoryAreasAsync(Caseworker, service, [13], form.Version)).Succeeded.Should().BeTrue();

        // Moving the valid-from date to before 1 August 2022 would leave point 13 uncovered by the law.
        var details = (await Editor.GetDetailsAsync(Caseworker, service))!;
        details.ValidFrom = new DateTime(2022, 6, 1);
        var result = await Editor.SaveDetailsAsync(Caseworker, service, details);

        result.Errors.Should().ContainSingle(e => e.Field == nameof(AgreementForm.ValidFrom)).Which.Message.Should().StartWith("§ 6-2 punkt 13 gjaldt ikke 01.06.2022.");
        (await StoredAsync(service)).ValidFrom.Should().Be(new DateOnly(2022, 8, 1));
    }

    [Fact]
    public async Task Saving_the_details_of_a_level_2_agreement_keeps_its_points()
    {
        var overarching = await SignedAsync(Municipal("Overordna for lagring", AgreementLevel.Overarching));
        var service = await CreateAsync(Municipal("Tenesteavtale for lagring", AgreementLevel.Service, overarching));
        (await Editor.SaveStatutoryAreasAsync(Caseworker, service, [2, 4], (await Editor.GetStatutoryAreasAsync(Caseworker, service))!.Version))
            .Succeeded.Should().BeTrue();
        var details = (await Editor.GetDetailsAsync(Caseworker, service))!;
        details.Title = "Tenesteavtale for lagring, endra";

        (await Editor.SaveDetailsAsync(Caseworker, service, details)).Succeeded.Should().BeTrue();

        await using var db = App.Database.CreateDbContext();
        (await db.AgreementStatutoryAreas.Where(a => a.AgreementId == service).Select(a => a.AreaNumber).ToListAsync()).Should().BeEquivalentTo([2, 4]);
    }

    private static void Choose(CooperationFormsForm form, CooperationForm which, string description)
    {
        var row = form.Rows.Single(r => r.Form == which);
        row.Chosen = true;
        row.Description = description;
    }
}
