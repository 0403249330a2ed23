using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Components;

namespace SamarbeidsAvtaler.Web.Features.Committees.Meetings;

public sealed partial class MeetingService
{
    /// <summary>
    /// Records who came: per member active on the meeting date, present, their personal deputy present,
    /// or absent. Members left out (or null) keep what was recorded.
    /// </summary>
    public Task<CommandResult<uint>> SaveAttendanceAsync(ClaimsPrincipal user, Guid meetingId, AttendanceForm form, uint version, CancellationToken ct = default) =>
        ChangeAsync(user, meetingId, version, async (db, meeting) =>
        {
            if (meeting.Status == MeetingStatus.Cancelled)
            {
                return CommandResult.Refused("Møtet er avlyst; det er ikke noe oppmøte å registrere.");
            }

            var rows = (await AttendanceAsync(db, meeting.CommitteeId, meeting.Id, meeting.Date, ct)).ToDictionary(r => r.MemberId);
            var errors = new List<FieldError>();
            var wanted = new List<(AttendanceRow Row, AttendanceKind Kind)>();
            foreach (var (memberId, kind) in form.Kinds)
            {
                if (kind is not { } k)
                {
                    continue;
                }

                if (!rows.TryGetValue(memberId, out var row))
                {
                    errors.Add(new(AttendanceField(memberId), "Personen er ikke medlem av utvalget på møtedagen. Last siden på nytt."));
                }
                else if (!Enum.IsDefined(k))
                {
                    errors.Add(new(AttendanceField(memberId), $"Velg oppmøte for {row.MemberName}."));
                }
                else if (k == AttendanceKind.DeputyPresent && row.DeputyName is null)
                {
                    errors.Add(new(AttendanceField(memberId), $"{row.MemberName} har ingen personlig vararepresentant på møtedagen. Velg «Til stede» eller «Fravær»."));
                }
                else if (row.Kind != k)
                {
                    wanted.Add((row, k));
                }
            }

            if (errors.Count > 0)
            {
                return CommandResult.Invalid(errors);
            }

            foreach (var (row, kind) in wanted)
            {
                meeting.RecordAttendance(row.MemberId, kind);
            }

            if (wanted.Count > 0)
            {
                Audit(db, user, meeting.Id, "Attendance",
                    string.Join("; ", wanted.Where(w => w.Row.Kind is not null).Select(w => $"{w.Row.MemberName}: {MeetingFormat.Attendance(w.Row.Kind!.Value)}")) is { Length: > 0 } before ? before : null,
                    string.Join("; ", wanted.Select(w => $"{w.Row.MemberName}: {MeetingFormat.Attendance(w.Kind)}")));
            }

            return null;
        }, "Oppmøtet er lagret.", ct);

    public static string AttendanceField(Guid memberId) => $"Attendance[{memberId}]";

    /// <summary>Saves the draft text of the minutes; approved minutes are read-only.</summary>
    public Task<CommandResult<uint>> SaveMinutesDraftAsync(ClaimsPrincipal user, Guid meetingId, MinutesForm form, uint version, CancellationToken ct = default) =>
        ChangeAsync(user, meetingId, version, (_, meeting) =>
        {
            if (meeting.Status == MeetingStatus.Cancelled)
            {
                return Stop(CommandResult.Refused("Møtet er avlyst og har ikke referat."));
            }

            meeting.SaveMinutesDraft(form.MinutesText);
            return Go;
        }, "Referatutkastet er lagret.", ct);

    /// <summary>Approves the minutes of a held meeting: the date (between the meeting and today) and by whom.</summary>
    public Task<CommandResult<uint>> ApproveMinutesAsync(ClaimsPrincipal user, Guid meetingId, ApproveMinutesForm form, uint version, CancellationToken ct = default) =>
        ChangeAsync(user, meetingId, version, (_, meeting) =>
        {
            DateOnly? on = form.MinutesApprovedOn is { } d ? DateOnly.FromDateTime(d) : null;
            try
            {
                // Without a date the domain still checks its rules first (held, text written), then refuses the date.
                meeting.ApproveMinutes(on ?? DateOnly.MinValue, form.MinutesApprovedBy ?? string.Empty, clock.Today());
            }
            catch (DomainValidationException e) when (on is null)
            {
                return Stop(CommandResult.Invalid([.. e.Errors.Select(x => x.Field == nameof(ApproveMinutesForm.MinutesApprovedOn)
                    ? x with { Message = "Godkjent dato må fylles ut." }
                    : x)]));
            }

            return Go;
        }, "Referatet er godkjent.", ct);

    /// <summary>Publishes approved minutes today (the public page comes later; the flag and date are kept).</summary>
    public Task<CommandResult<uint>> PublishMinutesAsync(ClaimsPrincipal user, Guid meetingId, uint version, CancellationToken ct = default) =>
        ChangeAsync(user, meetingId, version, (_, meeting) =>
        {
            if (meeting.MinutesPublishedOn is not null)
            {
                return Stop(CommandResult.Refused("Referatet er allerede publisert."));
            }

            meeting.PublishMinutes(clock.Today());
            return Go;
        }, "Referatet er publisert.", ct);

