using SamarbeidsAvtaler.Domain.Auditing;

namespace SamarbeidsAvtaler.Domain.Committees;

public enum MeetingStatus
{
    Planned = 1,
    Held = 2,
    Cancelled = 3,
}

public enum MinutesStatus
{
    Draft = 1,
    Approved = 2,
}

public enum AttendanceKind
{
    Present = 1,
    DeputyPresent = 2,
    Absent = 3,
}

/// <summary>
/// A meeting of a body, with its agenda, attendance and minutes. The minutes live on the meeting row,
/// so one row version guards the whole meeting against lost updates.
/// </summary>
public class Meeting : IAudited
{
    public const int LocationMaxLength = 200;
    public const int MinutesMaxLength = 100_000;
    public const int NameMaxLength = 200;

    private readonly List<AgendaItem> _agendaItems = [];
    private readonly List<MeetingAttendance> _attendance = [];

    private Meeting()
    {
    }

    public Guid Id { get; private set; }
    public Guid CommitteeId { get; private set; }
    public DateOnly Date { get; private set; }
    public TimeOnly StartTime { get; private set; }
    public TimeOnly? EndTime { get; private set; }
    public string? Location { get; private set; }
    public bool IsDigital { get; private set; }
    public MeetingStatus Status { get; private set; } = MeetingStatus.Planned;

    public string? MinutesText { get; private set; }
    public MinutesStatus? MinutesStatus { get; private set; }
    public DateOnly? MinutesApprovedOn { get; private set; }
    public string? MinutesApprovedBy { get; private set; }

    /// <summary>Approved minutes may be published (004: «Referat frå møta skal publiserast»); the public page comes later.</summary>
    public DateOnly? MinutesPublishedOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyCollection<AgendaItem> AgendaItems => _agendaItems;
    public IReadOnlyCollection<MeetingAttendance> Attendance => _attendance;

    string IAudited.AuditKey => Id.ToString();

    public static Meeting Plan(Guid committeeId, MeetingDetails details, DateTimeOffset now)
    {
        var meeting = new Meeting { Id = Guid.CreateVersion7(now), CommitteeId = committeeId, CreatedAt = now };
        meeting.Update(details);
        return meeting;
    }

    public void Update(MeetingDetails details)
    {
        var errors = Validate(details);
        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }

        if (Status == MeetingStatus.Held && details.Date!.Value.Year != Date.Year && _agendaItems.Count > 0)
        {
            throw new DomainValidationException([new FieldError(nameof(details.Date), "Et holdt møte med saker kan ikke flyttes til et annet år, fordi sakene er nummerert per år.")]);
        }

        Date = details.Date!.Value;
        StartTime = details.StartTime!.Value;
        EndTime = details.EndTime;
        Location = TextRules.Clean(details.Location);
        IsDigital = details.IsDigital;
    }

    public static IReadOnlyList<FieldError> Validate(MeetingDetails d)
    {
        var errors = new List<FieldError>();
        TextRules.CheckDate(errors, nameof(d.Date), "Dato", d.Date, required: true);
        if (d.StartTime is null)
        {
            errors.Add(new FieldError(nameof(d.StartTime), "Starttid må fylles ut."));
        }
        else if (d.EndTime is { } end && end <= d.StartTime)
        {
            errors.Add(new FieldError(nameof(d.EndTime), "Sluttid må være etter starttid."));
        }

        TextRules.Check(errors, nameof(d.Location), "Sted", d.Location, LocationMaxLength);
        if (!d.IsDigital && string.IsNullOrWhiteSpace(d.Location))
        {
            errors.Add(new FieldError(nameof(d.Location), "Oppgi sted, eller kryss av for digitalt møte."));
        }

        return errors;
    }

    /// <summary>Marks the meeting held; only a held meeting counts towards R16.</summary>
    public void MarkHeld(DateOnly today)
    {
        if (Status == MeetingStatus.Cancelled)
        {
            throw new CommitteeRuleException("Et avlyst møte kan ikke registreres som holdt.");
        }

        if (Date > today)
        {
            throw new CommitteeRuleException("Et møte kan ikke registreres som holdt før møtedagen.");
        }

        Status = MeetingStatus.Held;
    }

    public void Cancel()
    {
        if (Status == MeetingStatus.Held)
        {
            throw new CommitteeRuleException("Et holdt møte kan ikke avlyses.");
        }

        Status = MeetingStatus.Cancelled;
    }

    /// <summary>Adds an agenda item with the next number of the body's year; the caller supplies it (unique in the database).</summary>
    public AgendaItem AddAgendaItem(int number, AgendaItemDetails details, DateTimeOffset now)
    {
        var item = AgendaItem.Create(this, number, details, now);
        _agendaItems.Add(item);
        return item;
    }

    public void RemoveAgendaItem(Guid itemId)
    {
        if (Status == MeetingStatus.Held)
        {
            throw new CommitteeRuleException("En sak på et holdt møte kan ikke slettes; den står i referatet.");
        }

        _agendaItems.RemoveAll(i => i.Id == itemId);
    }

    public void RecordAttendance(Guid memberId, AttendanceKind kind)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainValidationException([new FieldError("Attendance", "Velg oppmøte.")]);
        }

        var existing = _attendance.FirstOrDefault(a => a.MemberId == memberId);
        if (existing is null)
        {
            _attendance.Add(new MeetingAttendance(Id, memberId, kind));
        }
        else
        {
            existing.Kind = kind;
        }
    }

    public void SaveMinutesDraft(string? text)
    {
        if (MinutesStatus == Committees.MinutesStatus.Approved)
        {
            throw new CommitteeRuleException("Referatet er godkjent og kan ikke endres.");
        }

        var errors = new List<FieldError>();
        TextRules.Check(errors, nameof(MinutesText), "Referat", text, MinutesMaxLength, multiline: true);
        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }

        MinutesText = TextRules.Clean(text);
        MinutesStatus = Committees.MinutesStatus.Draft;
    }

    public void ApproveMinutes(DateOnly on, string approvedBy, DateOnly today)
    {
        if (Status != MeetingStatus.Held)
        {
            throw new CommitteeRuleException("Referatet kan godkjennes først når møtet er registrert som holdt.");
        }

        if (string.IsNullOrWhiteSpace(MinutesText))
        {
            throw new CommitteeRuleException("Skriv referatet før det godkjennes.");
        }

        if (MinutesStatus == Committees.MinutesStatus.Approved)
        {
            throw new CommitteeRuleException("Referatet er allerede godkjent.");
        }

        var errors = new List<FieldError>();
        TextRules.CheckDate(errors, nameof(MinutesApprovedOn), "Godkjent dato", on, required: true);
        TextRules.Check(errors, nameof(MinutesApprovedBy), "Godkjent av", approvedBy, NameMaxLength, required: true);
        if (errors.Count == 0 && (on < Date || on > today))
        {
            errors.Add(new FieldError(nameof(MinutesApprovedOn), "Godkjent dato må være mellom møtedagen og i dag."));
        }

        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }

        MinutesStatus = Committees.MinutesStatus.Approved;
        MinutesApprovedOn = on;
        MinutesApprovedBy = approvedBy.Trim();
    }

    public void PublishMinutes(DateOnly today)
    {
        if (MinutesStatus != Committees.MinutesStatus.Approved)
        {
            throw new CommitteeRuleException("Bare godkjente referater kan publiseres.");
        }

        MinutesPublishedOn = today;
    }

    public void UnpublishMinutes() => MinutesPublishedOn = null;
}

