using System.Security.Claims;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Web.Components;

namespace SamarbeidsAvtaler.Web.Features.Parties;

/// <summary>The party register's queries and commands, as the pages use them (an interface so component tests can stand in).</summary>
public interface IPartyService
{
    Task<PartyPage> SearchAsync(ClaimsPrincipal user, PartyListState state, CancellationToken cancellationToken = default);

    Task<PartyView?> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default);

    Task<PartyForm?> GetFormAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PartyOption>> SearchParentsAsync(ClaimsPrincipal user, PartyKind kind, string? text, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PartyOption>> SearchMunicipalitiesAsync(ClaimsPrincipal user, string? text, CancellationToken cancellationToken = default);

    Task<CommandResult<PartySaved>> SaveAsync(ClaimsPrincipal user, Guid? id, PartyForm form, CancellationToken cancellationToken = default);

    Task<CommandResult> DeactivateAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default);

    Task<CommandResult> ReactivateAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default);

    Task<CommandResult> DeleteAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default);
}
