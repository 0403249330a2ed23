namespace SamarbeidsAvtaler.Web.Features.Audit;

/// <summary>Norwegian names of the fields that the audit trail records, for the history view.</summary>
public static class FieldLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["Kind"] = "Type",
        ["Name"] = "Navn",
        ["OrganisationNumber"] = "Organisasjonsnummer",
        ["HprNumber"] = "HPR-nummer",
        ["Profession"] = "Profesjon",
        ["Specialty"] = "Spesialitet",
        ["DateOfBirth"] = "Fødselsdato",
        ["StreetAddress"] = "Adresse",
        ["PostalCode"] = "Postnummer",
        ["PostalCity"] = "Poststed",
        ["ContactName"] = "Kontaktperson",
        ["ContactEmail"] = "E-post til kontaktperson",
        ["ParentPartyId"] = "Overordnet part",
        ["IsActive"] = "Aktiv",
        ["Members"] = "Medlemskommuner",
        ["DisplayName"] = "Navn",
        ["Email"] = "E-post",
        ["UserName"] = "Brukernavn",
        ["PartyId"] = "Knyttet til part",
        ["Role"] = "Rolle",
        ["EmailConfirmed"] = "E-post bekreftet",
        ["LockoutEnabled"] = "Sperring ved feil passord",
    };

    public static string For(string field) => Labels.GetValueOrDefault(field, field);
}
