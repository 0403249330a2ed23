using System.Globalization;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Web.Components;

namespace SamarbeidsAvtaler.Web.Features.Deviations.Statistics;

/// <summary>
/// What the statistics count (R25): the months of OccurredAt from <see cref="From"/> to <see cref="To"/>
/// (both first days of a month, inclusive), and optionally one område (an områdeutval), one party and one
/// category. Read from the URL; anything that does not parse falls back to the default rather than failing.
/// </summary>
public sealed record StatisticsFilter(DateOnly From, DateOnly To, Guid? AreaId = null, Guid? PartyId = null, DeviationCategory? Category = null)
{
    /// <summary>The longest period one page counts: ten years of months keeps the trend chart readable.</summary>
    public const int MaxMonths = 120;

    /// <summary>The default: the last 12 months, this month included.</summary>
    public static StatisticsFilter Default(DateOnly today)
    {
        var to = new DateOnly(today.Year, today.Month, 1);
        return new StatisticsFilter(to.AddMonths(-11), to);
    }

    public int MonthCount => ((To.Year - From.Year) * 12) + To.Month - From.Month + 1;

    /// <summary>The months of the period in order.</summary>
    public IEnumerable<DateOnly> Months() => Enumerable.Range(0, MonthCount).Select(From.AddMonths);

    /// <summary>The first moment after the period, for a half-open comparison on OccurredAt.</summary>
    public DateTime EndExclusive => To.AddMonths(1).ToDateTime(TimeOnly.MinValue);

    public DateTime StartInclusive => From.ToDateTime(TimeOnly.MinValue);

    /// <summary>"desember 2025 – november 2026".</summary>
    public string PeriodText => From == To ? MonthText(From) : $"{MonthText(From)} – {MonthText(To)}";

    public static string MonthText(DateOnly month) => month.ToString("MMMM yyyy", Norwegian.Culture);

    /// <summary>"2025-12", the URL form of a month.</summary>
    public static string MonthValue(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>A month "yyyy-MM" in 1900–2199, or null.</summary>
    public static DateOnly? ParseMonth(string? value)
    {
        var text = SearchText.Clean(value);
        if (text is null || !DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return null;
        }

        return DateRules.InRange(month) ? new DateOnly(month.Year, month.Month, 1) : null;
    }

    /// <summary>
    /// The filter from the URL's values (<c>fra</c>, <c>til</c>, <c>omrade</c>, <c>part</c>, <c>kategori</c>). A
    /// missing or unreadable period, one the wrong way round or longer than <see cref="MaxMonths"/>, is the default.
    /// </summary>
    public static StatisticsFilter Parse(Func<string, string?> query, DateOnly today)
    {
        var fallback = Default(today);
        var from = ParseMonth(query("fra"));
        var to = ParseMonth(query("til"));
        var filter = (from, to) switch
        {
            ({ } f, { } t) => fallback with { From = f, To = t },
            ({ } f, null) => fallback with { From = f, To = f > fallback.To ? f : fallback.To },
            (null, { } t) => fallback with { From = t.AddMonths(-11), To = t },
            _ => fallback,
        };
        if (filter.From > filter.To || filter.MonthCount > MaxMonths || !DateRules.InRange(filter.From))
        {
            filter = fallback;
        }

        return filter with
        {
            AreaId = ParseId(query("omrade")),
            PartyId = ParseId(query("part")),
            Category = DeviationCategorySlugs.FromSlug(SearchText.Clean(query("kategori"))),
        };
    }

    /// <summary>The URL's values of this filter; the default period is left out.</summary>
    public Dictionary<string, object?> ToQuery(DateOnly today)
    {
        var fallback = Default(today);
        var isDefaultPeriod = From == fallback.From && To == fallback.To;
        return new Dictionary<string, object?>
        {
            ["fra"] = isDefaultPeriod ? null : MonthValue(From),
            ["til"] = isDefaultPeriod ? null : MonthValue(To),
            ["omrade"] = AreaId?.ToString(),
            ["part"] = PartyId?.ToString(),
            ["kategori"] = Category?.Slug(),
        };
    }

    private static Guid? ParseId(string? value) =>
        Guid.TryParse(SearchText.Clean(value), out var id) && id != Guid.Empty ? id : null;
}

/// <summary>Norwegian URL values of the deviation categories.</summary>
public static class DeviationCategorySlugs
{
    public static string Slug(this DeviationCategory category) => category switch
    {
        DeviationCategory.DischargeWithoutEpicrisisAndMedicationList => "utskriving-uten-epikrise",
        DeviationCategory.DischargeOutsideAgreedHours => "utskriving-utenfor-avtalt-tid",
        DeviationCategory.Admission => "innleggelse",
        DeviationCategory.InformationExchange => "informasjonsutveksling",
        DeviationCategory.Ict => "ikt",
        DeviationCategory.Medication => "legemidler",
        DeviationCategory.Other => "annet",
        _ => category.ToString(),
    };

    public static DeviationCategory? FromSlug(string? slug) =>
        Enum.GetValues<DeviationCategory>().Cast<DeviationCategory?>().FirstOrDefault(c => c!.Value.Slug() == slug);
}
