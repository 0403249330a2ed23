using Serilog;
using Serilog.Formatting.Compact;

namespace SamarbeidsAvtaler.Web.Setup;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog through Microsoft.Extensions.Logging: readable lines in Development, JSON elsewhere.
    /// ASP.NET Core's request scope supplies RequestId to every event of a request.
    /// </summary>
    public static WebApplicationBuilder AddSerilogLogging(this WebApplicationBuilder builder)
    {
        var configuration = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext();

        configuration = builder.Environment.IsDevelopment()
            ? configuration.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {RequestId}{NewLine}{Exception}")
            : configuration.WriteTo.Console(new RenderedCompactJsonFormatter());

        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(configuration.CreateLogger(), dispose: true);
        return builder;
    }
}
