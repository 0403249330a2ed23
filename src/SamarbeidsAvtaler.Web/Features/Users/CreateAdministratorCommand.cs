using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Infrastructure.Identity;
using SamarbeidsAvtaler.Infrastructure.Migrations;
using SamarbeidsAvtaler.Infrastructure.Seeding;

namespace SamarbeidsAvtaler.Web.Features.Users;

/// <summary>
/// <c>create-admin --email ADDRESS --name "FULL NAME"</c>: creates the first administrator in a
/// production database. The password comes from SA_ADMIN_PASSWORD or is read from standard input.
/// </summary>
public static class CreateAdministratorCommand
{
    public const string Name = "create-admin";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var email = Option(args, "--email");
        var displayName = Option(args, "--name");
        if (email is null || displayName is null)
        {
            await Console.Error.WriteLineAsync("Bruk: create-admin --email ADRESSE --name \"FULLT NAVN\" (passord i SA_ADMIN_PASSWORD eller på standard inn)");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable("SA_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            Console.Write("Passord: ");
            password = Console.ReadLine() ?? string.Empty;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await new MigrationRunner(db.Database.GetConnectionString()!).MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<RoleSeeder>().SeedAsync();

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            await Console.Error.WriteLineAsync($"Det finnes allerede en bruker med e-post {email}.");
            return 1;
        }

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = DateTimeOffset.UtcNow };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, Roles.Administrator);
        }

        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, result.Errors.Select(e => e.Description)));
            return 1;
        }

        Console.WriteLine($"Administrator {email} er opprettet.");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
