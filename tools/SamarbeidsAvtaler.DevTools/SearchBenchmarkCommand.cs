using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Infrastructure.Identity;
using SamarbeidsAvtaler.Infrastructure.Seeding;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Agreements.List;

namespace SamarbeidsAvtaler.DevTools;

/// <summary>
/// <c>benchmark-search [--runs N] [--warmups N] [--party NAME] [--reference REF] [--broad WORD] [--show-sql] [--explain]</c>:
/// times <see cref="AgreementListService.SearchAsync"/> as the demo caseworker against a database that
/// already holds the synthetic register (generate-agreements), next to the same query written by hand
/// with Npgsql, and prints median and p95 with the targets of issue 7 § 8. Prints figures; asserts
/// nothing (scripts/benchmark-agreements.sh runs it).
/// </summary>
public static class SearchBenchmarkCommand
{
    public const string Name = "benchmark-search";
    public const string User = "saksbehandler@demo.local";

    /// <summary>The word in most synthetic titles: it is in two of the register's specialties (Psykiatri, Barne- og ungdomspsykiatri).</summary>
    public const string DefaultBroadTerm = "psykiatri";

    private const double SelectiveTargetMs = 50;
    private const double BroadTargetMs = 150;
    private const double RatioTarget = 2;

    // The service's filter for a caseworker (sees every agreement) with only a search text, written by
    // hand: the rows EF's SQL gives (read it with --show-sql), as one would write it for PostgreSQL.
    // Replaced versions are left out unless asked for; a party matches through agreement_parties, its
    // agreements gathered once into an array the trigram indexes can be combined with. LIKE's escape is
    // the backslash, as SearchText.EscapeLike expects.
    private const string Where = """
        a.status <> 'Replaced'
          AND (lower(a.title) LIKE @pattern
            OR lower(a.reference_number) LIKE @pattern
            OR a.id = ANY (ARRAY(SELECT ap.agreement_id FROM agreement_parties ap
                                 WHERE ap.party_id IN (SELECT p.id FROM parties p WHERE lower(p.name) LIKE @pattern))))
        """;

    // As the service does it: the ids of the first 1 001 in list order (the count, and every page there is),
    // then the page's rows by id with their party names.
    private static readonly string IdsSql = $"SELECT a.id FROM agreements a WHERE {Where} ORDER BY a.valid_from DESC, a.id DESC LIMIT @limit";

    private const string PageSql = """
        SELECT a.id, a.reference_number, a.version_number, a.title, a.kind, a.status, a.valid_from, a.valid_to, a.next_review_date, a.ends_on,
               ARRAY(SELECT p.name FROM agreement_parties ap JOIN parties p ON p.id = ap.party_id WHERE ap.agreement_id = a.id ORDER BY p.name)
        FROM agreements a
        WHERE a.id = ANY (@ids)
        ORDER BY a.valid_from DESC, a.id DESC
        """;

    private sealed record Term(string Kind, string Text, double TargetMs);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (!TryCount(args, "--runs", 50, out var runs) || !TryCount(args, "--warmups", 5, out var warmups))
        {
            await Console.Error.WriteLineAsync($"Bruk: {Name} [--runs N] [--warmups N] [--party NAVN] [--reference REF] [--broad ORD] [--show-sql] [--explain]");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var connectionString = provider.GetRequiredService<AppDbContext>().Database.GetConnectionString()!;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        var agreements = await ScalarAsync<long>(dataSource, "SELECT count(*) FROM agreements");
        var party = Option(args, "--party") ?? await ScalarAsync<string?>(dataSource,
            $"SELECT name FROM parties WHERE hpr_number = '{SyntheticRegister.FirstHprNumber}'");
        // A reference from the middle of the register: a selective term whatever the size.
        var reference = Option(args, "--reference") ?? await ScalarAsync<string?>(dataSource,
            "SELECT reference_number FROM agreements WHERE version_number = 1 ORDER BY reference_number OFFSET (SELECT count(*) / 2 FROM agreements WHERE version_number = 1) LIMIT 1");
        if (party is null || reference is null)
        {
            await Console.Error.WriteLineAsync("Fant ingen syntetiske avtaler: kjør generate-agreements først.");
            return 1;
        }

        var user = await SignInAsync(provider);
        if (user is null)
        {
            await Console.Error.WriteLineAsync($"Fant ikke {User}: start appen med demodata (Demo__Seed=true) først.");
            return 1;
        }

