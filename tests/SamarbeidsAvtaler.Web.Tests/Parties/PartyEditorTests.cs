using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Parties;
using SamarbeidsAvtaler.Web.Tests.Components;

namespace SamarbeidsAvtaler.Web.Tests.Parties;

public sealed class PartyEditorTests : MudTestContext
{
    private readonly FakePartyService _service = new();

    public PartyEditorTests() => Services.AddSingleton<IPartyService>(_service);

    private IRenderedComponent<PartyEditor> Render(PartyForm form, Guid? id = null)
    {
        RenderProviders();
        return Render<PartyEditor>(p => p
            .Add(e => e.Form, form)
            .Add(e => e.Id, id)
            .Add(e => e.User, new System.Security.Claims.ClaimsPrincipal()));
    }

    private static AngleSharp.Dom.IElement FieldWithLabel(IRenderedComponent<PartyEditor> editor, string label) =>
        editor.FindAll(".mud-input-control").Single(c => c.QuerySelector("label")?.TextContent.Trim() == label);

    [Fact]
    public async Task A_refused_save_puts_the_message_beside_the_field_and_keeps_the_input()
    {
        const string message = "HPR-nummeret er ikke gyldig. Det skal ha 7–9 siffer.";
        _service.SaveResult = _ => CommandResult<PartySaved>.From(CommandResult.Invalid(nameof(PartyForm.HprNumber), message));
        var form = PartyServiceTests.Specialist("Nora Nettleser", "12ab");
        var editor = Render(form);

        await editor.Find("form").SubmitAsync();

        var hpr = FieldWithLabel(editor, "HPR-nummer");
        editor.WaitForAssertion(() => hpr.TextContent.Should().Contain(message));
        hpr = FieldWithLabel(editor, "HPR-nummer");
        hpr.QuerySelector("input")!.GetAttribute("aria-invalid").Should().Be("true");
        FieldWithLabel(editor, "Navn").TextContent.Should().NotContain(message, "the message sits beside its own field");
        editor.Find("[role=alert]").TextContent.Should().Contain("Skjemaet har feil som må rettes").And.Contain(message);

        // Nothing the user typed is lost, the bad value included.
        FieldWithLabel(editor, "Navn").QuerySelector("input")!.GetAttribute("value").Should().Be("Nora Nettleser");
        hpr.QuerySelector("input")!.GetAttribute("value").Should().Be("12ab");
        FieldWithLabel(editor, "Spesialitet").QuerySelector("input")!.GetAttribute("value").Should().Be("Klinisk voksenpsykologi");
        form.Name.Should().Be("Nora Nettleser");
        _service.Saves.Should().ContainSingle();
    }

    [Fact]
    public async Task A_conflict_keeps_the_input_and_shows_the_values_now_stored()
    {
        var id = Guid.NewGuid();
        var current = PartyServiceTests.Organisation(PartyKind.Municipality, "Navnet en annen lagret", "991324968");
        current.Version = 77;
        _service.SaveResult = _ => new CommandResult<PartySaved>(CommandStatus.Conflict, [], PartyService.ConflictMessage, new PartySaved(id, current));
        var form = PartyServiceTests.Organisation(PartyKind.Municipality, "Mitt navn", "991324968");
        form.Version = 12;
        form.ContactName = "Kari Kontakt";
        var editor = Render(form, id);

        await editor.Find("form").SubmitAsync();

        editor.WaitForAssertion(() => editor.Markup.Should().Contain("Noen andre har lagret endringer i denne parten"));
        editor.Find("dl").TextContent.Should().Contain("Navnet en annen lagret");
        FieldWithLabel(editor, "Navn").QuerySelector("input")!.GetAttribute("value").Should().Be("Mitt navn");
        FieldWithLabel(editor, "Kontaktperson").QuerySelector("input")!.GetAttribute("value").Should().Be("Kari Kontakt");
        form.Version.Should().Be(77u, "the next save goes over the version the user has now seen");
    }

    [Fact]
    public async Task A_successful_save_reports_the_new_id()
    {
        var newId = Guid.NewGuid();
        _service.SaveResult = _ => CommandResult<PartySaved>.Ok(new PartySaved(newId), "Parten er registrert.");
        Guid? saved = null;
        RenderProviders();
        var editor = Render<PartyEditor>(p => p
            .Add(e => e.Form, PartyServiceTests.Organisation(PartyKind.RegionalHealthAuthority, "Helse Test RHF", null))
            .Add(e => e.User, new System.Security.Claims.ClaimsPrincipal())
            .Add(e => e.Saved, (Guid g) => saved = g));

        await editor.Find("form").SubmitAsync();

        saved.Should().Be(newId);
    }
}
