using System.Security.Claims;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Domain.Committees.Fees;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Features.Account;

namespace SamarbeidsAvtaler.Web.Features.Committees.Fees;

/// <summary>
/// Who sees and who keeps fee claims. A claim belongs to the helsefellesskap the fastlege sits in: it is
/// visible to maintainers, and to the users of a helsefellesskap in one of whose bodies the fastlege is a
/// member. Saksbehandler, administrator and a sekretariat keep them (the sekretariat only its own
/// helsefellesskap's); an avtalespesialist sees none.
/// </summary>
public static class FeeAccess
{
    /// <summary>The roles that may open the fee pages (the same as read the committees).</summary>
    public const string ReaderRoles = Roles.Caseworker + "," + Roles.Administrator + "," + Roles.Secretariat + "," + Roles.CooperationManager;

    public static IQueryable<FeeClaim> VisibleTo(this IQueryable<FeeClaim> claims, AppDbContext db, ClaimsPrincipal user)
    {
        if (user.IsMaintainer())
        {
            return claims;
        }

        if (!user.MayReadCommittees())
        {
            return claims.Where(_ => false);
        }

        var persons = MemberIds(db, db.Committees.VisibleTo(db, user));
        return claims.Where(c => persons.Contains(c.PersonId));
    }

    public static IQueryable<FeeClaim> MaintainableBy(this IQueryable<FeeClaim> claims, AppDbContext db, ClaimsPrincipal user)
    {
        if (user.IsMaintainer())
        {
            return claims;
        }

        if (!user.MayMaintainCommittees())
        {
            return claims.Where(_ => false);
        }

        var persons = MemberIds(db, db.Committees.MaintainableBy(db, user));
        return claims.Where(c => persons.Contains(c.PersonId));
    }

    /// <summary>The fastleger a user may make a claim for: fastlege members of a body the user keeps.</summary>
    public static IQueryable<Guid> EligibleFastlegeIds(AppDbContext db, ClaimsPrincipal user)
    {
        if (!user.MayMaintainCommittees())
        {
            return db.Persons.Where(_ => false).Select(p => p.Id);
        }

        var committees = db.Committees.MaintainableBy(db, user).Select(c => c.Id);
        return db.CommitteeMembers
            .Where(m => m.Representation == Representation.GeneralPractitioner && committees.Contains(m.CommitteeId))
            .Select(m => m.PersonId);
    }

    private static IQueryable<Guid> MemberIds(AppDbContext db, IQueryable<Committee> committees)
    {
        var ids = committees.Select(c => c.Id);
        return db.CommitteeMembers.Where(m => ids.Contains(m.CommitteeId)).Select(m => m.PersonId);
    }
}
