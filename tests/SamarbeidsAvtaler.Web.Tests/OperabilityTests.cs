using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SamarbeidsAvtaler.Web.Setup;

namespace SamarbeidsAvtaler.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class OperabilityTests(AppFactory app)
{
    [Fact]
    public async Task Ready_reports_database_and_migrations_healthy()
    {
        var response = await app.CreateBrowserLikeClient().GetAsync("/health/ready");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().StartWith("Healthy").And.Contain("database: Healthy").And.Contain("migrations: Healthy");
    }

    [Fact]
    public void The_memory_diagnostics_that_force_a_full_GC_exist_only_in_Development()
    {
        // The tests run as "Testing": like Production, there is no endpoint through which a request forces a collection.
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText?.TrimStart('/'));

        routes.Should().NotContain("dev/memory").And.Contain("health/ready");
    }

    [Theory]
    [InlineData("Host=db;Database=x;Username=u;Password=samarbeid-dev")]
    [InlineData("Host=db;Database=x;Username=u")]
    public void Production_refuses_the_default_or_a_missing_database_password(string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = connectionString })
            .Build();

        var act = () => ProductionGuard.EnsureSafeConfiguration(new Environment(Environments.Production), configuration);

        act.Should().Throw<InvalidOperationException>().WithMessage("*password*");
    }

    [Fact]
    public void Production_starts_with_a_real_password_and_never_seeds_demo_users()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = "Host=db;Username=u;Password=a-real-secret" })
            .Build();

        var act = () => ProductionGuard.EnsureSafeConfiguration(new Environment(Environments.Production), configuration);

        act.Should().NotThrow();
        DatabaseStartup.ShouldSeedDemoData(new Environment(Environments.Production), configuration).Should().BeFalse();
        DatabaseStartup.ShouldSeedDemoData(new Environment(Environments.Development), configuration).Should().BeTrue();
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        var response = await app.CreateBrowserLikeClient().GetAsync("/logg-inn");

        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("script-src 'self'");
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "SamarbeidsAvtaler.Web";
        public string ContentRootPath { get; set; } = "/";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
