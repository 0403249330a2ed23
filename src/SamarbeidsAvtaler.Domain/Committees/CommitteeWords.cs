namespace SamarbeidsAvtaler.Domain.Committees;

/// <summary>Pieces of the rules' Norwegian sentences, and small helpers the rules share.</summary>
internal static class CommitteeWords
{
    /// <summary>"kommunene" / "spesialisthelsetjenesten", for "fra …" inside a sentence.</summary>
    public static string InSentence(this CommitteeSide side) => side switch
    {
        CommitteeSide.Municipal => "kommunene",
        CommitteeSide.SpecialistService => "spesialisthelsetjenesten",
        _ => side.ToString(),
    };

    /// <summary>The body as the subject of a sentence: "SSU", "Områdeutvalget".</summary>
    public static string Subject(this CommitteeKind kind) => kind switch
    {
        CommitteeKind.PartnershipMeeting => "Partnerskapsmøtet",
        CommitteeKind.StrategicCommittee => "SSU",
        CommitteeKind.AreaCommittee => "Områdeutvalget",
        CommitteeKind.ProfessionalCommittee => "Det faglige samarbeidsutvalget",
        CommitteeKind.Secretariat => "Samarbeidssekretariatet",
        CommitteeKind.SpecialistCouncil => "Samarbeidsutvalget",
        _ => "Utvalget",
    };

    /// <summary>The rule a body's composition comes from: R19 for SSU, R20 for områdeutval, R18 for faglege utval.</summary>
    public static string CompositionRule(this CommitteeKind kind) => kind switch
    {
        CommitteeKind.StrategicCommittee => "R19",
        CommitteeKind.AreaCommittee => "R20",
        CommitteeKind.ProfessionalCommittee => "R18",
        CommitteeKind.PartnershipMeeting => "004 § 5.1.2",
        CommitteeKind.Secretariat => "004 § 5.5.2",
        _ => "R18",
    };

    /// <summary>The seed's words on how the seats of one side of a body are shared out.</summary>
    public static string? SeatsQuote(this CommitteeKind kind, CommitteeSide side) => (kind, side) switch
    {
        (CommitteeKind.StrategicCommittee, CommitteeSide.Municipal) => SeedQuotes.SsuMunicipalSeats,
        (CommitteeKind.StrategicCommittee, CommitteeSide.SpecialistService) => SeedQuotes.SsuSpecialistSeats,
        (CommitteeKind.AreaCommittee, CommitteeSide.Municipal) => SeedQuotes.AreaMunicipalSeats,
        (CommitteeKind.AreaCommittee, CommitteeSide.SpecialistService) => SeedQuotes.AreaSpecialistSeats,
        (CommitteeKind.Secretariat, CommitteeSide.Municipal) => SeedQuotes.SecretariatMunicipalSeats,
        (CommitteeKind.Secretariat, CommitteeSide.SpecialistService) => SeedQuotes.SecretariatSpecialistSeats,
        _ => null,
    };

    /// <summary>"1 representant", "3 representanter".</summary>
    public static string Representatives(int count) => count == 1 ? $"{count} representant" : $"{count} representanter";

    /// <summary>"Kari Nordmann (31.05.2027)" for each, joined with commas.</summary>
    public static string NamesWithEnd(IEnumerable<MemberSnapshot> members) =>
        string.Join(", ", members.Select(m => $"{m.PersonName} ({Norwegian.Date(m.TermTo)})"));

    /// <summary>"Kari Nordmann (01.01.2025–31.12.2029)" for each, joined with commas.</summary>
    public static string NamesWithTerm(IEnumerable<MemberSnapshot> members) =>
        string.Join(", ", members.Select(m => $"{m.PersonName} ({Norwegian.Date(m.TermFrom)}–{Norwegian.Date(m.TermTo)})"));

    /// <summary>One of a represented group inside a sentence: "fastlege", "representant fra hovedsammenslutningene".</summary>
    public static string OneOf(this Representation representation) => representation switch
    {
        Representation.UserRepresentative => "brukerrepresentant",
        Representation.GeneralPractitioner => "fastlege",
        Representation.MunicipalChiefMedicalOfficer => "kommuneoverlege",
        Representation.Ks => "representant fra KS",
        Representation.EmployeeOrganisations => "representant fra hovedsammenslutningene",
        Representation.Secretariat => "representant fra samarbeidssekretariatet",
        _ => representation.ToString(),
    };

    public static string Names(IEnumerable<MemberSnapshot> members) => string.Join(", ", members.Select(m => m.PersonName));

    /// <summary>
    /// A member who fills a named group's seat (brukarrepresentant, fastlege, …) counts towards that group, not
    /// towards the seats of the organisation they come from (<see cref="SeatQuota"/>).
    /// </summary>
    public static bool CountsTowards(this MemberSnapshot member, SeatQuota quota) =>
        member.Role.IsVoting() && member.Representation is null
        && member.OrganisationPartyId is { } party && quota.PartyIds.Contains(party);

    public static bool Overlaps(this MemberSnapshot member, DateOnly from, DateOnly to) => member.TermFrom <= to && from <= member.TermTo;

    /// <summary>
    /// The most of <paramref name="members"/> in office on any one day between <paramref name="from"/> and
    /// <paramref name="to"/>. The count only rises on a term's first day, so those days (and <paramref name="from"/>) suffice.
    /// </summary>
    public static int MostAtOnce(IEnumerable<MemberSnapshot> members, DateOnly from, DateOnly to)
    {
        var overlapping = members.Where(m => m.Overlaps(from, to)).ToList();
        return overlapping.Select(m => m.TermFrom).Where(d => d > from).Append(from)
            .Max(day => overlapping.Count(m => m.IsActiveOn(day)));
    }
}
