using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Committees;
using SamarbeidsAvtaler.Web.Tests.Components;

namespace SamarbeidsAvtaler.Web.Tests.Committees;

/// <summary>The member form: the rules' refusals beside their fields, everything typed kept, a conflict explained, a new person inline.</summary>
public sealed class MemberEditorTests : MudTestContext
{
    private static readonly Guid CommitteeId = Guid.NewGuid();
    private readonly FakeMemberService _members = new();
    private readonly FakePersonService _persons = new();

    public MemberEditorTests()
    {
        Services.AddSingleton<IMemberService>(_members);
        Services.AddSingleton<IPersonService>(_persons);
        Services.AddSingleton<ICommitteeService>(new FakeCommitteeService());
    }

    private static MemberForm Form() => new()
    {
        Person = FakePersonService.Kari,
        Side = CommitteeSide.Municipal,
        Role = MemberRole.Member,
        Representation = Representation.UserRepresentative,
        TermFrom = new DateTime(2027, 1, 1),
        TermTo = new DateTime(2031, 6, 30),
        AppointedBy = "Prøvevik kommunestyre",
        CommitteeVersion = 41,
    };

    private IRenderedComponent<MemberEditor> Render(MemberForm form)
    {
        RenderProviders();
        return Render<MemberEditor>(p => p
            .Add(e => e.Form, form)
            .Add(e => e.CommitteeId, CommitteeId)
            .Add(e => e.TermYears, 4)
            .Add(e => e.User, new System.Security.Claims.ClaimsPrincipal()));
    }

    private static AngleSharp.Dom.IElement Field(IRenderedComponent<MemberEditor> editor, string label) =>
        editor.FindAll(".mud-input-control").First(c => c.QuerySelector("label")?.TextContent.Trim() == label);

    [Fact]
    public async Task R15_a_refused_term_and_a_person_added_twice_show_beside_their_fields_and_the_input_is_kept()
    {
        const string term = "En periode kan være høyst 4 år (R15: «Representantane i SSU er vald inn for 4 år om gongen»).";
        const string twice = "Personen er allerede medlem av utvalget i denne perioden.";
        _members.SaveResult = _ => CommandResult<MemberSaved>.From(CommandResult.Invalid(
            [new FieldError(nameof(MemberForm.TermTo), term), new FieldError(nameof(MemberForm.Person), twice)]));
        var form = Form();
        var editor = Render(form);

        await editor.Find("form").SubmitAsync();

        editor.WaitForAssertion(() => Field(editor, "Periode til").TextContent.Should().Contain(term));
        Field(editor, "Person").TextContent.Should().Contain(twice);
        Field(editor, "Periode fra").TextContent.Should().NotContain(term, "each message sits beside its own field");
        Field(editor, "Periode til").QuerySelector("input")!.GetAttribute("aria-invalid").Should().Be("true");
        editor.Find("[role=alert]").TextContent.Should().Contain("Skjemaet har feil som må rettes").And.Contain(term).And.Contain(twice);

        // Nothing typed is lost.
        Field(editor, "Periode til").QuerySelector("input")!.GetAttribute("value").Should().Be("30.06.2031");
        Field(editor, "Periode fra").QuerySelector("input")!.GetAttribute("value").Should().Be("01.01.2027");
        Field(editor, "Oppnevnt av").QuerySelector("input")!.GetAttribute("value").Should().Be("Prøvevik kommunestyre");
        Field(editor, "Person").QuerySelector("input")!.GetAttribute("value").Should().Be(FakePersonService.Kari.Label);
        form.Representation.Should().Be(Representation.UserRepresentative);
        _members.Saves.Should().ContainSingle().Which.Should().BeSameAs(form);
    }

    [Fact]
    public async Task A_deputy_picks_the_member_they_stand_in_for_and_a_refusal_shows_there()
    {
        const string message = "En vararepresentant må være personlig vara for et stemmeberettiget medlem av det samme utvalget.";
        _members.SaveResult = _ => CommandResult<MemberSaved>.From(CommandResult.Invalid(nameof(MemberForm.DeputyForMemberId), message));
        var form = Form();
        form.Role = MemberRole.Deputy;
        var editor = Render(form);

        await editor.Find("form").SubmitAsync();

        editor.WaitForAssertion(() => Field(editor, "Personlig vara for").TextContent.Should().Contain(message));
    }

    [Fact]
    public async Task A_conflict_keeps_the_input_says_why_and_takes_the_stored_version_for_the_next_save()
    {
        _members.SaveResult = _ => new CommandResult<MemberSaved>(CommandStatus.Conflict, [],
            "Noen andre har lagret endringer i dette utvalget etter at du åpnet det.", new MemberSaved(Guid.Empty, 99));
        var form = Form();
        var editor = Render(form);

        await editor.Find("form").SubmitAsync();

        editor.WaitForAssertion(() => editor.Find("[role=alert]").TextContent.Should().Contain("Noen andre har lagret endringer i dette utvalget"));
        form.CommitteeVersion.Should().Be(99u);
        Field(editor, "Oppnevnt av").QuerySelector("input")!.GetAttribute("value").Should().Be("Prøvevik kommunestyre");
    }

    [Fact]
    public async Task A_new_person_is_registered_inline_and_picked()
    {
        var form = Form();
        form.Person = null;
        var editor = Render(form);

        await editor.FindAll("button").Single(b => b.TextContent.Contains("Ny person")).ClickAsync(new());
        await Field(editor, "Navn").QuerySelector("input")!.ChangeAsync(new() { Value = "Nina Nyperson" });
        await editor.FindAll("button").Single(b => b.TextContent.Contains("Registrer person")).ClickAsync(new());

        editor.WaitForAssertion(() => form.Person!.Name.Should().Be("Nina Nyperson"));
        _persons.Saves.Should().ContainSingle().Which.Name.Should().Be("Nina Nyperson");
        editor.FindAll("button").Should().NotContain(b => b.TextContent.Contains("Registrer person"), "the inline form closes");
        Field(editor, "Person").QuerySelector("input")!.GetAttribute("value").Should().Be("Nina Nyperson");
    }

    [Fact]
    public async Task A_refused_new_person_shows_the_message_in_the_inline_form_not_in_the_member_form()
    {
        const string message = "E-postadressen er ikke gyldig, for eksempel navn@kommune.no.";
        _persons.SaveResult = _ => CommandResult<PersonSaved>.From(CommandResult.Invalid(nameof(PersonForm.Email), message));
        var form = Form();
        form.Person = null;
        var editor = Render(form);

        await editor.FindAll("button").Single(b => b.TextContent.Contains("Ny person")).ClickAsync(new());
        await Field(editor, "E-post").QuerySelector("input")!.ChangeAsync(new() { Value = "ikke-epost" });
        await editor.FindAll("button").Single(b => b.TextContent.Contains("Registrer person")).ClickAsync(new());

        editor.WaitForAssertion(() => Field(editor, "E-post").TextContent.Should().Contain(message));
        Field(editor, "E-post").QuerySelector("input")!.GetAttribute("value").Should().Be("ikke-epost");
        form.Person.Should().BeNull();
        _members.Saves.Should().BeEmpty();
    }
}
