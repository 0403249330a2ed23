using Npgsql;

namespace SamarbeidsAvtaler.Web.Setup;

/// <summary>Refuses to run Production on the development defaults that ship in the repository.</summary>
public static class ProductionGuard
{
    public const string DevelopmentDatabasePassword = "samarbeid-dev";

    public static void EnsureSafeConfiguration(IHostEnvironment environment, IConfiguration configuration)
    {
        if (!environment.IsProduction())
        {
            return;
        }

        var connectionString = configuration.GetConnectionString("Default") ?? string.Empty;
        var password = new NpgsqlConnectionStringBuilder(connectionString).Password;
        if (string.IsNullOrEmpty(password) || password == DevelopmentDatabasePassword)
        {
            throw new InvalidOperationException(
                "Production refuses to start with an empty or default database password. " +
                "Set ConnectionStrings__Default with the production password.");
        }

        if (configuration.GetValue<bool>("Demo:Seed"))
        {
            throw new InvalidOperationException("Production refuses to seed demo users: remove Demo:Seed.");
        }
    }
}
