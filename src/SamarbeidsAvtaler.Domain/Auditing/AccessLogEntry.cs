namespace SamarbeidsAvtaler.Domain.Auditing;

/// <summary>
/// One view of an agreement page or download of its PDF, or one view of a deviation or dispute case:
/// who, when, which agreement and version or which case (Normen; issue 10 § 6).
/// </summary>
public class AccessLogEntry
{
    public const string Viewed = "Visning";
    public const string DownloadedPdf = "PDF-nedlasting";

    private AccessLogEntry()
    {
        UserName = string.Empty;
        ReferenceNumber = string.Empty;
        Action = string.Empty;
    }

    public AccessLogEntry(DateTimeOffset occurredAt, Guid? userId, string userName, Guid agreementId, string referenceNumber, int versionNumber, string action)
    {
        OccurredAt = occurredAt;
        UserId = userId;
        UserName = userName;
        AgreementId = agreementId;
        ReferenceNumber = referenceNumber;
        VersionNumber = versionNumber;
        Action = action;
    }

    /// <summary>A view of a deviation or dispute case, named by its case number.</summary>
    public static AccessLogEntry ForCase(DateTimeOffset occurredAt, Guid? userId, string userName, string caseKind, Guid caseId, string caseNumber) =>
        new()
        {
            OccurredAt = occurredAt,
            UserId = userId,
            UserName = userName,
            CaseKind = caseKind,
            CaseId = caseId,
            ReferenceNumber = caseNumber,
            Action = Viewed,
        };

    public long Id { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public Guid? UserId { get; private set; }
    public string UserName { get; private set; }
    public Guid? AgreementId { get; private set; }

    /// <summary>The agreement's reference number, or the case number of a case.</summary>
    public string ReferenceNumber { get; private set; }
    public int? VersionNumber { get; private set; }

    /// <summary><see cref="CaseKinds.Deviation"/> or <see cref="CaseKinds.Dispute"/> for a case view; null for an agreement.</summary>
    public string? CaseKind { get; private set; }
    public Guid? CaseId { get; private set; }
    public string Action { get; private set; }
}

/// <summary>The kinds of case the access log names.</summary>
public static class CaseKinds
{
    public const string Deviation = "Avvik";
    public const string Dispute = "Tvist";
}
