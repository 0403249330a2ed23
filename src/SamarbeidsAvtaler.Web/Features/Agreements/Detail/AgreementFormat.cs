using System.Globalization;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Detail;

/// <summary>How the agreement pages write dates, sizes and enums for a Norwegian reader.</summary>
public static class AgreementFormat
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d.M.yyyy", "dd.MM.yyyy"];

    public static string Date(DateOnly date) => Norwegian.Date(date);

    public static string Date(DateOnly? date, string none = "–") => date is { } d ? Norwegian.Date(d) : none;

    public static string DateTime(DateTimeOffset at) => Norwegian.DateTime(at);

    /// <summary>The value a date input posts (ISO), for putting a date back into a form.</summary>
    public static string InputDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A posted date: the ISO value of a date input, or dd.mm.åååå typed by hand.</summary>
    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static string Reference(string referenceNumber, int versionNumber) =>
        Norwegian.Format($"{referenceNumber} versjon {versionNumber}");

    /// <summary>File sizes the way Norwegian software writes them: 512 byte, 34 kB, 1,2 MB.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => Norwegian.Format($"{bytes} byte"),
        < 1024 * 1024 => Norwegian.Format($"{Math.Max(1, (int)Math.Round(bytes / 1024d))} kB"),
        _ => Norwegian.Format($"{bytes / 1024d / 1024d:0.0} MB"),
    };

    public static string Language(DocumentLanguage language) => language switch
    {
        DocumentLanguage.Bokmal => "Bokmål",
        DocumentLanguage.Nynorsk => "Nynorsk",
        _ => language.ToString(),
    };

    public static string Method(SignatureMethod method) => method switch
    {
        SignatureMethod.Paper => "På papir",
        SignatureMethod.Electronic => "Elektronisk",
        _ => method.ToString(),
    };

    public static string YesNo(bool value) => value ? "Ja" : "Nei";

    public static string Months(int months) => months == 1 ? "1 måned" : Norwegian.Format($"{months} måneder");

    /// <summary>Designsystemet colour of a status tag.</summary>
    public static string StatusColor(AgreementStatus status) => status switch
    {
        AgreementStatus.Draft => "neutral",
        AgreementStatus.AwaitingSignature => "info",
        AgreementStatus.Active => "success",
        AgreementStatus.UnderNotice => "warning",
        AgreementStatus.Ended => "neutral",
        AgreementStatus.Replaced => "neutral",
        _ => "neutral",
    };
}
