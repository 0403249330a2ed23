using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Web.Features.Parties;

namespace SamarbeidsAvtaler.Web.Features.Committees;

/// <summary>One body in the list of bodies; Breaches and Warnings are this year's compliance findings.</summary>
public sealed record CommitteeRow(
    Guid Id,
    string Name,
    string ShortName,
    CommitteeKind Kind,
    Guid AgreementId,
    string Helsefellesskap,
    DateOnly? WoundUpOn,
    int VotingMembers,
    int Breaches,
    int Warnings)
{
    public bool IsActive => WoundUpOn is null;
}

/// <summary>The list's filter: a kind, and active, wound up or both (null).</summary>
public sealed record CommitteeFilter(CommitteeKind? Kind = null, bool? Active = true);

/// <summary>A body as a link: the appointing or reporting body, the bodies it appoints.</summary>
public sealed record CommitteeLink(Guid Id, string Name, CommitteeKind Kind, bool IsActive);

/// <summary>An overarching (level-1) kommune–HF agreement a body can belong to: a helsefellesskap.</summary>
public sealed record AgreementOption(Guid Id, string Title, string ReferenceNumber, int VersionNumber, AgreementStatus Status)
{
    public string Label => $"{Title} ({ReferenceNumber}, versjon {VersionNumber}, {Norwegian.InSentence(Status.DisplayName())})";
}

/// <summary>A counted group of seats as the body page shows it.</summary>
public sealed record QuotaView(Guid Id, string Label, CommitteeSide Side, int MinSeats, int MaxSeats, IReadOnlyList<PartyOption> Organisations)
{
    public string SeatsText => MinSeats == MaxSeats ? $"{MaxSeats}" : $"{MinSeats}–{MaxSeats}";
}

/// <summary>A membership holding a leadership post: enough to name them and their side.</summary>
public sealed record MemberRef(Guid MemberId, string PersonName, CommitteeSide Side);

/// <summary>Who leads the body in a calendar year; the host side only for the partnerskapsmøte (R17).</summary>
public sealed record LeadershipView(int Year, MemberRef? Chair, MemberRef? DeputyChair, CommitteeSide? HostSide);

/// <summary>
/// One membership on the body page. Email and Phone are null unless the user may see the contact details
/// (a logged-in user of the helsefellesskap, issue 9 § 6).
/// </summary>
public sealed record MemberView(
    Guid Id,
    Guid PersonId,
    string PersonName,
    string? PersonTitle,
    string? OrganisationName,
    CommitteeSide Side,
    MemberRole Role,
    Representation? Representation,
    Guid? DeputyForMemberId,
    string? DeputyForName,
    DateOnly TermFrom,
    DateOnly TermTo,
    string? AppointedBy,
    string? Email,
    string? Phone,
    uint Version)
{
    public bool IsCurrent(DateOnly today) => TermFrom <= today && today <= TermTo;

    public bool IsPast(DateOnly today) => TermTo < today;

    public string TermText => $"{Norwegian.Date(TermFrom)}–{Norwegian.Date(TermTo)}";

    public string RoleText => Representation is { } r ? $"{Role.DisplayName()}, {Norwegian.InSentence(r.DisplayName())}" : Role.DisplayName();
}

/// <summary>Everything the body page shows, for one user.</summary>
public sealed record CommitteeView(
    Guid Id,
    string Name,
    string ShortName,
    CommitteeKind Kind,
    Guid AgreementId,
    string AgreementTitle,
    string? Mandate,
    string? Tasks,
    string? AppointedBy,
    CommitteeLink? AppointedByCommittee,
    CommitteeLink? ReportsTo,
    IReadOnlyList<CommitteeLink> Appoints,
    IReadOnlyList<CommitteeLink> ReportedToBy,
    int TermYears,
    bool RequiresPersonalDeputies,
    DateOnly? WoundUpOn,
    IReadOnlyList<PartyOption> AreaMunicipalities,
    IReadOnlyList<QuotaView> Quotas,
    IReadOnlyList<LeadershipView> Leadership,
    IReadOnlyList<MemberView> Members,
    bool CanMaintain,
    bool ContactVisible,
    DateOnly Today,
    uint Version)
{
    public bool IsActive => WoundUpOn is null;

    /// <summary>Voting members in office today: whom a leader and deputy leader are chosen among.</summary>
    public IEnumerable<MemberView> VotingMembers => Members.Where(m => m.Role.IsVoting());
}

/// <summary>A save's result: the body's id and its row version now; on a conflict the values now stored.</summary>
public sealed record CommitteeSaved(Guid Id, uint Version, CommitteeForm? Current = null);

/// <summary>One body on the overview of all bodies: its row and this year's findings, worst first.</summary>
public sealed record CommitteeStanding(CommitteeRow Committee, IReadOnlyList<ComplianceFinding> Findings)
{
    public IEnumerable<ComplianceFinding> Problems => Findings.Where(f => f.Level != ComplianceLevel.Fulfilled).OrderByDescending(f => f.Level);
}
