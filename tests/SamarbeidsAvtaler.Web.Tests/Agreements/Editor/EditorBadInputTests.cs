using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Agreements.Editor;

namespace SamarbeidsAvtaler.Web.Tests.Agreements.Editor;

/// <summary>Hostile or mistaken input is refused with a message before the database, never a 500 (issue 7, section 7).</summary>
public sealed class EditorBadInputTests(AppFactory app) : EditorTestBase(app)
{
    public static TheoryData<string, Action<AgreementForm>, string> TooLong => new()
    {
        { nameof(AgreementForm.PracticeSpecialty), f => f.PracticeSpecialty = new string('s', 101), "Spesialiteten kan ha høyst 100 tegn." },
        { nameof(AgreementForm.PracticeAddress), f => f.PracticeAddress = new string('a', 201), "Adressen kan ha høyst 200 tegn." },
        { nameof(AgreementForm.PracticeStaffing), f => f.PracticeStaffing = new string('b', 4001), "Bemanningen kan ha høyst 4\u00A0000 tegn." },
        { nameof(AgreementForm.PracticeProfile), f => f.PracticeProfile = new string('p', 4001), "Praksisprofilen kan ha høyst 4\u00A0000 tegn." },
        { nameof(AgreementForm.PracticeNormFigures), f => f.PracticeNormFigures = new string('n', 4001), "Normtallene kan ha høyst 4\u00A0000 tegn." },
        { nameof(AgreementForm.Title), f => f.Title = new string('t', 301), "Tittelen kan ha høyst 300 tegn." },
        { nameof(AgreementForm.Replaces), f => f.Replaces = new string('r', 4001), "Teksten kan ha høyst 4\u00A0000 tegn." },
    };

    [Theory]
    [MemberData(nameof(TooLong))]
    public async Task Text_longer_than_its_column_is_refused_beside_the_field_on_create_and_on_save(string field, Action<AgreementForm> change, string message)
    {
        var form = Operating("Driftsavtale med for lang tekst");
        change(form);
        var typed = form.Copy();
        var id = await CreateAsync(Operating("Driftsavtale som skal få for lang tekst"));
        var details = (await Editor.GetDetailsAsync(Caseworker, id))!;
        change(details);

        var created = await Editor.CreateAsync(Caseworker, form);
        var saved = await Editor.SaveDetailsAsync(Caseworker, id, details);

        foreach (var result in new CommandResult[] { created, saved })
        {
            result.Status.Should().Be(CommandStatus.Invalid);
            result.Errors.Should().ContainSingle(e => e.Field == field).Which.Message.Should().Be(message);
        }

        form.Should().BeEquivalentTo(typed);
        (await StoredAsync(id)).Title.Should().Be("Driftsavtale som skal få for lang tekst");
    }

