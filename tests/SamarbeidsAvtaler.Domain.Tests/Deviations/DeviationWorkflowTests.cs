using SamarbeidsAvtaler.Domain.Deviations;

namespace SamarbeidsAvtaler.Domain.Tests.Deviations;

public sealed class DeviationWorkflowTests
{
    [Fact]
    public void R22_a_deviation_is_settled_between_the_parties_registered_sent_answered_closed()
    {
        DeviationWorkflow.Initial.Should().Be(DeviationStatus.Registered);
        DeviationWorkflow.CanMove(DeviationStatus.Registered, DeviationStatus.SentToOtherParty).Should().BeTrue();
        DeviationWorkflow.CanMove(DeviationStatus.SentToOtherParty, DeviationStatus.Answered).Should().BeTrue();
        DeviationWorkflow.CanMove(DeviationStatus.Answered, DeviationStatus.Closed).Should().BeTrue();
    }

    [Fact]
    public void R22_when_the_parties_do_not_agree_it_goes_to_the_kommune_and_the_specialist_service()
    {
        DeviationWorkflow.CanMove(DeviationStatus.Answered, DeviationStatus.SentToMunicipalityAndSpecialistService).Should().BeTrue();
        DeviationWorkflow.CanMove(DeviationStatus.SentToOtherParty, DeviationStatus.SentToMunicipalityAndSpecialistService).Should().BeTrue();
        DeviationWorkflow.CanMove(DeviationStatus.SentToMunicipalityAndSpecialistService, DeviationStatus.Closed).Should().BeTrue();

        // Resolved as close to the patient as possible first: never straight from registered.
        DeviationWorkflow.CanMove(DeviationStatus.Registered, DeviationStatus.SentToMunicipalityAndSpecialistService).Should().BeFalse();
    }

    [Theory]
    [InlineData(DeviationStatus.Registered, DeviationStatus.Answered)]
    [InlineData(DeviationStatus.Registered, DeviationStatus.Closed)]
    [InlineData(DeviationStatus.SentToOtherParty, DeviationStatus.Closed)]
    [InlineData(DeviationStatus.Answered, DeviationStatus.SentToOtherParty)]
    [InlineData(DeviationStatus.Closed, DeviationStatus.Registered)]
    [InlineData(DeviationStatus.Closed, DeviationStatus.Answered)]
    [InlineData(DeviationStatus.SentToMunicipalityAndSpecialistService, DeviationStatus.Answered)]
    [InlineData(DeviationStatus.Answered, DeviationStatus.Answered)]
    public void R22_other_moves_are_refused_with_a_reason(DeviationStatus from, DeviationStatus to)
    {
        DeviationWorkflow.CanMove(from, to).Should().BeFalse();
        DeviationWorkflow.RefusalMessage(from, to).Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void R22_refusal_messages_name_the_statuses_in_norwegian()
    {
        DeviationWorkflow.RefusalMessage(DeviationStatus.Registered, DeviationStatus.Closed).Should().Be(
            "Et avvik med status «Registrert» kan ikke flyttes til «Lukket», bare til «Sendt til motparten».");
        DeviationWorkflow.RefusalMessage(DeviationStatus.Answered, DeviationStatus.Registered).Should().Be(
            "Et avvik med status «Besvart» kan ikke flyttes til «Registrert», bare til «Lukket» eller «Sendt til kommunen og spesialisthelsetjenesten».");
        DeviationWorkflow.RefusalMessage(DeviationStatus.Closed, DeviationStatus.Answered).Should().Be(
            "Avviket har status «Lukket» og kan ikke flyttes videre.");
        DeviationWorkflow.RefusalMessage(DeviationStatus.Answered, DeviationStatus.Closed).Should().BeNull();
    }

    [Fact]
    public void R22_only_a_closed_deviation_is_no_longer_open()
    {
        Enum.GetValues<DeviationStatus>().Where(s => !DeviationWorkflow.IsOpen(s)).Should().Equal(DeviationStatus.Closed);
        DeviationWorkflow.NextSteps(DeviationStatus.Closed).Should().BeEmpty();
    }

    [Fact]
    public void R22_R26_every_status_and_category_has_a_norwegian_name()
    {
        Enum.GetValues<DeviationStatus>().Select(s => s.DisplayName()).Should().Equal(
            "Registrert", "Sendt til motparten", "Besvart", "Lukket", "Sendt til kommunen og spesialisthelsetjenesten");
        Enum.GetValues<DeviationCategory>().Select(c => c.DisplayName()).Should().Equal(
            "Utskrivning uten epikrise og medisinliste",
            "Utskrivning utenfor avtalt tid",
            "Innleggelse",
            "Informasjonsutveksling",
            "IKT",
            "Legemidler",
            "Annet");
    }
}
