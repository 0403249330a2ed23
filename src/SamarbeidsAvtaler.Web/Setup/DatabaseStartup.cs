using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Infrastructure.Migrations;
using SamarbeidsAvtaler.Infrastructure.Seeding;

namespace SamarbeidsAvtaler.Web.Setup;

public static class DatabaseStartup
{
    /// <summary>Applies the SQL migrations, makes sure the roles exist, and seeds demo data where configured.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Migrations");
        await new MigrationRunner(db.Database.GetConnectionString()!, logger: logger).MigrateAsync();
        await services.GetRequiredService<RoleSeeder>().SeedAsync();

        if (ShouldSeedDemoData(app.Environment, app.Configuration))
        {
            await services.GetRequiredService<DemoData>().SeedAsync();
            app.Logger.LogInformation("Demo data is in place; demo log-ins are shown on the log-in page");
        }
    }

    public static bool ShouldSeedDemoData(IHostEnvironment environment, IConfiguration configuration) =>
        !environment.IsProduction() && configuration.GetValue("Demo:Seed", environment.IsDevelopment());
}
