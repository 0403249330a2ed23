using System.Globalization;
using SamarbeidsAvtaler.Domain.Agreements;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Detail;

/// <summary>How the agreement's audit trail reads: Norwegian field names, and values as the page shows them.</summary>
public sealed class AgreementHistoryText(IReadOnlyDictionary<string, string> names)
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["ReferenceNumber"] = "Referansenummer",
        ["VersionNumber"] = "Versjon",
        ["PreviousVersionId"] = "Forrige versjon",
        ["ChangeSummary"] = "Endringer i versjonen",
        ["Kind"] = "Avtaletype",
        ["Status"] = "Status",
        ["Title"] = "Tittel",
        ["Language"] = "Målform",
        ["ValidFrom"] = "Gyldig fra",
        ["ValidTo"] = "Gyldig til",
        ["NextReviewDate"] = "Neste gjennomgang",
        ["NoticePeriodMonths"] = "Oppsigelsestid (måneder)",
        ["Level"] = "Nivå",
        ["ParentAgreementId"] = "Overordnet avtale",
        ["IsLegallyBinding"] = "Rettslig bindende",
        ["Replaces"] = "Erstatter",
        ["MeetingFrequency"] = "Møtefrekvens",
        ["ContactRoutines"] = "Kontaktrutiner",
        ["Compensation"] = "Avtalt godtgjøring",
        ["RhfInformedOn"] = "RHF informert",
        ["SentForSignatureAt"] = "Sendt til signering",
        ["SignedOn"] = "Signert",
        ["NoticeGivenByPartyId"] = "Oppsagt av part",
        ["NoticeGivenByName"] = "Oppsagt av",
        ["NoticeGivenOn"] = "Oppsigelsesdato",
        ["EndsOn"] = "Avsluttes",
        ["ReplacedByAgreementId"] = "Erstattet av",
        ["ReplacedOn"] = "Erstattet dato",
        ["Signature"] = "Signatur",
        ["Attachment"] = "Vedlegg",
    };

    public static string? Label(string field) => Labels.GetValueOrDefault(field);

    /// <summary>A stored value as text: names for ids (parties, versions), Norwegian dates and enum names.</summary>
    public string? Value(string field, string? value) => (field, value) switch
    {
        (_, null) => null,
        ("Status", _) => Enum.TryParse<AgreementStatus>(value, out var s) ? s.DisplayName() : value,
        ("Kind", _) => Enum.TryParse<AgreementKind>(value, out var k) ? k.DisplayName() : value,
        ("Level", _) => Enum.TryParse<AgreementLevel>(value, out var l) ? l.DisplayName() : value,
        ("Language", _) => Enum.TryParse<DocumentLanguage>(value, out var d) ? AgreementFormat.Language(d) : value,
        ("IsLegallyBinding", _) => value == "True" ? "Ja" : "Nei",
        ("SentForSignatureAt", _) => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? AgreementFormat.DateTime(t) : value,
        (_, _) when field.EndsWith("Id", StringComparison.Ordinal) => names.GetValueOrDefault(value, value),
        (_, _) when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => AgreementFormat.Date(date),
        _ => value,
    };
}
