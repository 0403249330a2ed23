using Bunit;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Committees.Fees;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Committees.Fees;
using SamarbeidsAvtaler.Web.Tests.Components;

namespace SamarbeidsAvtaler.Web.Tests.Committees.Fees;

/// <summary>The activity form asks for 1× or 2× the rate only where seed 001 gives none (R21), and keeps the input on a refusal.</summary>
public sealed class FeeActivityEditorTests : MudTestContext
{
    private static readonly FeeRate[] Rates = [new(new DateOnly(2020, 1, 1), 880m)];
    private readonly List<FeeActivityForm> _saves = [];

    private IRenderedComponent<FeeActivityEditor> Render(FeeActivityForm form, CommandResult? result = null)
    {
        RenderProviders();
        return Render<FeeActivityEditor>(p => p
            .Add(e => e.Form, form)
            .Add(e => e.Rates, Rates)
            .Add(e => e.Save, f =>
            {
                _saves.Add(f);
                return Task.FromResult(result ?? CommandResult.Ok());
            }));
    }

    private static FeeActivityForm Form(FeeActivityKind kind, bool inside) => new()
    {
        Kind = kind,
        Date = new DateTime(2027, 3, 10),
        StartTime = "18:00",
        EndTime = "20:00",
        InsideOfficeHours = inside,
    };

    private static bool Asks(IRenderedComponent<FeeActivityEditor> editor) => editor.FindAll("[data-testid=fee-multiplier]").Count > 0;

    [Theory]
    [InlineData(FeeActivityKind.Meeting, false, true)]
    [InlineData(FeeActivityKind.PreparatoryMeeting, false, true)]
    [InlineData(FeeActivityKind.Meeting, true, false)]
    [InlineData(FeeActivityKind.PreparatoryMeeting, true, false)]
    [InlineData(FeeActivityKind.Travel, false, false)]
    [InlineData(FeeActivityKind.Travel, true, false)]
    [InlineData(FeeActivityKind.CasePreparation, false, false)]
    public void R21_the_multiplier_is_asked_only_for_a_meeting_or_formote_outside_office_hours(FeeActivityKind kind, bool inside, bool asks)
    {
        var editor = Render(Form(kind, inside));

        Asks(editor).Should().Be(asks);
        if (asks)
        {
            editor.Find("[data-testid=fee-multiplier]").TextContent.Should()
                .Contain("Samarbeidsavtalen sier ikke hvilken sats som gjelder for møter og formøter utenfor kontortiden")
                .And.Contain("Én gang honorarsatsen per time").And.Contain("To ganger honorarsatsen per time");
            editor.Markup.Should().Contain("Beløpet beregnes når satsen er valgt.");
        }
    }

    [Fact]
    public void R21_ticking_inside_office_hours_removes_the_question_and_shows_the_amount_at_twice_the_rate()
    {
        var form = Form(FeeActivityKind.Meeting, inside: false);
        var editor = Render(form);
        Asks(editor).Should().BeTrue();

        var checkbox = editor.FindAll("label").First(l => l.TextContent.Contains("Innenfor kontortiden")).QuerySelector("input")!;
        checkbox.Change(true);

        form.InsideOfficeHours.Should().BeTrue();
        editor.WaitForAssertion(() => Asks(editor).Should().BeFalse());
        editor.Markup.Replace('\u00A0', ' ').Should().Contain("4 påbegynte halvtimer × 880,00 kr × 2 ÷ 2 = 3 520,00 kr");
    }

    [Fact]
    public void A_chosen_multiplier_gives_the_amount()
    {
        var form = Form(FeeActivityKind.Meeting, inside: false);
        form.ChosenMultiplier = 1;

        var editor = Render(form);

        editor.Markup.Replace('\u00A0', ' ').Should().Contain("= 1 760,00 kr");
    }

    [Fact]
    public async Task A_refusal_puts_the_message_beside_the_field_and_keeps_the_input()
    {
        var form = Form(FeeActivityKind.Travel, inside: true);
        form.EndTime = "17:00";
        var editor = Render(form, CommandResult.Invalid(nameof(FeeActivityForm.EndTime), "Slutt må være etter start."));

        await editor.Find("form").SubmitAsync();

        editor.WaitForAssertion(() => editor.Find("[role=alert]").TextContent.Should().Contain("Slutt må være etter start."));
        var end = editor.FindAll(".mud-input-control").Single(c => c.QuerySelector("label")?.TextContent.Trim() == "Til");
        end.TextContent.Should().Contain("Slutt må være etter start.");
        end.QuerySelector("input")!.GetAttribute("value").Should().Be("17:00");
        _saves.Should().ContainSingle();
    }

    [Fact]
    public async Task A_conflict_is_shown_above_the_form_and_the_input_stays()
    {
        var form = Form(FeeActivityKind.CasePreparation, inside: false);
        form.Description = "Lest sakspapir";
        var editor = Render(form, CommandResult.Conflict(FeeService.ClaimConflict));

        await editor.Find("form").SubmitAsync();

        editor.WaitForAssertion(() => editor.Markup.Should().Contain("Noen andre har endret kravet"));
        form.Description.Should().Be("Lest sakspapir");
        form.StartTime.Should().Be("18:00");
    }
}
