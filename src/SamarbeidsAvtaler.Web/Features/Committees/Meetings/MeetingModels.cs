using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Committees;

namespace SamarbeidsAvtaler.Web.Features.Committees.Meetings;

/// <summary>Which meetings of a body the list shows.</summary>
public enum MeetingListFilter
{
    /// <summary>Not yet held, from today on (planned, and cancelled ones still ahead).</summary>
    Upcoming = 1,

    /// <summary>Held, and everything dated before today.</summary>
    Past = 2,
}

/// <summary>One row of a body's meeting list.</summary>
public sealed record MeetingRow(
    Guid Id, DateOnly Date, TimeOnly StartTime, TimeOnly? EndTime, string? Location, bool IsDigital,
    MeetingStatus Status, int AgendaItemCount, MinutesStatus? MinutesStatus, DateOnly? MinutesPublishedOn);

/// <summary>A page of a body's meetings; <see cref="Page"/> is the page actually shown (clamped to the last).</summary>
public sealed record MeetingListPage(IReadOnlyList<MeetingRow> Rows, int Total, int Page, int PageCount, bool CanMaintain);

/// <summary>The body a meeting belongs to, as the meeting pages name it.</summary>
public sealed record CommitteeHeading(Guid Id, string Name, string ShortName);

public sealed record AgendaDocumentRow(Guid Id, string FileName, long SizeBytes, DateTimeOffset UploadedAt);

public sealed record AgendaItemRow(Guid Id, int Year, int Number, string Label, string Title, string? Description, IReadOnlyList<AgendaDocumentRow> Documents);

/// <summary>
/// One member's line of the attendance list: the member active on the meeting date, their personal
/// deputy (if any) and what is recorded (null: nothing yet).
/// </summary>
public sealed record AttendanceRow(Guid MemberId, string MemberName, MemberRole Role, CommitteeSide Side, string? DeputyName, AttendanceKind? Kind);

/// <summary>Everything the meeting page shows, for one user; <see cref="Version"/> is what every change is checked against.</summary>
public sealed record MeetingView(
    CommitteeHeading Committee,
    Guid Id,
    DateOnly Date,
    TimeOnly StartTime,
    TimeOnly? EndTime,
    string? Location,
    bool IsDigital,
    MeetingStatus Status,
    string? MinutesText,
    MinutesStatus? MinutesStatus,
    DateOnly? MinutesApprovedOn,
    string? MinutesApprovedBy,
    DateOnly? MinutesPublishedOn,
    IReadOnlyList<AgendaItemRow> AgendaItems,
    IReadOnlyList<AttendanceRow> Attendance,
    bool CanMaintain,
    uint Version)
{
    public bool MinutesApproved => MinutesStatus == Domain.Committees.MinutesStatus.Approved;
}

/// <summary>The form of a meeting's date, time and place; the property names are the domain's field names.</summary>
public sealed class MeetingForm
{
    public DateTime? Date { get; set; }
    public TimeSpan? StartTime { get; set; }
    public TimeSpan? EndTime { get; set; }
    public string? Location { get; set; }
    public bool IsDigital { get; set; }

    public static MeetingForm From(MeetingView view) => new()
    {
        Date = view.Date.ToDateTime(TimeOnly.MinValue),
        StartTime = view.StartTime.ToTimeSpan(),
        EndTime = view.EndTime?.ToTimeSpan(),
        Location = view.Location,
        IsDigital = view.IsDigital,
    };

    /// <summary>The details, or the field errors of what cannot even be read (an impossible time); the domain checks the rest.</summary>
    public (MeetingDetails? Details, IReadOnlyList<FieldError> Errors) ToDetails()
    {
        var errors = new List<FieldError>();
        var start = Time(StartTime, nameof(StartTime), "Starttid", errors);
        var end = Time(EndTime, nameof(EndTime), "Sluttid", errors);
        DateOnly? date = Date is { } d ? DateOnly.FromDateTime(d) : null;
        var details = new MeetingDetails(date, start, end, Location, IsDigital);
        errors.AddRange(Meeting.Validate(details).Where(e => errors.All(x => x.Field != e.Field)));
        return errors.Count > 0 ? (null, errors) : (details, errors);
    }

    private static TimeOnly? Time(TimeSpan? value, string field, string label, List<FieldError> errors)
    {
        if (value is not { } t)
        {
            return null;
        }

        if (t < TimeSpan.Zero || t >= TimeSpan.FromDays(1))
        {
            errors.Add(new FieldError(field, $"{label} må være et klokkeslett mellom 00:00 og 23:59."));
            return null;
        }

        return TimeOnly.FromTimeSpan(t);
    }
}

/// <summary>An agenda item's title and description.</summary>
public sealed class AgendaItemForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }

    public AgendaItemDetails ToDetails() => new(Title ?? string.Empty, Description);
}

/// <summary>A file read from the browser for an agenda item.</summary>
public sealed class AgendaDocumentUpload
{
    public string? FileName { get; set; }
    public byte[]? Bytes { get; set; }
}

/// <summary>Who came, per member; a member left out keeps what was recorded.</summary>
public sealed class AttendanceForm
{
    public Dictionary<Guid, AttendanceKind?> Kinds { get; set; } = [];
}

/// <summary>The draft text of the minutes.</summary>
public sealed class MinutesForm
{
    public string? MinutesText { get; set; }
}

/// <summary>Approval of the minutes: when and by whom (e.g. "SSU i møte 12.03.2027").</summary>
public sealed class ApproveMinutesForm
{
    public DateTime? MinutesApprovedOn { get; set; }
    public string? MinutesApprovedBy { get; set; }
}
