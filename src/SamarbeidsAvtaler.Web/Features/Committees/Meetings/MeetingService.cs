using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Account;

namespace SamarbeidsAvtaler.Web.Features.Committees.Meetings;

/// <summary>
/// Meetings of the bodies (issue 9 § 3): planning, agenda items numbered per body and year with their
/// documents, attendance, and minutes from draft to approved and published. Every method filters
/// through <see cref="CommitteeAccess"/>: a body the user may not see is NotFound, one they may see but
/// not keep is Forbidden. Every change claims the meeting's row version first (an UPDATE that matches
/// only the version the user started from, and locks the row until commit), so two saves at once end
/// in one saved and one conflict, never a lost update.
/// </summary>
public sealed partial class MeetingService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock) : IMeetingService
{
    public const int PageSize = 10;

    public const string ConflictMessage =
        "Noen andre har lagret endringer i dette møtet etter at du åpnet det. Endringene dine er ikke lagret; det du skrev, står fortsatt i skjemaet. " +
        "Siden viser nå de lagrede verdiene. Prøv igjen.";

    public const string NumberConflictMessage =
        "Saksnummeret ble tatt av en annen sak som ble lagt til samtidig. Saken din er ikke lagret; det du skrev, står fortsatt i skjemaet. Prøv igjen.";

    // ---- Reads -------------------------------------------------------------------------------

    /// <summary>A page of the body's meetings, ordered and paged in PostgreSQL; null when the body is not the user's to see.</summary>
    public async Task<MeetingListPage?> ListAsync(ClaimsPrincipal user, Guid committeeId, MeetingListFilter filter, int page, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await db.Committees.AsNoTracking().VisibleTo(db, user).AnyAsync(c => c.Id == committeeId, ct))
        {
            return null;
        }

