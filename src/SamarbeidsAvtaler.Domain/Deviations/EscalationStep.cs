namespace SamarbeidsAvtaler.Domain.Deviations;

/// <summary>
/// R23: the ladder of a dispute about interpreting the agreements, taken in order (seed 004 § 6):
/// an attempt at service level → protokoll for uenighet to the samarbeidssekretariat → the strategic
/// committee (SSU) for discussion and a recommendation → the nasjonal tvisteløsningsnemnd.
/// </summary>
public enum EscalationStep
{
    ServiceLevel = 1,

    /// <summary>Protokoll for uenighet, sent to the samarbeidssekretariat, which brings the case to the SSU.</summary>
    DisagreementProtocol = 2,

    /// <summary>The SSU discusses the case and recommends a solution (an agenda item of an SSU meeting).</summary>
    StrategicCommittee = 3,

    /// <summary>Nasjonal tvisteløsningsnemnd: advisory unless the parties agreed that its statement binds (seeds 003, 004).</summary>
    NationalDisputeBoard = 4,
}

/// <summary>Whether a body's statement on a dispute binds the parties.</summary>
public enum StatementForce
{
    Advisory = 1,
    Binding = 2,
}

/// <summary>R23: the dispute ladder's order and the force of a statement.</summary>
public static class DisputeLadder
{
    /// <summary>Every dispute starts at service level.</summary>
    public static EscalationStep First => EscalationStep.ServiceLevel;

    /// <summary>The steps in order.</summary>
    public static IReadOnlyList<EscalationStep> Steps { get; } =
    [
        EscalationStep.ServiceLevel,
        EscalationStep.DisagreementProtocol,
        EscalationStep.StrategicCommittee,
        EscalationStep.NationalDisputeBoard,
    ];

    /// <summary>The step after <paramref name="step"/>, or null at the top of the ladder. No step is skipped.</summary>
    public static EscalationStep? Next(EscalationStep step)
    {
        var index = IndexOf(step);
        return index < Steps.Count - 1 ? Steps[index + 1] : null;
    }

    /// <summary>A dispute moves only one step up at a time; never down, never skipping.</summary>
    public static bool CanEscalate(EscalationStep from, EscalationStep to) => Next(from) == to;

    /// <summary>Null when the move is allowed; otherwise why not, in Norwegian.</summary>
    public static string? RefusalMessage(EscalationStep from, EscalationStep to)
    {
        if (CanEscalate(from, to))
        {
            return null;
        }

        return Next(from) is { } next
            ? $"En tvist tas trinn for trinn: etter «{from.DisplayName()}» kommer «{next.DisplayName()}», ikke «{to.DisplayName()}»."
            : $"«{from.DisplayName()}» er siste trinn; tvisten kan ikke tas videre.";
    }

    /// <summary>Whether a body gives a statement at this step: the SSU's recommendation and the national board's statement.</summary>
    public static bool GivesStatement(EscalationStep step) =>
        step is EscalationStep.StrategicCommittee or EscalationStep.NationalDisputeBoard;

    /// <summary>
    /// The force of the statement given at <paramref name="step"/>: binding only where the agreement says
    /// so (seed 004 makes the national body's statement binding), advisory otherwise (seed 003: the
    /// nasjonal tvisteløsningsnemnd is advisory unless agreed). Null at the steps where no body gives a
    /// statement (service level, protokoll for uenighet: the parties themselves, and the secretariat only
    /// brings the case to the SSU).
    /// </summary>
    public static StatementForce? StatementBinding(EscalationStep step, bool agreementSaysBinding)
    {
        if (!GivesStatement(step))
        {
            return null;
        }

        return agreementSaysBinding ? StatementForce.Binding : StatementForce.Advisory;
    }

    private static int IndexOf(EscalationStep step)
    {
        for (var i = 0; i < Steps.Count; i++)
        {
            if (Steps[i] == step)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(step), step, "Ukjent trinn i tvisteløsningen.");
    }
}
