using System.Security.Claims;
using SamarbeidsAvtaler.Web.Components;

namespace SamarbeidsAvtaler.Web.Features.Committees.Meetings;

/// <summary>The meetings' queries and commands, as the pages use them (an interface so component tests can stand in).</summary>
public interface IMeetingService
{
    Task<MeetingListPage?> ListAsync(ClaimsPrincipal user, Guid committeeId, MeetingListFilter filter, int page, CancellationToken ct = default);

    Task<MeetingView?> GetAsync(ClaimsPrincipal user, Guid committeeId, Guid meetingId, CancellationToken ct = default);

    Task<MinutesDocument?> GetMinutesDocumentAsync(ClaimsPrincipal user, Guid committeeId, Guid meetingId, CancellationToken ct = default);

    Task<CommandResult<Guid>> PlanAsync(ClaimsPrincipal user, Guid committeeId, MeetingForm form, CancellationToken ct = default);

    Task<CommandResult<uint>> UpdateAsync(ClaimsPrincipal user, Guid meetingId, MeetingForm form, uint version, CancellationToken ct = default);

    Task<CommandResult<uint>> CancelAsync(ClaimsPrincipal user, Guid meetingId, uint version, CancellationToken ct = default);

    Task<CommandResult<uint>> MarkHeldAsync(ClaimsPrincipal user, Guid meetingId, uint version, CancellationToken ct = default);

    Task<CommandResult> DeleteAsync(ClaimsPrincipal user, Guid meetingId, uint version, CancellationToken ct = default);

    Task<CommandResult<uint>> AddAgendaItemAsync(ClaimsPrincipal user, Guid meetingId, AgendaItemForm form, uint version, CancellationToken ct = default);

    Task<CommandResult<uint>> UpdateAgendaItemAsync(ClaimsPrincipal user, Guid meetingId, Guid itemId, AgendaItemForm form, uint version, CancellationToken ct = default);

    Task<CommandResult<uint>> RemoveAgendaItemAsync(ClaimsPrincipal user, Guid meetingId, Guid itemId, uint version, CancellationToken ct = default);

    Task<CommandResult<uint>> UploadDocumentAsync(ClaimsPrincipal user, Guid meetingId, Guid itemId, AgendaDocumentUpload upload, uint version, CancellationToken ct = default);

    Task<CommandResult<uint>> DeleteDocumentAsync(ClaimsPrincipal user, Guid meetingId, Guid itemId, Guid documentId, uint version, CancellationToken ct = default);

    Task<CommandResult<uint>> SaveAttendanceAsync(ClaimsPrincipal user, Guid meetingId, AttendanceForm form, uint version, CancellationToken ct = default);

    Task<CommandResult<uint>> SaveMinutesDraftAsync(ClaimsPrincipal user, Guid meetingId, MinutesForm form, uint version, CancellationToken ct = default);

    Task<CommandResult<uint>> ApproveMinutesAsync(ClaimsPrincipal user, Guid meetingId, ApproveMinutesForm form, uint version, CancellationToken ct = default);

    Task<CommandResult<uint>> PublishMinutesAsync(ClaimsPrincipal user, Guid meetingId, uint version, CancellationToken ct = default);

    Task<CommandResult<uint>> UnpublishMinutesAsync(ClaimsPrincipal user, Guid meetingId, uint version, CancellationToken ct = default);
}
