using SamarbeidsAvtaler.Domain.Deviations;

namespace SamarbeidsAvtaler.Domain.Tests.Deviations;

public sealed class DisputeLadderTests
{
    [Fact]
    public void R23_the_ladder_is_taken_in_order()
    {
        DisputeLadder.First.Should().Be(EscalationStep.ServiceLevel);
        DisputeLadder.Next(EscalationStep.ServiceLevel).Should().Be(EscalationStep.DisagreementProtocol);
        DisputeLadder.Next(EscalationStep.DisagreementProtocol).Should().Be(EscalationStep.StrategicCommittee);
        DisputeLadder.Next(EscalationStep.StrategicCommittee).Should().Be(EscalationStep.NationalDisputeBoard);
        DisputeLadder.Next(EscalationStep.NationalDisputeBoard).Should().BeNull();
        DisputeLadder.Steps.Should().Equal(Enum.GetValues<EscalationStep>()).And.BeInAscendingOrder();
    }

    [Fact]
    public void R23_no_step_is_skipped_and_none_taken_backwards()
    {
        foreach (var from in Enum.GetValues<EscalationStep>())
        {
            foreach (var to in Enum.GetValues<EscalationStep>())
            {
                DisputeLadder.CanEscalate(from, to).Should().Be((int)to == (int)from + 1, $"{from} → {to}");
                (DisputeLadder.RefusalMessage(from, to) is null).Should().Be((int)to == (int)from + 1);
            }
        }

        DisputeLadder.RefusalMessage(EscalationStep.ServiceLevel, EscalationStep.StrategicCommittee).Should().Be(
            "En tvist tas trinn for trinn: etter «Forsøk på løsning på tjenestenivå» kommer "
            + "«Protokoll for uenighet til samarbeidssekretariatet», ikke «Strategisk samarbeidsutvalg (drøfting og anbefaling)».");
        DisputeLadder.RefusalMessage(EscalationStep.NationalDisputeBoard, EscalationStep.ServiceLevel).Should().Be(
            "«Nasjonal tvisteløsningsnemnd» er siste trinn; tvisten kan ikke tas videre.");
    }

    [Fact]
    public void R23_statement_binding_only_where_the_agreement_says_so()
    {
        // Seed 004: the parties agreed that the national body's statement binds them.
        DisputeLadder.StatementBinding(EscalationStep.NationalDisputeBoard, agreementSaysBinding: true).Should().Be(StatementForce.Binding);

        // Seed 003: the nasjonal tvisteløsningsnemnd gives an advisory statement unless agreed otherwise.
        DisputeLadder.StatementBinding(EscalationStep.NationalDisputeBoard, agreementSaysBinding: false).Should().Be(StatementForce.Advisory);
        DisputeLadder.StatementBinding(EscalationStep.StrategicCommittee, agreementSaysBinding: false).Should().Be(StatementForce.Advisory);
        DisputeLadder.StatementBinding(EscalationStep.StrategicCommittee, agreementSaysBinding: true).Should().Be(StatementForce.Binding);

        // No body gives a statement at service level or with the protocol: nothing to bind.
        DisputeLadder.StatementBinding(EscalationStep.ServiceLevel, agreementSaysBinding: true).Should().BeNull();
        DisputeLadder.StatementBinding(EscalationStep.DisagreementProtocol, agreementSaysBinding: true).Should().BeNull();
    }

    [Fact]
    public void R23_every_step_has_a_norwegian_name()
    {
        Enum.GetValues<EscalationStep>().Select(s => s.DisplayName()).Should().Equal(
            "Forsøk på løsning på tjenestenivå",
            "Protokoll for uenighet til samarbeidssekretariatet",
            "Strategisk samarbeidsutvalg (drøfting og anbefaling)",
            "Nasjonal tvisteløsningsnemnd");
        StatementForce.Advisory.DisplayName().Should().Be("Rådgivende");
        StatementForce.Binding.DisplayName().Should().Be("Bindende");
    }
}
