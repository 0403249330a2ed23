using SamarbeidsAvtaler.Domain.Auditing;

namespace SamarbeidsAvtaler.Domain.Deviations;

/// <summary>What a party gives when raising a dispute about interpreting an agreement (R23).</summary>
public sealed record DisputeDetails(Guid RaisingPartyId, Guid OtherPartyId, Guid AgreementId, string? Title, string? Question)
{
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (RaisingPartyId == Guid.Empty)
        {
            errors.Add(new FieldError(nameof(RaisingPartyId), "Velg parten som tar opp tvisten."));
        }

        if (OtherPartyId == Guid.Empty)
        {
            errors.Add(new FieldError(nameof(OtherPartyId), "Velg den andre parten i tvisten."));
        }
        else if (OtherPartyId == RaisingPartyId)
        {
            errors.Add(new FieldError(nameof(OtherPartyId), "En tvist står mellom to ulike parter."));
        }

        if (AgreementId == Guid.Empty)
        {
            errors.Add(new FieldError(nameof(AgreementId), "Velg avtalen tvisten gjelder."));
        }

        DeviationReport.CheckText(errors, nameof(Title), "Tittel", Title, DeviationReport.TitleMaxLength, required: true, multiline: false);
        DeviationReport.CheckText(errors, nameof(Question), "Hva parten er uenig om", Question, DeviationReport.DescriptionMaxLength, required: true, multiline: true);
        return errors;
    }
}

/// <summary>
/// A dispute about interpreting the agreements (R23), its own kind of case: it climbs the ladder of
/// <see cref="DisputeLadder"/> one step at a time until the parties settle it. At the SSU step it is an
/// agenda item of an SSU meeting. A claim for documented loss (seed 004) is recorded as information only.
/// </summary>
public class Dispute : IAudited
{
    public const int LossDescriptionMaxLength = 2000;

    private readonly List<DisputeStep> _steps = [];

    private Dispute()
    {
        CaseNumber = string.Empty;
        Title = string.Empty;
        Question = string.Empty;
        RaisedByName = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>"TVIST-2026-0003".</summary>
    public string CaseNumber { get; private set; }
    public Guid RaisingPartyId { get; private set; }
    public Guid OtherPartyId { get; private set; }
    public Guid AgreementId { get; private set; }
    public string Title { get; private set; }
    public string Question { get; private set; }
    public EscalationStep CurrentStep { get; private set; } = DisputeLadder.First;
    public DateTimeOffset RaisedAt { get; private set; }
    public Guid? RaisedByUserId { get; private set; }
    public string RaisedByName { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public string? Resolution { get; private set; }

    public decimal? LossClaimAmount { get; private set; }
    public string? LossClaimDescription { get; private set; }
    public DateOnly? LossClaimedOn { get; private set; }

    public IReadOnlyCollection<DisputeStep> Steps => _steps;

    public bool IsResolved => ResolvedAt is not null;

    string IAudited.AuditKey => Id.ToString();

    public static Dispute Raise(DisputeDetails details, string caseNumber, CaseActor actor, DateTimeOffset now)
    {
        var errors = details.Validate();
        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }

        var dispute = new Dispute
        {
            Id = Guid.CreateVersion7(now),
            CaseNumber = caseNumber,
            RaisingPartyId = details.RaisingPartyId,
            OtherPartyId = details.OtherPartyId,
            AgreementId = details.AgreementId,
            Title = details.Title!.Trim(),
            Question = details.Question!.Trim(),
            RaisedAt = now,
            RaisedByUserId = actor.UserId,
            RaisedByName = actor.Name,
        };
        dispute._steps.Add(DisputeStep.Enter(dispute.Id, DisputeLadder.First, actor, now, null, null));
        return dispute;
    }

    /// <summary>The step the dispute stands at now.</summary>
    public DisputeStep Current => _steps.Where(s => s.Step == CurrentStep).OrderBy(s => s.EnteredAt).Last();

    /// <summary>
    /// R23: takes the dispute one step up. The SSU step needs the agenda item of the SSU meeting that
    /// treats it; no other step has one.
    /// </summary>
    public void Escalate(EscalationStep to, string? comment, Guid? agendaItemId, CaseActor actor, DateTimeOffset now)
    {
        EnsureOpen();
        if (DisputeLadder.RefusalMessage(CurrentStep, to) is { } refusal)
        {
            throw new DeviationRuleException(refusal);
        }

        var errors = new List<FieldError>();
        DeviationReport.CheckText(errors, "Comment", "Kommentar", comment, DeviationReport.DescriptionMaxLength, required: false, multiline: true);
        if (to == EscalationStep.StrategicCommittee && agendaItemId is null)
        {
            errors.Add(new FieldError("AgendaItemId", "Velg SSU-møtet som skal behandle tvisten."));
        }

        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }

        CurrentStep = to;
        _steps.Add(DisputeStep.Enter(Id, to, actor, now, TextRules.Clean(comment), to == EscalationStep.StrategicCommittee ? agendaItemId : null));
    }

