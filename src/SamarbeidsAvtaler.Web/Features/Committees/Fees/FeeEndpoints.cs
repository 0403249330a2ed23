using System.Text;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Infrastructure.Pdf;
using SamarbeidsAvtaler.Web.Components;

namespace SamarbeidsAvtaler.Web.Features.Committees.Fees;

/// <summary>The claims' downloads: CSV of one claim or of the filtered register, and a claim's PDF. Access is checked by the service.</summary>
public static class FeeEndpoints
{
    public static IEndpointRouteBuilder MapFeeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/honorar/krav.csv", ExportRegisterAsync).RequireAuthorization();
        app.MapGet("/honorar/krav/{id:guid}/krav.csv", ExportClaimAsync).RequireAuthorization();
        app.MapGet("/honorar/krav/{id:guid}/krav.pdf", PdfAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> ExportRegisterAsync(HttpContext http, FeeService fees, TimeProvider clock)
    {
        // The same filter and the same access rules as the register page.
        var filter = FeeClaimFilter.FromQuery(key => http.Request.Query[key].FirstOrDefault());
        var claims = await fees.ExportAsync(http.User, filter, http.RequestAborted);
        return Csv(FeeCsv.Lines(claims), $"honorarkrav-{clock.Today():yyyy-MM-dd}.csv");
    }

    private static async Task<IResult> ExportClaimAsync(Guid id, HttpContext http, FeeService fees)
    {
        var claim = await fees.GetClaimAsync(http.User, id, http.RequestAborted);
        return claim is null ? Results.NotFound() : Csv(FeeCsv.Lines([claim]), FeeCsv.FileName(claim) + ".csv");
    }

    private static async Task<IResult> PdfAsync(Guid id, HttpContext http, FeeService fees, FeeDocumentService documents)
    {
        var claim = await fees.GetClaimAsync(http.User, id, http.RequestAborted);
        if (claim is null)
        {
            return Results.NotFound();
        }

        try
        {
            var pdf = await documents.RenderPdfAsync(claim, http.RequestAborted);
            http.Response.Headers.CacheControl = "private, no-cache";
            return Results.File(pdf, "application/pdf", FeeCsv.FileName(claim) + ".pdf");
        }
        catch (PdfRenderException e)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return PageResults.Page<FeePdfUnavailablePage>(new Dictionary<string, object?> { ["Message"] = e.Message, ["ClaimId"] = id });
        }
    }

    // UTF-8 with BOM and semicolons: what Excel with Norwegian settings opens correctly.
    private static IResult Csv(IEnumerable<string> lines, string fileName)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append("\r\n");
        }

        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        return Results.File(bytes, "text/csv; charset=utf-8", fileName);
    }
}
