using SamarbeidsAvtaler.Web.Features.Users;
using SamarbeidsAvtaler.Web.Setup;

// The services, the pipeline and the endpoints are listed in Setup/AppHost.cs.
var app = AppHost.Build(args);

if (args.FirstOrDefault() == CreateAdministratorCommand.Name)
{
    return await CreateAdministratorCommand.RunAsync(app.Services, args.Skip(1).ToArray());
}

await app.UseAppAsync();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
