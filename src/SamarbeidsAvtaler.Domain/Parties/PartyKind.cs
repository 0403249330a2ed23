namespace SamarbeidsAvtaler.Domain.Parties;

/// <summary>The kinds of party in the register (DOMAIN.md section 2).</summary>
public enum PartyKind
{
    RegionalHealthAuthority = 1,
    HealthTrust = 2,
    Institution = 3,
    Municipality = 4,
    MunicipalGroup = 5,
    Specialist = 6,
}

public static class PartyKindExtensions
{
    /// <summary>Organisations registered in Enhetsregisteret carry an organisation number; a person does not.</summary>
    public static bool HasOrganisationNumber(this PartyKind kind) => kind != PartyKind.Specialist;

    public static string DisplayName(this PartyKind kind) => kind switch
    {
        PartyKind.RegionalHealthAuthority => "RHF",
        PartyKind.HealthTrust => "HF",
        PartyKind.Institution => "Institusjon",
        PartyKind.Municipality => "Kommune",
        PartyKind.MunicipalGroup => "Kommunegruppe",
        PartyKind.Specialist => "Avtalespesialist",
        _ => kind.ToString(),
    };
}
