using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Features.Account;

namespace SamarbeidsAvtaler.Web.Features.Home;

public sealed record HomeSummary(int ActiveParties);

/// <summary>The front page: where a role lands, and the counts shown on the cards.</summary>
public sealed class HomeService(IDbContextFactory<AppDbContext> contexts)
{
    /// <summary>
    /// An avtalespesialist lands on their own agreements, a samhandlingssjef on their trust's overview,
    /// a kommune user on its deviations;
    /// caseworkers and administrators on the front page (null).
    /// </summary>
    public static string? LandingPage(ClaimsPrincipal user)
    {
        if (user.IsMaintainer())
        {
            return null;
        }

        if (user.IsInRole(Roles.Specialist))
        {
            return "/mine-avtaler";
        }

        if (user.IsInRole(Roles.Municipality))
        {
            return "/avvik";
        }

        if (user.IsInRole(Roles.Secretariat))
        {
            return "/utvalg/oversikt";
        }

        return user.IsInRole(Roles.CooperationManager) ? "/oversikt" : null;
    }

    public async Task<HomeSummary> GetSummaryAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The register's size is not secret to anyone who may open the front page; a specialist never gets here.
        var active = LandingPage(user) is null ? await db.Parties.CountAsync(p => p.IsActive, cancellationToken) : 0;
        return new HomeSummary(active);
    }
}
