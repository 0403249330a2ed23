using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Components.Forms;

namespace SamarbeidsAvtaler.Web.Features.AccessLog;

/// <summary>What the access log is searched by; the period is whole Norwegian days, both ends included.</summary>
public sealed record AccessLogQuery(
    string? UserText = null,
    string? Reference = null,
    DateOnly? From = null,
    DateOnly? To = null,
    bool OldestFirst = false,
    int Page = 1,
    int PageSize = AccessLogQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
    public const int ReferenceMaxLength = 20;
    public static readonly IReadOnlyList<int> PageSizes = [25, 50, 100];
}

public sealed record AccessLogRow(long Id, DateTimeOffset OccurredAt, string UserName, string Action, Guid? AgreementId, string ReferenceNumber,
    int? VersionNumber, string? CaseKind = null, Guid? CaseId = null)
{
    /// <summary>The page the entry is about: the agreement, or the deviation or dispute case.</summary>
    public string Href => CaseKind switch
    {
        Domain.Auditing.CaseKinds.Deviation => $"/avvik/{CaseId}",
        Domain.Auditing.CaseKinds.Dispute => $"/tvister/{CaseId}",
        _ => $"/avtaler/{AgreementId}",
    };
}

/// <summary>A page of the log, or a message saying why the search cannot be run (then no rows).</summary>
public sealed record AccessLogResult(IReadOnlyList<AccessLogRow> Rows, int Total, string? Message = null)
{
    public static AccessLogResult Refused(string message) => new([], 0, message);
}

/// <summary>The append-only log of agreement views and PDF downloads and of case views, for administrators only.</summary>
public sealed class AccessLogService(IDbContextFactory<AppDbContext> contexts)
{
    public static readonly DateOnly Earliest = DateOnly.FromDateTime(DateField.Earliest);
    public static readonly DateOnly Latest = DateOnly.FromDateTime(DateField.Latest);

    /// <summary>Checks the period; null when it can be searched, else the message to show.</summary>
    public static string? CheckPeriod(DateOnly? from, DateOnly? to)
    {
        if (from < Earliest || from > Latest || to < Earliest || to > Latest)
        {
            return $"Datoene må ligge mellom {Norwegian.Date(Earliest)} og {Norwegian.Date(Latest)}.";
        }

        return from > to ? "Fra-datoen er etter til-datoen. Velg en fra-dato som er før eller lik til-datoen." : null;
    }

    public async Task<AccessLogResult> SearchAsync(ClaimsPrincipal actor, AccessLogQuery query, CancellationToken cancellationToken = default)
    {
        if (!actor.IsInRole(Roles.Administrator))
        {
            return AccessLogResult.Refused(CommandResult.Forbidden().Message!);
        }

        if (CheckPeriod(query.From, query.To) is { } problem)
        {
            return AccessLogResult.Refused(problem);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var log = db.AccessLog.AsNoTracking();
        if (SearchText.Clean(query.UserText) is { } userText)
        {
            var pattern = "%" + SearchText.EscapeLike(userText.ToLowerInvariant()) + "%";
            log = log.Where(e => EF.Functions.Like(e.UserName.ToLower(), pattern));
        }

        if (SearchText.Clean(query.Reference) is { } reference)
        {
            var prefix = SearchText.EscapeLike(reference.ToUpperInvariant()) + "%";
            log = log.Where(e => EF.Functions.Like(e.ReferenceNumber, prefix));
        }

        if (query.From is { } from)
        {
            var start = StartOfDay(from);
            log = log.Where(e => e.OccurredAt >= start);
        }

        if (query.To is { } to)
        {
            var end = StartOfDay(to.AddDays(1));
            log = log.Where(e => e.OccurredAt < end);
        }

        var total = await log.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, AccessLogQuery.PageSizes[^1]);
        var page = Math.Clamp(query.Page, 1, 1_000_000);
        var ordered = query.OldestFirst
            ? log.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            : log.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id);
        var rows = await ordered.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(e => new AccessLogRow(e.Id, e.OccurredAt, e.UserName, e.Action, e.AgreementId, e.ReferenceNumber, e.VersionNumber, e.CaseKind, e.CaseId))
            .ToListAsync(cancellationToken);
        return new AccessLogResult(rows, total);
    }

    /// <summary>Midnight in Norway on <paramref name="day"/>, in UTC (the offset of that day, summer or winter).</summary>
    private static DateTimeOffset StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Norwegian.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }
}
