using SamarbeidsAvtaler.Domain.Agreements;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Document;

/// <summary>The fixed words of the document in the agreement's own language: bokmål or nynorsk (004 is nynorsk).</summary>
public sealed record DocumentLabels(
    string Lang,
    string Agreement,
    string Between,
    string And,
    string Reference,
    string Version,
    string ValidFrom,
    string ValidTo,
    string Replaces,
    string ChangeSummary,
    string Parties,
    string Contents,
    string Attachments,
    string Binding,
    string NotBinding,
    string NoAttachments,
    string StatutoryAreas,
    string AgreementsAbove,
    string AgreementsBelow,
    string Signatures,
    string SignedBy,
    string Date,
    string Method,
    string Paper,
    string Electronic,
    string NotSigned,
    string Draft,
    string Page,
    string Of,
    string Fingerprint,
    string LegallyBinding,
    string NotLegallyBinding,
    string PracticePosition,
    string CooperationForms,
    string MeetingFrequency,
    string ContactRoutines,
    string Compensation,
    string Notice,
    string OrganisationNumber)
{
    public static readonly DocumentLabels Bokmal = new(
        "nb", "Avtale", "mellom", "og", "Referanse", "Versjon", "Gyldig fra", "Gyldig til", "Erstatter", "Endringer i denne versjonen",
        "Parter", "Innhold", "Vedlegg", "Bindende", "Ikke bindende", "Avtalen har ingen vedlegg.", "Punkter i helse- og omsorgstjenesteloven § 6-2",
        "Avtalen hører under", "Avtaler som hører under denne", "Underskrifter", "Signert av", "Dato", "Metode", "På papir", "Elektronisk",
        "Ikke signert", "UTKAST", "Side", "av", "Fingeravtrykk", "Avtalen er rettslig bindende.", "Avtalen er ikke rettslig bindende.",
        "Hjemmel", "Samarbeidsformer", "Møtefrekvens", "Kontaktrutiner", "Avtalt godtgjøring", "Oppsigelse", "Org.nr.");

    public static readonly DocumentLabels Nynorsk = Bokmal with
    {
        Lang = "nn",
        Between = "mellom",
        ValidFrom = "Gjeld frå",
        ValidTo = "Gjeld til",
        Replaces = "Erstattar",
        ChangeSummary = "Endringar i denne versjonen",
        Parties = "Partar",
        Contents = "Innhald",
        Binding = "Bindande",
        NotBinding = "Ikkje bindande",
        NoAttachments = "Avtalen har ingen vedlegg.",
        StatutoryAreas = "Punkt i helse- og omsorgstenestelova § 6-2",
        AgreementsAbove = "Avtalen høyrer inn under",
        AgreementsBelow = "Avtalar som høyrer inn under denne",
        Signatures = "Underskrifter",
        SignedBy = "Signert av",
        Method = "Metode",
        Paper = "På papir",
        NotSigned = "Ikkje signert",
        LegallyBinding = "Avtalen er rettsleg bindande.",
        NotLegallyBinding = "Avtalen er ikkje rettsleg bindande.",
        CooperationForms = "Samarbeidsformer",
        ContactRoutines = "Kontaktrutinar",
        Compensation = "Avtalt godtgjersle",
        Notice = "Oppseiing",
    };

    public string KindTitle(AgreementKind kind) => (kind, Lang) switch
    {
        (AgreementKind.OperatingAgreement, _) => "Driftsavtale",
        (AgreementKind.SpecialistCooperationAgreement, _) => "Samarbeidsavtale mellom avtalespesialist og helseforetak",
        (AgreementKind.MunicipalCooperationAgreement, "nn") => "Samarbeidsavtale mellom kommune og helseføretak",
        _ => "Samarbeidsavtale mellom kommune og helseforetak",
    };

    public string LevelName(AgreementLevel level) => (level, Lang) switch
    {
        (AgreementLevel.Overarching, "nn") => "Overordna samarbeidsavtale (nivå 1)",
        (AgreementLevel.Service, "nn") => "Tenesteavtale (nivå 2)",
        (AgreementLevel.Supplementary, "nn") => "Særavtale (nivå 3)",
        _ => level.DisplayName(),
    };

    public string RoleName(AgreementPartyRole role) => (role, Lang) switch
    {
        (AgreementPartyRole.SpecialistService, "nn") => "Spesialisthelsetenesta",
        _ => role.DisplayName(),
    };
}
