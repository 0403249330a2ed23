using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Infrastructure.Data;

namespace SamarbeidsAvtaler.Web.Features.Agreements;

public static class AgreementDetailEndpoints
{
    /// <summary>Minimal-API endpoints of this area: the attachment download (uploads go through the page's dialog).</summary>
    public static IEndpointRouteBuilder MapAgreementDetailEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/avtaler/{id:guid}/vedlegg/{attachmentId:guid}", DownloadAttachmentAsync).RequireAuthorization();
        return app;
    }

    /// <summary>An attachment's bytes, for whoever may read the agreement; anyone else gets 404.</summary>
    private static async Task<IResult> DownloadAttachmentAsync(Guid id, Guid attachmentId, HttpContext http, AppDbContext db, CancellationToken cancellationToken)
    {
        var visible = await db.Agreements.AsNoTracking().VisibleTo(db, http.User).AnyAsync(a => a.Id == id, cancellationToken);
        if (!visible)
        {
            return Results.NotFound();
        }

        var file = await (from a in db.Attachments.AsNoTracking()
                          join c in db.AttachmentContents.AsNoTracking() on a.Id equals c.AttachmentId
                          where a.Id == attachmentId && a.AgreementId == id
                          select new { a.FileName, a.ContentType, c.Bytes }).FirstOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return Results.NotFound();
        }

        // Agreements are not for shared caches; the browser may keep its own copy.
        http.Response.Headers.CacheControl = "private, no-cache";
        return Results.File(file.Bytes, file.ContentType, file.FileName);
    }
}
