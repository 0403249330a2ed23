namespace SamarbeidsAvtaler.Domain.Committees.Fees;

/// <summary>The rules of a fee claim (R21) as a whole: its period, and when it can be finalised.</summary>
public static class FeeClaimRules
{
    public static IReadOnlyList<FieldError> ValidatePeriod(DateOnly from, DateOnly to)
    {
        var errors = new List<FieldError>();
        if (!DateRules.InRange(from))
        {
            errors.Add(new("From", DateRules.OutOfRangeMessage("Periode fra")));
        }

        if (!DateRules.InRange(to))
        {
            errors.Add(new("To", DateRules.OutOfRangeMessage("Periode til")));
        }

        if (errors.Count == 0 && to < from)
        {
            errors.Add(new("To", "Periodens sluttdato kan ikke være før startdatoen."));
        }

        return errors;
    }

    /// <summary>Each activity starts on a day within the claim's period.</summary>
    public static IReadOnlyList<FieldError> ValidateActivitiesInPeriod(DateOnly from, DateOnly to, IReadOnlyList<FeeActivity> activities) =>
        activities
            .Select((activity, index) => (activity, index))
            .Where(a => a.activity.StartDate < from || a.activity.StartDate > to)
            .Select(a => new FieldError($"Activities[{a.index}].{nameof(FeeActivity.Start)}",
                $"Linje {a.index + 1}: Aktiviteten starter {Norwegian.Date(a.activity.StartDate)}, utenfor kravets periode "
                + $"{Norwegian.Date(from)}–{Norwegian.Date(to)}."))
            .ToList();

    /// <summary>
    /// Everything that stops a claim from being finalised: a wrong period, an activity outside it, no
    /// activities, and every problem of the calculation (a missing rate, a multiplier not chosen, a salaried fastlege).
    /// </summary>
    public static IReadOnlyList<FieldError> ValidateForFinalising(DateOnly from, DateOnly to, FeeCalculation calculation)
    {
        var errors = new List<FieldError>(ValidatePeriod(from, to));
        if (errors.Count == 0)
        {
            errors.AddRange(ValidateActivitiesInPeriod(from, to, calculation.Lines.Select(l => l.Activity).ToList()));
        }

        if (calculation.Lines.Count == 0 && calculation.Problems.Count == 0)
        {
            errors.Add(new("Activities", "Kravet må ha minst én aktivitet."));
        }

        errors.AddRange(calculation.Problems);
        return errors;
    }
}
