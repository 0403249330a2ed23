namespace SamarbeidsAvtaler.Domain.Deviations;

/// <summary>
/// R22: where a deviation stands, in the order it is normally taken. A deviation is resolved as close
/// to the patient and service level as possible (sent to the other party, answered, closed); where the
/// parties do not agree, it goes to the kommune and the specialist service involved for discussion with
/// a recommendation (seed 004 § 6).
/// </summary>
public enum DeviationStatus
{
    Registered = 1,
    SentToOtherParty = 2,

    /// <summary>The other party has answered with an explanation and measures.</summary>
    Answered = 3,
    Closed = 4,

    /// <summary>The parties did not agree: sent to the kommune and the specialist service involved, for discussion with a recommendation.</summary>
    SentToMunicipalityAndSpecialistService = 5,
}

/// <summary>R22: the moves a deviation may make between statuses.</summary>
public static class DeviationWorkflow
{
    private static readonly Dictionary<DeviationStatus, DeviationStatus[]> Moves = new()
    {
        [DeviationStatus.Registered] = [DeviationStatus.SentToOtherParty],

        // No answer by the deadline is also a disagreement the parties could not settle themselves.
        [DeviationStatus.SentToOtherParty] = [DeviationStatus.Answered, DeviationStatus.SentToMunicipalityAndSpecialistService],
        [DeviationStatus.Answered] = [DeviationStatus.Closed, DeviationStatus.SentToMunicipalityAndSpecialistService],
        [DeviationStatus.SentToMunicipalityAndSpecialistService] = [DeviationStatus.Closed],
        [DeviationStatus.Closed] = [],
    };

    /// <summary>The status a new deviation has.</summary>
    public static DeviationStatus Initial => DeviationStatus.Registered;

    /// <summary>The statuses a deviation may move to from <paramref name="from"/>, in the ladder's order.</summary>
    public static IReadOnlyList<DeviationStatus> NextSteps(DeviationStatus from) =>
        Moves.TryGetValue(from, out var next) ? next : [];

    public static bool CanMove(DeviationStatus from, DeviationStatus to) => NextSteps(from).Contains(to);

    /// <summary>A closed deviation is no longer open; every other status is.</summary>
    public static bool IsOpen(DeviationStatus status) => status != DeviationStatus.Closed;

    /// <summary>Null when the move is allowed; otherwise why not, in Norwegian.</summary>
    public static string? RefusalMessage(DeviationStatus from, DeviationStatus to)
    {
        if (CanMove(from, to))
        {
            return null;
        }

        var next = NextSteps(from).Select(s => $"«{s.DisplayName()}»").ToList();
        return next.Count == 0
            ? $"Avviket har status «{from.DisplayName()}» og kan ikke flyttes videre."
            : $"Et avvik med status «{from.DisplayName()}» kan ikke flyttes til «{to.DisplayName()}», bare til "
              + (next.Count == 1 ? next[0] : string.Join(", ", next[..^1]) + " eller " + next[^1]) + ".";
    }
}
