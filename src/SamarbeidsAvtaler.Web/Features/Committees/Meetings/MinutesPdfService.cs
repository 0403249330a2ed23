using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Infrastructure.Pdf;

namespace SamarbeidsAvtaler.Web.Features.Committees.Meetings;

/// <summary>Approved minutes as a PDF: the minutes template rendered to HTML, printed by the shared renderer.</summary>
public sealed class MinutesPdfService(IServiceProvider services, ILoggerFactory loggerFactory, PdfRenderer renderer)
{
    public async Task<string> RenderHtmlAsync(MinutesDocument document)
    {
        await using var htmlRenderer = new HtmlRenderer(services, loggerFactory);
        return await htmlRenderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await htmlRenderer.RenderComponentAsync<PrintMinutes>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Doc"] = document }));
            return output.ToHtmlString();
        });
    }

    public async Task<byte[]> RenderPdfAsync(MinutesDocument document, CancellationToken cancellationToken = default)
    {
        var html = await RenderHtmlAsync(document);
        return await renderer.RenderAsync(new PdfRequest(html, Footer(document)), cancellationToken);
    }

    /// <summary>The file name of the download: "Referat SSU 2027-03-12.pdf", without characters a file system refuses.</summary>
    public static string FileName(MinutesDocument document)
    {
        var name = $"Referat {document.ShortName} {document.Date:yyyy-MM-dd}.pdf";
        return string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '"' or '\\' or '/' or ':' ? '-' : c));
    }

    /// <summary>Chromium's running footer: the body and meeting date, page x of y.</summary>
    private static string Footer(MinutesDocument document) => $"""
        <div style="font-family:'DejaVu Sans',sans-serif;font-size:8px;color:#333;width:100%;margin:0 20mm;display:flex;justify-content:space-between">
          <span>Referat · {WebUtility.HtmlEncode(document.CommitteeName)} · {Norwegian.Date(document.Date)}</span>
          <span>Side <span class="pageNumber"></span> av <span class="totalPages"></span></span>
        </div>
        """;
}
