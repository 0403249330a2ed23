using System.Globalization;

namespace SamarbeidsAvtaler.Domain;

/// <summary>Numbers and dates in messages are written the Norwegian way, whatever the server's culture.</summary>
public static class Norwegian
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nb-NO");

    public static string Format(FormattableString text) => text.ToString(Culture);

    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", Culture);
}
