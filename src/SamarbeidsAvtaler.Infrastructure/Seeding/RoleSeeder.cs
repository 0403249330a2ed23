using Microsoft.AspNetCore.Identity;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Infrastructure.Identity;

namespace SamarbeidsAvtaler.Infrastructure.Seeding;

/// <summary>The four roles exist in every environment; they are reference data, not demo data.</summary>
public sealed class RoleSeeder(RoleManager<AppRole> roles)
{
    public async Task SeedAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                IdentityCheck.Ensure(await roles.CreateAsync(new AppRole(role)));
            }
        }
    }
}
