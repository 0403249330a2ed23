using System.Security.Claims;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Features.Account;

namespace SamarbeidsAvtaler.Web.Features.Committees;

/// <summary>
/// Who sees and who keeps the bodies of a helsefellesskap (issue 9 § 6). A helsefellesskap is the
/// overarching agreement that establishes the bodies; its users are those whose party (an HF with its
/// institutions, or a kommune) is party to it. Every committee service filters through here, so a page
/// that forgets a check still shows nothing it should not.
/// </summary>
public static class CommitteeAccess
{
    /// <summary>Caseworkers, administrators and a sekretariat keep bodies, members, meetings and minutes.</summary>
    public static bool MayMaintainCommittees(this ClaimsPrincipal user) =>
        user.IsMaintainer() || user.IsInRole(Roles.Secretariat);

    /// <summary>Everyone but an avtalespesialist may read the bodies of their helsefellesskap.</summary>
    public static bool MayReadCommittees(this ClaimsPrincipal user) =>
        user.IsMaintainer() || user.IsInRole(Roles.Secretariat) || user.IsInRole(Roles.CooperationManager);

    /// <summary>The bodies of the helsefellesskap(er) the user belongs to; nothing for anyone else.</summary>
    public static IQueryable<Committee> VisibleTo(this IQueryable<Committee> committees, AppDbContext db, ClaimsPrincipal user)
    {
        if (user.IsMaintainer())
        {
            return committees;
        }

        if (!user.MayReadCommittees())
        {
            return committees.Where(_ => false);
        }

        var agreements = HelsefellesskapAgreementIds(db, user);
        return committees.Where(c => agreements.Contains(c.OverarchingAgreementId));
    }

    /// <summary>Bodies whose content the user may change: all for maintainers, their own helsefellesskap's for a sekretariat.</summary>
    public static IQueryable<Committee> MaintainableBy(this IQueryable<Committee> committees, AppDbContext db, ClaimsPrincipal user) =>
        user.IsMaintainer() ? committees
        : user.IsInRole(Roles.Secretariat) ? committees.VisibleTo(db, user)
        : committees.Where(_ => false);

    /// <summary>The overarching agreements the user's own party (or an institution under their HF) is party to.</summary>
    public static IQueryable<Guid> HelsefellesskapAgreementIds(AppDbContext db, ClaimsPrincipal user)
    {
        var own = user.PartyId() ?? Guid.Empty;
        var parties = db.Parties.Where(p => p.Id == own || p.ParentPartyId == own).Select(p => p.Id);
        return db.AgreementParties.Where(ap => parties.Contains(ap.PartyId)).Select(ap => ap.AgreementId);
    }
}
