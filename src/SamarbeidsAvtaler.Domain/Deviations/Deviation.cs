using SamarbeidsAvtaler.Domain.Auditing;

namespace SamarbeidsAvtaler.Domain.Deviations;

/// <summary>Who took a step in a case: the signed-in user, by id and the name shown in the case's history.</summary>
public sealed record CaseActor(Guid? UserId, string Name);

/// <summary>What a reporter gives when reporting a deviation (issue 10 § 1). Free text is checked for patient identity (R24).</summary>
public sealed record DeviationReport(
    Guid ReportingPartyId,
    Guid OtherPartyId,
    Guid AgreementId,
    int? StatutoryAreaNumber,
    DeviationCategory? Category,
    DateTime? OccurredAt,
    string? Title,
    string? Description,
    string? ReporterCaseReference)
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int CaseReferenceMaxLength = 60;

    /// <summary>Every field's error, in Norwegian, beside the field; empty when the report can be saved.</summary>
    public IReadOnlyList<FieldError> Validate(DateTime nowLocal)
    {
        var errors = new List<FieldError>();
        if (ReportingPartyId == Guid.Empty)
        {
            errors.Add(new FieldError(nameof(ReportingPartyId), "Velg parten som melder avviket."));
        }

        if (OtherPartyId == Guid.Empty)
        {
            errors.Add(new FieldError(nameof(OtherPartyId), "Velg parten avviket gjelder."));
        }
        else if (OtherPartyId == ReportingPartyId)
        {
            errors.Add(new FieldError(nameof(OtherPartyId), "Et avvik meldes til den andre parten, ikke til den som melder."));
        }

        if (AgreementId == Guid.Empty)
        {
            errors.Add(new FieldError(nameof(AgreementId), "Velg avtalen som er brutt."));
        }

        if (StatutoryAreaNumber is < 1 or > 13)
        {
            errors.Add(new FieldError(nameof(StatutoryAreaNumber), "Punktet i § 6-2 er et tall fra 1 til 13."));
        }

        if (Category is null || !Enum.IsDefined(Category.Value))
        {
            errors.Add(new FieldError(nameof(Category), "Velg hva slags avvik det er."));
        }

        if (OccurredAt is null)
        {
            errors.Add(new FieldError(nameof(OccurredAt), "Tidspunkt for hendelsen må fylles ut."));
        }
        else if (!DateRules.InRange(DateOnly.FromDateTime(OccurredAt.Value)))
        {
            errors.Add(new FieldError(nameof(OccurredAt), DateRules.OutOfRangeMessage("Tidspunkt for hendelsen")));
        }
        else if (OccurredAt.Value > nowLocal.AddMinutes(5))
        {
            errors.Add(new FieldError(nameof(OccurredAt), "Tidspunktet for hendelsen kan ikke ligge fram i tid."));
        }

        CheckText(errors, nameof(Title), "Tittel", Title, TitleMaxLength, required: true, multiline: false);
        CheckText(errors, nameof(Description), "Beskrivelse", Description, DescriptionMaxLength, required: true, multiline: true);
        CheckText(errors, nameof(ReporterCaseReference), "Saksnummer i eget avvikssystem", ReporterCaseReference,
            CaseReferenceMaxLength, required: true, multiline: false);
        return errors;
    }

    /// <summary>R24 together with the length and control-character checks, one message per field.</summary>
    public static void CheckText(List<FieldError> errors, string field, string label, string? value, int maxLength, bool required, bool multiline)
    {
        var before = errors.Count;
        TextRules.Check(errors, field, label, value, maxLength, required, multiline);
        if (errors.Count == before)
        {
            errors.AddRange(PatientIdentity.Check(field, label, value));
        }
    }
}

/// <summary>
/// A samhandlingsavvik: one party's report that the other side broke an agreement (R22–R26). It holds no
/// patient identity (R24): the reporter's own avvik system keeps that, and this case carries its reference.
/// Every step is dated with who took it (<see cref="Events"/>).
/// </summary>
public class Deviation : IAudited
{
    private readonly List<DeviationEvent> _events = [];

