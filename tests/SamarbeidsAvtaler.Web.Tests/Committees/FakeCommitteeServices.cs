using System.Security.Claims;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Committees;
using SamarbeidsAvtaler.Web.Features.Parties;

namespace SamarbeidsAvtaler.Web.Tests.Committees;

/// <summary>Stands in for the member service in component tests: records the saves, answers as told.</summary>
internal sealed class FakeMemberService : IMemberService
{
    public List<MemberForm> Saves { get; } = [];

    public Func<MemberForm, CommandResult<MemberSaved>> SaveResult { get; set; } = _ => CommandResult<MemberSaved>.Ok(new MemberSaved(Guid.NewGuid(), 2));

    public Task<MemberForm?> GetFormAsync(ClaimsPrincipal user, Guid committeeId, Guid memberId, CancellationToken ct = default) => Task.FromResult<MemberForm?>(null);

    public Task<CommandResult<MemberSaved>> SaveAsync(ClaimsPrincipal user, Guid committeeId, Guid? memberId, MemberForm form, CancellationToken ct = default)
    {
        Saves.Add(form);
        return Task.FromResult(SaveResult(form));
    }

    public Task<CommandResult> EndTermAsync(ClaimsPrincipal user, Guid committeeId, Guid memberId, DateOnly? on, uint committeeVersion, CancellationToken ct = default) =>
        Task.FromResult(CommandResult.Ok());

    public Task<CommandResult> RemoveAsync(ClaimsPrincipal user, Guid committeeId, Guid memberId, uint committeeVersion, CancellationToken ct = default) =>
        Task.FromResult(CommandResult.Ok());
}

/// <summary>Stands in for the person service: a fixed search hit, saves answered as told.</summary>
internal sealed class FakePersonService : IPersonService
{
    public static readonly PersonOption Kari = new(Guid.NewGuid(), "Kari Kommunesen", "Kommunalsjef", Guid.NewGuid(), "Prøvevik kommune");

    public List<PersonForm> Saves { get; } = [];

    public Func<PersonForm, CommandResult<PersonSaved>> SaveResult { get; set; } = form =>
        CommandResult<PersonSaved>.Ok(new PersonSaved(Guid.NewGuid(), new PersonOption(Guid.NewGuid(), form.Name!, form.Title, null, null)));

    public Task<IReadOnlyList<PersonOption>> SearchAsync(ClaimsPrincipal user, string? text, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<PersonOption>>([Kari]);

    public Task<PersonView?> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default) => Task.FromResult<PersonView?>(null);

    public Task<PersonForm?> GetFormAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default) => Task.FromResult<PersonForm?>(null);

    public Task<CommandResult<PersonSaved>> SaveAsync(ClaimsPrincipal user, Guid? id, PersonForm form, CancellationToken ct = default)
    {
        Saves.Add(form);
        return Task.FromResult(SaveResult(form));
    }
}

/// <summary>Stands in for the committee service where a component only searches the party register.</summary>
internal sealed class FakeCommitteeService : ICommitteeService
{
    public Task<IReadOnlyList<CommitteeRow>> ListAsync(ClaimsPrincipal user, CommitteeFilter filter, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<CommitteeRow>>([]);

    public Task<IReadOnlyList<ComplianceFinding>?> ComplianceAsync(ClaimsPrincipal user, Guid id, int year, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ComplianceFinding>?>([]);

    public Task<IReadOnlyList<CommitteeStanding>> OverviewAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<CommitteeStanding>>([]);

    public Task<CommitteeView?> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default) => Task.FromResult<CommitteeView?>(null);

    public Task<CommitteeForm?> GetFormAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default) => Task.FromResult<CommitteeForm?>(null);

    public Task<IReadOnlyList<AgreementOption>> OverarchingAgreementsAsync(ClaimsPrincipal user, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<AgreementOption>>([]);

    public Task<IReadOnlyList<CommitteeLink>> BodiesOfAsync(ClaimsPrincipal user, Guid agreementId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<CommitteeLink>>([]);

    public Task<IReadOnlyList<PartyOption>> SearchMunicipalitiesAsync(ClaimsPrincipal user, string? text, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<PartyOption>>([new PartyOption(Guid.NewGuid(), "Prøvevik kommune")]);

    public Task<IReadOnlyList<PartyOption>> SearchOrganisationsAsync(ClaimsPrincipal user, string? text, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<PartyOption>>([new PartyOption(Guid.NewGuid(), "Helse Prøve HF")]);

    public Task<CommandResult<CommitteeSaved>> SaveAsync(ClaimsPrincipal user, Guid? id, CommitteeForm form, CancellationToken ct = default) =>
        Task.FromResult(CommandResult<CommitteeSaved>.Ok(new CommitteeSaved(Guid.NewGuid(), 1)));

    public Task<CommandResult> WindUpAsync(ClaimsPrincipal user, Guid id, DateOnly? on, uint version, CancellationToken ct = default) => Task.FromResult(CommandResult.Ok());

    public Task<CommandResult> ReopenAsync(ClaimsPrincipal user, Guid id, uint version, CancellationToken ct = default) => Task.FromResult(CommandResult.Ok());

    public Task<CommandResult> AddQuotaAsync(ClaimsPrincipal user, Guid id, QuotaForm form, CancellationToken ct = default) => Task.FromResult(CommandResult.Ok());

    public Task<CommandResult> RemoveQuotaAsync(ClaimsPrincipal user, Guid id, Guid quotaId, uint version, CancellationToken ct = default) =>
        Task.FromResult(CommandResult.Ok());

    public Task<CommandResult> SaveLeadershipAsync(ClaimsPrincipal user, Guid id, LeadershipForm form, CancellationToken ct = default) =>
        Task.FromResult(CommandResult.Ok());
}
