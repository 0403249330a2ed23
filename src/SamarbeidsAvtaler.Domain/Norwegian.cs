using System.Globalization;

namespace SamarbeidsAvtaler.Domain;

/// <summary>Numbers and dates in messages are written the Norwegian way, whatever the server's culture.</summary>
public static class Norwegian
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nb-NO");

    public static string Format(FormattableString text) => text.ToString(Culture);

    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", Culture);

    /// <summary>A name used inside a sentence: first letter lower case, acronyms ("HF", "RHF") left alone.</summary>
    public static string InSentence(string name) =>
        name.Length > 1 && char.IsUpper(name[0]) && char.IsLower(name[1]) ? char.ToLower(name[0], Culture) + name[1..] : name;
}
