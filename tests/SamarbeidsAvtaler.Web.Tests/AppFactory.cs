using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SamarbeidsAvtaler.Testing;

namespace SamarbeidsAvtaler.Web.Tests;

/// <summary>The real app on a real, freshly migrated PostgreSQL database with the demo data seeded.</summary>
public class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();

        // Start the app now, so migrations and demo data are in place before a test reads the database.
        _ = Server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Program reads these while building the host, so they go in as host settings.
        builder.UseSetting("ConnectionStrings:Default", Database.ConnectionString);
        builder.UseSetting("Demo:Seed", "true");
    }

    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFactory>
{
    public const string Name = "app";
}
