namespace SamarbeidsAvtaler.Domain.Auditing;

/// <summary>One view of an agreement page or download of its PDF: who, when, which agreement and version (Normen).</summary>
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

    public long Id { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public Guid? UserId { get; private set; }
    public string UserName { get; private set; }
    public Guid AgreementId { get; private set; }
    public string ReferenceNumber { get; private set; }
    public int VersionNumber { get; private set; }
    public string Action { get; private set; }
}
