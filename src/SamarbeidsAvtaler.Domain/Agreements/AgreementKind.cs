using SamarbeidsAvtaler.Domain.Parties;

namespace SamarbeidsAvtaler.Domain.Agreements;

/// <summary>The three agreement kinds of DOMAIN.md section 3.</summary>
public enum AgreementKind
{
    OperatingAgreement = 1,
    SpecialistCooperationAgreement = 2,
    MunicipalCooperationAgreement = 3,
}

public static class AgreementKindExtensions
{
    public static string DisplayName(this AgreementKind kind) => kind switch
    {
        AgreementKind.OperatingAgreement => "Driftsavtale",
        AgreementKind.SpecialistCooperationAgreement => "Samarbeidsavtale avtalespesialist–HF",
        AgreementKind.MunicipalCooperationAgreement => "Samarbeidsavtale kommune–HF",
        _ => kind.ToString(),
    };

    /// <summary>The prefix of the reference numbers the product assigns, e.g. DA-2026-0042.</summary>
    public static string ReferencePrefix(this AgreementKind kind) => kind switch
    {
        AgreementKind.OperatingAgreement => "DA",
        AgreementKind.SpecialistCooperationAgreement => "SA",
        AgreementKind.MunicipalCooperationAgreement => "KA",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Which party kinds may take part, on which side (DOMAIN.md section 3).</summary>
    public static bool Allows(this AgreementKind kind, PartyKind partyKind) => kind switch
    {
        AgreementKind.OperatingAgreement => partyKind is PartyKind.RegionalHealthAuthority or PartyKind.Specialist,
        AgreementKind.SpecialistCooperationAgreement => partyKind is PartyKind.Specialist or PartyKind.HealthTrust or PartyKind.Institution,
        AgreementKind.MunicipalCooperationAgreement => partyKind is PartyKind.Municipality or PartyKind.MunicipalGroup or PartyKind.HealthTrust or PartyKind.Institution,
        _ => false,
    };
}

public enum AgreementStatus
{
    Draft = 1,
    AwaitingSignature = 2,
    Active = 3,
    UnderNotice = 4,
    Ended = 5,
    Replaced = 6,

    /// <summary>R1: signed by every party, in force from its valid-from date, which is still to come.</summary>
    Signed = 7,
}

public static class AgreementStatusExtensions
{
    public static string DisplayName(this AgreementStatus status) => status switch
    {
        AgreementStatus.Draft => "Utkast",
        AgreementStatus.AwaitingSignature => "Til signering",
        AgreementStatus.Active => "Gjeldende",
        AgreementStatus.UnderNotice => "Oppsagt",
        AgreementStatus.Ended => "Avsluttet",
        AgreementStatus.Replaced => "Erstattet",
        AgreementStatus.Signed => "Signert",
        _ => status.ToString(),
    };
}

/// <summary>The three levels of the kommune–HF agreements (004): level 1 wins over 2 and 3 (R4).</summary>
public enum AgreementLevel
{
    Overarching = 1,
    Service = 2,
    Supplementary = 3,
}

public static class AgreementLevelExtensions
{
    public static string DisplayName(this AgreementLevel level) => level switch
    {
        AgreementLevel.Overarching => "Overordnet samarbeidsavtale (nivå 1)",
        AgreementLevel.Service => "Tjenesteavtale (nivå 2)",
        AgreementLevel.Supplementary => "Særavtale (nivå 3)",
        _ => level.ToString(),
    };
}

/// <summary>R2 (004): who is told of a notice of a kommune–HF agreement: the HF tells its RHF, the RHF Helsedirektoratet.</summary>
public enum NoticeNotification
{
    RhfByTrust = 1,
    DirectorateByRhf = 2,
}

public static class NoticeNotificationExtensions
{
    public static string DisplayName(this NoticeNotification notification) => notification switch
    {
        NoticeNotification.RhfByTrust => "HF har varslet RHF",
        NoticeNotification.DirectorateByRhf => "RHF har varslet Helsedirektoratet",
        _ => notification.ToString(),
    };
}

public enum DocumentLanguage
{
    Bokmal = 1,
    Nynorsk = 2,
}

public enum SignatureMethod
{
    Paper = 1,
    Electronic = 2,
}

/// <summary>The side a party takes in an agreement, derived from its kind.</summary>
public enum AgreementPartyRole
{
    RegionalHealthAuthority = 1,
    Specialist = 2,
    SpecialistService = 3,
    Municipality = 4,
}

public static class AgreementPartyRoleExtensions
{
    public static AgreementPartyRole For(PartyKind kind) => kind switch
    {
        PartyKind.RegionalHealthAuthority => AgreementPartyRole.RegionalHealthAuthority,
        PartyKind.Specialist => AgreementPartyRole.Specialist,
        PartyKind.HealthTrust or PartyKind.Institution => AgreementPartyRole.SpecialistService,
        PartyKind.Municipality or PartyKind.MunicipalGroup => AgreementPartyRole.Municipality,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string DisplayName(this AgreementPartyRole role) => role switch
    {
        AgreementPartyRole.RegionalHealthAuthority => "Regionalt helseforetak",
        AgreementPartyRole.Specialist => "Avtalespesialist",
        AgreementPartyRole.SpecialistService => "Spesialisthelsetjenesten",
        AgreementPartyRole.Municipality => "Kommune",
        _ => role.ToString(),
    };
}
