using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Web.Components;

namespace SamarbeidsAvtaler.Web.Features.Disputes;

/// <summary>The dispute list's filters, as the URL carries them (sok, trinn, status); anything malformed is no filter.</summary>
public sealed record DisputeFilter(string? Search, EscalationStep? Step, bool? Resolved)
{
    public static readonly DisputeFilter None = new(null, null, null);

    public static DisputeFilter FromQuery(string? search, string? step, string? status) => new(
        SearchText.Clean(search),
        step switch
        {
            "tjenesteniva" => EscalationStep.ServiceLevel,
            "protokoll" => EscalationStep.DisagreementProtocol,
            "ssu" => EscalationStep.StrategicCommittee,
            "nasjonalt" => EscalationStep.NationalDisputeBoard,
            _ => null,
        },
        status switch { "apne" => false, "loste" => true, _ => null });

    public IReadOnlyDictionary<string, object?> ToQuery() => new Dictionary<string, object?>
    {
        ["sok"] = Search,
        ["trinn"] = StepKey(Step),
        ["status"] = Resolved switch { false => "apne", true => "loste", null => null },
    };

    public bool IsFiltered => this != None;

    public static string? StepKey(EscalationStep? step) => step switch
    {
        EscalationStep.ServiceLevel => "tjenesteniva",
        EscalationStep.DisagreementProtocol => "protokoll",
        EscalationStep.StrategicCommittee => "ssu",
        EscalationStep.NationalDisputeBoard => "nasjonalt",
        _ => null,
    };
}

public sealed record DisputeRow(Guid Id, string CaseNumber, string Title, string RaisingPartyName, string OtherPartyName, string AgreementTitle,
    EscalationStep Step, DateTimeOffset RaisedAt, bool IsResolved);

public sealed record DisputeResults(IReadOnlyList<DisputeRow> Rows, int Total);

public sealed record DisputeOption(Guid Id, string Name);

/// <summary>An agreement a dispute can be about, with the parties to it.</summary>
public sealed record DisputeAgreementOption(Guid Id, string Title, string ReferenceNumber, IReadOnlyList<DisputeOption> Parties);

/// <summary>What the new-dispute form offers: the parties the user may raise a dispute for, and the agreements they see.</summary>
public sealed record DisputeRaiseOptions(IReadOnlyList<DisputeOption> OwnParties, IReadOnlyList<DisputeAgreementOption> Agreements, bool ActsForAnyParty);

/// <summary>A planned meeting of the SSU of the dispute's helsefellesskap, for the SSU step.</summary>
public sealed record SsuMeetingOption(Guid MeetingId, Guid CommitteeId, string Label, DateOnly Date);

/// <summary>One step of the ladder as the case page shows it: reached or not, dated with who, and its statement.</summary>
public sealed record DisputeStepView(
    EscalationStep Step,
    bool Reached,
    bool IsCurrent,
    DateTimeOffset? EnteredAt,
    string? ActorName,
    string? Comment,
    string? MeetingLink,
    string? AgendaLabel,
    string? Statement,
    StatementForce? StatementForce,
    DateOnly? StatementGivenOn);

public sealed record DisputeView(
    Guid Id,
    uint Version,
    string CaseNumber,
    string Title,
    string Question,
    Guid RaisingPartyId,
    string RaisingPartyName,
    Guid OtherPartyId,
    string OtherPartyName,
    Guid AgreementId,
    string AgreementTitle,
    string AgreementReference,
    DateTimeOffset RaisedAt,
    string RaisedByName,
    EscalationStep CurrentStep,
    IReadOnlyList<DisputeStepView> Ladder,
    bool StatementsBinding,
    string? BindingSource,
    DateTimeOffset? ResolvedAt,
    string? Resolution,
    decimal? LossClaimAmount,
    string? LossClaimDescription,
    DateOnly? LossClaimedOn,
    bool CanAct,
    bool CanTakeToSsu,
    bool CanClaimLoss)
{
    public bool IsResolved => ResolvedAt is not null;

    public EscalationStep? NextStep => DisputeLadder.Next(CurrentStep);

    /// <summary>The force a statement at the current step would have, or null where no body gives one.</summary>
    public StatementForce? CurrentStatementForce => DisputeLadder.StatementBinding(CurrentStep, StatementsBinding);
}

// The dialogs' models: property names are the field names of the service's and the domain's FieldErrors.

public sealed class NewDisputeForm
{
    public Guid? AgreementId { get; set; }
    public Guid? RaisingPartyId { get; set; }
    public Guid? OtherPartyId { get; set; }
    public string? Title { get; set; }
    public string? Question { get; set; }
}

public sealed class EscalateForm
{
    public string? Comment { get; set; }

    /// <summary>At the SSU step: the planned SSU meeting whose agenda gets the dispute.</summary>
    public Guid? MeetingId { get; set; }
}

public sealed class StatementForm
{
    public string? Statement { get; set; }
    public DateTime? GivenOn { get; set; }
}

public sealed class ResolveForm
{
    public string? Resolution { get; set; }
}

public sealed class LossClaimForm
{
    public decimal? LossClaimAmount { get; set; }
    public string? LossClaimDescription { get; set; }
    public DateTime? LossClaimedOn { get; set; }
}
