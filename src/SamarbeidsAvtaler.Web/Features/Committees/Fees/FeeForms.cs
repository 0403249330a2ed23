using System.Globalization;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Committees.Fees;

namespace SamarbeidsAvtaler.Web.Features.Committees.Fees;

/// <summary>
/// The activity form: what the user typed, kept as it is on a refusal. Times are typed as tt:mm; an
/// activity past midnight ends «dagen etter». Errors name these properties, so they land beside the field.
/// </summary>
public sealed class FeeActivityForm
{
    public const int TimeMaxLength = 5;

    // "%H": a single-letter custom format must be marked, or it is read as a standard format.
    private static readonly string[] TimeFormats = ["H:mm", "HH:mm", "H.mm", "HH.mm", "HHmm", "%H"];

    public FeeActivityKind? Kind { get; set; }
    public DateTime? Date { get; set; }
    public string? StartTime { get; set; }
    public string? EndTime { get; set; }
    public bool EndsNextDay { get; set; }
    public bool InsideOfficeHours { get; set; }
    public int? ChosenMultiplier { get; set; }
    public string? Description { get; set; }
    public Guid? MeetingId { get; set; }

    /// <summary>Seed 001 gives no rate: the form asks for 1× or 2× (a meeting or formøte outside office hours).</summary>
    public bool AsksForMultiplier => Kind is { } kind && FeeCalculator.MustChooseMultiplier(kind, InsideOfficeHours);

    public static FeeActivityForm From(FeeLineView line) => new()
    {
        Kind = line.Kind,
        Date = line.Start.Date,
        StartTime = line.Start.ToString("HH:mm", CultureInfo.InvariantCulture),
        EndTime = line.End.ToString("HH:mm", CultureInfo.InvariantCulture),
        EndsNextDay = line.End.Date > line.Start.Date,
        InsideOfficeHours = line.InsideOfficeHours,
        ChosenMultiplier = line.ChosenMultiplier,
        Description = line.Description,
        MeetingId = line.MeetingId,
    };

    /// <summary>Converts to domain input; errors for what cannot be read at all (the domain checks the rest).</summary>
    public (FeeActivityDetails? Details, IReadOnlyList<FieldError> Errors) ToDetails()
    {
        var errors = new List<FieldError>();
        if (Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(new FieldError(nameof(Kind), "Velg type aktivitet."));
            kind = default;
        }

        DateOnly? date = null;
        if (Date is not { } d)
        {
            errors.Add(new FieldError(nameof(Date), "Dato må fylles ut."));
        }
        else if (!DateRules.InRange(DateOnly.FromDateTime(d)))
        {
            errors.Add(new FieldError(nameof(Date), DateRules.OutOfRangeMessage("Dato")));
        }
        else
        {
            date = DateOnly.FromDateTime(d);
        }

        var start = Time(errors, nameof(StartTime), "Fra", StartTime);
        var end = Time(errors, nameof(EndTime), "Til", EndTime);
        if (ChosenMultiplier is not null and not (1 or 2))
        {
            errors.Add(new FieldError(nameof(ChosenMultiplier), "Velg én eller to ganger honorarsatsen per time."));
        }

        if (errors.Count > 0 || date is null || start is null || end is null)
        {
            return (null, errors);
        }

        var endDate = EndsNextDay ? date.Value.AddDays(1) : date.Value;
        return (new FeeActivityDetails(kind, date.Value.ToDateTime(start.Value), endDate.ToDateTime(end.Value), InsideOfficeHours,
            AsksForMultiplier ? ChosenMultiplier : null, Description, MeetingId), errors);
    }

    /// <summary>Where a domain error about an activity belongs in this form.</summary>
    public string FieldFor(string domainField) => domainField switch
    {
        nameof(FeeActivity.Start) => Date is { } d && DateRules.InRange(DateOnly.FromDateTime(d)) ? nameof(StartTime) : nameof(Date),
        nameof(FeeActivityDetails.StartDate) => nameof(Date),
        nameof(FeeActivity.End) => nameof(EndTime),
        nameof(FeeActivity.Kind) => nameof(Kind),
        nameof(FeeActivity.ChosenMultiplier) => nameof(ChosenMultiplier),
        nameof(FeeActivity.Description) => nameof(Description),
        nameof(MeetingId) => nameof(MeetingId),
        _ => nameof(Description),
    };

    private static TimeOnly? Time(List<FieldError> errors, string field, string label, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new FieldError(field, $"{label} må fylles ut, som tt:mm."));
            return null;
        }

        if (text.Trim().Length > TimeMaxLength
            || !TimeOnly.TryParseExact(text.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            errors.Add(new FieldError(field, $"{label}: skriv klokkeslettet som tt:mm, for eksempel 09:30."));
            return null;
        }

        return time;
    }
}

/// <summary>A new claim: the fastlege, the kommune that pays, the period.</summary>
public sealed class NewClaimForm
{
    public Guid? PersonId { get; set; }
    public Guid? MunicipalityId { get; set; }
    public DateTime? PeriodFrom { get; set; }
    public DateTime? PeriodTo { get; set; }
}

/// <summary>A new dated rate; the amount is typed as Norwegian text (880 or 880,50).</summary>
public sealed class FeeRateForm
{
    public const int RateMaxLength = 12;

    public DateTime? ValidFrom { get; set; }
    public string? HourlyRate { get; set; }
    public string? Note { get; set; }

    public static bool TryParseKroner(string? text, out decimal amount)
    {
        amount = 0;
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > RateMaxLength)
        {
            return false;
        }

        var cleaned = new string([.. text.Trim().Where(c => c is not (' ' or '\u00A0' or '\u202F'))]);
        if (cleaned.EndsWith("kr", StringComparison.OrdinalIgnoreCase))
        {
            cleaned = cleaned[..^2];
        }

        if (cleaned.Contains('.', StringComparison.Ordinal) && !cleaned.Contains(',', StringComparison.Ordinal))
        {
            cleaned = cleaned.Replace('.', ',');
        }

        return decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, Norwegian.Culture, out amount);
    }
}