public sealed record MeetingDetails(DateOnly? Date, TimeOnly? StartTime, TimeOnly? EndTime, string? Location, bool IsDigital);

/// <summary>A case on a meeting's agenda, numbered per body and year ("SSU 12/2027").</summary>
public class AgendaItem
{
    public const int TitleMaxLength = 300;
    public const int DescriptionMaxLength = 4000;

    private readonly List<AgendaItemDocument> _documents = [];

    private AgendaItem()
    {
        Title = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }

    /// <summary>Repeated from the meeting so the database can keep numbers unique per body and year.</summary>
    public Guid CommitteeId { get; private set; }

    public int Year { get; private set; }
    public int Number { get; private set; }
    public string Title { get; private set; }
    public string? Description { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyCollection<AgendaItemDocument> Documents => _documents;

    public string Label(string committeeShortName) => $"{committeeShortName} {Number}/{Year}";

    internal static AgendaItem Create(Meeting meeting, int number, AgendaItemDetails details, DateTimeOffset now)
    {
        var item = new AgendaItem
        {
            Id = Guid.CreateVersion7(now),
            MeetingId = meeting.Id,
            CommitteeId = meeting.CommitteeId,
            Year = meeting.Date.Year,
            Number = number,
            CreatedAt = now,
        };
        item.Update(details);
        return item;
    }

    public void Update(AgendaItemDetails details)
    {
        var errors = new List<FieldError>();
        TextRules.Check(errors, nameof(details.Title), "Tittel", details.Title, TitleMaxLength, required: true);
        TextRules.Check(errors, nameof(details.Description), "Beskrivelse", details.Description, DescriptionMaxLength, multiline: true);
        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }

        Title = details.Title.Trim();
        Description = TextRules.Clean(details.Description);
    }

    public AgendaItemDocument AddDocument(string fileName, string contentType, byte[] content, DateTimeOffset now)
    {
        var document = AgendaItemDocument.Create(Id, fileName, contentType, content, now);
        _documents.Add(document);
        return document;
    }

    public void RemoveDocument(Guid documentId) => _documents.RemoveAll(d => d.Id == documentId);
}

public sealed record AgendaItemDetails(string Title, string? Description = null);

/// <summary>A document belonging to an agenda item (saksframlegg, vedlegg).</summary>
public class AgendaItemDocument
{
    public const int FileNameMaxLength = 200;
    public const int MaxBytes = 10 * 1024 * 1024;

    private AgendaItemDocument()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        Content = [];
    }

    public Guid Id { get; private set; }
    public Guid AgendaItemId { get; private set; }
    public string FileName { get; private set; }
    public string ContentType { get; private set; }
    public long SizeBytes { get; private set; }
    public byte[] Content { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }

    internal static AgendaItemDocument Create(Guid agendaItemId, string fileName, string contentType, byte[] content, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        TextRules.Check(errors, nameof(FileName), "Filnavn", fileName, FileNameMaxLength, required: true);
        if (content.Length == 0)
        {
            errors.Add(new FieldError(nameof(Content), "Filen er tom."));
        }
        else if (content.Length > MaxBytes)
        {
            errors.Add(new FieldError(nameof(Content), "Filen er større enn 10 MB."));
        }

        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }

        return new AgendaItemDocument
        {
            Id = Guid.CreateVersion7(now),
            AgendaItemId = agendaItemId,
            FileName = fileName.Trim(),
            ContentType = string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType.Trim(),
            SizeBytes = content.Length,
            Content = content,
            UploadedAt = now,
        };
    }
}

/// <summary>Who came: the member, their deputy, or nobody.</summary>
public sealed class MeetingAttendance(Guid meetingId, Guid memberId, AttendanceKind kind)
{
    public Guid MeetingId { get; private set; } = meetingId;
    public Guid MemberId { get; private set; } = memberId;
    public AttendanceKind Kind { get; set; } = kind;
}
