using System.Text;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Web.Features.Agreements.List;

namespace SamarbeidsAvtaler.Web.Features.Agreements;

public static class AgreementListEndpoints
{
    /// <summary>Minimal-API endpoints of the list: the CSV export of exactly what the list shows.</summary>
    public static IEndpointRouteBuilder MapAgreementListEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/avtaler/eksport.csv", ExportAsync).RequireAuthorization();
        return app;
    }

    private static async Task ExportAsync(HttpContext http, IAgreementListService agreements, TimeProvider clock)
    {
        // The same filter and the same access rules as the list: the service reads as the signed-in user.
        var filter = AgreementFilter.From(key => http.Request.Query[key].FirstOrDefault());
        var today = clock.Today();
        var rows = agreements.ExportAsync(http.User, filter, http.RequestAborted);

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"avtaler-{today:yyyy-MM-dd}.csv\"";

        // UTF-8 with BOM and semicolons: what Excel with Norwegian settings opens correctly.
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await writer.WriteLineAsync(Csv.Line("Referanse", "Versjon", "Tittel", "Type", "Status", "Parter", "Gyldig fra", "Gyldig til", "Neste gjennomgang", "Slutter"));
        await foreach (var row in rows)
        {
            await writer.WriteLineAsync(Csv.Line(row.ReferenceNumber, row.VersionNumber.ToString(Norwegian.Culture), row.Title, row.Kind.DisplayName(),
                row.Status.DisplayName(), string.Join(", ", row.PartyNames), Date(row.ValidFrom), Date(row.ValidTo), Date(row.NextReviewDate), Date(row.EndsOn)));
        }
    }

    private static string Date(DateOnly? date) => date is { } d ? Norwegian.Date(d) : string.Empty;
}
