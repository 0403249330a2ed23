using FluentAssertions;
using SamarbeidsAvtaler.Domain.Deviations;
using Xunit;

namespace SamarbeidsAvtaler.Domain.Tests.Deviations;

/// <summary>The dispute case as an entity: its ladder (R23), the statement's force, resolution and a loss claim.</summary>
public class DisputeCaseTests
{
    private static readonly DateTimeOffset Now = new(2027, 2, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2027, 2, 1);
    private static readonly CaseActor Actor = new(Guid.NewGuid(), "Sigrid Sekretariat");

    private static Dispute Raised() => Dispute.Raise(
        new DisputeDetails(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Hvem dekker transport ved utskriving", "Partene leser punkt 4.2 ulikt."),
        "TVIST-2027-0001", Actor, Now);

    private static Dispute AtStrategicCommittee()
    {
        var dispute = Raised();
        dispute.Escalate(EscalationStep.DisagreementProtocol, "Protokoll sendt.", null, Actor, Now.AddDays(10));
        dispute.Escalate(EscalationStep.StrategicCommittee, null, Guid.NewGuid(), Actor, Now.AddDays(20));
        return dispute;
    }

    [Fact]
    public void R23_a_dispute_starts_at_service_level_and_climbs_one_step_at_a_time_each_step_dated()
    {
        var dispute = AtStrategicCommittee();
        dispute.Escalate(EscalationStep.NationalDisputeBoard, "Ikke enighet i SSU.", null, Actor, Now.AddDays(40));

        dispute.Steps.OrderBy(s => s.EnteredAt).Select(s => (s.Step, s.EnteredAt, s.ActorName)).Should().Equal(
            (EscalationStep.ServiceLevel, Now, "Sigrid Sekretariat"),
            (EscalationStep.DisagreementProtocol, Now.AddDays(10), "Sigrid Sekretariat"),
            (EscalationStep.StrategicCommittee, Now.AddDays(20), "Sigrid Sekretariat"),
            (EscalationStep.NationalDisputeBoard, Now.AddDays(40), "Sigrid Sekretariat"));
        dispute.CurrentStep.Should().Be(EscalationStep.NationalDisputeBoard);
    }

    [Fact]
    public void R23_skipping_a_step_is_refused_and_changes_nothing()
    {
        var dispute = Raised();

        var skip = () => dispute.Escalate(EscalationStep.StrategicCommittee, null, Guid.NewGuid(), Actor, Now);

        skip.Should().Throw<DeviationRuleException>().WithMessage("*trinn for trinn*");
        dispute.CurrentStep.Should().Be(EscalationStep.ServiceLevel);
        dispute.Steps.Should().ContainSingle();
    }

    [Fact]
    public void R23_the_ssu_step_is_an_agenda_item_of_an_ssu_meeting()
    {
        var dispute = Raised();
        dispute.Escalate(EscalationStep.DisagreementProtocol, null, null, Actor, Now);

        var withoutMeeting = () => dispute.Escalate(EscalationStep.StrategicCommittee, null, null, Actor, Now);
        withoutMeeting.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainSingle(e => e.Field == "AgendaItemId");

        var item = Guid.NewGuid();
        dispute.Escalate(EscalationStep.StrategicCommittee, null, item, Actor, Now);
        dispute.Current.AgendaItemId.Should().Be(item);
    }

    [Theory]
    [InlineData(true, StatementForce.Binding)]
    [InlineData(false, StatementForce.Advisory)]
    public void R23_the_statement_binds_only_where_the_agreement_says_so(bool agreementSaysBinding, StatementForce expected)
    {
        var dispute = AtStrategicCommittee();

        dispute.RecordStatement("SSU anbefaler at HF dekker transporten.", Today, agreementSaysBinding, Today);

        dispute.Current.StatementForce.Should().Be(expected);
        dispute.Current.StatementGivenOn.Should().Be(Today);
    }

    [Fact]
    public void R23_no_statement_is_recorded_where_no_body_gives_one()
    {
        var dispute = Raised();

        var record = () => dispute.RecordStatement("Uttalelse", Today, agreementSaysBinding: true, Today);

        record.Should().Throw<DeviationRuleException>();
        dispute.Current.Statement.Should().BeNull();
    }

    [Fact]
    public void R23_a_resolved_dispute_takes_no_further_step()
    {
        var dispute = Raised();
        dispute.Resolve("Partene ble enige på tjenestenivå.", Now.AddDays(3));

        dispute.IsResolved.Should().BeTrue();
        var escalate = () => dispute.Escalate(EscalationStep.DisagreementProtocol, null, null, Actor, Now.AddDays(4));
        escalate.Should().Throw<DeviationRuleException>().WithMessage("*løst*");
    }

    [Fact]
    public void A_loss_claim_is_recorded_as_given_and_checked_at_the_edge()
    {
        var dispute = Raised();

        var future = () => dispute.RecordLossClaim(12_500m, "Faktura for ekstra liggedøgn.", Today.AddDays(1), Today);
        future.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainSingle(e => e.Field == nameof(Dispute.LossClaimedOn));
        var negative = () => dispute.RecordLossClaim(-1m, "Tap", Today, Today);
        negative.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainSingle(e => e.Field == nameof(Dispute.LossClaimAmount));

        dispute.RecordLossClaim(12_500.555m, "Faktura for ekstra liggedøgn.", Today, Today);
        dispute.LossClaimAmount.Should().Be(12_500.56m);
        dispute.CurrentStep.Should().Be(EscalationStep.ServiceLevel, "a loss claim has no automatic consequence");
    }

    [Fact]
    public void R24_a_fodselsnummer_in_the_question_is_refused()
    {
        var details = new DisputeDetails(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Tittel", "Gjelder 01019010046");

        details.Validate().Should().ContainSingle(e => e.Field == nameof(DisputeDetails.Question)).Which.Message.Should().NotContain("01019010046");
    }
}
