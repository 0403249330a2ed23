using System.Security.Claims;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Parties;

namespace SamarbeidsAvtaler.Web.Features.Committees;

/// <summary>The bodies' queries and commands, as the pages use them (an interface so component tests can stand in).</summary>
public interface ICommitteeService
{
    Task<IReadOnlyList<CommitteeRow>> ListAsync(ClaimsPrincipal user, CommitteeFilter filter, CancellationToken ct = default);

    Task<IReadOnlyList<ComplianceFinding>?> ComplianceAsync(ClaimsPrincipal user, Guid id, int year, CancellationToken ct = default);

    Task<IReadOnlyList<CommitteeStanding>> OverviewAsync(ClaimsPrincipal user, CancellationToken ct = default);

    Task<CommitteeView?> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default);

    Task<CommitteeForm?> GetFormAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default);

    Task<IReadOnlyList<AgreementOption>> OverarchingAgreementsAsync(ClaimsPrincipal user, CancellationToken ct = default);

    Task<IReadOnlyList<CommitteeLink>> BodiesOfAsync(ClaimsPrincipal user, Guid agreementId, CancellationToken ct = default);

    Task<IReadOnlyList<PartyOption>> SearchMunicipalitiesAsync(ClaimsPrincipal user, string? text, CancellationToken ct = default);

    Task<IReadOnlyList<PartyOption>> SearchOrganisationsAsync(ClaimsPrincipal user, string? text, CancellationToken ct = default);

    Task<CommandResult<CommitteeSaved>> SaveAsync(ClaimsPrincipal user, Guid? id, CommitteeForm form, CancellationToken ct = default);

    Task<CommandResult> WindUpAsync(ClaimsPrincipal user, Guid id, DateOnly? on, uint version, CancellationToken ct = default);

    Task<CommandResult> ReopenAsync(ClaimsPrincipal user, Guid id, uint version, CancellationToken ct = default);

    Task<CommandResult> AddQuotaAsync(ClaimsPrincipal user, Guid id, QuotaForm form, CancellationToken ct = default);

    Task<CommandResult> RemoveQuotaAsync(ClaimsPrincipal user, Guid id, Guid quotaId, uint version, CancellationToken ct = default);

    Task<CommandResult> SaveLeadershipAsync(ClaimsPrincipal user, Guid id, LeadershipForm form, CancellationToken ct = default);
}
