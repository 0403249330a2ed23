using System.Security.Claims;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Web.Features.Account;

namespace SamarbeidsAvtaler.Web.Features.Parties;

public static class PartyAccess
{
    /// <summary>
    /// The parties a user may see: an avtalespesialist only their own; caseworkers, administrators and
    /// samhandlingssjefer the whole register. What is filtered out simply does not exist (404).
    /// </summary>
    public static IQueryable<Party> VisibleTo(this IQueryable<Party> parties, ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Specialist) && !user.IsMaintainer())
        {
            var own = user.PartyId() ?? Guid.Empty;
            return parties.Where(p => p.Id == own);
        }

        return parties;
    }

    /// <summary>Which kind of party each kind belongs under, if any.</summary>
    public static PartyKind? ParentKind(PartyKind kind) => kind switch
    {
        PartyKind.HealthTrust => PartyKind.RegionalHealthAuthority,
        PartyKind.Institution => PartyKind.HealthTrust,
        PartyKind.Specialist => PartyKind.RegionalHealthAuthority,
        _ => null,
    };

    public static string ParentLabel(PartyKind kind) => kind switch
    {
        PartyKind.Specialist => "RHF (driftsavtale)",
        PartyKind.Institution => "Helseforetak",
        _ => "Regionalt helseforetak",
    };
}
