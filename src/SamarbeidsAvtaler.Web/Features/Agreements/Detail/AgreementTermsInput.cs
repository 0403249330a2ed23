using SamarbeidsAvtaler.Domain.Deviations;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Detail;

/// <summary>
/// Terms recorded from the agreement's document: the agreed discharge hours (R26; none when
/// <see cref="HasDischargeHours"/> is off) and whether statements on disputes bind the parties (R23).
/// The time fields are named as <see cref="DischargeHours.Validate"/> names its errors.
/// </summary>
public sealed class AgreementTermsInput
{
    public bool HasDischargeHours { get; set; }
    public TimeSpan? WeekdayFrom { get; set; }
    public TimeSpan? WeekdayTo { get; set; }
    public TimeSpan? HolidayFrom { get; set; }
    public TimeSpan? HolidayTo { get; set; }
    public bool DisputeStatementsBinding { get; set; }

    public static AgreementTermsInput From(Domain.Agreements.Agreement agreement) => new()
    {
        HasDischargeHours = agreement.DischargeHours is not null,
        WeekdayFrom = agreement.DischargeWeekdayFrom?.ToTimeSpan(),
        WeekdayTo = agreement.DischargeWeekdayTo?.ToTimeSpan(),
        HolidayFrom = agreement.DischargeHolidayFrom?.ToTimeSpan(),
        HolidayTo = agreement.DischargeHolidayTo?.ToTimeSpan(),
        DisputeStatementsBinding = agreement.DisputeStatementsBinding,
    };

    /// <summary>Seed 003's example, as the guide (veilederen) gives it: weekdays 07–17, weekends and holidays 09–15.</summary>
    public void UseSeedExample()
    {
        var example = DischargeHours.SeedExample;
        HasDischargeHours = true;
        WeekdayFrom = example.WeekdayFrom.ToTimeSpan();
        WeekdayTo = example.WeekdayTo.ToTimeSpan();
        HolidayFrom = example.HolidayFrom.ToTimeSpan();
        HolidayTo = example.HolidayTo.ToTimeSpan();
    }
}