    public Task<CommandResult<uint>> UnpublishMinutesAsync(ClaimsPrincipal user, Guid meetingId, uint version, CancellationToken ct = default) =>
        ChangeAsync(user, meetingId, version, (_, meeting) =>
        {
            if (meeting.MinutesPublishedOn is null)
            {
                return Stop(CommandResult.Refused("Referatet er ikke publisert."));
            }

            meeting.UnpublishMinutes();
            return Go;
        }, "Referatet er ikke lenger publisert.", ct);

    /// <summary>The minutes as a document, or null when the meeting is missing or the body is not the user's to see.</summary>
    public async Task<MinutesDocument?> GetMinutesDocumentAsync(ClaimsPrincipal user, Guid committeeId, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var committee = await db.Committees.AsNoTracking().VisibleTo(db, user).Where(c => c.Id == committeeId)
            .Select(c => new { c.Name, c.ShortName }).FirstOrDefaultAsync(ct);
        var meeting = committee is null
            ? null
            : await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId && m.CommitteeId == committeeId, ct);
        if (committee is null || meeting is null)
        {
            return null;
        }

        var attendance = await AttendanceAsync(db, committeeId, meetingId, meeting.Date, ct);
        return new MinutesDocument(
            committeeId, meetingId, committee.Name, committee.ShortName, meeting.Date, meeting.StartTime, meeting.EndTime, meeting.Location,
            meeting.IsDigital, meeting.Status,
            [.. attendance.Where(a => a.Kind == AttendanceKind.Present).Select(a => a.MemberName)],
            [.. attendance.Where(a => a.Kind == AttendanceKind.DeputyPresent).Select(a => new DeputyPresence(a.DeputyName, a.MemberName))],
            [.. attendance.Where(a => a.Kind == AttendanceKind.Absent).Select(a => a.MemberName)],
            await AgendaAsync(db, committee.ShortName, meetingId, ct),
            meeting.MinutesText, meeting.MinutesStatus, meeting.MinutesApprovedOn, meeting.MinutesApprovedBy, meeting.MinutesPublishedOn);
    }

    /// <summary>
    /// The members active on the meeting date (all roles but deputy), each with their personal deputy active
    /// on that date, and anyone whose attendance was recorded though their term has changed since.
    /// </summary>
    private static async Task<IReadOnlyList<AttendanceRow>> AttendanceAsync(AppDbContext db, Guid committeeId, Guid meetingId, DateOnly date, CancellationToken ct)
    {
        var recorded = await db.Set<MeetingAttendance>().AsNoTracking().Where(a => a.MeetingId == meetingId)
            .ToDictionaryAsync(a => a.MemberId, a => a.Kind, ct);
        var recordedIds = recorded.Keys.ToList();
        var members = await (from m in db.CommitteeMembers.AsNoTracking()
                             join p in db.Persons.AsNoTracking() on m.PersonId equals p.Id
                             where m.CommitteeId == committeeId && m.Role != MemberRole.Deputy
                                   && ((m.TermFrom <= date && m.TermTo >= date) || recordedIds.Contains(m.Id))
                             select new { m.Id, p.Name, m.Role, m.Side }).ToListAsync(ct);
        var deputies = await (from d in db.CommitteeMembers.AsNoTracking()
                              join p in db.Persons.AsNoTracking() on d.PersonId equals p.Id
                              where d.CommitteeId == committeeId && d.Role == MemberRole.Deputy && d.TermFrom <= date && d.TermTo >= date
                              orderby p.Name
                              select new { d.DeputyForMemberId, p.Name }).ToListAsync(ct);
        return members
            .Select(m => new AttendanceRow(m.Id, m.Name, m.Role, m.Side, deputies.FirstOrDefault(d => d.DeputyForMemberId == m.Id)?.Name,
                recorded.TryGetValue(m.Id, out var kind) ? kind : null))
            .OrderBy(r => r.Role.IsVoting() ? 0 : 1).ThenBy(r => r.Side).ThenBy(r => r.MemberName, StringComparer.Create(Norwegian.Culture, false))
            .ToList();
    }
}

/// <summary>A deputy who came in a member's place.</summary>
public sealed record DeputyPresence(string? Deputy, string Member);

/// <summary>Everything the minutes document shows, on screen and in the PDF.</summary>
public sealed record MinutesDocument(
    Guid CommitteeId,
    Guid MeetingId,
    string CommitteeName,
    string ShortName,
    DateOnly Date,
    TimeOnly StartTime,
    TimeOnly? EndTime,
    string? Location,
    bool IsDigital,
    MeetingStatus Status,
    IReadOnlyList<string> Present,
    IReadOnlyList<DeputyPresence> DeputiesPresent,
    IReadOnlyList<string> Absent,
    IReadOnlyList<AgendaItemRow> AgendaItems,
    string? MinutesText,
    MinutesStatus? MinutesStatus,
    DateOnly? ApprovedOn,
    string? ApprovedBy,
    DateOnly? PublishedOn)
{
    public bool IsApproved => MinutesStatus == Domain.Committees.MinutesStatus.Approved;

    public bool AttendanceRecorded => Present.Count + DeputiesPresent.Count + Absent.Count > 0;
}
