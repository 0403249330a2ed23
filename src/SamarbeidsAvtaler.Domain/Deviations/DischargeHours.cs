namespace SamarbeidsAvtaler.Domain.Deviations;

/// <summary>
/// R26: the hours within which a patient may be discharged, as agreed in a tjenesteavtale: one window
/// on weekdays and one on weekends and public holidays (moving ones too, <see cref="NorwegianHolidays"/>).
/// The hours are data on the agreement, not constants; <see cref="SeedExample"/> is seed 003's example.
/// </summary>
/// <remarks>
/// Both ends of a window are inside it (07–17 allows 07:00 and 17:00), and a time is compared to the
/// minute, as a form reports it. A window cannot run past midnight: "from" must be before "to".
/// </remarks>
public sealed record DischargeHours
{
    public DischargeHours(TimeOnly weekdayFrom, TimeOnly weekdayTo, TimeOnly holidayFrom, TimeOnly holidayTo)
    {
        var errors = Validate(weekdayFrom, weekdayTo, holidayFrom, holidayTo);
        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }

        WeekdayFrom = weekdayFrom;
        WeekdayTo = weekdayTo;
        HolidayFrom = holidayFrom;
        HolidayTo = holidayTo;
    }

    /// <summary>Seed 003's example: weekdays 07–17, weekends and public holidays 09–15.</summary>
    public static DischargeHours SeedExample { get; } = new(new TimeOnly(7, 0), new TimeOnly(17, 0), new TimeOnly(9, 0), new TimeOnly(15, 0));

    public TimeOnly WeekdayFrom { get; }

    public TimeOnly WeekdayTo { get; }

    /// <summary>Start of the window on Saturdays, Sundays and public holidays.</summary>
    public TimeOnly HolidayFrom { get; }

    /// <summary>End of the window on Saturdays, Sundays and public holidays.</summary>
    public TimeOnly HolidayTo { get; }

    /// <summary>The errors of a form that sets the hours, beside the "to" field of the window that is wrong.</summary>
    public static IReadOnlyList<FieldError> Validate(TimeOnly weekdayFrom, TimeOnly weekdayTo, TimeOnly holidayFrom, TimeOnly holidayTo)
    {
        var errors = new List<FieldError>();
        if (weekdayFrom >= weekdayTo)
        {
            errors.Add(new FieldError(nameof(WeekdayTo),
                $"Avtalt utskrivningstid på hverdager må slutte etter at den begynner: kl. {Full(weekdayTo)} er ikke etter kl. {Full(weekdayFrom)}."));
        }

        if (holidayFrom >= holidayTo)
        {
            errors.Add(new FieldError(nameof(HolidayTo),
                $"Avtalt utskrivningstid i helg og på helligdager må slutte etter at den begynner: kl. {Full(holidayTo)} er ikke etter kl. {Full(holidayFrom)}."));
        }

        return errors;
    }

    /// <summary>Saturdays, Sundays and Norwegian public holidays have the holiday window.</summary>
    public static bool HasHolidayHours(DateOnly date) =>
        date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || NorwegianHolidays.IsPublicHoliday(date);

    /// <summary>Whether a discharge at this Norwegian local time (its Kind is ignored) is within the agreed hours.</summary>
    public bool IsWithin(DateTime localTime)
    {
        var (from, to) = WindowOn(DateOnly.FromDateTime(localTime));
        var time = ToMinute(localTime);
        return time >= from && time <= to;
    }

    /// <summary>
    /// Null when the time is within the agreed hours; otherwise why not, in Norwegian:
    /// "Utskrivning kl. 18:30 på 2. påskedag er utenfor avtalt tid for helg og helligdager (09–15)."
    /// </summary>
    public string? OutsideMessage(DateTime localTime)
    {
        if (IsWithin(localTime))
        {
            return null;
        }

        var date = DateOnly.FromDateTime(localTime);
        var time = Full(ToMinute(localTime));
        var day = NorwegianHolidays.Find(date)?.NameInSentence
            ?? "en " + Norwegian.Culture.DateTimeFormat.GetDayName(date.DayOfWeek);
        var window = HasHolidayHours(date)
            ? $"for helg og helligdager ({Clock(HolidayFrom)}–{Clock(HolidayTo)})"
            : $"for hverdager ({Clock(WeekdayFrom)}–{Clock(WeekdayTo)})";
        return $"Utskrivning kl. {time} på {day} er utenfor avtalt tid {window}.";
    }

    /// <summary>"Hverdager 07–17, helg og helligdager 09–15".</summary>
    public override string ToString() =>
        $"Hverdager {Clock(WeekdayFrom)}–{Clock(WeekdayTo)}, helg og helligdager {Clock(HolidayFrom)}–{Clock(HolidayTo)}";

    private (TimeOnly From, TimeOnly To) WindowOn(DateOnly date) =>
        HasHolidayHours(date) ? (HolidayFrom, HolidayTo) : (WeekdayFrom, WeekdayTo);

    private static TimeOnly ToMinute(DateTime time) => new(time.Hour, time.Minute);

    private static string Full(TimeOnly time) => time.ToString("HH:mm", Norwegian.Culture);

    /// <summary>"09" for a whole hour, "09:30" otherwise.</summary>
    private static string Clock(TimeOnly time) =>
        time.ToString(time.Minute == 0 ? "HH" : "HH:mm", Norwegian.Culture);
}
