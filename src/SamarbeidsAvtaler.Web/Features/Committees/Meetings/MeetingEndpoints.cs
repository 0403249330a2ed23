using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Infrastructure.Pdf;
using SamarbeidsAvtaler.Web.Components;

namespace SamarbeidsAvtaler.Web.Features.Committees.Meetings;

public static class MeetingEndpoints
{
    /// <summary>Minimal-API endpoints of the meetings: approved minutes as PDF, and agenda documents. Both check access; a stranger gets 404.</summary>
    public static IEndpointRouteBuilder MapMeetingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/utvalg/{committeeId:guid}/moter/{meetingId:guid}/referat.pdf", MinutesPdfAsync).RequireAuthorization();
        app.MapGet("/utvalg/{committeeId:guid}/moter/{meetingId:guid}/dokumenter/{documentId:guid}", DownloadDocumentAsync).RequireAuthorization();
        return app;
    }

    /// <summary>The PDF of approved minutes; draft minutes have none (their HTML view carries the draft mark).</summary>
    private static async Task<IResult> MinutesPdfAsync(Guid committeeId, Guid meetingId, HttpContext http, IMeetingService meetings, MinutesPdfService pdfs,
        CancellationToken cancellationToken)
    {
        var document = await meetings.GetMinutesDocumentAsync(http.User, committeeId, meetingId, cancellationToken);
        if (document is not { IsApproved: true })
        {
            return Results.NotFound();
        }

        try
        {
            var pdf = await pdfs.RenderPdfAsync(document, cancellationToken);
            http.Response.Headers.CacheControl = "private, no-cache";
            return Results.File(pdf, "application/pdf", MinutesPdfService.FileName(document));
        }
        catch (PdfRenderException e)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return PageResults.Page<MinutesPdfUnavailable>(new Dictionary<string, object?>
            {
                ["Message"] = e.Message,
                ["BackHref"] = $"/utvalg/{committeeId}/moter/{meetingId}/referat",
            });
        }
    }

    /// <summary>An agenda document's bytes, for whoever may see the body; anyone else gets 404.</summary>
    private static async Task<IResult> DownloadDocumentAsync(Guid committeeId, Guid meetingId, Guid documentId, HttpContext http, AppDbContext db,
        CancellationToken cancellationToken)
    {
        var visible = await db.Committees.AsNoTracking().VisibleTo(db, http.User).AnyAsync(c => c.Id == committeeId, cancellationToken);
        if (!visible)
        {
            return Results.NotFound();
        }

        var file = await (from d in db.AgendaItemDocuments.AsNoTracking()
                          join i in db.AgendaItems.AsNoTracking() on d.AgendaItemId equals i.Id
                          join m in db.Meetings.AsNoTracking() on i.MeetingId equals m.Id
                          where d.Id == documentId && m.Id == meetingId && m.CommitteeId == committeeId
                          select new { d.FileName, d.ContentType, d.Content }).FirstOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "private, no-cache";
        return Results.File(file.Content, file.ContentType, file.FileName);
    }
}
