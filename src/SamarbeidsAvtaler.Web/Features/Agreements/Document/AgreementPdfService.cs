using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Infrastructure.Pdf;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Document;

/// <summary>
/// Turns an agreement into its document: HTML from the kind's Razor template, printed to PDF by the
/// shared renderer. A signed version is rendered once and its bytes kept (<see cref="SignedDocument"/>).
/// </summary>
public sealed class AgreementPdfService(IServiceProvider services, ILoggerFactory loggerFactory, PdfRenderer renderer, TimeProvider clock)
{
    public static readonly AgreementStatus[] SignedStatuses =
        [AgreementStatus.Signed, AgreementStatus.Active, AgreementStatus.UnderNotice, AgreementStatus.Ended, AgreementStatus.Replaced];

    public async Task<string> RenderHtmlAsync(AgreementDocument document)
    {
        await using var htmlRenderer = new HtmlRenderer(services, loggerFactory);
        return await htmlRenderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await htmlRenderer.RenderComponentAsync<PrintDocument>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Doc"] = document }));
            return output.ToHtmlString();
        });
    }

    /// <summary>A fresh rendering: for drafts, and for a signed version before it is archived.</summary>
    public async Task<(byte[] Pdf, string ContentSha256)> RenderPdfAsync(AgreementDocument document, CancellationToken cancellationToken = default)
    {
        var html = await RenderHtmlAsync(document);
        var contentSha256 = Sha256(Encoding.UTF8.GetBytes(html));
        var pdf = await renderer.RenderAsync(new PdfRequest(html, Footer(document, contentSha256), document.Labels.Lang), cancellationToken);
        return (pdf, contentSha256);
    }

    /// <summary>
    /// The stored PDF of a signed version, rendering and storing it the first time. Later calls return
    /// exactly the stored bytes, even if the templates have changed since.
    /// </summary>
    public async Task<SignedDocument> GetOrCreateSignedAsync(AppDbContext db, AgreementDocument document, DateOnly signedOn, CancellationToken cancellationToken = default)
    {
        if (await db.SignedDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.AgreementId == document.Id, cancellationToken) is { } stored)
        {
            return stored;
        }

        var (pdf, contentSha256) = await RenderPdfAsync(document, cancellationToken);
        var signed = new SignedDocument(document.Id, pdf, Sha256(pdf), contentSha256, signedOn, clock.GetUtcNow());
        db.SignedDocuments.Add(signed);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return signed;
        }
        catch (DbUpdateException)
        {
            // Two first downloads at once: the other one stored it; serve that one.
            db.ChangeTracker.Clear();
            return await db.SignedDocuments.AsNoTracking().FirstAsync(d => d.AgreementId == document.Id, cancellationToken);
        }
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Chromium's running footer: page x of y, reference and version, the draft mark or the fingerprint.</summary>
    private static string Footer(AgreementDocument document, string contentSha256)
    {
        var l = document.Labels;
        var mark = document.IsDraft
            ? $"<strong style=\"color:#b00000\">{WebUtility.HtmlEncode(l.Draft)}</strong> · "
            : $"{WebUtility.HtmlEncode(l.Fingerprint)} {SignedDocument.ShortFingerprint(contentSha256)} · ";
        return $"""
            <div style="font-family:'DejaVu Sans',sans-serif;font-size:8px;color:#333;width:100%;margin:0 20mm;display:flex;justify-content:space-between">
              <span>{mark}{WebUtility.HtmlEncode(l.Reference)} {WebUtility.HtmlEncode(document.ReferenceNumber)} · {WebUtility.HtmlEncode(l.Version)} {document.VersionNumber}</span>
              <span>{WebUtility.HtmlEncode(l.Page)} <span class="pageNumber"></span> {WebUtility.HtmlEncode(l.Of)} <span class="totalPages"></span></span>
            </div>
            """;
    }
}
