namespace SamarbeidsAvtaler.Domain;

/// <summary>
/// The dates a register can hold. A typo such as year 0001 or 9999 is refused with a message, never
/// stored (PostgreSQL would keep it as ±infinity-like extremes and every page would show nonsense).
/// </summary>
public static class DateRules
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2199, 12, 31);

    public static bool InRange(DateOnly date) => date >= Earliest && date <= Latest;

    /// <summary>"{label} må være en dato mellom 01.01.1900 og 31.12.2199."</summary>
    public static string OutOfRangeMessage(string label) =>
        $"{label} må være en dato mellom {Norwegian.Date(Earliest)} og {Norwegian.Date(Latest)}.";
}
