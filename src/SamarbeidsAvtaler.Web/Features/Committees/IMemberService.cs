using System.Security.Claims;
using SamarbeidsAvtaler.Web.Components;

namespace SamarbeidsAvtaler.Web.Features.Committees;

/// <summary>The memberships' commands, as the pages use them.</summary>
public interface IMemberService
{
    Task<MemberForm?> GetFormAsync(ClaimsPrincipal user, Guid committeeId, Guid memberId, CancellationToken ct = default);

    Task<CommandResult<MemberSaved>> SaveAsync(ClaimsPrincipal user, Guid committeeId, Guid? memberId, MemberForm form, CancellationToken ct = default);

    Task<CommandResult> EndTermAsync(ClaimsPrincipal user, Guid committeeId, Guid memberId, DateOnly? on, uint committeeVersion, CancellationToken ct = default);

    Task<CommandResult> RemoveAsync(ClaimsPrincipal user, Guid committeeId, Guid memberId, uint committeeVersion, CancellationToken ct = default);
}
