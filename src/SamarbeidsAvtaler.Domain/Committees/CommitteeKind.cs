namespace SamarbeidsAvtaler.Domain.Committees;

/// <summary>The bodies of a helsefellesskap's cooperation structure (DOMAIN.md section 2, seed 004 § 5).</summary>
public enum CommitteeKind
{
    PartnershipMeeting = 1,
    StrategicCommittee = 2,
    AreaCommittee = 3,
    ProfessionalCommittee = 4,
    Secretariat = 5,
    SpecialistCouncil = 6,
}

/// <summary>The two sides of a kommune–HF body.</summary>
public enum CommitteeSide
{
    Municipal = 1,
    SpecialistService = 2,
}

/// <summary>
/// A member's role. <see cref="Chair"/> and <see cref="DeputyChair"/> are held per calendar year
/// (<see cref="CommitteeLeadership"/>), so that alternation can be checked; a membership itself is
/// <see cref="Member"/>, <see cref="Deputy"/>, <see cref="Observer"/> or <see cref="ObserverOnItem"/>.
/// </summary>
public enum MemberRole
{
    Chair = 1,
    DeputyChair = 2,
    Member = 3,
    Deputy = 4,
    Observer = 5,
    ObserverOnItem = 6,
}

/// <summary>What group a member represents, where the seed asks for one.</summary>
public enum Representation
{
    UserRepresentative = 1,
    GeneralPractitioner = 2,
    MunicipalChiefMedicalOfficer = 3,
    Ks = 4,
    EmployeeOrganisations = 5,
    Secretariat = 6,
}

/// <summary>How a fastlege works: only a self-employed one is paid the fee of R21 (seed 001).</summary>
public enum GpEmployment
{
    SelfEmployed = 1,
    Salaried = 2,
}

public static class CommitteeTexts
{
    public static string DisplayName(this CommitteeKind kind) => kind switch
    {
        CommitteeKind.PartnershipMeeting => "Partnerskapsmøte",
        CommitteeKind.StrategicCommittee => "Strategisk samarbeidsutvalg",
        CommitteeKind.AreaCommittee => "Områdeutvalg",
        CommitteeKind.ProfessionalCommittee => "Faglig samarbeidsutvalg",
        CommitteeKind.Secretariat => "Samarbeidssekretariat",
        CommitteeKind.SpecialistCouncil => "Samarbeidsutvalg RHF–legespesialister",
        _ => kind.ToString(),
    };

    public static string DisplayName(this CommitteeSide side) => side switch
    {
        CommitteeSide.Municipal => "Kommune",
        CommitteeSide.SpecialistService => "Spesialisthelsetjenesten",
        _ => side.ToString(),
    };

    public static string DisplayName(this MemberRole role) => role switch
    {
        MemberRole.Chair => "Leder",
        MemberRole.DeputyChair => "Nestleder",
        MemberRole.Member => "Medlem",
        MemberRole.Deputy => "Vararepresentant",
        MemberRole.Observer => "Observatør med tale- og forslagsrett",
        MemberRole.ObserverOnItem => "Observatør på sak",
        _ => role.ToString(),
    };

    public static string DisplayName(this Representation representation) => representation switch
    {
        Representation.UserRepresentative => "Brukerrepresentant",
        Representation.GeneralPractitioner => "Fastlege",
        Representation.MunicipalChiefMedicalOfficer => "Kommuneoverlege",
        Representation.Ks => "KS",
        Representation.EmployeeOrganisations => "Hovedsammenslutningene",
        Representation.Secretariat => "Samarbeidssekretariatet",
        _ => representation.ToString(),
    };

    /// <summary>Observers and deputies speak but never count as voting members (issue 9 § 4).</summary>
    public static bool IsVoting(this MemberRole role) => role is MemberRole.Member or MemberRole.Chair or MemberRole.DeputyChair;
}
