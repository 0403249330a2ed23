using System.Globalization;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Editor;

/// <summary>
/// The details form (step 1 and the details tab) as posted: every field a string, so whatever the
/// user typed comes back unchanged when something is wrong. Top-level names match
/// <see cref="AgreementDetails"/>; the practice position is flattened (see <see cref="FieldFor"/>)
/// so its domain errors land beside the right input.
/// </summary>
public sealed class AgreementForm
{
    public const string SaveIntent = "lagre";
    public const string MunicipalitySearchIntent = "sok-kommune";
    public const string ParentSearchIntent = "sok-overordnet";

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d.M.yyyy", "dd.MM.yyyy"];

    public string? Kind { get; set; }
    public string? Title { get; set; }
    public string? Language { get; set; }
    public string? ValidFrom { get; set; }
    public string? ValidTo { get; set; }
    public string? NextReviewDate { get; set; }
    public string? NoticePeriodMonths { get; set; }

    public string? Level { get; set; }
    public string? ParentAgreementId { get; set; }
    public string? ParentSearch { get; set; }
    public string? IsLegallyBinding { get; set; }
    public string? Replaces { get; set; }

    public string? MeetingFrequency { get; set; }
    public string? ContactRoutines { get; set; }
    public string? Compensation { get; set; }

    public string? PracticeSpecialty { get; set; }
    public string? PracticeMunicipalityId { get; set; }
    public string? MunicipalitySearch { get; set; }
    public string? PracticeAddress { get; set; }
    public string? PracticeSharePercent { get; set; }
    public string? PracticeHoursPerWeek { get; set; }
    public string? PracticeWeeksPerYear { get; set; }
    public string? PracticeStaffing { get; set; }
    public string? PracticeProfile { get; set; }
    public string? PracticeNormFigures { get; set; }

    /// <summary>The row version the user started from; a mismatch on save means someone else saved first.</summary>
    public string? Version { get; set; }

    /// <summary>Which submit button was pressed: save, or one of the pickers' search buttons (works without JavaScript).</summary>
    public string? Intent { get; set; }

    public AgreementKind? ParsedKind => ParseEnum<AgreementKind>(Kind);

    public AgreementLevel? ParsedLevel => ParseEnum<AgreementLevel>(Level);

    public Guid? ParsedMunicipalityId => Guid.TryParse(PracticeMunicipalityId, out var id) ? id : null;

    public Guid? ParsedParentId => Guid.TryParse(ParentAgreementId, out var id) ? id : null;

    public bool IsSearch => Intent is MunicipalitySearchIntent or ParentSearchIntent;

    public static AgreementForm NewFor(AgreementKind? kind, DateOnly today) => new()
    {
        Kind = kind?.ToString(),
        Language = nameof(DocumentLanguage.Bokmal),
        ValidFrom = IsoDate(today),
        NoticePeriodMonths = AgreementDetails.DefaultNoticeMonths.ToString(CultureInfo.InvariantCulture),
        PracticeSharePercent = "100",
        PracticeHoursPerWeek = Number(PracticePosition.FullTimeHoursPerWeek),
        PracticeWeeksPerYear = PracticePosition.FullTimeWeeksPerYear.ToString(CultureInfo.InvariantCulture),
    };

