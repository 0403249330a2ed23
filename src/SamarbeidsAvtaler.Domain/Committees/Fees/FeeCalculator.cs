namespace SamarbeidsAvtaler.Domain.Committees.Fees;

/// <summary>
/// One activity of a claim, computed. Index is the activity's position in the claim (0-based). A line
/// with problems has no amount; Rate, Multiplier and StartedHalfHours are given where they are known.
/// </summary>
public sealed record FeeLine(
    int Index,
    FeeActivity Activity,
    FeeRate? Rate,
    int? Multiplier,
    int? StartedHalfHours,
    decimal? Amount,
    IReadOnlyList<FieldError> Problems);

/// <summary>
/// The fee of a claim. Total sums the lines that have an amount; the claim is complete, and can be
/// finalised, only when there are no problems (<see cref="FeeClaimRules.ValidateForFinalising"/>).
/// </summary>
public sealed record FeeCalculation(IReadOnlyList<FeeLine> Lines, IReadOnlyList<FieldError> Problems)
{
    public decimal Total => Lines.Sum(l => l.Amount ?? 0m);

    public bool IsComplete => Problems.Count == 0;
}

/// <summary>
/// R21 (seed 001), the fee of a self-employed fastlege representative: meetings, formøter and travel inside
/// office hours twice the rate per hour; travel outside office hours and case preparation the rate per hour;
/// billed per started half hour of each activity. The seed gives no rate for a meeting or formøte outside
/// office hours, so the user chooses one (1× or 2×) and the calculator never guesses.
/// </summary>
public static class FeeCalculator
{
    public static readonly TimeSpan HalfHour = TimeSpan.FromMinutes(30);

    /// <summary>The multiplier of the hourly rate; null when the user must choose (a meeting or formøte outside office hours without a choice of 1 or 2).</summary>
    public static int? Multiplier(FeeActivityKind kind, bool insideOfficeHours, int? chosen) => kind switch
    {
        FeeActivityKind.CasePreparation => 1,
        FeeActivityKind.Travel => insideOfficeHours ? 2 : 1,
        FeeActivityKind.Meeting or FeeActivityKind.PreparatoryMeeting => insideOfficeHours ? 2 : chosen is 1 or 2 ? chosen : null,
        _ => null,
    };

    /// <summary>Whether the user must choose the multiplier: seed 001 sets none for this activity.</summary>
    public static bool MustChooseMultiplier(FeeActivityKind kind, bool insideOfficeHours) =>
        kind is FeeActivityKind.Meeting or FeeActivityKind.PreparatoryMeeting && !insideOfficeHours;

    /// <summary>Every started half hour counts: 61 minutes is 3 half hours.</summary>
    public static int StartedHalfHours(TimeSpan duration) =>
        duration <= TimeSpan.Zero ? 0 : checked((int)((duration.Ticks + HalfHour.Ticks - 1) / HalfHour.Ticks));

    /// <summary>Half hours × hourly rate × multiplier / 2, rounded to øre (midpoint away from zero).</summary>
    public static decimal Amount(int startedHalfHours, decimal hourlyRate, int multiplier) =>
        Math.Round(startedHalfHours * hourlyRate * multiplier / 2m, 2, MidpointRounding.AwayFromZero);

    public static FeeCalculation Calculate(GpEmployment employment, IReadOnlyList<FeeActivity> activities, IReadOnlyList<FeeRate> rates)
    {
        ArgumentNullException.ThrowIfNull(activities);
        ArgumentNullException.ThrowIfNull(rates);

        if (employment == GpEmployment.Salaried)
        {
            return new FeeCalculation([], [new FieldError("Employment",
                "Fastlegen er fastlønnet. Godtgjøringen etter samarbeidsavtalen gjelder næringsdrivende fastleger, så det beregnes ingen godtgjøring.")]);
        }

        if (employment != GpEmployment.SelfEmployed)
        {
            return new FeeCalculation([], [new FieldError("Employment", "Velg om fastlegen er næringsdrivende eller fastlønnet.")]);
        }

        var lines = activities.Select((activity, index) => Line(index, activity, rates)).ToList();
        return new FeeCalculation(lines, lines.SelectMany(l => l.Problems).ToList());
    }

    private static FeeLine Line(int index, FeeActivity activity, IReadOnlyList<FeeRate> rates)
    {
        var problems = new List<FieldError>(activity.Validate());
        var datesValid = !problems.Any(p => p.Field is nameof(FeeActivity.Start) or nameof(FeeActivity.End));
        var halfHours = datesValid ? StartedHalfHours(activity.Duration) : (int?)null;

        FeeRate? rate = null;
        if (DateRules.InRange(activity.StartDate))
        {
            rate = FeeRates.RateOn(rates, activity.StartDate);
            if (rate is null)
            {
                problems.Add(new FieldError(nameof(FeeActivity.Start),
                    $"Det finnes ingen honorarsats som gjelder {Norwegian.Date(activity.StartDate)}. "
                    + "Registrer honorarsatsen (rammeavtalen pkt. 12.5) med en gyldig fra-dato på eller før denne datoen."));
            }
        }

        var multiplier = activity.Multiplier;
        decimal? amount = problems.Count == 0 && rate is not null && multiplier is not null && halfHours is not null
            ? Amount(halfHours.Value, rate.HourlyRate, multiplier.Value)
            : null;

        var lineProblems = problems
            .Select(p => new FieldError($"Activities[{index}].{p.Field}", $"Linje {index + 1}: {p.Message}"))
            .ToList();
        return new FeeLine(index, activity, rate, multiplier, halfHours, amount, lineProblems);
    }
}
