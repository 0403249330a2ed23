using System.Globalization;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Domain.Parties;

namespace SamarbeidsAvtaler.Web.Features.Deviations;

/// <summary>A party to pick in the report form or a filter.</summary>
public sealed record DeviationPartyOption(Guid Id, string Name, PartyKind Kind)
{
    public override string ToString() => Name;
}

/// <summary>
/// An agreement the deviation can concern: in force (or signed), visible to the user, with both parties among
/// its parties or those of the agreement above it. Carries the agreed discharge hours, so the form can tell at
/// once when a reported time falls outside them.
/// </summary>
public sealed record DeviationAgreementOption(Guid Id, string ReferenceNumber, string Title, IReadOnlyList<int> StatutoryAreas, DischargeHours? Hours)
{
    public string Label => $"{ReferenceNumber} {Title}";
}

/// <summary>The report form as the user fills it in; the service turns it into a <see cref="DeviationReport"/>.</summary>
public sealed class DeviationReportForm
{
    public const int TimeMaxLength = 5;

    public DeviationPartyOption? ReportingParty { get; set; }
    public DeviationPartyOption? OtherParty { get; set; }
    public Guid? AgreementId { get; set; }
    public int? StatutoryAreaNumber { get; set; }
    public DeviationCategory? Category { get; set; }
    public DateTime? OccurredDate { get; set; }

    /// <summary>"tt:mm".</summary>
    public string? OccurredTime { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? ReporterCaseReference { get; set; }

    /// <summary>The time as typed, "14:30" or "1430"; null when it cannot be read.</summary>
    public static TimeOnly? ParseTime(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > TimeMaxLength)
        {
            return null;
        }

        return TimeOnly.TryParseExact(value, ["H:mm", "HH:mm", "H.mm", "HH.mm", "HHmm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : null;
    }

    /// <summary>The date and the time together, when both can be read.</summary>
    public DateTime? OccurredAt =>
        OccurredDate is { } date && ParseTime(OccurredTime) is { } time ? DateOnly.FromDateTime(date).ToDateTime(time) : null;
}

/// <summary>The other party's answer (R22).</summary>
public sealed class DeviationAnswerForm
{
    public string? Explanation { get; set; }
    public string? Measures { get; set; }
}

/// <summary>The one text of a step: a comment, the reason for sending on, or the recommendation when closing.</summary>
public sealed class DeviationStepForm
{
    public string? Text { get; set; }
}

/// <summary>One row of the register's list.</summary>
public sealed record DeviationRow(
    Guid Id,
    string CaseNumber,
    string Title,
    string ReportingPartyName,
    string OtherPartyName,
    string AgreementReference,
    DeviationCategory Category,
    DateTime OccurredAt,
    DeviationStatus Status,
    DateOnly? AnswerDueOn,
    bool IsOverdue,
    string ReporterCaseReference,
    DateTimeOffset ReportedAt);

public sealed record DeviationPage(IReadOnlyList<DeviationRow> Rows, int Total);

/// <summary>The parties of the cases the user sees, for the list's party filter; and whether they may report.</summary>
public sealed record DeviationFilterOptions(IReadOnlyList<DeviationPartyOption> Parties, bool MayReport);

/// <summary>One dated step of a case, with who took it.</summary>
public sealed record DeviationEventView(DeviationStatus Status, DateTimeOffset OccurredAt, string ActorName, string? Comment);

/// <summary>A case as its page shows it, with the steps the user may take now.</summary>
public sealed record DeviationView(
    Guid Id,
    uint Version,
    string CaseNumber,
    string Title,
    string Description,
    string ReporterCaseReference,
    Guid ReportingPartyId,
    string ReportingPartyName,
    Guid OtherPartyId,
    string OtherPartyName,
    Guid AgreementId,
    string AgreementReference,
    string AgreementTitle,
    int? StatutoryAreaNumber,
    string? StatutoryAreaTitle,
    DeviationCategory Category,
    DateTime OccurredAt,
    bool? OutsideAgreedHours,
    string? DischargeHours,
    DeviationStatus Status,
    DateTimeOffset ReportedAt,
    string ReportedByName,
    DateOnly? AnswerDueOn,
    bool IsOverdue,
    bool? AnsweredWithinDeadline,
    string? Explanation,
    string? Measures,
    string? Recommendation,
    IReadOnlyList<DeviationEventView> Events,
    DeviationSteps Steps);

/// <summary>The workflow steps (R22) the user may take on the case in its present status.</summary>
public sealed record DeviationSteps(bool Send, bool Answer, bool Escalate, bool Close)
{
    public static DeviationSteps None { get; } = new(false, false, false, false);

    public bool Any => Send || Answer || Escalate || Close;
}