        Term[] terms =
        [
            new("selective, party name", party, SelectiveTargetMs),
            // The same name without the register's prefix: «Syntetisk» is in every synthetic title, so its trigrams
            // match all 100 000 and make the trigram scan for the full name several times dearer than a real name's.
            new("selective, name without prefix", party[(party.StartsWith(SyntheticRegister.NamePrefix + " ", StringComparison.Ordinal) ? SyntheticRegister.NamePrefix.Length + 1 : 0)..], SelectiveTargetMs),
            new("selective, reference", reference, SelectiveTargetMs),
            new("broad, specialty word", Option(args, "--broad") ?? DefaultBroadTerm, BroadTargetMs),
        ];

        var service = provider.GetRequiredService<IAgreementListService>();
        if (args.Contains("--show-sql") || args.Contains("--explain"))
        {
            foreach (var term in terms)
            {
                await ShowServiceSqlAsync(service, user, term, dataSource, explain: args.Contains("--explain"));
            }
        }

        var loadBefore = LoadAverage();
        var results = new List<(Term Term, string Matches, double[] Service, double[] Hand)>();
        foreach (var term in terms)
        {
            var state = new AgreementListState(new AgreementFilter { Text = term.Text });
            var pattern = "%" + SearchText.EscapeLike(term.Text.ToLowerInvariant()) + "%";
            AgreementPage? page = null;
            var handCount = 0;
            for (var i = 0; i < warmups; i++)
            {
                page = await service.SearchAsync(user, state);
                handCount = (await HandSearchAsync(dataSource, pattern, state.PageSize)).Counted;
            }

            var serviceMs = new double[runs];
            var handMs = new double[runs];
            for (var i = 0; i < runs; i++)
            {
                // Alternating which goes first, so neither always gets the warmer cache under a changing load.
                if (i % 2 == 0)
                {
                    serviceMs[i] = await TimeAsync(async () => page = await service.SearchAsync(user, state));
                    handMs[i] = await TimeAsync(async () => handCount = (await HandSearchAsync(dataSource, pattern, state.PageSize)).Counted);
                }
                else
                {
                    handMs[i] = await TimeAsync(async () => handCount = (await HandSearchAsync(dataSource, pattern, state.PageSize)).Counted);
                    serviceMs[i] = await TimeAsync(async () => page = await service.SearchAsync(user, state));
                }
            }

            var counted = page!.MoreThanCounted ? "over 1 000" : page.Total.ToString("N0", CultureInfo.InvariantCulture);
            var handCounted = handCount > AgreementListService.CountLimit ? "over 1 000" : handCount.ToString("N0", CultureInfo.InvariantCulture);
            if (counted != handCounted)
            {
                await Console.Error.WriteLineAsync($"Håndskrevet SQL og tjenesten er uenige for «{term.Text}»: {handCounted} mot {counted}.");
                return 1;
            }

            results.Add((term, counted, serviceMs, handMs));
        }

        Console.WriteLine();
        Console.WriteLine(F($"Agreement search: {agreements:N0} agreements, signed in as {User}; {runs} runs per term after {warmups} warm-ups,"));
        Console.WriteLine(F($"page 1 of 25 sorted by «gyldig fra»; times in ms; {Environment.ProcessorCount} cores, load average {loadBefore} before, {LoadAverage()} after."));
        Console.WriteLine();
        Console.WriteLine(F($"{"term",-44} {"matches",10}  {"service med",11} {"p95",7}  {"hand SQL med",12} {"p95",7}  {"p95 ratio",9}  target"));
        Console.WriteLine(new string('-', 44) + " " + new string('-', 10) + "  " + new string('-', 11) + " " + new string('-', 7) + "  "
            + new string('-', 12) + " " + new string('-', 7) + "  " + new string('-', 9) + "  " + new string('-', 30));
        foreach (var (term, matches, serviceMs, handMs) in results)
        {
            var p95 = Percentile(serviceMs, 95);
            var ratio = p95 / Percentile(handMs, 95);
            var met = p95 < term.TargetMs && ratio <= RatioTarget ? "met" : "MISSED";
            var label = Shorten($"{term.Kind}: «{term.Text}»", 44);
            Console.WriteLine(F($"{label,-44} {matches,10}  {Percentile(serviceMs, 50),11:0.0} {p95,7:0.0}  {Percentile(handMs, 50),12:0.0} {Percentile(handMs, 95),7:0.0}  {ratio,9:0.00}  p95 < {term.TargetMs:0} ms, ≤ {RatioTarget:0}× hand: {met}"));
        }

        Console.WriteLine();
        Console.WriteLine("Service: AgreementListService.SearchAsync, a DbContext per call, three statements: the agreements of parties so named,");
        Console.WriteLine("the ids of the first 1 001 matches in list order (the count), the page's rows by id with their party names.");
        Console.WriteLine("Hand SQL: the same through Npgsql on a pooled connection in two statements, the party match inside the first as");
        Console.WriteLine("= ANY(ARRAY(subquery)), the party names as an ARRAY subquery.");
        return 0;
    }