    public static AgreementForm From(Agreement agreement, uint version)
    {
        var position = agreement.PracticePosition;
        return new AgreementForm
        {
            Kind = agreement.Kind.ToString(),
            Title = agreement.Title,
            Language = agreement.Language.ToString(),
            ValidFrom = IsoDate(agreement.ValidFrom),
            ValidTo = IsoDate(agreement.ValidTo),
            NextReviewDate = IsoDate(agreement.NextReviewDate),
            NoticePeriodMonths = agreement.NoticePeriodMonths.ToString(CultureInfo.InvariantCulture),
            Level = agreement.Level?.ToString(),
            ParentAgreementId = agreement.ParentAgreementId?.ToString(),
            // Levels 1 and 2 are binding by law; only a særavtale answers the question itself (R5).
            IsLegallyBinding = agreement.Level == AgreementLevel.Supplementary && agreement.IsLegallyBinding is { } binding ? Bool(binding) : null,
            Replaces = agreement.Replaces,
            MeetingFrequency = agreement.MeetingFrequency,
            ContactRoutines = agreement.ContactRoutines,
            Compensation = agreement.Compensation,
            PracticeSpecialty = position?.Specialty,
            PracticeMunicipalityId = position?.MunicipalityId?.ToString(),
            PracticeAddress = position?.Address,
            PracticeSharePercent = position is null ? null : Number(position.SharePercent),
            PracticeHoursPerWeek = position is null ? null : Number(position.HoursPerWeek),
            PracticeWeeksPerYear = position?.WeeksPerYear.ToString(CultureInfo.InvariantCulture),
            PracticeStaffing = position?.Staffing,
            PracticeProfile = position?.PracticeProfile,
            PracticeNormFigures = position?.NormFigures,
            Version = version.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>
    /// Converts to domain input and runs the domain's validation; fields that cannot even be read
    /// are reported here instead, and the domain's message for the same field is then left out.
    /// </summary>
    public (AgreementDetails? Details, IReadOnlyList<FieldError> Errors) ToDetails(AgreementKind kind)
    {
        var errors = new List<FieldError>();

        var validFrom = ParseDate(ValidFrom, nameof(ValidFrom), "Gyldig fra", required: true, errors) ?? DateOnly.MinValue;
        var validTo = ParseDate(ValidTo, nameof(ValidTo), "Gyldig til", required: false, errors);
        var nextReview = ParseDate(NextReviewDate, nameof(NextReviewDate), "Neste gjennomgang", required: false, errors);

        var notice = AgreementDetails.DefaultNoticeMonths;
        if (kind != AgreementKind.MunicipalCooperationAgreement)
        {
            notice = ParseInt(NoticePeriodMonths, nameof(NoticePeriodMonths), "Oppsigelsestid", "et helt antall måneder", errors) ?? 0;
        }

        PracticePosition? position = null;
        if (kind == AgreementKind.OperatingAgreement)
        {
            var share = ParseDecimal(PracticeSharePercent, nameof(PracticeSharePercent), "Andel av hel hjemmel", "et tall, for eksempel 100 eller 50", errors);
            var hours = ParseDecimal(PracticeHoursPerWeek, nameof(PracticeHoursPerWeek), "Timer per uke", "et tall, for eksempel 37,5", errors);
            var weeks = ParseInt(PracticeWeeksPerYear, nameof(PracticeWeeksPerYear), "Uker per år", "et helt antall uker", errors);
            if (!string.IsNullOrWhiteSpace(PracticeMunicipalityId) && ParsedMunicipalityId is null)
            {
                errors.Add(new(nameof(PracticeMunicipalityId), "Velg en kommune fra søket."));
            }

            position = new PracticePosition(PracticeSpecialty?.Trim() ?? string.Empty, ParsedMunicipalityId, Clean(PracticeAddress),
                share ?? 0m, hours ?? 0m, weeks ?? 0, Clean(PracticeStaffing), Clean(PracticeProfile), Clean(PracticeNormFigures));
        }

        AgreementLevel? level = null;
        Guid? parent = null;
        bool? binding = null;
        if (kind == AgreementKind.MunicipalCooperationAgreement)
        {
            level = ParsedLevel;
            parent = ParsedParentId;
            binding = IsLegallyBinding switch
            {
                "true" => true,
                "false" => false,
                _ => null,
            };
        }

        var language = ParseEnum<DocumentLanguage>(Language) ?? default;
        var details = new AgreementDetails(kind, Title ?? string.Empty, language, validFrom, validTo, nextReview, notice,
            level, parent, binding, Replaces, MeetingFrequency, ContactRoutines, Compensation, position);

        var unreadable = errors.Select(e => e.Field).ToHashSet();
        errors.AddRange(details.Validate(TimeProvider.System.Today()).Select(e => e with { Field = FieldFor(e.Field) }).Where(e => !unreadable.Contains(e.Field)));
        return (details, errors);
    }

    /// <summary>The form field a domain error belongs to: "PracticePosition.HoursPerWeek" is PracticeHoursPerWeek here.</summary>
    public static string FieldFor(string domainField) => domainField switch
    {
        "PracticePosition.Specialty" => nameof(PracticeSpecialty),
        "PracticePosition.MunicipalityId" => nameof(PracticeMunicipalityId),
        "PracticePosition.Address" => nameof(PracticeAddress),
        "PracticePosition.SharePercent" => nameof(PracticeSharePercent),
        "PracticePosition.HoursPerWeek" => nameof(PracticeHoursPerWeek),
        "PracticePosition.WeeksPerYear" => nameof(PracticeWeeksPerYear),
        "PracticePosition.Staffing" => nameof(PracticeStaffing),
        "PracticePosition.PracticeProfile" => nameof(PracticeProfile),
        "PracticePosition.NormFigures" => nameof(PracticeNormFigures),
        _ => domainField,
    };

    public static IEnumerable<FieldError> ForForm(IEnumerable<FieldError> domainErrors) =>
        domainErrors.Select(e => e with { Field = FieldFor(e.Field) });

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? IsoDate(DateOnly? date) => date is { } d ? IsoDate(d) : null;

    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>A number as a Norwegian user writes it: 37,5 and 100.</summary>
    public static string Number(decimal value) => value.ToString("0.##", Norwegian.Culture);

    private static T? ParseEnum<T>(string? value)
        where T : struct, Enum =>
        !string.IsNullOrWhiteSpace(value) && !value.Trim().All(char.IsAsciiDigit) && Enum.TryParse<T>(value, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : null;

    private static DateOnly? ParseDate(string? value, string field, string label, bool required, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(new(field, $"{label} må fylles ut."));
            }

            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new(field, $"{label} må være en gyldig dato (dd.mm.åååå)."));
        return null;
    }

    private static int? ParseInt(string? value, string field, string label, string expected, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, $"{label} må fylles ut."));
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors.Add(new(field, $"{label} må være {expected}."));
        return null;
    }

    private static decimal? ParseDecimal(string? value, string field, string label, string expected, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, $"{label} må fylles ut."));
            return null;
        }

        // Both 37,5 and 37.5 mean the same; a trailing % on the share is harmless.
        var text = value.Trim().TrimEnd('%').Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace(',', '.');
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors.Add(new(field, $"{label} må være {expected}."));
        return null;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
