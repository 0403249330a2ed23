using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Infrastructure.Identity;
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
        builder.UseStaticWebAssets();
        // Program reads these while building the host, so they go in as host settings.
        builder.UseSetting("ConnectionStrings:Default", Database.ConnectionString);
        builder.UseSetting("Demo:Seed", "true");
    }

    /// <summary>
    /// A scope of the app's own services, as a circuit has one: resolve feature services from it to test
    /// them on the real database with the real registrations. Dispose it after the test.
    /// </summary>
    public AsyncServiceScope CreateScope() => Services.CreateAsyncScope();

    /// <summary>The principal a demo user gets on log-in (the same claims as the cookie), for service calls.</summary>
    public async Task<ClaimsPrincipal> UserAsync(string email)
    {
        await using var scope = CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
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
