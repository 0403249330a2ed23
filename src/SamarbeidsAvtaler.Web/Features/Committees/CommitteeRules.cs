using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Committees;

namespace SamarbeidsAvtaler.Web.Features.Committees;

/// <summary>
/// The one place the web layer asks the domain's committee rules (R15–R20): save-time refusals for a
/// membership and a year's leadership. Every service goes through here.
/// </summary>
public static class CommitteeRules
{
    /// <summary>MembershipRules: what is refused when <paramref name="candidate"/> is saved into <paramref name="committee"/>.</summary>
    public static IReadOnlyList<FieldError> ValidateMember(CommitteeSnapshot committee, MemberSnapshot candidate, GpEmployment? employment) =>
        []; // Replaced by MembershipRules.Validate once it is on main.

    /// <summary>LeadershipRules: what is refused when a year's leader and deputy leader are saved.</summary>
    public static IReadOnlyList<FieldError> ValidateLeadership(CommitteeSnapshot committee, int year, MemberSnapshot? chair, MemberSnapshot? deputyChair) =>
        [];
}
