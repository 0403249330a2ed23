namespace SamarbeidsAvtaler.Domain.Committees;

/// <summary>
/// What the rules of R15–R20 need to know about one body, read in one go by a service. The rules are
/// pure functions of it, so they are tested without a database and run the same on save and in the panel.
/// </summary>
public sealed record CommitteeSnapshot(
    Guid Id,
    string Name,
    CommitteeKind Kind,
    bool RequiresPersonalDeputies,
    int TermYears,
    IReadOnlyList<MemberSnapshot> Members,
    IReadOnlyList<SeatQuota> Quotas,
    IReadOnlyList<LeadershipYear> Leadership,
    IReadOnlyList<DateOnly> HeldMeetingDates);

/// <summary>One membership: a person in a body for a term.</summary>
/// <param name="DeputyForMemberId">For a personal deputy (role Deputy): the member they stand in for.</param>
public sealed record MemberSnapshot(
    Guid Id,
    Guid PersonId,
    string PersonName,
    Guid? OrganisationPartyId,
    CommitteeSide Side,
    MemberRole Role,
    Representation? Representation,
    Guid? DeputyForMemberId,
    DateOnly TermFrom,
    DateOnly TermTo)
{
    public bool IsActiveOn(DateOnly date) => TermFrom <= date && date <= TermTo;
}

/// <summary>
/// A counted group of seats, in the seed's words: "1 kommunal representant … frå kvart utvalsområde"
/// (Label "Nordhordland", kommune side, 1–1, the area's kommuner), "Bergen kommune kan utpeike to" (1–2),
/// "Helse Bergen HF (3)". A voting member counts towards the quota when their organisation is one of PartyIds.
/// </summary>
public sealed record SeatQuota(string Label, CommitteeSide Side, int MinSeats, int MaxSeats, IReadOnlyList<Guid> PartyIds);

/// <summary>The leadership of one calendar year; HostSide only for the partnerskapsmøte (R17).</summary>
public sealed record LeadershipYear(int Year, CommitteeSide? ChairSide, CommitteeSide? DeputyChairSide, CommitteeSide? HostSide);