    /// <summary>
    /// Records the statement of the body at the current step: the SSU's recommendation or the national
    /// board's statement, binding only where the agreement says so (<see cref="DisputeLadder.StatementBinding"/>).
    /// </summary>
    public void RecordStatement(string? statement, DateOnly givenOn, bool agreementSaysBinding, DateOnly today)
    {
        EnsureOpen();
        var force = DisputeLadder.StatementBinding(CurrentStep, agreementSaysBinding)
            ?? throw new DeviationRuleException($"Ved «{CurrentStep.DisplayName()}» gir ikke noe organ en uttalelse. Ta tvisten videre, eller registrer at partene er enige.");
        var errors = new List<FieldError>();
        DeviationReport.CheckText(errors, "Statement", "Uttalelse", statement, DeviationReport.DescriptionMaxLength, required: true, multiline: true);
        TextRules.CheckDate(errors, "GivenOn", "Dato for uttalelsen", givenOn, required: true);
        if (errors.Count == 0 && givenOn > today)
        {
            errors.Add(new FieldError("GivenOn", "Datoen for uttalelsen kan ikke ligge fram i tid."));
        }

        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }

        Current.RecordStatement(statement!.Trim(), force, givenOn);
    }

    /// <summary>The parties have settled the dispute, at whatever step it stands.</summary>
    public void Resolve(string? resolution, DateTimeOffset now)
    {
        EnsureOpen();
        var errors = new List<FieldError>();
        DeviationReport.CheckText(errors, nameof(Resolution), "Løsning", resolution, DeviationReport.DescriptionMaxLength, required: true, multiline: true);
        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }

        Resolution = resolution!.Trim();
        ResolvedAt = now;
    }

    /// <summary>Seed 004: a party may claim documented loss after a breach. Recorded only; nothing follows from it here.</summary>
    public void RecordLossClaim(decimal? amount, string? description, DateOnly claimedOn, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (amount is null)
        {
            errors.Add(new FieldError(nameof(LossClaimAmount), "Beløpet må fylles ut."));
        }
        else if (amount <= 0 || amount > 1_000_000_000m)
        {
            errors.Add(new FieldError(nameof(LossClaimAmount), "Beløpet må være over 0 og under 1 milliard kroner."));
        }

        DeviationReport.CheckText(errors, nameof(LossClaimDescription), "Dokumentasjon av tapet", description, LossDescriptionMaxLength, required: true, multiline: true);
        TextRules.CheckDate(errors, nameof(LossClaimedOn), "Dato for kravet", claimedOn, required: true);
        if (errors.Count == 0 && claimedOn > today)
        {
            errors.Add(new FieldError(nameof(LossClaimedOn), "Datoen for kravet kan ikke ligge fram i tid."));
        }

        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }

        LossClaimAmount = decimal.Round(amount!.Value, 2);
        LossClaimDescription = description!.Trim();
        LossClaimedOn = claimedOn;
    }

    private void EnsureOpen()
    {
        if (IsResolved)
        {
            throw new DeviationRuleException("Tvisten er løst og kan ikke endres.");
        }
    }
}

/// <summary>
/// One step a dispute reached: when, by whom, and the statement given there. Audited on its own, so
/// the audit trail names who recorded a statement (filed under the dispute).
/// </summary>
public class DisputeStep : IAudited
{
    private DisputeStep()
    {
        ActorName = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid DisputeId { get; private set; }
    public EscalationStep Step { get; private set; }
    public DateTimeOffset EnteredAt { get; private set; }
    public Guid? ActorUserId { get; private set; }
    public string ActorName { get; private set; }
    public string? Comment { get; private set; }

    /// <summary>At the SSU step: the agenda item of the SSU meeting that treats the dispute.</summary>
    public Guid? AgendaItemId { get; private set; }
    public string? Statement { get; private set; }
    public StatementForce? StatementForce { get; private set; }
    public DateOnly? StatementGivenOn { get; private set; }

    string IAudited.AuditKey => DisputeId.ToString();

    internal static DisputeStep Enter(Guid disputeId, EscalationStep step, CaseActor actor, DateTimeOffset now, string? comment, Guid? agendaItemId) => new()
    {
        Id = Guid.CreateVersion7(now),
        DisputeId = disputeId,
        Step = step,
        EnteredAt = now,
        ActorUserId = actor.UserId,
        ActorName = actor.Name,
        Comment = comment,
        AgendaItemId = agendaItemId,
    };

    internal void RecordStatement(string statement, StatementForce force, DateOnly givenOn)
    {
        Statement = statement;
        StatementForce = force;
        StatementGivenOn = givenOn;
    }
}
