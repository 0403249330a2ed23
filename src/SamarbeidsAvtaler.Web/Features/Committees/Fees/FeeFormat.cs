using System.Globalization;
using SamarbeidsAvtaler.Domain;

namespace SamarbeidsAvtaler.Web.Features.Committees.Fees;

/// <summary>How a line's time reads: "13:00–16:00", or with the end day when it passes midnight.</summary>
public static class FeeFormat
{
    public static string TimeSpan(FeeLineView line) =>
        $"{line.Start.ToString("HH:mm", CultureInfo.InvariantCulture)}–"
        + (line.End.Date == line.Start.Date
            ? line.End.ToString("HH:mm", CultureInfo.InvariantCulture)
            : line.End.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture));

    public static string Date(FeeLineView line) => Norwegian.Date(DateOnly.FromDateTime(line.Start));
}