    /// <summary>A principal as the log-in makes it: the app's own claims factory for the demo caseworker.</summary>
    private static async Task<ClaimsPrincipal?> SignInAsync(IServiceProvider provider)
    {
        var users = provider.GetRequiredService<UserManager<AppUser>>();
        var account = await users.FindByEmailAsync(User);
        return account is null ? null : await provider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(account);
    }

    private static async Task<(int Counted, int Rows)> HandSearchAsync(NpgsqlDataSource dataSource, string pattern, int size)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var ids = await HandIdsAsync(connection, pattern);
        await using var page = new NpgsqlCommand(PageSql, connection);
        page.Parameters.AddWithValue("ids", ids.Take(size).ToArray());
        await using var reader = await page.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            // Read every column, as EF materialises them.
            _ = (reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.GetFieldValue<DateOnly>(6), reader.IsDBNull(7) ? (DateOnly?)null : reader.GetFieldValue<DateOnly>(7),
                reader.IsDBNull(8) ? (DateOnly?)null : reader.GetFieldValue<DateOnly>(8), reader.IsDBNull(9) ? (DateOnly?)null : reader.GetFieldValue<DateOnly>(9),
                reader.GetFieldValue<string[]>(10));
            rows++;
        }

        return (ids.Count, rows);
    }

    private static async Task<List<Guid>> HandIdsAsync(NpgsqlConnection connection, string pattern)
    {
        await using var command = new NpgsqlCommand(IdsSql, connection);
        command.Parameters.AddWithValue("pattern", pattern);
        command.Parameters.AddWithValue("limit", AgreementListService.CountLimit + 1);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    /// <summary>--show-sql: the SQL EF sends for one search (caught from EF's diagnostics); --explain: its plans, with the same parameters.</summary>
    private static async Task ShowServiceSqlAsync(IAgreementListService service, ClaimsPrincipal user, Term term, NpgsqlDataSource dataSource, bool explain)
    {
        var commands = new List<(string Sql, NpgsqlParameter[] Parameters)>();
        using (DiagnosticListener.AllListeners.Subscribe(new CommandCatcher(commands)))
        {
            await service.SearchAsync(user, new AgreementListState(new AgreementFilter { Text = term.Text }));
        }

        Console.WriteLine();
        Console.WriteLine($"==== {term.Kind}: «{term.Text}» — the service's SQL");
        foreach (var (sql, parameters) in commands)
        {
            Console.WriteLine(string.Join(", ", parameters.Select(p => $"{p.ParameterName}={p.Value}")));
            Console.WriteLine(sql);
            if (explain)
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, connection);
                command.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    Console.WriteLine("    " + reader.GetString(0));
                }
            }

            Console.WriteLine();
        }

        if (explain)
        {
            var pattern = "%" + SearchText.EscapeLike(term.Text.ToLowerInvariant()) + "%";
            await using var connection = await dataSource.OpenConnectionAsync();
            var ids = await HandIdsAsync(connection, pattern);
            foreach (var sql in new[] { IdsSql, PageSql })
            {
                Console.WriteLine($"---- hand SQL, pattern={pattern}");
                Console.WriteLine(sql);
                await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, connection);
                command.Parameters.AddWithValue("pattern", pattern);
                command.Parameters.AddWithValue("limit", AgreementListService.CountLimit + 1);
                command.Parameters.AddWithValue("ids", ids.Take(AgreementListState.DefaultPageSize).ToArray());
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    Console.WriteLine("    " + reader.GetString(0));
                }

                Console.WriteLine();
            }
        }
    }

    /// <summary>Collects the commands EF executes (its "Microsoft.EntityFrameworkCore" diagnostic events).</summary>
    private sealed class CommandCatcher(List<(string Sql, NpgsqlParameter[] Parameters)> commands)
        : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                listener.Subscribe(this, name => name == RelationalEventId.CommandExecuting.Name);
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Value is CommandEventData { Command: DbCommand command })
            {
                commands.Add((command.CommandText, command.Parameters.OfType<NpgsqlParameter>().Select(p => p.Clone()).ToArray()));
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>Nearest rank, as the shell benchmarks compute it.</summary>
    internal static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Max(0, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default! : (T)value;
    }

    private static bool TryCount(string[] args, string name, int fallback, out int value)
    {
        value = fallback;
        return Option(args, name) is not { } text || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0);
    }

    internal static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
