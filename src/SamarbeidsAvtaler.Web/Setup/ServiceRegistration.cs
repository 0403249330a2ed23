using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using MudBlazor.Services;
using SamarbeidsAvtaler.Infrastructure.Auditing;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Infrastructure.Identity;
using SamarbeidsAvtaler.Infrastructure.Seeding;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Components.Localization;
using SamarbeidsAvtaler.Web.Features.AccessLog;
using SamarbeidsAvtaler.Web.Features.Account;
using SamarbeidsAvtaler.Web.Features.Agreements.Detail;
using SamarbeidsAvtaler.Web.Features.Agreements.Editor;
using SamarbeidsAvtaler.Web.Features.Agreements.List;
using SamarbeidsAvtaler.Web.Features.Agreements.Overview;
using SamarbeidsAvtaler.Web.Features.Committees;
using SamarbeidsAvtaler.Web.Features.Committees.Fees;
using SamarbeidsAvtaler.Web.Features.Committees.Meetings;
using SamarbeidsAvtaler.Web.Features.Deviations;
using SamarbeidsAvtaler.Web.Features.Deviations.Statistics;
using SamarbeidsAvtaler.Web.Features.Disputes;
using SamarbeidsAvtaler.Web.Features.Health;
using SamarbeidsAvtaler.Web.Features.MyAgreements;
using SamarbeidsAvtaler.Web.Features.Parties;
using SamarbeidsAvtaler.Web.Features.Users;

namespace SamarbeidsAvtaler.Web.Setup;

public static class ServiceRegistration
{
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("ConnectionStrings:Default is not set. Set it in appsettings or the ConnectionStrings__Default environment variable.");
        }

        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        // Scoped factory as well as the scoped context: a child component that loads its own data
        // (AuditHistory) gets a context of its own, since Blazor may run it while the page saves.
        services.AddDbContextFactory<AppDbContext>(
            options => options.UseNpgsql(connectionString, npgsql => npgsql.ExecutionStrategy(d => new RetryDeadConnectionOnce(d))),
            ServiceLifetime.Scoped);
        services.AddScoped<RoleSeeder>();
        services.AddScoped<DemoData>();
        return services;
    }

    public static IServiceCollection AddAppIdentity(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, AppRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // The e-mail address is the user name; Norwegian addresses may hold æ, ø and å.
                options.User.AllowedUserNameCharacters += "æøåÆØÅ";
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddErrorDescriber<NorwegianIdentityErrorDescriber>();

        // A deactivated user's cookie stops working within a minute: the stamp changes on deactivation.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/logg-inn";
            options.LogoutPath = "/logg-ut";
            options.AccessDeniedPath = "/feil/403";
            options.Cookie.Name = "samarbeidsavtaler.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            // A role without the right gets a real 403 (rendered by the status page), not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        return services;
    }

    public static IServiceCollection AddWebUi(this IServiceCollection services, IConfiguration configuration)
    {
        // Cookie and antiforgery keys must outlive a container restart: keep them on a volume in production.
        if (configuration["DataProtection:KeysPath"] is { Length: > 0 } keysPath)
        {
            services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keysPath)).SetApplicationName("SamarbeidsAvtaler");
        }

        // Minutes and agreement sections may hold 100 000 characters; SignalR's default of 32 KB per
        // message would close the circuit on saving one, losing the text. 1 MB covers them in UTF-8 JSON.
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(options => options.MaximumReceiveMessageSize = 1024 * 1024);
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddScoped<CircuitContext>();
        services.AddScoped<ListAddress>();
        services.AddScoped<CircuitHandler, CircuitLogging>();
        services.AddCircuitCounter();
        services.AddAntiforgery(options => options.Cookie.Name = "samarbeidsavtaler.af");

        services.AddMudServices(config =>
        {
            config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomLeft;
            config.SnackbarConfiguration.PreventDuplicates = false;
            config.SnackbarConfiguration.VisibleStateDuration = 6000;
            config.SnackbarConfiguration.ShowCloseIcon = true;
        });
        services.AddTransient<MudLocalizer, NorwegianMudLocalizer>();
        return services;
    }

    /// <summary>The feature services the interactive pages call; each opens a context per operation and checks access.</summary>
    public static IServiceCollection AddFeatureServices(this IServiceCollection services)
    {
        services.AddScoped<Features.Home.HomeService>();
        services.AddPartyServices();
        services.AddUserServices();
        services.AddAccessLogServices();
        services.AddAgreementListServices();
        services.AddMyAgreementsServices();
        services.AddAgreementOverviewServices();
        services.AddAgreementDetailServices();
        services.AddAgreementEditorServices();
        services.AddCommitteeServices();
        services.AddMeetingServices();
        services.AddFeeServices();
        services.AddDeviationServices();
        services.AddDeviationStatisticsServices();
        services.AddDisputeServices();
        return services;
    }
}
