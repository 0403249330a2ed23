using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Committees;

namespace SamarbeidsAvtaler.Web.Features.Committees;

/// <summary>
/// The one place the web layer asks the domain's committee rules (R15–R20): save-time refusals for a
/// membership and a year's leadership, and the compliance findings of the panel. Every service goes through here.
/// </summary>
public static class CommitteeRules
{
    /// <summary>MembershipRules: what is refused when <paramref name="candidate"/> is saved into <paramref name="committee"/>.</summary>
    public static IReadOnlyList<FieldError> ValidateMember(CommitteeSnapshot committee, MemberSnapshot candidate, GpEmployment? employment) =>
        MembershipRules.Validate(committee, candidate, employment);

    /// <summary>LeadershipRules: what is refused when a year's leader and deputy leader are saved.</summary>
    public static IReadOnlyList<FieldError> ValidateLeadership(CommitteeSnapshot committee, int year, MemberSnapshot? chair, MemberSnapshot? deputyChair) =>
        LeadershipRules.Validate(committee, year, chair, deputyChair);

    /// <summary>How the body stands in <paramref name="year"/> (meetings, leadership) and on <paramref name="today"/> (composition, terms).</summary>
    public static IReadOnlyList<ComplianceFinding> Check(CommitteeSnapshot committee, int year, DateOnly today) =>
        CommitteeCompliance.Check(committee, year, today);
}
