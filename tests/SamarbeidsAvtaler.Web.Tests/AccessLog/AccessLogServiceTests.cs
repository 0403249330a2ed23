using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Web.Features.AccessLog;

namespace SamarbeidsAvtaler.Web.Tests.AccessLog;

/// <summary>Searching the access log (/admin/tilgangslogg) at the service boundary, on the real database.</summary>
[Collection(AppCollection.Name)]
public sealed class AccessLogServiceTests(AppFactory app)
{
    /// <summary>Writes log entries as the agreement pages do, for an invented reference unique to the test.</summary>
    private async Task<string> LogAsync(params (DateTimeOffset At, string User, string Action)[] entries)
    {
        var reference = $"TL-{Random.Shared.Next(1_000_000, 9_999_999)}";
        await using var db = app.Database.CreateDbContext();
        var agreementId = await db.Agreements.Select(a => a.Id).FirstAsync();
        foreach (var (at, user, action) in entries)
        {
            db.AccessLog.Add(new AccessLogEntry(at, null, user, agreementId, reference, 1, action));
        }

        await db.SaveChangesAsync();
        return reference;
    }

    private async Task<AccessLogResult> SearchAsync(AccessLogQuery query, string email = WebClient.Administrator)
    {
        var user = await app.UserAsync(email);
        await using var scope = app.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AccessLogService>().SearchAsync(user, query);
    }

    /// <summary>A time of day in Norway, as UTC (PostgreSQL's timestamptz takes UTC only).</summary>
    private static DateTimeOffset Oslo(int year, int month, int day, int hour)
    {
        var local = new DateTime(year, month, day, hour, 0, 0);
        return new DateTimeOffset(local, Norwegian.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    [Fact]
    public async Task Administrator_searches_the_access_log_by_user_agreement_and_period()
    {
        var reference = await LogAsync(
            (Oslo(2026, 3, 10, 0), "Demo Spesialistsen", AccessLogEntry.Viewed),
            (Oslo(2026, 3, 10, 23), "Demo Spesialistsen", AccessLogEntry.DownloadedPdf),
            (Oslo(2026, 3, 11, 0), "Sander Saksbehandler", AccessLogEntry.Viewed));
        var day = new DateOnly(2026, 3, 10);

        var found = await SearchAsync(new AccessLogQuery(UserText: "spesialistsen", Reference: reference, From: day, To: day));

        found.Message.Should().BeNull();
        found.Total.Should().Be(2, "the period is whole Norwegian days, both ends included");
        found.Rows.Should().OnlyContain(r => r.UserName == "Demo Spesialistsen" && r.ReferenceNumber == reference);
        found.Rows.Select(r => r.Action).Should().Equal(AccessLogEntry.DownloadedPdf, AccessLogEntry.Viewed);
        (await SearchAsync(new AccessLogQuery(Reference: reference, OldestFirst: true))).Rows.Select(r => r.UserName)
            .Should().Equal("Demo Spesialistsen", "Demo Spesialistsen", "Sander Saksbehandler");
        (await SearchAsync(new AccessLogQuery(Reference: reference.ToLowerInvariant()[..6]))).Total.Should().BeGreaterThanOrEqualTo(3, "a reference is found by its start");
        (await SearchAsync(new AccessLogQuery(Reference: reference, To: new DateOnly(2000, 1, 1)))).Total.Should().Be(0);
        (await SearchAsync(new AccessLogQuery(Reference: reference, From: new DateOnly(2026, 3, 11)))).Rows.Should().ContainSingle()
            .Which.UserName.Should().Be("Sander Saksbehandler");
    }

    [Fact]
    public async Task Paging_is_done_in_the_database()
    {
        var reference = await LogAsync(Enumerable.Range(0, 5).Select(i => (Oslo(2026, 1, 1, i), $"Bruker {i}", AccessLogEntry.Viewed)).ToArray());

        var page = await SearchAsync(new AccessLogQuery(Reference: reference, Page: 2, PageSize: 2));

        page.Total.Should().Be(5);
        page.Rows.Select(r => r.UserName).Should().Equal("Bruker 2", "Bruker 1");
        (await SearchAsync(new AccessLogQuery(Reference: reference, Page: int.MaxValue, PageSize: int.MaxValue))).Total.Should().Be(5);
    }

    [Theory]
    [InlineData("0001-01-01", null)]
    [InlineData(null, "9999-12-31")]
    [InlineData("0001-01-01", "9999-12-31")]
    [InlineData("1899-12-31", null)]
    public async Task Dates_out_of_range_give_a_message_never_an_error(string? from, string? to)
    {
        var result = await SearchAsync(new AccessLogQuery(From: from is null ? null : DateOnly.Parse(from), To: to is null ? null : DateOnly.Parse(to)));

        result.Rows.Should().BeEmpty();
        result.Message.Should().Be("Datoene må ligge mellom 01.01.1900 og 31.12.2199.");
    }

    [Fact]
    public async Task From_after_to_gives_a_message()
    {
        var result = await SearchAsync(new AccessLogQuery(From: new DateOnly(2026, 5, 2), To: new DateOnly(2026, 5, 1)));

        result.Rows.Should().BeEmpty();
        result.Message.Should().StartWith("Fra-datoen er etter til-datoen.");
        (await SearchAsync(new AccessLogQuery(From: new DateOnly(1900, 1, 1), To: new DateOnly(2199, 12, 31)))).Message.Should().BeNull("the ends of the range are allowed");
    }

    [Fact]
    public async Task Nul_bytes_wildcards_and_huge_text_are_harmless()
    {
        var reference = await LogAsync((Oslo(2026, 2, 2, 12), "Nul Testesen", AccessLogEntry.Viewed));

        (await SearchAsync(new AccessLogQuery(UserText: "Nul\0 Testesen", Reference: reference))).Total.Should().Be(1, "a NUL byte is dropped, not sent to PostgreSQL");
        (await SearchAsync(new AccessLogQuery(UserText: "Nul Testesen\0", Reference: reference + "\0"))).Total.Should().Be(1);
        (await SearchAsync(new AccessLogQuery(UserText: "%", Reference: reference))).Total.Should().Be(0, "a wildcard matches itself");
        (await SearchAsync(new AccessLogQuery(UserText: new string('x', 100_000), Reference: "\0\0\0"))).Total.Should().Be(0);
    }

    [Theory]
    [InlineData(WebClient.Caseworker)]
    [InlineData(WebClient.CooperationManager)]
    [InlineData(WebClient.Specialist)]
    public async Task Only_administrators_may_read_the_log(string email)
    {
        var reference = await LogAsync((Oslo(2026, 2, 3, 12), "Hemmelig Leser", AccessLogEntry.Viewed));

        var result = await SearchAsync(new AccessLogQuery(Reference: reference), email);

        result.Rows.Should().BeEmpty();
        result.Total.Should().Be(0);
        result.Message.Should().Be("Rollen din har ikke lov til dette.");
    }
}
