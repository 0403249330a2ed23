using System.Text;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Web.Features.Agreements;

namespace SamarbeidsAvtaler.Web.Features.Deviations.Statistics;

/// <summary>
/// The statistics' tables as CSV for a spreadsheet, like the app's other exports: semicolon-separated,
/// UTF-8 with a byte order mark, Norwegian headers. One block per table, the same numbers the page shows.
/// </summary>
public static class StatisticsCsv
{
    public static string Text(DeviationStatistics s)
    {
        var csv = new StringBuilder();
        csv.AppendLine(Csv.Line("Avviksstatistikk", s.Filter.PeriodText));
        csv.AppendLine(Csv.Line("Utvalg", s.ScopeText));
        csv.AppendLine(Csv.Line("Område", s.AreaName ?? "Alle"));
        csv.AppendLine(Csv.Line("Part", s.PartyName ?? "Alle"));
        csv.AppendLine(Csv.Line("Kategori", s.Filter.Category is { } c ? SamarbeidsAvtaler.Domain.Deviations.DeviationTexts.DisplayName(c) : "Alle"));
        csv.AppendLine(Csv.Line("Antall avvik", Number(s.Total)));

        Block(csv, "Måned", s.PerMonth);
        Block(csv, "Kategori", s.PerCategory);
        Block(csv, "Område", s.PerArea);

        csv.AppendLine();
        csv.AppendLine(Csv.Line("Part", "Meldt av parten", "Meldt mot parten", "Totalt"));
        foreach (var row in s.PerParty)
        {
            csv.AppendLine(Csv.Line(row.Label, Number(row.Reported), Number(row.Against), Number(row.Total)));
        }

        csv.AppendLine();
        csv.AppendLine(Csv.Line("Svar på avvik", "Antall", "Prosent"));
        csv.AppendLine(Csv.Line("Besvart innen fristen", Number(s.Deadline.WithinDeadline), Percent(s.Deadline.WithinPercent)));
        csv.AppendLine(Csv.Line("Besvart etter fristen", Number(s.Deadline.Late), Percent(s.Deadline.LatePercent)));
        csv.AppendLine(Csv.Line("Besvart i alt", Number(s.Deadline.Answered), s.Deadline.Answered > 0 ? "100" : string.Empty));
        return csv.ToString();
    }

    /// <summary>The file's bytes: UTF-8 with a byte order mark, what Excel with Norwegian settings opens correctly.</summary>
    public static byte[] Bytes(DeviationStatistics s) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Text(s))];

    public static string FileName(DeviationStatistics s) =>
        $"avviksstatistikk-{StatisticsFilter.MonthValue(s.Filter.From)}-{StatisticsFilter.MonthValue(s.Filter.To)}.csv";

    private static void Block(StringBuilder csv, string header, IReadOnlyList<CountRow> rows)
    {
        csv.AppendLine();
        csv.AppendLine(Csv.Line(header, "Antall"));
        foreach (var row in rows)
        {
            csv.AppendLine(Csv.Line(row.Label, Number(row.Count)));
        }
    }

    private static string Number(int value) => value.ToString(Norwegian.Culture);

    private static string Percent(int? value) => value?.ToString(Norwegian.Culture) ?? string.Empty;
}
