using System.Globalization;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Committees.Fees;
using SamarbeidsAvtaler.Web.Features.Agreements;

namespace SamarbeidsAvtaler.Web.Features.Committees.Fees;

/// <summary>
/// Claims as CSV for a spreadsheet with Norwegian settings: semicolons, decimal comma, no thousands
/// separator in numbers. One row per line of a claim, each with its claim's fastlege, kommune, period and
/// status; a total row at the end. A line that cannot be computed yet has no amount.
/// </summary>
public static class FeeCsv
{
    public static readonly string Header = Csv.Line("Fastlege", "Kommune som betaler", "Periode", "Status", "Dato", "Aktivitet", "Fra", "Til",
        "Innenfor kontortid", "Sats (kr per time)", "Ganger sats", "Påbegynte halvtimer", "Beløp (kr)");

    public static IEnumerable<string> Lines(IEnumerable<FeeClaimView> claims)
    {
        yield return Header;
        var total = 0m;
        foreach (var claim in claims)
        {
            foreach (var line in claim.Lines)
            {
                yield return Csv.Line(claim.PersonName, claim.MunicipalityName, claim.Period, claim.Status.DisplayName(),
                    Norwegian.Date(DateOnly.FromDateTime(line.Start)), line.Kind.DisplayName(), Time(line.Start), End(line),
                    line.InsideOfficeHours ? "Ja" : "Nei") + ";" + string.Join(';', Number(line.HourlyRate),
                    line.Multiplier?.ToString(CultureInfo.InvariantCulture) ?? (line.NeedsMultiplier ? "Må velges" : string.Empty),
                    line.StartedHalfHours?.ToString(CultureInfo.InvariantCulture), Number(line.Amount));
            }

            total += claim.Total;
        }

        yield return "Sum" + new string(';', 12) + Number(total);
    }

    /// <summary>Kroner with a decimal comma and no grouping; written unquoted, since the separator is the semicolon.</summary>
    public static string Number(decimal? amount) => amount?.ToString("0.00", Norwegian.Culture) ?? string.Empty;

    private static string Time(DateTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    // An activity past midnight shows the day it ends.
    private static string End(FeeLineView line) =>
        line.End.Date == line.Start.Date ? Time(line.End) : line.End.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string FileName(FeeClaimView claim) =>
        $"honorarkrav-{Slug(claim.PersonName)}-{claim.PeriodFrom:yyyy-MM-dd}{(claim.IsDraft ? "-utkast" : string.Empty)}";

    private static string Slug(string name) =>
        new string([.. name.ToLowerInvariant().Replace('ø', 'o').Replace('æ', 'a').Replace('å', 'a')
            .Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
}
