namespace SamarbeidsAvtaler.Domain.Committees.Fees;

/// <summary>
/// The honorarsats of the framework agreement's point 12.5 per hour, from a date (R21, seed 001:
/// «per i dag 880 kroner per time»). Reference data: a change is a new rate with a later valid-from.
/// </summary>
public sealed record FeeRate(DateOnly ValidFrom, decimal HourlyRate);

public static class FeeRates
{
    /// <summary>A guard against typing errors such as 88000; far above any rate the framework agreement sets.</summary>
    public const decimal MaxHourlyRate = 10_000m;

    /// <summary>The rate in force on a date: the one with the latest valid-from on or before it; null when none is.</summary>
    public static FeeRate? RateOn(IEnumerable<FeeRate> rates, DateOnly date) =>
        rates.Where(r => r.ValidFrom <= date).MaxBy(r => r.ValidFrom);

    /// <summary>The rules for a new rate; <paramref name="existing"/> are the rates already registered.</summary>
    public static IReadOnlyList<FieldError> Validate(FeeRate rate, IEnumerable<FeeRate>? existing = null)
    {
        var errors = new List<FieldError>();
        if (rate.HourlyRate <= 0)
        {
            errors.Add(new(nameof(rate.HourlyRate), "Honorarsatsen må være større enn 0 kr."));
        }
        else if (rate.HourlyRate > MaxHourlyRate)
        {
            errors.Add(new(nameof(rate.HourlyRate), Norwegian.Format($"Honorarsatsen kan være høyst {MaxHourlyRate:N0} kr per time.")));
        }
        else if (decimal.Round(rate.HourlyRate, 2) != rate.HourlyRate)
        {
            errors.Add(new(nameof(rate.HourlyRate), "Honorarsatsen kan ha høyst to desimaler (øre)."));
        }

        if (!DateRules.InRange(rate.ValidFrom))
        {
            errors.Add(new(nameof(rate.ValidFrom), DateRules.OutOfRangeMessage("Gyldig fra")));
        }
        else if (existing is not null && existing.Any(r => r.ValidFrom == rate.ValidFrom))
        {
            errors.Add(new(nameof(rate.ValidFrom),
                $"Det finnes allerede en honorarsats som gjelder fra {Norwegian.Date(rate.ValidFrom)}. Endre den, eller velg en annen dato."));
        }

        return errors;
    }
}
