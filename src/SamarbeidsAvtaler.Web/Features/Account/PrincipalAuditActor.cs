using System.Security.Claims;
using SamarbeidsAvtaler.Infrastructure.Auditing;

namespace SamarbeidsAvtaler.Web.Features.Account;

/// <summary>A signed-in user as the actor of audited changes.</summary>
public sealed class PrincipalAuditActor(ClaimsPrincipal user) : IAuditActor
{
    public Guid? UserId => user.UserId();

    public string Name => user.Identity?.IsAuthenticated == true ? user.DisplayName() : SystemAuditActor.Instance.Name;
}
