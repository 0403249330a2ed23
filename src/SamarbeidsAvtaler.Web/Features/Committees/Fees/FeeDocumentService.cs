using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using SamarbeidsAvtaler.Infrastructure.Pdf;

namespace SamarbeidsAvtaler.Web.Features.Committees.Fees;

/// <summary>A claim as PDF: the print component rendered to HTML, printed by the shared Chromium renderer.</summary>
public sealed class FeeDocumentService(IServiceProvider services, ILoggerFactory loggerFactory, PdfRenderer renderer)
{
    public async Task<string> RenderHtmlAsync(FeeClaimView view)
    {
        await using var htmlRenderer = new HtmlRenderer(services, loggerFactory);
        return await htmlRenderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await htmlRenderer.RenderComponentAsync<FeeClaimPrint>(
                ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(FeeClaimPrint.View)] = view }));
            return output.ToHtmlString();
        });
    }

    /// <summary>The PDF; a <see cref="PdfRenderException"/> (Norwegian message) when it cannot be made now.</summary>
    public async Task<byte[]> RenderPdfAsync(FeeClaimView view, CancellationToken cancellationToken = default) =>
        await renderer.RenderAsync(new PdfRequest(await RenderHtmlAsync(view), Footer(view)), cancellationToken);

    private static string Footer(FeeClaimView view)
    {
        var mark = view.IsDraft ? "<strong style=\"color:#b00000\">UTKAST</strong> · " : string.Empty;
        return $"""
            <div style="font-family:'DejaVu Sans',sans-serif;font-size:8px;color:#333;width:100%;margin:0 20mm;display:flex;justify-content:space-between">
              <span>{mark}Krav om godtgjøring · {WebUtility.HtmlEncode(view.PersonName)} · {WebUtility.HtmlEncode(view.Period)}</span>
              <span>Side <span class="pageNumber"></span> av <span class="totalPages"></span></span>
            </div>
            """;
    }
}
