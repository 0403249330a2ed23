using AngleSharp.Dom;
using Bunit;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Users;
using SamarbeidsAvtaler.Web.Tests.Components;

namespace SamarbeidsAvtaler.Web.Tests.Users;

/// <summary>The user form in bUnit: a refused save shows each message beside its field and keeps what was typed.</summary>
public sealed class UserEditorTests : MudTestContext
{
    private readonly List<UserForm> _saved = [];
    private readonly List<(string Role, string Text)> _searches = [];

    private bool _providers;

    private IRenderedComponent<UserEditor> RenderEditor(UserForm model, CommandResult answer, bool isNew = true)
    {
        if (!_providers)
        {
            RenderProviders();
            _providers = true;
        }

        return Render<UserEditor>(parameters => parameters
            .Add(p => p.Model, model)
            .Add(p => p.IsNew, isNew)
            .Add(p => p.Save, form =>
            {
                _saved.Add(form.Copy());
                return Task.FromResult(answer);
            })
            .Add(p => p.SearchParties, (role, text, _) =>
            {
                _searches.Add((role, text));
                return Task.FromResult<IReadOnlyList<PartyOption>>([new PartyOption(Guid.NewGuid(), "Helse Bergen HF", "983974724")]);
            }));
    }

    /// <summary>The MudBlazor field whose label is <paramref name="label"/>: its input and its helper or error text.</summary>
    private static IElement Field(IRenderedComponent<UserEditor> editor, string label) =>
        editor.FindAll(".mud-input-control").Single(c => c.QuerySelector("label")?.TextContent.Trim().TrimEnd('*').Trim() == label);

    [Fact]
    public async Task Refused_save_shows_the_messages_beside_the_fields_and_in_the_summary_and_keeps_the_input()
    {
        var model = new UserForm { DisplayName = "Kari Nordmann", Email = "kari-at-test", Role = Roles.Caseworker, Password = "kort" };
        var editor = RenderEditor(model, CommandResult.Invalid(
        [
            new FieldError(nameof(UserForm.Email), "E-postadressen er ikke gyldig. Skriv den som navn@eksempel.no."),
            new FieldError(nameof(UserForm.Password), "Passordet må ha minst 12 tegn."),
        ]));

        await editor.Find("form").SubmitAsync();

        _saved.Should().ContainSingle().Which.Email.Should().Be("kari-at-test");
        editor.WaitForAssertion(() => Field(editor, "E-post").TextContent.Should().Contain("E-postadressen er ikke gyldig."));
        Field(editor, "Første passord").TextContent.Should().Contain("Passordet må ha minst 12 tegn.");
        Field(editor, "Navn").TextContent.Should().NotContain("må fylles ut");
        editor.Find("[role=alert]").TextContent.Should().Contain("Skjemaet har feil").And.Contain("Passordet må ha minst 12 tegn.");
        Field(editor, "Navn").QuerySelector("input")!.GetAttribute("value").Should().Be("Kari Nordmann");
        Field(editor, "E-post").QuerySelector("input")!.GetAttribute("value").Should().Be("kari-at-test");
        model.DisplayName.Should().Be("Kari Nordmann");
        model.Password.Should().Be("kort", "the administrator corrects it rather than typing it all again");
    }

    [Fact]
    public async Task Conflict_is_said_above_the_form_and_the_input_stays()
    {
        var model = new UserForm { DisplayName = "Endret Navn", Email = "kari@test.local", Role = Roles.Caseworker, ConcurrencyStamp = "gammel" };
        var editor = RenderEditor(model, CommandResult.Conflict("Brukeren er endret av noen andre etter at du åpnet den."), isNew: false);

        await editor.Find("form").SubmitAsync();

        editor.WaitForAssertion(() => editor.Markup.Should().Contain("Brukeren er endret av noen andre etter at du åpnet den."));
        Field(editor, "Navn").QuerySelector("input")!.GetAttribute("value").Should().Be("Endret Navn");
        editor.FindAll(".mud-input-control").Should().NotContain(c => c.QuerySelector("label")!.TextContent.Contains("passord"), "no password when editing");
    }

    [Theory]
    [InlineData(Roles.CooperationManager, "Helseforetak eller institusjon")]
    [InlineData(Roles.Specialist, "Avtalespesialistens part")]
    public void The_party_picker_is_there_for_the_roles_that_act_for_a_party(string role, string label)
    {
        var editor = RenderEditor(new UserForm { Role = role }, CommandResult.Ok());

        Field(editor, label).Should().NotBeNull();
        RenderEditor(new UserForm { Role = Roles.Caseworker }, CommandResult.Ok()).Markup.Should().NotContain(label);
    }

    [Fact]
    public async Task The_party_picker_searches_the_server_for_the_chosen_role()
    {
        var editor = RenderEditor(new UserForm { Role = Roles.CooperationManager }, CommandResult.Ok());

        await Field(editor, "Helseforetak eller institusjon").QuerySelector("input")!.InputAsync(new() { Value = "Bergen" });

        editor.WaitForAssertion(() => _searches.Should().Contain((Roles.CooperationManager, "Bergen")));
    }
}
