using Bunit;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Agreements.Editor;
using SamarbeidsAvtaler.Web.Tests.Components;

namespace SamarbeidsAvtaler.Web.Tests.Agreements.Editor;

/// <summary>The details form as a component: the service's refusal lands beside the field and in the summary, and what the user typed stays.</summary>
public sealed class DetailsFormTests : MudTestContext
{
    private static readonly Func<string?, CancellationToken, Task<IReadOnlyList<Choice>>> NoKommuner = (_, _) => Task.FromResult<IReadOnlyList<Choice>>([]);
    private static readonly Func<string?, AgreementLevel?, CancellationToken, Task<IReadOnlyList<Choice>>> NoParents = (_, _, _) => Task.FromResult<IReadOnlyList<Choice>>([]);

    [Fact]
    public async Task A_refused_field_gets_its_message_beside_it_and_the_input_is_kept()
    {
        RenderProviders();
        var model = AgreementForm.NewFor(AgreementKind.OperatingAgreement, new DateOnly(2026, 3, 1));
        model.Title = "Driftsavtale «hud» Bergen";
        model.PracticeSpecialty = "Hudsykdommer";
        AgreementForm? saved = null;
        var form = Render<DetailsForm>(p => p
            .Add(f => f.Model, model)
            .Add(f => f.SearchMunicipalities, NoKommuner)
            .Add(f => f.SearchParents, NoParents)
            .Add(f => f.Save, m =>
            {
                saved = m;
                return Task.FromResult(CommandResult.Invalid(nameof(AgreementForm.PracticeAddress), "Adressen kan ha høyst 200 tegn."));
            }));
        var address = new string('a', 150) + " gate 1";
        await form.FindAll("input").Single(i => Label(form, i) == "Adresse").ChangeAsync(new() { Value = address });

        await form.Find("form").SubmitAsync();

        saved.Should().BeSameAs(model);
        form.WaitForAssertion(() =>
        {
            var field = form.FindAll(".mud-input-control").Single(c => c.QuerySelector("label")?.TextContent.Trim() == "Adresse");
            field.TextContent.Should().Contain("Adressen kan ha høyst 200 tegn.", "the message stands beside the field");
            field.QuerySelector("input")!.GetAttribute("value").Should().Be(address);
        });
        form.Markup.Should().Contain("Skjemaet har feil som må rettes");
        form.FindAll("input").Single(i => Label(form, i) == "Tittel").GetAttribute("value").Should().Be("Driftsavtale «hud» Bergen");
        model.PracticeAddress.Should().Be(address);
    }

    [Fact]
    public async Task A_conflict_is_shown_above_the_form_and_nothing_typed_is_lost()
    {
        RenderProviders();
        var model = AgreementForm.NewFor(AgreementKind.SpecialistCooperationAgreement, new DateOnly(2026, 3, 1));
        model.Title = "Min tittel";
        var form = Render<DetailsForm>(p => p
            .Add(f => f.Model, model)
            .Add(f => f.SearchMunicipalities, NoKommuner)
            .Add(f => f.SearchParents, NoParents)
            .Add(f => f.Save, _ => Task.FromResult(CommandResult.Conflict(AgreementEditorService.AgreementConflict))));

        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => form.Find("[role=alert]").TextContent.Should().Contain("Noen andre har lagret endringer i denne avtalen"));
        form.FindAll("input").Single(i => Label(form, i) == "Tittel").GetAttribute("value").Should().Be("Min tittel");
        form.Markup.Should().NotContain("Hjemmel", "the practice position belongs to driftsavtaler only");
    }

    [Fact]
    public void The_municipal_form_asks_for_the_parent_and_the_binding_answer_only_where_they_apply()
    {
        RenderProviders();
        var model = AgreementForm.NewFor(AgreementKind.MunicipalCooperationAgreement, new DateOnly(2026, 3, 1));
        var form = Render<DetailsForm>(p => p
            .Add(f => f.Model, model)
            .Add(f => f.SearchMunicipalities, NoKommuner)
            .Add(f => f.SearchParents, NoParents)
            .Add(f => f.Save, _ => Task.FromResult(CommandResult.Ok())));

        form.Markup.Should().NotContain("Overordnet avtale").And.NotContain("Rettslig bindende");

        model.Level = AgreementLevel.Supplementary;
        form.Render();

        form.Markup.Should().Contain("Overordnet avtale").And.Contain("Rettslig bindende").And.Contain("(R5)");
    }

    private static string? Label(IRenderedComponent<DetailsForm> form, AngleSharp.Dom.IElement input) =>
        input.Id is { Length: > 0 } id ? form.FindAll($"label[for='{id}']").FirstOrDefault()?.TextContent.Trim() : null;
}
