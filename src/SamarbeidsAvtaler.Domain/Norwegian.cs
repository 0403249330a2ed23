using System.Globalization;

namespace SamarbeidsAvtaler.Domain;

/// <summary>Numbers and dates in messages are written the Norwegian way, whatever the server's culture.</summary>
public static class Norwegian
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nb-NO");

    /// <summary>Norway's time zone: dates in the register are Norwegian calendar days, whatever the server's zone.</summary>
    public static readonly TimeZoneInfo TimeZone =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Oslo", out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>Today's date in Norway.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZone).DateTime);

    /// <summary>A moment as Norwegian local time.</summary>
    public static DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, TimeZone);

    /// <summary>The instant a Norwegian wall-clock time stands for.</summary>
    public static DateTimeOffset Instant(DateTime local) => new DateTimeOffset(local, TimeZone.GetUtcOffset(local)).ToUniversalTime();

    public static string DateTime(DateTimeOffset at) => Local(at).ToString("dd.MM.yyyy 'kl.' HH:mm", Culture);

    public static string Format(FormattableString text) => text.ToString(Culture);

    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", Culture);

    /// <summary>A name used inside a sentence: first letter lower case, acronyms ("HF", "RHF") left alone.</summary>
    public static string InSentence(string name) =>
        name.Length > 1 && char.IsUpper(name[0]) && char.IsLower(name[1]) ? char.ToLower(name[0], Culture) + name[1..] : name;

    /// <summary>"a", "a og b", "a, b og c".</summary>
    public static string JoinAnd(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list[..^1]) + " og " + list[^1];
    }
}
