using Npgsql;
using SamarbeidsAvtaler.Infrastructure.Migrations;
using SamarbeidsAvtaler.Testing;

namespace SamarbeidsAvtaler.Infrastructure.Tests;

public class MigrationRunnerTests
{
    private sealed record HistoryRow(string File, string Checksum, DateTime AppliedAt);

    private static async Task<List<HistoryRow>> ReadHistoryAsync(string connectionString)
    {
        var rows = new List<HistoryRow>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT file, checksum, applied_at FROM schema_migrations ORDER BY file", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new HistoryRow(reader.GetString(0), reader.GetString(1), reader.GetDateTime(2)));
        }

        return rows;
    }

    [Fact]
    public void Embedded_scripts_are_found_in_file_name_order()
    {
        var names = MigrationScript.Embedded().Select(s => s.Name).ToList();

        names.Should().Contain("0001_initial.sql");
        names.Should().BeInAscendingOrder(StringComparer.Ordinal);
        names.Should().OnlyContain(n => n.EndsWith(".sql", StringComparison.Ordinal));
    }

    [Fact]
    public void Checksum_does_not_depend_on_line_endings()
    {
        // A Windows checkout (core.autocrlf) must not make an applied file look edited.
        var lf = new MigrationScript("0001_a.sql", "CREATE TABLE a (\n    id int\n);\n");
        var crlf = new MigrationScript("0001_a.sql", "CREATE TABLE a (\r\n    id int\r\n);\r\n");

        crlf.Checksum.Should().Be(lf.Checksum);
        new MigrationScript("0001_a.sql", "CREATE TABLE a (id bigint);\n").Checksum.Should().NotBe(lf.Checksum);
    }

    [Fact]
    public void Copy_with_other_sql_has_the_checksum_of_its_own_sql()
    {
        var script = new MigrationScript("0001_a.sql", "CREATE TABLE a (id int)");

        var edited = script with { Sql = "CREATE TABLE a (id bigint)" };

        edited.Checksum.Should().Be(new MigrationScript("0001_a.sql", "CREATE TABLE a (id bigint)").Checksum);
    }

    [Fact]
    public void Checksum_of_a_file_with_unix_line_endings_is_the_sha256_of_its_bytes()
    {
        // Keeps checksums already recorded in existing databases valid.
        var script = new MigrationScript("0001_a.sql", "CREATE TABLE a (\n    id int\n);\n");

        script.Checksum.Should().Be(Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(script.Sql))));
    }

    [Fact]
    public async Task Empty_database_gets_every_embedded_migration_recorded_with_its_checksum()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        var embedded = MigrationScript.Embedded();
        var started = DateTime.UtcNow.AddMinutes(-1);

        var applied = await new MigrationRunner(db.ConnectionString).MigrateAsync();

        applied.Should().Equal(embedded.Select(s => s.Name));
        var history = await ReadHistoryAsync(db.ConnectionString);
        history.Select(h => (h.File, h.Checksum)).Should().Equal(embedded.Select(s => (s.Name, s.Checksum)));
        history.Should().OnlyContain(h => h.AppliedAt > started && h.AppliedAt < DateTime.UtcNow.AddMinutes(1));
        history.Should().OnlyContain(h => h.Checksum.Length == 64, "the checksum is a hex SHA-256");
        (await Sql.TableExistsAsync(db.ConnectionString, "parties")).Should().BeTrue();
    }

    [Fact]
    public async Task Rerun_on_a_current_database_is_a_no_op()
    {
        await using var db = await TestDatabase.CreateAsync();
        var before = await ReadHistoryAsync(db.ConnectionString);

        var applied = await new MigrationRunner(db.ConnectionString).MigrateAsync();

        applied.Should().BeEmpty();
        (await ReadHistoryAsync(db.ConnectionString)).Should().Equal(before);
    }

    [Fact]
    public async Task Pending_lists_every_file_before_migrating_and_none_after()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        var runner = new MigrationRunner(db.ConnectionString);

        (await runner.GetPendingAsync()).Should().Equal(MigrationScript.Embedded().Select(s => s.Name));

        await runner.MigrateAsync();

        (await runner.GetPendingAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Only_new_scripts_are_applied_after_earlier_ones()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        var first = new MigrationScript("0001_a.sql", "CREATE TABLE a (id int)");
        var second = new MigrationScript("0002_b.sql", "CREATE TABLE b (id int)");
        await new MigrationRunner(db.ConnectionString, [first]).MigrateAsync();

        var runner = new MigrationRunner(db.ConnectionString, [first, second]);
        (await runner.GetPendingAsync()).Should().Equal("0002_b.sql");
        (await runner.MigrateAsync()).Should().Equal("0002_b.sql");

        (await ReadHistoryAsync(db.ConnectionString)).Select(h => h.File).Should().Equal("0001_a.sql", "0002_b.sql");
    }

    [Fact]
    public async Task Changed_content_of_an_applied_file_is_refused_naming_the_file()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        await new MigrationRunner(db.ConnectionString, [new("0001_a.sql", "CREATE TABLE a (id int)")]).MigrateAsync();
        var edited = new MigrationRunner(db.ConnectionString,
            [new("0001_a.sql", "CREATE TABLE a (id bigint)"), new("0002_b.sql", "CREATE TABLE b (id int)")]);

        var act = () => edited.MigrateAsync();

        (await act.Should().ThrowAsync<MigrationChecksumException>())
            .Which.Should().Match<MigrationChecksumException>(e => e.File == "0001_a.sql" && e.Message.Contains("'0001_a.sql'"));
        (await Sql.TableExistsAsync(db.ConnectionString, "b")).Should().BeFalse("nothing after the edited file runs");
        (await edited.GetPendingAsync()).Should().Equal("0001_a.sql", "0002_b.sql");
    }

    [Fact]
    public async Task Failing_script_is_rolled_back_completely_and_not_recorded()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        var good = new MigrationScript("0001_good.sql", "CREATE TABLE good (id int)");
        var bad = new MigrationScript("0002_bad.sql", """
            CREATE TABLE partial (id int);
            CREATE INDEX ix_partial_id ON partial (id);
            INSERT INTO partial VALUES (1);
            SELECT 1 / 0;
            """);

        var act = () => new MigrationRunner(db.ConnectionString, [good, bad]).MigrateAsync();

        (await act.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.DivisionByZero);
        (await Sql.TableExistsAsync(db.ConnectionString, "good")).Should().BeTrue("each file has its own transaction");
        (await Sql.TableExistsAsync(db.ConnectionString, "partial")).Should().BeFalse();
        (await ReadHistoryAsync(db.ConnectionString)).Select(h => h.File).Should().Equal("0001_good.sql");

        // The advisory lock was released despite the failure, so a fixed script can be applied at once.
        var fixedBad = new MigrationScript("0002_bad.sql", "CREATE TABLE partial (id int)");
        (await new MigrationRunner(db.ConnectionString, [good, fixedBad]).MigrateAsync()).Should().Equal("0002_bad.sql");
    }

    [Fact]
    public async Task Two_runners_started_together_apply_each_slow_file_exactly_once()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        MigrationScript[] scripts =
        [
            new("0001_slow.sql", "SELECT pg_sleep(0.5); CREATE TABLE slow (id int);"),
            new("0002_after.sql", "CREATE TABLE after_slow (id int);"),
        ];

        var results = await Task.WhenAll(
            new MigrationRunner(db.ConnectionString, scripts).MigrateAsync(),
            new MigrationRunner(db.ConnectionString, scripts).MigrateAsync());

        // Whichever got the lock first applied both; the other found nothing left to do.
        results.SelectMany(r => r).Should().Equal("0001_slow.sql", "0002_after.sql");
        results.Should().ContainSingle(r => r.Count == 0);
        (await ReadHistoryAsync(db.ConnectionString)).Select(h => h.File).Should().Equal("0001_slow.sql", "0002_after.sql");
    }

    [Fact]
    public async Task Runners_started_together_on_empty_databases_always_agree()
    {
        var embedded = MigrationScript.Embedded().Select(s => s.Name).ToList();
        for (var round = 0; round < 5; round++)
        {
            await using var db = await TestDatabase.CreateAsync(migrate: false);

            var results = await Task.WhenAll(Enumerable.Range(0, 3)
                .Select(_ => Task.Run(() => new MigrationRunner(db.ConnectionString).MigrateAsync())));

            results.SelectMany(r => r).Should().Equal(embedded, $"round {round}");
            (await ReadHistoryAsync(db.ConnectionString)).Select(h => h.File).Should().Equal(embedded);
        }
    }
}
