using System.Text;
using Microsoft.AspNetCore.Authorization;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Web.Features.Agreements.Overview;

namespace SamarbeidsAvtaler.Web.Features.Agreements;

public static class AgreementOverviewEndpoints
{
    /// <summary>The most rows one download holds; far beyond a real register's deadlines in a year.</summary>
    public const int CsvMaxRows = 10_000;

    /// <summary>Minimal-API endpoints of this area: the CSV download.</summary>
    public static IEndpointRouteBuilder MapAgreementOverviewEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/frister.csv", DeadlinesCsvAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = DeadlineQueries.Readers });
        return app;
    }

    /// <summary>
    /// The deadlines list as CSV for a spreadsheet: semicolon-separated with a byte order mark, as
    /// Excel in Norwegian expects, and the same rows the page shows.
    /// </summary>
    private static async Task<IResult> DeadlinesCsvAsync(HttpContext context, DeadlineService deadlines, string? dager, string? hva)
    {
        var loaded = await deadlines.LoadAsync(context.User, DeadlineQueries.ParseHorizon(dager), DeadlineKindExtensions.FromSlug(hva), 1, CsvMaxRows,
            context.RequestAborted);
        if (loaded.Value is not { } result)
        {
            return Results.Forbid();
        }

        var (today, horizon) = (result.Today, result.Horizon);

        var csv = new StringBuilder();
        csv.AppendLine("Dato;Frist;Hva;Avtale;Referanse;Versjon;Avtaletype;Parter;Lenke");
        var origin = $"{context.Request.Scheme}://{context.Request.Host}";
        foreach (var row in result.Rows)
        {
            csv.AppendLine(Csv.Line(
                Norwegian.Date(row.Date), DeadlineQueries.DaysText(row, today), row.Kind.DisplayName(), row.Title, row.ReferenceNumber,
                row.VersionNumber.ToString(Norwegian.Culture), row.AgreementKind.DisplayName(), string.Join(", ", row.PartyNames),
                row.CaseId is { } caseId ? $"{origin}/avvik/{caseId}" : $"{origin}/avtaler/{row.AgreementId}"));
        }

        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return Results.File(bytes, "text/csv; charset=utf-8", $"frister-{today:yyyy-MM-dd}-{horizon}-dager.csv");
    }
}
