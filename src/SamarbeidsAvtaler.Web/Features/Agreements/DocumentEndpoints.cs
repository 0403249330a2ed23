using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Infrastructure.Pdf;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Agreements.Document;

namespace SamarbeidsAvtaler.Web.Features.Agreements;

public static class AgreementDocumentEndpoints
{
    public const long MaxVerificationBytes = 20 * 1024 * 1024;

    public static IServiceCollection AddAgreementDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new PdfRendererOptions();
        configuration.GetSection(PdfRendererOptions.Section).Bind(options);
        services.AddSingleton(options);
        services.AddSingleton<PdfRenderer>();
        services.AddScoped<AgreementPdfService>();
        services.AddScoped<DocumentViewService>();
        return services;
    }

    public static IEndpointRouteBuilder MapAgreementDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/avtaler/{id:guid}/pdf", DownloadPdfAsync).RequireAuthorization();
        app.MapGet("/verifiser", () => PageResults.Page<VerifyPage>()).RequireAuthorization();
        app.MapPost("/verifiser", async (IFormFile? fil, AppDbContext db) =>
                PageResults.Page<VerifyPage>(new Dictionary<string, object?> { ["Result"] = await VerifyAsync(fil, db) }))
            .RequireAuthorization();
        app.MapPost("/api/verifiser", async (IFormFile? fil, AppDbContext db) => await VerifyAsync(fil, db) is var result && result.Error is null
                ? Results.Ok(result)
                : Results.BadRequest(result))
            .RequireAuthorization()
            .DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> DownloadPdfAsync(Guid id, HttpContext http, AppDbContext db, AgreementPdfService pdfs, TimeProvider clock, CancellationToken cancellationToken)
    {
        var agreement = await db.Agreements.AsNoTracking().VisibleTo(db, http.User)
            .Where(a => a.Id == id).Select(a => new { a.Id, a.ReferenceNumber, a.VersionNumber, a.Status, a.SignedOn })
            .FirstOrDefaultAsync(cancellationToken);
        if (agreement is null)
        {
            return Results.NotFound();
        }

        try
        {
            var isSigned = AgreementPdfService.SignedStatuses.Contains(agreement.Status) && agreement.SignedOn is not null;

            // A stored signed document is served as it is, without loading the agreement again.
            var pdf = isSigned
                ? await db.SignedDocuments.AsNoTracking().Where(d => d.AgreementId == id).Select(d => d.Pdf).FirstOrDefaultAsync(cancellationToken)
                : null;
            if (pdf is null)
            {
                var document = (await AgreementDocument.LoadAsync(db, id, cancellationToken))!;
                pdf = isSigned
                    ? (await pdfs.GetOrCreateSignedAsync(db, document, agreement.SignedOn!.Value, cancellationToken)).Pdf
                    : (await pdfs.RenderPdfAsync(document, cancellationToken)).Pdf;
            }

            await AccessLogWriter.RecordAsync(db, http.User, agreement.Id, agreement.ReferenceNumber, agreement.VersionNumber,
                AccessLogEntry.DownloadedPdf, clock.GetUtcNow(), cancellationToken);
            var status = agreement.Status is AgreementStatus.Draft or AgreementStatus.AwaitingSignature ? "-utkast" : string.Empty;
            return Results.File(pdf, "application/pdf", $"{agreement.ReferenceNumber}-v{agreement.VersionNumber}{status}.pdf");
        }
        catch (PdfRenderException e)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return PageResults.Page<PdfUnavailablePage>(new Dictionary<string, object?> { ["Message"] = e.Message, ["AgreementId"] = id });
        }
    }

    private static async Task<VerificationResult> VerifyAsync(IFormFile? file, AppDbContext db)
    {
        if (file is null || file.Length == 0)
        {
            return VerificationResult.Refused("Velg en PDF-fil å kontrollere.");
        }

        if (file.Length > MaxVerificationBytes)
        {
            return VerificationResult.Refused("Filen er for stor. Største tillatte størrelse er 20 MB.");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        if (!bytes.AsSpan().StartsWith("%PDF-"u8))
        {
            return VerificationResult.Refused("Filen er ikke en PDF.");
        }

        var hash = AgreementPdfService.Sha256(bytes);
        var match = await (from d in db.SignedDocuments.AsNoTracking()
                           join a in db.Agreements.AsNoTracking() on d.AgreementId equals a.Id
                           where d.PdfSha256 == hash
                           select new VerificationResult(true, a.Id, a.ReferenceNumber, a.VersionNumber, a.Title, d.SignedOn, hash, null))
            .FirstOrDefaultAsync();
        return match ?? new VerificationResult(false, null, null, null, null, null, hash, null);
    }
}

/// <summary>Whether a PDF is a registered signed agreement version, and which.</summary>
public sealed record VerificationResult(bool IsRegistered, Guid? AgreementId, string? ReferenceNumber, int? VersionNumber, string? Title,
    DateOnly? SignedOn, string? Sha256, string? Error)
{
    public static VerificationResult Refused(string error) => new(false, null, null, null, null, null, null, error);
}