    public static TheoryData<string, Action<AgreementForm, DateTime>> Dates => new()
    {
        { nameof(AgreementForm.ValidFrom), (f, d) => f.ValidFrom = d },
        { nameof(AgreementForm.ValidTo), (f, d) => f.ValidTo = d },
        { nameof(AgreementForm.NextReviewDate), (f, d) => f.NextReviewDate = d },
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public async Task Dates_0001_01_01_and_9999_12_31_are_refused_with_a_message(string field, Action<AgreementForm, DateTime> set)
    {
        foreach (var date in new[] { DateTime.MinValue.Date, new DateTime(9999, 12, 31) })
        {
            var form = Operating("Driftsavtale med umulig dato");
            set(form, date);

            var result = await Editor.CreateAsync(Caseworker, form);

            result.Status.Should().Be(CommandStatus.Invalid);
            result.Errors.Should().ContainSingle(e => e.Field == field).Which.Message.Should().EndWith("må være en dato mellom 01.01.1900 og 31.12.2199.");
        }

        await using var db = App.Database.CreateDbContext();
        (await db.Agreements.AnyAsync(a => a.Title == "Driftsavtale med umulig dato")).Should().BeFalse();
    }

    [Fact]
    public async Task A_valid_from_of_9999_12_31_on_the_details_tab_is_refused_and_the_agreement_stays_readable()
    {
        var id = await CreateAsync(Operating("Driftsavtale som skal tåle datoer"));
        var form = (await Editor.GetDetailsAsync(Caseworker, id))!;
        form.ValidFrom = new DateTime(9999, 12, 31);

        (await Editor.SaveDetailsAsync(Caseworker, id, form)).Status.Should().Be(CommandStatus.Invalid);

        (await StoredAsync(id)).ValidFrom.Should().Be(new DateOnly(2026, 1, 1));
        (await Editor.GetDetailsAsync(Caseworker, id)).Should().NotBeNull();
    }

    [Fact]
    public async Task NUL_bytes_in_texts_are_taken_out_before_the_database()
    {
        var form = Operating("Driftsavtale\0 med NUL");
        form.PracticeAddress = "Gata\0 1";
        var id = await CreateAsync(form);
        var section = await Editor.AddSectionAsync(Caseworker, id, new SectionForm { Heading = "For\0mål", Body = "Tekst\0." });
        await AddPartiesAsync(id, await PartyIdAsync("Helse Sør-Øst RHF"));
        var parties = (await Editor.GetPartiesAsync(Caseworker, id))!;
        parties.Rows[0].SignatoryName = "Na\0vn";
        var signatories = await Editor.SaveSignatoriesAsync(Caseworker, id, parties);

        section.Succeeded.Should().BeTrue(section.Message);
        signatories.Succeeded.Should().BeTrue(signatories.Message);
        var stored = await StoredAsync(id);
        stored.Title.Should().Be("Driftsavtale med NUL");
        stored.PracticePosition!.Address.Should().Be("Gata 1");
        stored.Sections.Single().Heading.Should().Be("Formål");
        stored.Parties.Single().SignatoryName.Should().Be("Navn");
    }

    [Fact]
    public async Task Over_long_samarbeidsform_descriptions_and_compensation_are_refused_beside_their_fields()
    {
        var id = await CreateAsync(SpecialistCooperation("Samarbeidsavtale med for lang beskrivelse"));
        var form = (await Editor.GetCooperationFormsAsync(Caseworker, id))!;
        form.Rows[2].Chosen = true;
        form.Rows[2].Description = new string('d', 4001);
        form.Compensation = new string('k', 4001);

        var result = await Editor.SaveCooperationFormsAsync(Caseworker, id, form);

        result.Errors.Select(e => (e.Field, e.Message)).Should().BeEquivalentTo(new[]
        {
            ("Rows[2].Description", "Beskrivelsen kan ha høyst 4\u00A0000 tegn."),
            ("Compensation", "Godtgjøringen kan ha høyst 4\u00A0000 tegn."),
        });
        (await StoredAsync(id)).CooperationForms.Should().BeEmpty();
    }

    [Fact]
    public async Task An_unknown_party_or_section_id_is_not_a_500()
    {
        var id = await CreateAsync(Operating("Driftsavtale med ukjente id-er"));

        (await Editor.RemovePartyAsync(Caseworker, id, Guid.NewGuid(), await VersionAsync(id))).Succeeded.Should().BeTrue("removing what is not there changes nothing");
        (await Editor.SaveSectionAsync(Caseworker, id, Guid.NewGuid(), new SectionForm { Heading = "X" })).Status.Should().Be(CommandStatus.NotFound);
        (await Editor.MoveSectionAsync(Caseworker, id, Guid.NewGuid(), 1)).Status.Should().Be(CommandStatus.NotFound);
        (await Editor.SaveStatutoryAreasAsync(Caseworker, id, [99], await VersionAsync(id))).Status.Should().NotBe(CommandStatus.Ok);
    }
}
