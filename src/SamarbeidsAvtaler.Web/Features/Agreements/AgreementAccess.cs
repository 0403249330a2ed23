using System.Security.Claims;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Features.Account;

namespace SamarbeidsAvtaler.Web.Features.Agreements;

public static class AgreementAccess
{
    /// <summary>
    /// The agreements a user may read. Caseworkers and administrators: all. A samhandlingssjef: those
    /// their trust (or an institution under it) is party to; a sekretariat likewise for its HF or kommune.
    /// An avtalespesialist or a kommune user: those their own party is party to. Whatever is
    /// filtered out does not exist for that user (404).
    /// </summary>
    public static IQueryable<Agreement> VisibleTo(this IQueryable<Agreement> agreements, AppDbContext db, ClaimsPrincipal user)
    {
        if (user.IsMaintainer())
        {
            return agreements;
        }

        var own = user.PartyId() ?? Guid.Empty;
        if (user.IsInRole(Roles.CooperationManager) || user.IsInRole(Roles.Secretariat))
        {
            var trustAndInstitutions = db.Parties.Where(p => p.Id == own || p.ParentPartyId == own).Select(p => p.Id);
            return agreements.Where(a => db.AgreementParties.Any(ap => ap.AgreementId == a.Id && trustAndInstitutions.Contains(ap.PartyId)));
        }

        if (user.IsInRole(Roles.Specialist) || user.IsInRole(Roles.Municipality))
        {
            return agreements.Where(a => db.AgreementParties.Any(ap => ap.AgreementId == a.Id && ap.PartyId == own));
        }

        return agreements.Where(_ => false);
    }
}
