namespace SamarbeidsAvtaler.Domain.Deviations;

/// <summary>A Norwegian public holiday (helligdag or offentlig høytidsdag).</summary>
/// <param name="Date">The day.</param>
/// <param name="Name">The name as a label: "Skjærtorsdag", "2. påskedag", "Grunnlovsdag".</param>
/// <param name="NameInSentence">The name inside a sentence after "på": "skjærtorsdag", "2. påskedag", "grunnlovsdagen".</param>
public sealed record PublicHoliday(DateOnly Date, string Name, string NameInSentence);

/// <summary>
/// R26: Norway's public holidays (lov om helligdager og helligdagsfred, lov om 1. og 17. mai), the
/// moving ones counted from Easter Sunday. Sundays are not listed (they are weekend days anyway), nor
/// are julaften and nyttårsaften, which are not public holidays.
/// </summary>
public static class NorwegianHolidays
{
    /// <summary>Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher").</summary>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);

        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The public holidays of a year, in date order.</summary>
    public static IReadOnlyList<PublicHoliday> Of(int year)
    {
        var easter = EasterSunday(year);
        PublicHoliday[] holidays =
        [
            new(new DateOnly(year, 1, 1), "1. nyttårsdag", "1. nyttårsdag"),
            new(easter.AddDays(-3), "Skjærtorsdag", "skjærtorsdag"),
            new(easter.AddDays(-2), "Langfredag", "langfredag"),
            new(easter, "1. påskedag", "1. påskedag"),
            new(easter.AddDays(1), "2. påskedag", "2. påskedag"),
            new(new DateOnly(year, 5, 1), "Offentlig høytidsdag (1. mai)", "1. mai"),
            new(new DateOnly(year, 5, 17), "Grunnlovsdag (17. mai)", "17. mai"),
            new(easter.AddDays(39), "Kristi himmelfartsdag", "Kristi himmelfartsdag"),
            new(easter.AddDays(49), "1. pinsedag", "1. pinsedag"),
            new(easter.AddDays(50), "2. pinsedag", "2. pinsedag"),
            new(new DateOnly(year, 12, 25), "1. juledag", "1. juledag"),
            new(new DateOnly(year, 12, 26), "2. juledag", "2. juledag"),
        ];

        // A moving holiday can fall on 1 or 17 May (Kristi himmelfartsdag on 1 May 2008, 2. pinsedag on
        // 17 May 2027): both are then listed, the fixed one first.
        return holidays.OrderBy(h => h.Date).ToList();
    }

    public static bool IsPublicHoliday(DateOnly date) => Find(date) is not null;

    /// <summary>The holiday's name as a label, or null for an ordinary day. Where two coincide, the first listed.</summary>
    public static string? Name(DateOnly date) => Find(date)?.Name;

    /// <summary>The holiday on that day, or null.</summary>
    public static PublicHoliday? Find(DateOnly date) =>
        date.Year < 1583 ? null : Of(date.Year).FirstOrDefault(h => h.Date == date);
}
