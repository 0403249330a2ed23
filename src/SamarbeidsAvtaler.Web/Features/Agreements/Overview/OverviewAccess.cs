using System.Security.Claims;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Web.Features.Account;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Overview;

/// <summary>Who may read the overview, deadlines and coverage: everyone but an avtalespesialist.</summary>
public static class OverviewAccess
{
    /// <summary>
    /// Caseworkers and administrators read the whole register; a samhandlingssjef their trust's part of
    /// it (AgreementAccess.VisibleTo narrows every query). An avtalespesialist is refused outright.
    /// </summary>
    public static bool MayRead(ClaimsPrincipal user) =>
        user.IsMaintainer() || (user.IsInRole(Roles.CooperationManager) && !user.IsInRole(Roles.Specialist));
}
