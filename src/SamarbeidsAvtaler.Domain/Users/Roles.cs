namespace SamarbeidsAvtaler.Domain.Users;

/// <summary>The roles of DOMAIN.md section 1; the role names are what users see.</summary>
public static class Roles
{
    public const string Caseworker = "Saksbehandler";
    public const string CooperationManager = "Samhandlingssjef";
    public const string Specialist = "Avtalespesialist";
    public const string Administrator = "Administrator";

    /// <summary>The samarbeidssekretariat of a helsefellesskap (004 § 5.5), linked to its HF or a kommune.</summary>
    public const string Secretariat = "Sekretariat";

    /// <summary>A kommune's contact (issue 10 § 6): reports and follows its kommune's deviations and disputes.</summary>
    public const string Municipality = "Kommune";

    public static readonly IReadOnlyList<string> All = [Caseworker, CooperationManager, Specialist, Administrator, Secretariat, Municipality];

    /// <summary>Roles that maintain the registers.</summary>
    public const string Maintainers = Caseworker + "," + Administrator;

    /// <summary>Roles whose user is tied to a party, and which kinds that party may be.</summary>
    public static IReadOnlyList<Parties.PartyKind> LinkablePartyKinds(string role) => role switch
    {
        CooperationManager => [Parties.PartyKind.HealthTrust, Parties.PartyKind.Institution],
        Specialist => [Parties.PartyKind.Specialist],
        Secretariat => [Parties.PartyKind.HealthTrust, Parties.PartyKind.Municipality],
        Municipality => [Parties.PartyKind.Municipality],
        _ => [],
    };
}
