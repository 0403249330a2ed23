using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Infrastructure.Data;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Document;

/// <summary>The agreement document on screen: checks the user may see the agreement, and logs the view.</summary>
public sealed class DocumentViewService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    /// <summary>The document, or null when the agreement is missing or not the user's to see (the same 404).</summary>
    public async Task<AgreementDocument?> OpenAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Agreements.AsNoTracking().VisibleTo(db, user).AnyAsync(a => a.Id == id, cancellationToken))
        {
            return null;
        }

        var document = await AgreementDocument.LoadAsync(db, id, cancellationToken);
        if (document is not null)
        {
            await AccessLogWriter.RecordAsync(db, user, document.Id, document.ReferenceNumber, document.VersionNumber,
                AccessLogEntry.Viewed, clock.GetUtcNow(), cancellationToken);
        }

        return document;
    }
}
