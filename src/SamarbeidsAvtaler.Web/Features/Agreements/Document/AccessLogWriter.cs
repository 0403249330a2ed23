using System.Security.Claims;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Features.Account;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Document;

/// <summary>Records views and downloads of agreements (Normen asks for access logs).</summary>
public static class AccessLogWriter
{
    public static async Task RecordAsync(AppDbContext db, ClaimsPrincipal user, Guid agreementId, string referenceNumber, int versionNumber,
        string action, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        db.AccessLog.Add(new AccessLogEntry(now, user.UserId(), user.DisplayName(), agreementId, referenceNumber, versionNumber, action));
        await db.SaveChangesAsync(cancellationToken);
    }
}
