using SamarbeidsAvtaler.Infrastructure.Auditing;

namespace SamarbeidsAvtaler.Web.Features.Account;

/// <summary>The logged-in user as the actor of audited changes; "System" outside a request.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    public Guid? UserId => accessor.HttpContext?.User.UserId();

    public string Name => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user
        ? user.DisplayName()
        : SystemAuditActor.Instance.Name;
}
