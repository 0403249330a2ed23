using System.Text;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Web.Features.Agreements;
using SamarbeidsAvtaler.Web.Features.Deviations.Statistics;

namespace SamarbeidsAvtaler.Web.Features.Deviations;

public static class DeviationEndpoints
{
    /// <summary>
    /// The register's CSV: exactly the cases the list shows with the same filter, as the agreement list exports;
    /// and the statistics' tables with the statistics page's filter (counts only).
    /// </summary>
    public static IEndpointRouteBuilder MapDeviationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/avvik/eksport.csv", ExportAsync).RequireAuthorization();
        app.MapGet("/avvik/statistikk.csv", StatisticsAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> StatisticsAsync(HttpContext http, DeviationStatisticsService statistics)
    {
        var filter = StatisticsFilter.Parse(key => http.Request.Query[key].FirstOrDefault(), statistics.Today());
        var loaded = await statistics.LoadAsync(http.User, filter, http.RequestAborted);
        return loaded.Value is { } result
            ? Results.File(StatisticsCsv.Bytes(result), "text/csv; charset=utf-8", StatisticsCsv.FileName(result))
            : Results.Forbid();
    }

    public static readonly string Header = Csv.Line("Saksnummer", "Tittel", "Meldt av", "Meldt mot", "Avtale", "Kategori", "Tidspunkt", "Status",
        "Svarfrist", "Forfalt", "Saksnummer i eget avvikssystem", "Registrert");

    private static async Task ExportAsync(HttpContext http, DeviationService deviations, TimeProvider clock)
    {
        // The same filter and the same access rules as the list: the service reads as the signed-in user.
        var filter = DeviationFilter.FromQuery(key => http.Request.Query[key].FirstOrDefault());
        var rows = deviations.ExportAsync(http.User, filter, http.RequestAborted);

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"avvik-{clock.Today():yyyy-MM-dd}.csv\"";

        // UTF-8 with BOM and semicolons: what Excel with Norwegian settings opens correctly.
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)) { NewLine = "\r\n" };
        await writer.WriteLineAsync(Header);
        await foreach (var row in rows)
        {
            await writer.WriteLineAsync(Line(row));
        }
    }

    public static string Line(DeviationRow row) => Csv.Line(row.CaseNumber, row.Title, row.ReportingPartyName, row.OtherPartyName, row.AgreementReference,
        row.Category.DisplayName(), DeviationFormat.Time(row.OccurredAt), row.Status.DisplayName(),
        row.AnswerDueOn is { } due ? Norwegian.Date(due) : string.Empty, row.IsOverdue ? "Ja" : "Nei", row.ReporterCaseReference,
        Norwegian.DateTime(row.ReportedAt));
}
