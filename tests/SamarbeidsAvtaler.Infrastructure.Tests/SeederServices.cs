using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Infrastructure.Identity;
using SamarbeidsAvtaler.Infrastructure.Seeding;
using SamarbeidsAvtaler.Testing;

namespace SamarbeidsAvtaler.Infrastructure.Tests;

/// <summary>The registrations the seeders need in the app, with Identity's default options.</summary>
internal static class SeederServices
{
    public static ServiceProvider Build(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<AppDbContext>(o => o.UseNpgsql(database.ConnectionString));
        services.AddIdentityCore<AppUser>().AddRoles<AppRole>().AddEntityFrameworkStores<AppDbContext>();
        services.AddScoped<RoleSeeder>();
        services.AddScoped<DemoData>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
