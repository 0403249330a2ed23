using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Infrastructure.Identity;

namespace SamarbeidsAvtaler.Web.Features.Account;

public static class UserClaims
{
    public const string DisplayNameType = "display_name";
    public const string PartyIdType = "party_id";

    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayNameType) ?? user.Identity?.Name ?? string.Empty;

    public static Guid? PartyId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(PartyIdType), out var id) ? id : null;

    public static string? Role(this ClaimsPrincipal user) => Roles.All.FirstOrDefault(user.IsInRole);

    public static bool IsMaintainer(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Caseworker) || user.IsInRole(Roles.Administrator);
}

/// <summary>Puts the display name and the linked party in the cookie so pages need no lookup.</summary>
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(UserClaims.DisplayNameType, user.DisplayName));
        if (user.PartyId is { } partyId)
        {
            identity.AddClaim(new Claim(UserClaims.PartyIdType, partyId.ToString()));
        }

        return identity;
    }
}
