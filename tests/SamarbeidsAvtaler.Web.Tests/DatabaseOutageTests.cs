using System.Net;
using Npgsql;
using SamarbeidsAvtaler.Testing;

namespace SamarbeidsAvtaler.Web.Tests;

/// <summary>
/// The database going away and coming back, at the HTTP level, on a database of this test's own (the
/// outage must not touch the shared one): pages answer 503 in Norwegian, the app recovers by itself,
/// and the first request after the server dropped every connection succeeds.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task Pages_answer_503_in_Norwegian_while_the_database_is_away_and_work_again_when_it_returns()
    {
        var client = await _app.LoggedInAsync("saksbehandler@demo.local");
        (await client.GetAsync("/avtaler")).StatusCode.Should().Be(HttpStatusCode.OK);

        await SetConnectionsAllowedAsync(false);
        try
        {
            foreach (var url in new[] { "/avtaler", "/" })
            {
                var response = await client.GetAsync(url);
                response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, $"{url} cannot reach the database");
                var html = await response.HtmlAsync();
                html.Should().Contain("Tjenesten er midlertidig utilgjengelig").And.Contain("lang=\"nb\"");
                html.Should().NotContain("Exception").And.NotContain("Npgsql");
            }

            (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            await SetConnectionsAllowedAsync(true);
        }

        // Back without a restart of the app: the very next requests succeed.
        (await client.GetAsync("/avtaler")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_first_request_after_the_server_dropped_every_pooled_connection_succeeds()
    {
        var client = await _app.LoggedInAsync("saksbehandler@demo.local");
        // Fill the pool with idle connections, then drop them all on the server side, as a restart does.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ => (await client.GetAsync("/avtaler")).EnsureSuccessStatusCode()));

        var terminated = await TerminateBackendsAsync();

        terminated.Should().BePositive("the app's pooled connections were open");
        (await client.GetAsync("/avtaler")).StatusCode.Should().Be(HttpStatusCode.OK, "a dead pooled connection is retried once on a new one");
        (await client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private string DatabaseName => new NpgsqlConnectionStringBuilder(_app.Database.ConnectionString).Database!;

    // ALLOW_CONNECTIONS false refuses new connections; terminating the backends drops the open ones.
    private async Task SetConnectionsAllowedAsync(bool allowed)
    {
        await using var admin = new NpgsqlConnection(TestDatabase.AdminConnectionString);
        await admin.OpenAsync();
        await using (var alter = new NpgsqlCommand($"ALTER DATABASE \"{DatabaseName}\" ALLOW_CONNECTIONS {(allowed ? "true" : "false")}", admin))
        {
            await alter.ExecuteNonQueryAsync();
        }

        if (!allowed)
        {
            await TerminateBackendsAsync();
        }
    }

    private async Task<int> TerminateBackendsAsync()
    {
        await using var admin = new NpgsqlConnection(TestDatabase.AdminConnectionString);
        await admin.OpenAsync();
        await using var terminate = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid))::int FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", admin);
        terminate.Parameters.AddWithValue("name", DatabaseName);
        return (int)(await terminate.ExecuteScalarAsync())!;
    }
}
