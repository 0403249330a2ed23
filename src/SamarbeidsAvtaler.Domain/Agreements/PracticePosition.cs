namespace SamarbeidsAvtaler.Domain.Agreements;

/// <summary>
/// The funded position a driftsavtale grants (avtalehjemmel). R7: a full position is practice
/// 37.5 hours a week for at least 44 weeks a year; a part position scales both by its share.
/// </summary>
public sealed record PracticePosition(
    string Specialty,
    Guid? MunicipalityId,
    string? Address,
    decimal SharePercent,
    decimal HoursPerWeek,
    int WeeksPerYear,
    string? Staffing = null,
    string? PracticeProfile = null,
    string? NormFigures = null)
{
    public const decimal FullTimeHoursPerWeek = 37.5m;
    public const int FullTimeWeeksPerYear = 44;

    /// <summary>Up to 8 weeks a year of holiday and courses need no application (R7, § 9.2).</summary>
    public const int FreeWeeksPerYear = 8;

    public decimal RequiredHoursPerWeek => Math.Round(FullTimeHoursPerWeek * SharePercent / 100m, 2);

    /// <summary>R7: the opening hours and weeks meet what the share of a full position requires.</summary>
    public bool MeetsActivityRequirement => HoursPerWeek >= RequiredHoursPerWeek && WeeksPerYear >= FullTimeWeeksPerYear;

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Specialty))
        {
            errors.Add(new(nameof(Specialty), "Spesialitet må fylles ut."));
        }

        if (SharePercent is <= 0 or > 100)
        {
            errors.Add(new(nameof(SharePercent), "Andelen av en hel hjemmel må være mellom 1 og 100 %."));
        }

        if (HoursPerWeek is <= 0 or > 80)
        {
            errors.Add(new(nameof(HoursPerWeek), "Åpningstid per uke må være mellom 0 og 80 timer."));
        }

        if (WeeksPerYear is < 1 or > 52)
        {
            errors.Add(new(nameof(WeeksPerYear), "Uker per år må være mellom 1 og 52."));
        }
        else if (WeeksPerYear < 52 - FreeWeeksPerYear)
        {
            errors.Add(new(nameof(WeeksPerYear), $"En driftsavtale forutsetter praksis minst {FullTimeWeeksPerYear} uker i året (R7)."));
        }

        if (errors.Count == 0 && HoursPerWeek < RequiredHoursPerWeek)
        {
            errors.Add(new(nameof(HoursPerWeek), Norwegian.Format(
                $"En hjemmel på {SharePercent:0.#} % krever minst {RequiredHoursPerWeek:0.##} timer per uke (37,5 timer for full hjemmel, R7).")));
        }

        return errors;
    }
}
