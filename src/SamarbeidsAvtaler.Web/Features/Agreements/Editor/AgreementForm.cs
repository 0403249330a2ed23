using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Parties;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Editor;

/// <summary>
/// The details form (step 1 of a new agreement and the details tab of a draft), bound by the MudBlazor
/// inputs. Property names are the field names of the errors the service returns, so each message lands
/// beside its input; the practice position is flattened (see <see cref="FieldFor"/>).
/// </summary>
public sealed class AgreementForm
{
    /// <summary>Dates a register date can have; anything outside is a typing slip (or an attack) and is refused with a message.</summary>
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);
    public static readonly DateOnly LatestDate = new(2199, 12, 31);

    public AgreementKind Kind { get; set; }
    public string? Title { get; set; }
    public DocumentLanguage Language { get; set; } = DocumentLanguage.Bokmal;
    public DateTime? ValidFrom { get; set; }
    public DateTime? ValidTo { get; set; }
    public DateTime? NextReviewDate { get; set; }
    public int? NoticePeriodMonths { get; set; }

    public AgreementLevel? Level { get; set; }
    public Choice? ParentAgreement { get; set; }
    public bool? IsLegallyBinding { get; set; }
    public string? Replaces { get; set; }

    public string? MeetingFrequency { get; set; }
    public string? ContactRoutines { get; set; }
    public string? Compensation { get; set; }

    public string? PracticeSpecialty { get; set; }
    public Choice? PracticeMunicipality { get; set; }
    public string? PracticeAddress { get; set; }
    public decimal? PracticeSharePercent { get; set; }
    public decimal? PracticeHoursPerWeek { get; set; }
    public int? PracticeWeeksPerYear { get; set; }
    public string? PracticeStaffing { get; set; }
    public string? PracticeProfile { get; set; }
    public string? PracticeNormFigures { get; set; }

    /// <summary>The row version the user started from; a different one on save means someone else saved first.</summary>
    public uint? Version { get; set; }

    public static AgreementForm NewFor(AgreementKind kind, DateOnly today) => new()
    {
        Kind = kind,
        ValidFrom = today.ToDateTime(TimeOnly.MinValue),
        NoticePeriodMonths = AgreementDetails.DefaultNoticeMonths,
        PracticeSharePercent = 100m,
        PracticeHoursPerWeek = PracticePosition.FullTimeHoursPerWeek,
        PracticeWeeksPerYear = PracticePosition.FullTimeWeeksPerYear,
    };

    /// <summary>A copy, so a page can hold what the user typed apart from what was stored (conflict view).</summary>
    public AgreementForm Copy() => (AgreementForm)MemberwiseClone();

    /// <summary>
    /// Converts to domain input and runs the domain's validation. Missing numbers, dates out of range
    /// and over-long texts are reported here (before the database); the domain's message for a field
    /// already reported is then left out.
    /// </summary>
    public (AgreementDetails Details, IReadOnlyList<FieldError> Errors) ToDetails(AgreementKind kind, DateOnly today)
    {
        var errors = new List<FieldError>();

        var validFrom = CheckDate(ValidFrom, nameof(ValidFrom), "Gyldig fra", required: true, errors) ?? new DateOnly(2000, 1, 1);
        var validTo = CheckDate(ValidTo, nameof(ValidTo), "Gyldig til", required: false, errors);
        var nextReview = CheckDate(NextReviewDate, nameof(NextReviewDate), "Neste gjennomgang", required: false, errors);

        var notice = AgreementDetails.DefaultNoticeMonths;
        if (kind != AgreementKind.MunicipalCooperationAgreement)
        {
            notice = Required(NoticePeriodMonths, nameof(NoticePeriodMonths), "Oppsigelsestid", errors) ?? AgreementDetails.DefaultNoticeMonths;
        }

        PracticePosition? position = null;
        if (kind == AgreementKind.OperatingAgreement)
        {
            var share = Required(PracticeSharePercent, nameof(PracticeSharePercent), "Andel av hel hjemmel", errors);
            var hours = Required(PracticeHoursPerWeek, nameof(PracticeHoursPerWeek), "Timer per uke", errors);
            var weeks = Required(PracticeWeeksPerYear, nameof(PracticeWeeksPerYear), "Uker per år", errors);
            CheckLength(PracticeSpecialty, Party.SpecialtyMaxLength, nameof(PracticeSpecialty), "Spesialiteten", errors);
            CheckLength(PracticeAddress, Party.StreetAddressMaxLength, nameof(PracticeAddress), "Adressen", errors);
            CheckLength(PracticeStaffing, Agreement.TextMaxLength, nameof(PracticeStaffing), "Bemanningen", errors);
            CheckLength(PracticeProfile, Agreement.TextMaxLength, nameof(PracticeProfile), "Praksisprofilen", errors);
            CheckLength(PracticeNormFigures, Agreement.TextMaxLength, nameof(PracticeNormFigures), "Normtallene", errors);

            position = new PracticePosition(Text(PracticeSpecialty)?.Trim() ?? string.Empty, PracticeMunicipality?.Id, Clean(PracticeAddress),
                share ?? 100m, hours ?? PracticePosition.FullTimeHoursPerWeek, weeks ?? PracticePosition.FullTimeWeeksPerYear,
                Clean(PracticeStaffing), Clean(PracticeProfile), Clean(PracticeNormFigures));
        }

        AgreementLevel? level = null;
        Guid? parent = null;
        bool? binding = null;
        if (kind == AgreementKind.MunicipalCooperationAgreement)
        {
            level = Level is { } l && Enum.IsDefined(l) ? l : null;
            parent = ParentAgreement?.Id;
            binding = IsLegallyBinding;
        }

        var details = new AgreementDetails(kind, Text(Title) ?? string.Empty, Language, validFrom, validTo, nextReview, notice,
            level, parent, binding, Text(Replaces), Text(MeetingFrequency), Text(ContactRoutines), Text(Compensation), position);

        var reported = errors.Select(e => e.Field).ToHashSet();
        errors.AddRange(ForForm(details.Validate(today)).Where(e => !reported.Contains(e.Field)));
        return (details, errors);
    }

    /// <summary>The form field a domain error belongs to: "PracticePosition.HoursPerWeek" is PracticeHoursPerWeek here.</summary>
    public static string FieldFor(string domainField) => domainField switch
    {
        "PracticePosition.Specialty" => nameof(PracticeSpecialty),
        "PracticePosition.MunicipalityId" => nameof(PracticeMunicipality),
        "PracticePosition.Address" => nameof(PracticeAddress),
        "PracticePosition.SharePercent" => nameof(PracticeSharePercent),
        "PracticePosition.HoursPerWeek" => nameof(PracticeHoursPerWeek),
        "PracticePosition.WeeksPerYear" => nameof(PracticeWeeksPerYear),
        "PracticePosition.Staffing" => nameof(PracticeStaffing),
        "PracticePosition.PracticeProfile" => nameof(PracticeProfile),
        "PracticePosition.NormFigures" => nameof(PracticeNormFigures),
        "ParentAgreementId" => nameof(ParentAgreement),
        _ => domainField,
    };

    public static IEnumerable<FieldError> ForForm(IEnumerable<FieldError> domainErrors) =>
        domainErrors.Select(e => e with { Field = FieldFor(e.Field) });

    public static DateTime? ToDateTime(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

    /// <summary>Text as PostgreSQL can store it: a NUL byte is refused by the database, so it never gets there.</summary>
    public static string? Text(string? value) => value?.Replace("\0", string.Empty, StringComparison.Ordinal);

    public static void CheckLength(string? value, int max, string field, string what, List<FieldError> errors)
    {
        if (Text(value)?.Trim().Length > max)
        {
            errors.Add(new(field, Norwegian.Format($"{what} kan ha høyst {max:N0} tegn.")));
        }
    }

    private static DateOnly? CheckDate(DateTime? value, string field, string label, bool required, List<FieldError> errors)
    {
        if (value is not { } date)
        {
            if (required)
            {
                errors.Add(new(field, $"{label} må fylles ut."));
            }

            return null;
        }

        var day = DateOnly.FromDateTime(date);
        if (day < EarliestDate || day > LatestDate)
        {
            errors.Add(new(field, $"{label} må være en dato mellom 01.01.1900 og 31.12.2199."));
            return null;
        }

        return day;
    }

    private static T? Required<T>(T? value, string field, string label, List<FieldError> errors)
        where T : struct
    {
        if (value is null)
        {
            errors.Add(new(field, $"{label} må fylles ut."));
        }

        return value;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : Text(value)!.Trim();
}
