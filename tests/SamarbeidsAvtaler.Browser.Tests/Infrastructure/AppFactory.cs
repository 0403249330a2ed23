using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SamarbeidsAvtaler.Browser.Tests.Infrastructure;

/// <summary>
/// The real app (Program) on a real Kestrel port on 127.0.0.1, so a browser outside the process can reach it.
/// The content root is the Web project folder, so wwwroot (and its git-ignored lib/) is served as in development.
/// </summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    public const string EnvironmentName = "Testing";

    private readonly string _connectionString;

    public AppFactory(string connectionString)
    {
        _connectionString = connectionString;
        UseKestrel(0); // 0: a free port, picked by the OS; the factory binds http://127.0.0.1:0.
    }

    /// <summary>The address the server listens on, e.g. http://127.0.0.1:41234/. Valid after <see cref="WebApplicationFactory{T}.StartServer"/>.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    /// <summary>The app's warnings and errors, for the output of a failing test.</summary>
    public AppLog Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Host settings, not app configuration: Program reads the connection string while building,
        // before configuration added with ConfigureAppConfiguration would be applied.
        builder.UseEnvironment(EnvironmentName);
        // blazor.web.js and MudBlazor's files come from the build's static web assets, as in Development.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:Default", _connectionString);
        builder.UseSetting("Demo:Seed", "true");
        // One JSON line per request would bury the test output; warnings and errors still show.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Registered after Program's logging set-up (which clears the providers), so it stays.
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Log));
    }
}
