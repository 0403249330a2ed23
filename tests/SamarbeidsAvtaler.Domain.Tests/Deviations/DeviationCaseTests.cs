using FluentAssertions;
using SamarbeidsAvtaler.Domain.Deviations;
using Xunit;

namespace SamarbeidsAvtaler.Domain.Tests.Deviations;

/// <summary>The deviation case as an entity: reporting, each dated step with who took it, and R24 on every text.</summary>
public class DeviationCaseTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 29, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTime NowLocal = new(2027, 3, 29, 12, 0, 0);
    private static readonly CaseActor Reporter = new(Guid.NewGuid(), "Kari Kommune");
    private static readonly CaseActor Answerer = new(Guid.NewGuid(), "Siri Samhandling");

    // A made-up fødselsnummer with valid check digits (01.01.1990).
    private const string ValidNumber = "01019010046";

    private static DeviationReport Report(
        DeviationCategory category = DeviationCategory.DischargeOutsideAgreedHours,
        DateTime? at = null,
        string title = "Utskrevet sent på kvelden",
        string description = "Pasienten kom hjem uten varsel.",
        string reference = "ASK-2027-113") =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 3, category, at ?? new DateTime(2027, 3, 24, 21, 40, 0), title, description, reference);

    private static Deviation Reported(DeviationReport? report = null, DischargeHours? hours = null) =>
        Deviation.Report(report ?? Report(), hours ?? DischargeHours.SeedExample, "AVVIK-2027-0001", Reporter, NowLocal, Now);

    [Fact]
    public void R22_a_report_starts_registered_with_the_reporter_and_time_in_its_history()
    {
        var deviation = Reported();

        deviation.Status.Should().Be(DeviationStatus.Registered);
        deviation.ReportedByName.Should().Be("Kari Kommune");
        deviation.Events.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Status = DeviationStatus.Registered,
            OccurredAt = Now,
            ActorName = "Kari Kommune",
        });
    }

    [Fact]
    public void R22_every_step_is_dated_with_who_took_it_and_the_answer_is_kept()
    {
        var deviation = Reported();
        deviation.SendToOtherParty(new DateOnly(2027, 4, 12), Reporter, Now.AddHours(1));
        deviation.Answer("Sengepost var full.", "Ny rutine for utskriving før kl. 17.", Answerer, new DateOnly(2027, 4, 2), Now.AddDays(4));
        deviation.Close(null, Reporter, Now.AddDays(5));

        deviation.Events.Select(e => (e.Status, e.ActorName, e.OccurredAt)).Should().Equal(
            (DeviationStatus.Registered, "Kari Kommune", Now),
            (DeviationStatus.SentToOtherParty, "Kari Kommune", Now.AddHours(1)),
            (DeviationStatus.Answered, "Siri Samhandling", Now.AddDays(4)),
            (DeviationStatus.Closed, "Kari Kommune", Now.AddDays(5)));
        deviation.Explanation.Should().Be("Sengepost var full.");
        deviation.Measures.Should().Be("Ny rutine for utskriving før kl. 17.");
        deviation.AnsweredWithinDeadline.Should().BeTrue();
        deviation.IsOpen.Should().BeFalse();
    }

    [Fact]
    public void R22_an_answer_after_the_deadline_counts_as_late_and_an_unanswered_case_is_overdue_after_it()
    {
        var deviation = Reported();
        deviation.SendToOtherParty(new DateOnly(2027, 4, 12), Reporter, Now);

        deviation.IsOverdue(new DateOnly(2027, 4, 12)).Should().BeFalse("the deadline day itself is in time");
        deviation.IsOverdue(new DateOnly(2027, 4, 13)).Should().BeTrue();

        deviation.Answer("Forklaring", "Tiltak", Answerer, new DateOnly(2027, 4, 13), Now.AddDays(15));
        deviation.AnsweredWithinDeadline.Should().BeFalse();
        deviation.IsOverdue(new DateOnly(2027, 5, 1)).Should().BeFalse("an answered case is no longer waiting");
    }

    [Fact]
    public void R22_closing_after_escalation_needs_the_recommendation_of_the_kommune_and_the_specialist_service()
    {
        var deviation = Reported();
        deviation.SendToOtherParty(new DateOnly(2027, 4, 12), Reporter, Now);
        deviation.SendToMunicipalityAndSpecialistService("Partene er uenige om hva avtalen sier.", Reporter, Now.AddDays(20));

        var close = () => deviation.Close("  ", Reporter, Now.AddDays(30));
        close.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainSingle(e => e.Field == nameof(Deviation.Recommendation));
        deviation.Status.Should().Be(DeviationStatus.SentToMunicipalityAndSpecialistService, "a refused step changes nothing");

        deviation.Close("Felles rutine for melding før utskriving.", Reporter, Now.AddDays(30));
        deviation.Recommendation.Should().Be("Felles rutine for melding før utskriving.");
    }

    [Fact]
    public void R22_a_step_out_of_order_is_refused_with_the_reason()
    {
        var deviation = Reported();

        var answer = () => deviation.Answer("Forklaring", "Tiltak", Answerer, new DateOnly(2027, 4, 1), Now);

        answer.Should().Throw<DeviationRuleException>().WithMessage("*«Registrert»*");
        deviation.Explanation.Should().BeNull();
    }

    [Fact]
    public void R26_a_discharge_outside_the_agreements_hours_is_marked_when_reported()
    {
        // 2. påskedag 2027 is Monday 29 March: 07:30 is inside the weekday window 07–17 but outside the holiday window 09–15.
        Reported(Report(at: new DateTime(2027, 3, 29, 11, 59, 0))).OutsideAgreedHours.Should().BeFalse();
        Reported(Report(at: new DateTime(2027, 3, 29, 7, 30, 0))).OutsideAgreedHours.Should().BeTrue();
    }

    [Fact]
    public void R26_outside_hours_is_judged_by_the_holiday_window_on_a_moving_public_holiday()
    {
        // Kristi himmelfartsdag 2026 is Thursday 14 May: 16:00 is inside 07–17 on a weekday, outside 09–15 on a holiday.
        var ascension = Report(at: new DateTime(2026, 5, 14, 16, 0, 0));
        var weekday = Report(at: new DateTime(2026, 5, 13, 16, 0, 0));

        Reported(ascension).OutsideAgreedHours.Should().BeTrue();
        Reported(weekday).OutsideAgreedHours.Should().BeFalse();
    }

    [Fact]
    public void R26_without_agreed_hours_or_for_other_categories_nothing_is_judged()
    {
        Deviation.Report(Report(), null, "AVVIK-2027-0002", Reporter, NowLocal, Now).OutsideAgreedHours.Should().BeNull();
        Reported(Report(category: DeviationCategory.Ict)).OutsideAgreedHours.Should().BeNull();
    }

    [Theory]
    [InlineData(nameof(DeviationReport.Title))]
    [InlineData(nameof(DeviationReport.Description))]
    [InlineData(nameof(DeviationReport.ReporterCaseReference))]
    public void R24_a_fodselsnummer_in_any_text_of_the_report_is_refused_without_repeating_it(string field)
    {
        var report = field switch
        {
            nameof(DeviationReport.Title) => Report(title: "Pasient " + ValidNumber),
            nameof(DeviationReport.Description) => Report(description: "Gjelder 010190 10046, utskrevet uten epikrise."),
            _ => Report(reference: ValidNumber),
        };

        var errors = report.Validate(NowLocal);

        errors.Should().ContainSingle(e => e.Field == field).Which.Message.Should().Contain("fødselsnummer").And.NotContain("10046");
    }

    [Fact]
    public void R24_answers_and_comments_are_checked_too_and_a_refusal_stores_nothing()
    {
        var deviation = Reported();
        deviation.SendToOtherParty(new DateOnly(2027, 4, 12), Reporter, Now);

        var answer = () => deviation.Answer("Gjaldt pasient 01019010046.", "Tiltak", Answerer, new DateOnly(2027, 4, 1), Now);

        answer.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainSingle(e => e.Field == nameof(Deviation.Explanation));
        deviation.Explanation.Should().BeNull();
        deviation.Status.Should().Be(DeviationStatus.SentToOtherParty);

        var escalate = () => deviation.SendToMunicipalityAndSpecialistService("Se 010190-10046", Reporter, Now);
        escalate.Should().Throw<DomainValidationException>();
    }

    [Fact]
    public void A_report_needs_every_field_and_refuses_a_time_in_the_future_and_control_characters()
    {
        var empty = new DeviationReport(Guid.Empty, Guid.Empty, Guid.Empty, 14, null, null, " ", null, "\0");

        empty.Validate(NowLocal).Select(e => e.Field).Should().BeEquivalentTo(
        [
            nameof(DeviationReport.ReportingPartyId), nameof(DeviationReport.OtherPartyId), nameof(DeviationReport.AgreementId),
            nameof(DeviationReport.StatutoryAreaNumber), nameof(DeviationReport.Category), nameof(DeviationReport.OccurredAt),
            nameof(DeviationReport.Title), nameof(DeviationReport.Description), nameof(DeviationReport.ReporterCaseReference),
        ]);
        Report(at: NowLocal.AddHours(2)).Validate(NowLocal).Should().ContainSingle(e => e.Field == nameof(DeviationReport.OccurredAt));
        Report(at: new DateTime(1899, 12, 31)).Validate(NowLocal).Should().ContainSingle(e => e.Field == nameof(DeviationReport.OccurredAt));
        Report(title: new string('x', 201)).Validate(NowLocal).Should().ContainSingle(e => e.Message.Contains("200 tegn"));
    }

    [Fact]
    public void A_report_to_the_reporting_party_itself_is_refused()
    {
        var party = Guid.NewGuid();
        var report = Report() with { ReportingPartyId = party, OtherPartyId = party };

        report.Validate(NowLocal).Should().ContainSingle(e => e.Field == nameof(DeviationReport.OtherPartyId));
    }
}