    private Deviation()
    {
        CaseNumber = string.Empty;
        Title = string.Empty;
        Description = string.Empty;
        ReporterCaseReference = string.Empty;
        ReportedByName = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>"AVVIK-2026-0042".</summary>
    public string CaseNumber { get; private set; }
    public Guid ReportingPartyId { get; private set; }
    public Guid OtherPartyId { get; private set; }
    public Guid AgreementId { get; private set; }

    /// <summary>The point of § 6-2 the breach concerns, when the reporter knows it.</summary>
    public int? StatutoryAreaNumber { get; private set; }
    public DeviationCategory Category { get; private set; }

    /// <summary>When it happened, Norwegian wall-clock time.</summary>
    public DateTime OccurredAt { get; private set; }
    public string Title { get; private set; }
    public string Description { get; private set; }
    public string ReporterCaseReference { get; private set; }

    /// <summary>
    /// For a discharge: whether it fell outside the agreement's agreed hours when it was reported; null
    /// when the agreement has no agreed hours or the category is not a discharge.
    /// </summary>
    public bool? OutsideAgreedHours { get; private set; }

    public DeviationStatus Status { get; private set; } = DeviationWorkflow.Initial;
    public DateTimeOffset ReportedAt { get; private set; }
    public Guid? ReportedByUserId { get; private set; }
    public string ReportedByName { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>Set when sent, from the deadline in force then; a later change of the setting leaves it be.</summary>
    public DateOnly? AnswerDueOn { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>The Norwegian date the answer came, kept beside <see cref="AnsweredAt"/> so statistics compare dates in SQL.</summary>
    public DateOnly? AnsweredOn { get; private set; }
    public string? Explanation { get; private set; }
    public string? Measures { get; private set; }
    public DateTimeOffset? EscalatedAt { get; private set; }
    public string? Recommendation { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    public IReadOnlyCollection<DeviationEvent> Events => _events;

    string IAudited.AuditKey => Id.ToString();

    public bool IsOpen => DeviationWorkflow.IsOpen(Status);

    /// <summary>Sent, not answered, and past its answer deadline.</summary>
    public bool IsOverdue(DateOnly today) => Status == DeviationStatus.SentToOtherParty && AnswerDueOn < today;

    /// <summary>Null until answered; then whether the answer came by the deadline.</summary>
    public bool? AnsweredWithinDeadline => AnsweredOn is { } on && AnswerDueOn is { } due ? on <= due : null;

    /// <summary>Registers a report; <paramref name="hours"/> are the agreement's agreed discharge hours, if any.</summary>
    public static Deviation Report(DeviationReport report, DischargeHours? hours, string caseNumber, CaseActor actor, DateTime nowLocal, DateTimeOffset now)
    {
        var errors = report.Validate(nowLocal);
        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }

        var deviation = new Deviation
        {
            Id = Guid.CreateVersion7(now),
            CaseNumber = caseNumber,
            ReportingPartyId = report.ReportingPartyId,
            OtherPartyId = report.OtherPartyId,
            AgreementId = report.AgreementId,
            StatutoryAreaNumber = report.StatutoryAreaNumber,
            Category = report.Category!.Value,
            OccurredAt = DateTime.SpecifyKind(TruncateToMinute(report.OccurredAt!.Value), DateTimeKind.Unspecified),
            Title = report.Title!.Trim(),
            Description = report.Description!.Trim(),
            ReporterCaseReference = report.ReporterCaseReference!.Trim(),
            ReportedAt = now,
            ReportedByUserId = actor.UserId,
            ReportedByName = actor.Name,
        };
        deviation.OutsideAgreedHours = IsDischarge(deviation.Category) && hours is not null ? !hours.IsWithin(deviation.OccurredAt) : null;
        deviation.AddEvent(DeviationStatus.Registered, actor, now, null);
        return deviation;
    }

    /// <summary>Whether the category is about a discharge, so the agreed hours apply.</summary>
    public static bool IsDischarge(DeviationCategory category) =>
        category is DeviationCategory.DischargeOutsideAgreedHours or DeviationCategory.DischargeWithoutEpicrisisAndMedicationList;

    /// <summary>R22: sends the case to the other party, who is to answer by <paramref name="answerDueOn"/>.</summary>
    public void SendToOtherParty(DateOnly answerDueOn, CaseActor actor, DateTimeOffset now, string? comment = null)
    {
        var text = CheckComment(comment, "Kommentar", nameof(comment), required: false);
        Move(DeviationStatus.SentToOtherParty);
        SentAt = now;
        AnswerDueOn = answerDueOn;
        AddEvent(DeviationStatus.SentToOtherParty, actor, now, text);
    }

    /// <summary>The other party explains what happened and which measures it takes.</summary>
    public void Answer(string? explanation, string? measures, CaseActor actor, DateOnly today, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        DeviationReport.CheckText(errors, nameof(Explanation), "Forklaring", explanation, DeviationReport.DescriptionMaxLength, required: true, multiline: true);
        DeviationReport.CheckText(errors, nameof(Measures), "Tiltak", measures, DeviationReport.DescriptionMaxLength, required: true, multiline: true);
        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }

        Move(DeviationStatus.Answered);
        Explanation = explanation!.Trim();
        Measures = measures!.Trim();
        AnsweredAt = now;
        AnsweredOn = today;
        AddEvent(DeviationStatus.Answered, actor, now, null);
    }

    /// <summary>R22: the parties did not agree; the case goes to the kommune and the specialist service involved.</summary>
    public void SendToMunicipalityAndSpecialistService(string? reason, CaseActor actor, DateTimeOffset now)
    {
        var text = CheckComment(reason, "Begrunnelse", "Reason", required: true);
        Move(DeviationStatus.SentToMunicipalityAndSpecialistService);
        EscalatedAt = now;
        AddEvent(DeviationStatus.SentToMunicipalityAndSpecialistService, actor, now, text);
    }

    /// <summary>
    /// Closes the case. After an escalation the recommendation of the kommune and the specialist service
    /// is required; otherwise a comment is optional.
    /// </summary>
    public void Close(string? comment, CaseActor actor, DateTimeOffset now)
    {
        var escalated = Status == DeviationStatus.SentToMunicipalityAndSpecialistService;
        var text = CheckComment(comment, escalated ? "Anbefaling" : "Kommentar", escalated ? nameof(Recommendation) : "Comment", required: escalated);
        Move(DeviationStatus.Closed);
        if (escalated)
        {
            Recommendation = text;
        }

        ClosedAt = now;
        AddEvent(DeviationStatus.Closed, actor, now, escalated ? null : text);
    }

    private void Move(DeviationStatus to)
    {
        if (DeviationWorkflow.RefusalMessage(Status, to) is { } refusal)
        {
            throw new DeviationRuleException(refusal);
        }

        Status = to;
    }

    private static string? CheckComment(string? value, string label, string field, bool required)
    {
        var errors = new List<FieldError>();
        DeviationReport.CheckText(errors, field, label, value, DeviationReport.DescriptionMaxLength, required, multiline: true);
        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }

        return TextRules.Clean(value);
    }

    private void AddEvent(DeviationStatus status, CaseActor actor, DateTimeOffset now, string? comment) =>
        _events.Add(new DeviationEvent(Guid.CreateVersion7(now), Id, status, now, actor.UserId, actor.Name, comment));

    private static DateTime TruncateToMinute(DateTime time) => new(time.Year, time.Month, time.Day, time.Hour, time.Minute, 0);
}

/// <summary>One dated step in a deviation's history, with who took it.</summary>
public class DeviationEvent
{
    private DeviationEvent()
    {
        ActorName = string.Empty;
    }

    internal DeviationEvent(Guid id, Guid deviationId, DeviationStatus status, DateTimeOffset occurredAt, Guid? actorUserId, string actorName, string? comment)
    {
        Id = id;
        DeviationId = deviationId;
        Status = status;
        OccurredAt = occurredAt;
        ActorUserId = actorUserId;
        ActorName = actorName;
        Comment = comment;
    }

    public Guid Id { get; private set; }
    public Guid DeviationId { get; private set; }

    /// <summary>The status the case moved to.</summary>
    public DeviationStatus Status { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public Guid? ActorUserId { get; private set; }
    public string ActorName { get; private set; }
    public string? Comment { get; private set; }
}

/// <summary>A step the workflow refuses (R22, R23), with the reason in Norwegian.</summary>
public sealed class DeviationRuleException(string message) : Exception(message);
