using SamarbeidsAvtaler.Web.Features.Account;
using Serilog;
using Serilog.Context;
using Serilog.Formatting.Compact;

namespace SamarbeidsAvtaler.Web.Setup;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog for the whole host: readable lines in Development, compact JSON elsewhere. Every event
    /// carries the request id (ASP.NET Core's scope), the user id (<see cref="UseUserLogContext"/>)
    /// and, inside a circuit, the circuit id (<see cref="CircuitLogging"/>).
    /// </summary>
    public static WebApplicationBuilder AddSerilogLogging(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSerilog((services, configuration) =>
        {
            configuration
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext();
            if (development)
            {
                configuration.WriteTo.Console(outputTemplate:
                    "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {RequestId}{CircuitId} {UserId}{NewLine}{Exception}");
            }
            else
            {
                configuration.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
        });
        return builder;
    }

    /// <summary>One line per request with status and time, and the user who made it.</summary>
    public static WebApplication UseAppRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
            options.EnrichDiagnosticContext = (diagnostics, http) => diagnostics.Set("UserId", http.User.UserId()));
        return app;
    }

    /// <summary>Puts the signed-in user's id on every event logged while the request runs.</summary>
    public static WebApplication UseUserLogContext(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            using (LogContext.PushProperty("UserId", context.User.UserId()))
            {
                await next();
            }
        });
        return app;
    }
}
