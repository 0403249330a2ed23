using System.Security.Claims;
using SamarbeidsAvtaler.Web.Components;

namespace SamarbeidsAvtaler.Web.Features.Committees;

/// <summary>The persons' queries and commands, as the pages use them.</summary>
public interface IPersonService
{
    Task<IReadOnlyList<PersonOption>> SearchAsync(ClaimsPrincipal user, string? text, CancellationToken ct = default);

    Task<PersonView?> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default);

    Task<PersonForm?> GetFormAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default);

    Task<CommandResult<PersonSaved>> SaveAsync(ClaimsPrincipal user, Guid? id, PersonForm form, CancellationToken ct = default);
}
