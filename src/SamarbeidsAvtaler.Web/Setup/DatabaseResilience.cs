using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace SamarbeidsAvtaler.Web.Setup;

/// <summary>
/// What the app does when PostgreSQL goes away: a dead pooled connection (the server restarted, or the
/// backend was terminated) is retried once on a fresh connection, and a database that cannot be reached
/// gives the Norwegian "midlertidig utilgjengelig" page with 503 instead of a 500.
/// </summary>
public static class DatabaseResilience
{
    /// <summary>Whether the exception (or one it wraps) says the database cannot be reached right now.</summary>
    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException postgres)
            {
                return IsConnectionLost(postgres)
                    || postgres.SqlState is PostgresErrorCodes.CannotConnectNow // starting up or shutting down
                        or PostgresErrorCodes.ObjectNotInPrerequisiteState // ALLOW_CONNECTIONS false
                        or PostgresErrorCodes.InvalidCatalogName // the database is gone
                        or PostgresErrorCodes.TooManyConnections;
            }

            if (e is NpgsqlException npgsql && IsConnectionLost(npgsql))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A connection that broke: terminated by the server, or a socket error or timeout on the way.</summary>
    public static bool IsConnectionLost(NpgsqlException exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
            || postgres.SqlState.StartsWith("08", StringComparison.Ordinal), // connection_exception class
        _ => exception.IsTransient,
    };

    /// <summary>Answers 503 (re-executed as the error page by the status-code pages) when the database is unreachable.</summary>
    public static IApplicationBuilder UseDatabaseUnavailablePage(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next();
            }
            catch (Exception exception) when (IsUnavailable(exception) && !context.Response.HasStarted)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseResilience).FullName!)
                    .LogError(exception, "The database is unavailable: answered 503 to {Method} {Path}", context.Request.Method, context.Request.Path);
                // Clear what the failed endpoint set (its content type would keep the status-code page from
                // rendering); the re-executed error request adds the security headers again.
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "10";
            }
        });
}

/// <summary>
/// Retries an operation once when its connection turns out to be dead, after clearing the pool so the retry
/// opens a new connection instead of taking the next dead one. Inside a transaction the code opened itself
/// nothing is retried (a retry would replay half a transaction), and nothing is refused either.
/// </summary>
public sealed class RetryDeadConnectionOnce(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, maxRetryCount: 1, maxRetryDelay: TimeSpan.FromMilliseconds(200))
{
    private bool _inUserTransaction;

    protected override void OnFirstExecution()
    {
        _inUserTransaction = Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;
        if (!_inUserTransaction)
        {
            base.OnFirstExecution();
        }
    }

    protected override bool ShouldRetryOn(Exception exception)
    {
        if (_inUserTransaction || exception is not NpgsqlException npgsql || !DatabaseResilience.IsConnectionLost(npgsql))
        {
            return false;
        }

        if (Dependencies.CurrentContext.Context.Database.GetDbConnection() is NpgsqlConnection connection)
        {
            NpgsqlConnection.ClearPool(connection);
        }

        return true;
    }
}