        var canMaintain = await db.Committees.AsNoTracking().MaintainableBy(db, user).AnyAsync(c => c.Id == committeeId, ct);
        var today = clock.Today();
        var query = db.Meetings.AsNoTracking().Where(m => m.CommitteeId == committeeId);
        query = filter == MeetingListFilter.Past
            ? query.Where(m => m.Date < today || m.Status == MeetingStatus.Held)
            : query.Where(m => m.Date >= today && m.Status != MeetingStatus.Held);
        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)PageSize));
        var shown = Math.Clamp(page, 1, pageCount);
        var ordered = filter == MeetingListFilter.Past
            ? query.OrderByDescending(m => m.Date).ThenByDescending(m => m.StartTime).ThenBy(m => m.Id)
            : query.OrderBy(m => m.Date).ThenBy(m => m.StartTime).ThenBy(m => m.Id);
        var rows = await ordered.Skip((shown - 1) * PageSize).Take(PageSize)
            .Select(m => new MeetingRow(m.Id, m.Date, m.StartTime, m.EndTime, m.Location, m.IsDigital, m.Status,
                m.AgendaItems.Count(), m.MinutesStatus, m.MinutesPublishedOn))
            .ToListAsync(ct);
        return new MeetingListPage(rows, total, shown, pageCount, canMaintain);
    }

    /// <summary>The meeting page, or null when the meeting is missing, not the body's, or the body is not the user's to see.</summary>
    public async Task<MeetingView?> GetAsync(ClaimsPrincipal user, Guid committeeId, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var committee = await db.Committees.AsNoTracking().VisibleTo(db, user).Where(c => c.Id == committeeId)
            .Select(c => new CommitteeHeading(c.Id, c.Name, c.ShortName)).FirstOrDefaultAsync(ct);
        if (committee is null)
        {
            return null;
        }

        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId && m.CommitteeId == committeeId)
            .Select(m => new { Meeting = m, Version = EF.Property<uint>(m, "Version") }).FirstOrDefaultAsync(ct);
        if (meeting is null)
        {
            return null;
        }

        var m = meeting.Meeting;
        var canMaintain = await db.Committees.AsNoTracking().MaintainableBy(db, user).AnyAsync(c => c.Id == committeeId, ct);
        var items = await AgendaAsync(db, committee.ShortName, meetingId, ct);
        var attendance = await AttendanceAsync(db, committeeId, meetingId, m.Date, ct);
        return new MeetingView(committee, m.Id, m.Date, m.StartTime, m.EndTime, m.Location, m.IsDigital, m.Status,
            m.MinutesText, m.MinutesStatus, m.MinutesApprovedOn, m.MinutesApprovedBy, m.MinutesPublishedOn,
            items, attendance, canMaintain, meeting.Version);
    }

    // ---- The meeting itself ------------------------------------------------------------------

    /// <summary>Plans a meeting of the body; the value is the new meeting's id.</summary>
    public async Task<CommandResult<Guid>> PlanAsync(ClaimsPrincipal user, Guid committeeId, MeetingForm form, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(user, ct);
        if (await MaintainAccessAsync(db, user, committeeId, ct) is { } denied)
        {
            return CommandResult<Guid>.From(denied);
        }

        var (details, errors) = form.ToDetails();
        if (details is null)
        {
            return CommandResult<Guid>.From(CommandResult.Invalid(errors));
        }

        var woundUpOn = await db.Committees.Where(c => c.Id == committeeId).Select(c => c.WoundUpOn).FirstAsync(ct);
        if (woundUpOn is { } end && details.Date > end)
        {
            return CommandResult<Guid>.From(CommandResult.Invalid(nameof(MeetingForm.Date),
                $"Utvalget ble avviklet {Norwegian.Date(end)}; et møte kan ikke planlegges etter det."));
        }

        var meeting = Meeting.Plan(committeeId, details, clock.GetUtcNow());
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return CommandResult<Guid>.Ok(meeting.Id, $"Møtet {Norwegian.Date(meeting.Date)} er planlagt.");
    }

    public async Task<CommandResult<uint>> UpdateAsync(ClaimsPrincipal user, Guid meetingId, MeetingForm form, uint version, CancellationToken ct = default)
    {
        var (details, errors) = form.ToDetails();
        if (details is null)
        {
            // Access first: a stranger learns nothing from the field messages.
            return await ChangeAsync(user, meetingId, version, (_, _) => Task.FromResult<CommandResult?>(CommandResult.Invalid(errors)), null, ct);
        }

        return await ChangeAsync(user, meetingId, version, (_, meeting) =>
        {
            if (meeting.AgendaItems.Count > 0 && details.Date!.Value.Year != meeting.Date.Year)
            {
                return Stop(CommandResult.Invalid(nameof(MeetingForm.Date),
                    $"Møtet har saker nummerert for {meeting.Date.Year}, og saker nummereres per år. Fjern sakene først, eller planlegg et nytt møte i {details.Date.Value.Year}."));
            }

            meeting.Update(details);
            return Go;
        }, "Møtet er lagret.", ct);
    }

    public Task<CommandResult<uint>> CancelAsync(ClaimsPrincipal user, Guid meetingId, uint version, CancellationToken ct = default) =>
        ChangeAsync(user, meetingId, version, (_, meeting) =>
        {
            if (meeting.Status == MeetingStatus.Cancelled)
            {
                return Stop(CommandResult.Refused("Møtet er allerede avlyst."));
            }

            meeting.Cancel();
            return Go;
        }, "Møtet er avlyst.", ct);

    /// <summary>Marks the meeting held: only on or after its date (a held meeting counts towards R16).</summary>
    public Task<CommandResult<uint>> MarkHeldAsync(ClaimsPrincipal user, Guid meetingId, uint version, CancellationToken ct = default) =>
        ChangeAsync(user, meetingId, version, (_, meeting) =>
        {
            if (meeting.Status == MeetingStatus.Held)
            {
                return Stop(CommandResult.Refused("Møtet er allerede registrert som holdt."));
            }

            meeting.MarkHeld(clock.Today());
            return Go;
        }, "Møtet er registrert som holdt.", ct);

    /// <summary>Deletes a planned meeting without agenda items (one planned by mistake); anything else is cancelled instead.</summary>
    public async Task<CommandResult> DeleteAsync(ClaimsPrincipal user, Guid meetingId, uint version, CancellationToken ct = default) =>
        await ChangeAsync(user, meetingId, version, (db, meeting) =>
        {
            if (meeting.Status != MeetingStatus.Planned)
            {
                return Stop(CommandResult.Refused("Bare et planlagt møte kan slettes. Et holdt møte står i historikken, og et avlyst møte blir stående som avlyst."));
            }

            if (meeting.AgendaItems.Count > 0)
            {
                return Stop(CommandResult.Refused("Møtet har saker og kan ikke slettes. Fjern sakene først, eller avlys møtet."));
            }

            db.Meetings.Remove(meeting);
            db.AuditEntries.Add(new AuditEntry(nameof(Meeting), meeting.Id.ToString(), AuditActions.Deleted, user.UserId(), user.DisplayName(),
                clock.GetUtcNow(), [new(nameof(Meeting.Date), Norwegian.Date(meeting.Date), null), new(nameof(Meeting.Location), meeting.Location, null)]));
            return Go;
        }, "Møtet er slettet.", ct);

    // ---- Access and the shape every change has -----------------------------------------------

    /// <summary>Null when the user may change the body's meetings; else NotFound (not visible) or Forbidden (visible only).</summary>
    private static async Task<CommandResult?> MaintainAccessAsync(AppDbContext db, ClaimsPrincipal user, Guid committeeId, CancellationToken ct)
    {
        if (!await db.Committees.AsNoTracking().VisibleTo(db, user).AnyAsync(c => c.Id == committeeId, ct))
        {
            return CommandResult.NotFound();
        }

        return await db.Committees.AsNoTracking().MaintainableBy(db, user).AnyAsync(c => c.Id == committeeId, ct)
            ? null
            : CommandResult.Forbidden();
    }

    private static readonly Task<CommandResult?> Go = Task.FromResult<CommandResult?>(null);

    private static Task<CommandResult?> Stop(CommandResult result) => Task.FromResult<CommandResult?>(result);

    /// <summary>
    /// Checks access, claims the meeting's row version, loads the meeting with its agenda items and
    /// attendance, runs the change and saves, all in one transaction. The change returns a result to stop
    /// with (nothing saved) or null to save. With <paramref name="numbering"/> the body's row is locked
    /// too, so agenda numbers of the body are handed out one at a time; a number taken all the same (the
    /// unique index) is tried again with the next free one, and after that reported as a conflict.
    /// The value is the meeting's new version.
    /// </summary>
    private async Task<CommandResult<uint>> ChangeAsync(ClaimsPrincipal user, Guid meetingId, uint version,
        Func<AppDbContext, Meeting, Task<CommandResult?>> change, string? okMessage, CancellationToken ct, bool numbering = false)
    {
        await using var db = await contexts.CreateDbContextAsync(user, ct);
        var committeeId = await db.Meetings.Where(m => m.Id == meetingId).Select(m => (Guid?)m.CommitteeId).FirstOrDefaultAsync(ct);
        if (committeeId is null)
        {
            return CommandResult<uint>.From(CommandResult.NotFound());
        }

        if (await MaintainAccessAsync(db, user, committeeId.Value, ct) is { } denied)
        {
            return CommandResult<uint>.From(denied);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                if (!await db.ClaimRowAsync<Meeting>(meetingId, version, ct))
                {
                    return CommandResult<uint>.From(await db.Meetings.AnyAsync(m => m.Id == meetingId, ct)
                        ? CommandResult.Conflict(ConflictMessage)
                        : CommandResult.NotFound());
                }

                if (numbering)
                {
                    await AgendaNumbers.LockBodyAsync(db, committeeId.Value, ct);
                }

                var meeting = await db.Meetings.Include(m => m.AgendaItems).Include(m => m.Attendance).AsSplitQuery()
                    .FirstAsync(m => m.Id == meetingId, ct);
                var stop = await ClaimedChange.ApplyAsync(() => change(db, meeting));
                if (stop is not null)
                {
                    return CommandResult<uint>.From(stop);
                }

                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                break;
            }
            catch (DbUpdateException e) when (numbering && ClaimedChange.IsUniqueViolation(e) && attempt < 3)
            {
                // Another transaction took the number after all (it did not lock the body): count again.
                db.ChangeTracker.Clear();
            }
            catch (Exception e) when (ClaimedChange.IsUniqueViolation(e))
            {
                return CommandResult<uint>.From(CommandResult.Conflict(numbering ? NumberConflictMessage : ConflictMessage));
            }
            catch (Exception e) when (RowVersionClaim.IsConflict(e))
            {
                return CommandResult<uint>.From(CommandResult.Conflict(ConflictMessage));
            }
        }

        db.ChangeTracker.Clear();
        var newVersion = await db.Meetings.Where(m => m.Id == meetingId).Select(m => (uint?)EF.Property<uint>(m, "Version")).FirstOrDefaultAsync(ct);
        return CommandResult<uint>.Ok(newVersion ?? 0, okMessage);
    }

    /// <summary>A change to a part of the meeting that has no audit of its own (agenda, documents, attendance), recorded on the meeting.</summary>
    private void Audit(AppDbContext db, ClaimsPrincipal user, Guid meetingId, string field, string? oldValue, string? newValue) =>
        db.AuditEntries.Add(new AuditEntry(nameof(Meeting), meetingId.ToString(), AuditActions.Changed, user.UserId(), user.DisplayName(),
            clock.GetUtcNow(), [new(field, oldValue, newValue)]));
}
