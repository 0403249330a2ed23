using AngleSharp.Dom;
using Bunit;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Deviations;
using SamarbeidsAvtaler.Web.Tests.Components;

namespace SamarbeidsAvtaler.Web.Tests.Deviations;

/// <summary>The report form (issue 10 § 1): the no-names reminder (R24), the live discharge-hours notice (R26), errors beside the fields, input kept.</summary>
public sealed class DeviationReportEditorTests : MudTestContext
{
    private static readonly DeviationPartyOption Askoy = new(Guid.NewGuid(), "Askøy kommune", PartyKind.Municipality);
    private static readonly DeviationPartyOption Bergen = new(Guid.NewGuid(), "Helse Bergen HF", PartyKind.HealthTrust);
    private static readonly DeviationAgreementOption Agreement =
        new(Guid.NewGuid(), "SA-2022-0005", "Tenesteavtale 5: Utskrivingsklare pasientar", [5], DischargeHours.SeedExample);

    private readonly List<DeviationReportForm> _saves = [];

    private IRenderedComponent<DeviationReportEditor> Render(DeviationReportForm form, CommandResult<Guid>? result = null)
    {
        RenderProviders();
        return Render<DeviationReportEditor>(p => p
            .Add(e => e.Form, form)
            .Add(e => e.SearchReportingParties, (_, _) => Task.FromResult<IReadOnlyList<DeviationPartyOption>>([Askoy]))
            .Add(e => e.SearchOtherParties, (_, _, _) => Task.FromResult<IReadOnlyList<DeviationPartyOption>>([Bergen]))
            .Add(e => e.LoadAgreements, (_, _) => Task.FromResult<IReadOnlyList<DeviationAgreementOption>>([Agreement]))
            .Add(e => e.Save, f =>
            {
                _saves.Add(f);
                return Task.FromResult(result ?? CommandResult<Guid>.Ok(Guid.NewGuid()));
            }));
    }

    /// <summary>Filled in as a kommune reports a discharge on 2. påskedag 2026 at 18:30.</summary>
    private static DeviationReportForm Filled() => new()
    {
        ReportingParty = Askoy,
        OtherParty = Bergen,
        AgreementId = Agreement.Id,
        StatutoryAreaNumber = 5,
        Category = DeviationCategory.DischargeOutsideAgreedHours,
        OccurredDate = new DateTime(2026, 4, 6),
        OccurredTime = "18:30",
        Title = "Utskriven om kvelden",
        Description = "Pasienten kom heim kl. 18:30 utan varsel.",
        ReporterCaseReference = "EQS-4711",
    };

    private static IElement Field(IRenderedComponent<DeviationReportEditor> editor, string label) =>
        editor.FindAll(".mud-input-control").Single(c => c.QuerySelector("label")?.TextContent.Trim() == label);

    [Fact]
    public void R24_the_form_reminds_the_reporter_not_to_write_who_the_patient_is()
    {
        var editor = Render(new DeviationReportForm());

        editor.Find("[data-testid=no-names-reminder]").TextContent.Should()
            .Contain("Ikke skriv pasientens navn, fødselsnummer eller D-nummer – bruk saksnummeret i eget avvikssystem.");
    }

    [Fact]
    public void R26_a_discharge_on_a_moving_holiday_outside_the_agreed_hours_is_said_at_once_and_a_time_inside_them_too()
    {
        var form = Filled();
        var editor = Render(form);

        editor.WaitForAssertion(() => editor.Find("[data-testid=discharge-hours]").TextContent.Should()
            .Contain("Utskrivning kl. 18:30 på 2. påskedag er utenfor avtalt tid for helg og helligdager (09–15)."));

        Field(editor, "Klokkeslett").QuerySelector("input")!.Input("12:00");

        form.OccurredTime.Should().Be("12:00");
        editor.WaitForAssertion(() => editor.Find("[data-testid=discharge-hours]").TextContent.Should()
            .Contain("Tidspunktet er innenfor avtalt utskrivningstid (hverdager 07–17, helg og helligdager 09–15)."));
    }

    [Fact]
    public void R26_no_notice_for_a_category_that_is_not_about_a_discharge()
    {
        var form = Filled();
        form.Category = DeviationCategory.Ict;

        var editor = Render(form);

        editor.FindAll("[data-testid=discharge-hours]").Should().BeEmpty();
    }

    [Fact]
    public async Task A_refusal_puts_each_message_beside_its_field_and_in_the_summary_and_keeps_the_input()
    {
        var form = Filled();
        var refusal = CommandResult.Invalid(
        [
            new FieldError(nameof(DeviationReportForm.Description),
                "Beskrivelse ser ut til å inneholde et fødselsnummer eller D-nummer. Registeret skal ikke ha pasientens identitet."),
            new FieldError(nameof(DeviationReportForm.OccurredTime), "Skriv klokkeslettet som tt:mm, for eksempel 14:30."),
        ]);
        var editor = Render(form, CommandResult<Guid>.From(refusal));

        await editor.Find("form").SubmitAsync();

        editor.WaitForAssertion(() => editor.FindAll("[role=alert]").Should().Contain(a => a.TextContent.Contains("Skjemaet har feil som må rettes")));
        var summary = editor.FindAll("[role=alert]").Single(a => a.TextContent.Contains("Skjemaet har feil som må rettes")).TextContent;
        summary.Should().Contain("fødselsnummer eller D-nummer").And.Contain("Skriv klokkeslettet som tt:mm");
        Field(editor, "Beskrivelse").TextContent.Should().Contain("Registeret skal ikke ha pasientens identitet.");
        Field(editor, "Klokkeslett").TextContent.Should().Contain("Skriv klokkeslettet som tt:mm");
        Field(editor, "Tittel").QuerySelector("input")!.GetAttribute("value").Should().Be("Utskriven om kvelden");
        Field(editor, "Saksnummer i eget avvikssystem").QuerySelector("input")!.GetAttribute("value").Should().Be("EQS-4711");
        form.Description.Should().Be("Pasienten kom heim kl. 18:30 utan varsel.");
        form.OtherParty.Should().Be(Bergen);
        form.AgreementId.Should().Be(Agreement.Id);
        _saves.Should().ContainSingle();
    }

    [Fact]
    public async Task A_refusal_that_is_no_field_error_is_shown_above_the_form_and_the_input_stays()
    {
        var form = Filled();
        var editor = Render(form, CommandResult<Guid>.From(CommandResult.Forbidden()));

        await editor.Find("form").SubmitAsync();

        editor.WaitForAssertion(() => editor.Markup.Should().Contain("Rollen din har ikke lov til dette."));
        form.Title.Should().Be("Utskriven om kvelden");
        form.ReporterCaseReference.Should().Be("EQS-4711");
    }

    [Fact]
    public async Task Changing_the_reporting_party_clears_the_other_party_and_the_agreement()
    {
        var form = Filled();
        var editor = Render(form);
        var other = new DeviationPartyOption(Guid.NewGuid(), "Bergen kommune", PartyKind.Municipality);

        await editor.InvokeAsync(() => editor.FindComponents<MudBlazor.MudAutocomplete<DeviationPartyOption>>()[0].Instance.ValueChanged.InvokeAsync(other));

        form.ReportingParty.Should().Be(other);
        form.OtherParty.Should().BeNull();
        form.AgreementId.Should().BeNull();
        form.StatutoryAreaNumber.Should().BeNull();
    }
}
