using System.Security.Claims;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Parties;

namespace SamarbeidsAvtaler.Web.Tests.Parties;

/// <summary>Stands in for the party service in component tests: records what a component asks for, answers as told.</summary>
internal sealed class FakePartyService : IPartyService
{
    public List<PartyListState> Searches { get; } = [];

    public List<PartyForm> Saves { get; } = [];

    public Func<PartyForm, CommandResult<PartySaved>> SaveResult { get; set; } = _ => CommandResult<PartySaved>.Ok(new PartySaved(Guid.NewGuid()));

    public Task<PartyPage> SearchAsync(ClaimsPrincipal user, PartyListState state, CancellationToken cancellationToken = default)
    {
        Searches.Add(state);
        var rows = Enumerable.Range(1, 3)
            .Select(i => new PartyRow(Guid.NewGuid(), $"Part {state.Page}-{i}", PartyKind.Municipality, null, null, "Bergen", true))
            .ToList();
        return Task.FromResult(new PartyPage(rows, 60, state.Page, 3));
    }

    public Task<PartyView?> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default) => Task.FromResult<PartyView?>(null);

    public Task<PartyForm?> GetFormAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default) => Task.FromResult<PartyForm?>(null);

    public Task<IReadOnlyList<PartyOption>> SearchParentsAsync(ClaimsPrincipal user, PartyKind kind, string? text, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PartyOption>>([new PartyOption(Guid.NewGuid(), "Helse Sør-Øst RHF")]);

    public Task<IReadOnlyList<PartyOption>> SearchMunicipalitiesAsync(ClaimsPrincipal user, string? text, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PartyOption>>([new PartyOption(Guid.NewGuid(), "Fedje kommune")]);

    public Task<CommandResult<PartySaved>> SaveAsync(ClaimsPrincipal user, Guid? id, PartyForm form, CancellationToken cancellationToken = default)
    {
        Saves.Add(form);
        return Task.FromResult(SaveResult(form));
    }

    public Task<CommandResult> DeactivateAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default) => Task.FromResult(CommandResult.Ok());

    public Task<CommandResult> ReactivateAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default) => Task.FromResult(CommandResult.Ok());

    public Task<CommandResult> DeleteAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default) => Task.FromResult(CommandResult.Ok());
}
