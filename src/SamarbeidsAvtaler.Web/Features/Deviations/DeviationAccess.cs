using System.Security.Claims;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Features.Account;

namespace SamarbeidsAvtaler.Web.Features.Deviations;

/// <summary>
/// Who sees and who moves deviation and dispute cases (issue 10 § 6). Caseworkers and administrators:
/// all. A sekretariat: every case on an agreement of its helsefellesskap. A samhandlingssjef: the cases
/// its HF (or an institution under it) is a party to; a kommune user: its kommune's cases. An
/// avtalespesialist: none. Every case service filters through here, so a page that forgets a check
/// still shows nothing it should not.
/// </summary>
public static class DeviationAccess
{
    /// <summary>Whether the user may open the deviation and dispute pages at all.</summary>
    public static bool MayUseCases(this ClaimsPrincipal user) =>
        !user.IsInRole(Roles.Specialist)
        && (user.IsMaintainer() || user.IsInRole(Roles.Secretariat) || user.IsInRole(Roles.CooperationManager) || user.IsInRole(Roles.Municipality));

    /// <summary>
    /// The parties the user acts for: a kommune user's kommune; a samhandlingssjef's HF and the
    /// institutions under it. Empty for the other roles, who act for no party of their own.
    /// </summary>
    public static IQueryable<Guid> OwnPartyIds(AppDbContext db, ClaimsPrincipal user)
    {
        var own = user.PartyId() ?? Guid.Empty;
        if (user.IsInRole(Roles.Municipality))
        {
            return db.Parties.Where(p => p.Id == own).Select(p => p.Id);
        }

        if (user.IsInRole(Roles.CooperationManager))
        {
            return db.Parties.Where(p => p.Id == own || p.ParentPartyId == own).Select(p => p.Id);
        }

        return db.Parties.Where(_ => false).Select(p => p.Id);
    }

    /// <summary>
    /// The agreements of the sekretariat's helsefellesskap: the overarching agreements its HF or kommune
    /// is party to, and every agreement below them (tjenesteavtaler and særavtaler).
    /// </summary>
    public static IQueryable<Guid> HelsefellesskapTree(AppDbContext db, ClaimsPrincipal user)
    {
        var own = user.PartyId() ?? Guid.Empty;
        var parties = db.Parties.Where(p => p.Id == own || p.ParentPartyId == own).Select(p => p.Id);
        var roots = db.Agreements
            .Where(a => a.Level == AgreementLevel.Overarching && db.AgreementParties.Any(ap => ap.AgreementId == a.Id && parties.Contains(ap.PartyId)))
            .Select(a => a.Id);
        var services = db.Agreements.Where(a => a.ParentAgreementId != null && roots.Contains(a.ParentAgreementId.Value)).Select(a => a.Id);
        return db.Agreements
            .Where(a => roots.Contains(a.Id) || services.Contains(a.Id) || (a.ParentAgreementId != null && services.Contains(a.ParentAgreementId.Value)))
            .Select(a => a.Id);
    }

    public static IQueryable<Deviation> VisibleTo(this IQueryable<Deviation> deviations, AppDbContext db, ClaimsPrincipal user)
    {
        if (!user.MayUseCases())
        {
            return deviations.Where(_ => false);
        }

        if (user.IsMaintainer())
        {
            return deviations;
        }

        if (user.IsInRole(Roles.Secretariat))
        {
            var tree = HelsefellesskapTree(db, user);
            return deviations.Where(d => tree.Contains(d.AgreementId));
        }

        var own = OwnPartyIds(db, user);
        return deviations.Where(d => own.Contains(d.ReportingPartyId) || own.Contains(d.OtherPartyId));
    }

    public static IQueryable<Dispute> VisibleTo(this IQueryable<Dispute> disputes, AppDbContext db, ClaimsPrincipal user)
    {
        if (!user.MayUseCases())
        {
            return disputes.Where(_ => false);
        }

        if (user.IsMaintainer())
        {
            return disputes;
        }

        if (user.IsInRole(Roles.Secretariat))
        {
            var tree = HelsefellesskapTree(db, user);
            return disputes.Where(d => tree.Contains(d.AgreementId));
        }

        var own = OwnPartyIds(db, user);
        return disputes.Where(d => own.Contains(d.RaisingPartyId) || own.Contains(d.OtherPartyId));
    }

    /// <summary>
    /// The parties the user may report a deviation for: a kommune user its kommune; a samhandlingssjef its HF
    /// and the institutions under it; caseworkers, administrators and a sekretariat any kommune, HF or
    /// institution (a sekretariat's report must still concern an agreement it sees).
    /// </summary>
    public static IQueryable<Guid> ReportingPartyIds(AppDbContext db, ClaimsPrincipal user)
    {
        if (!user.MayUseCases())
        {
            return db.Parties.Where(_ => false).Select(p => p.Id);
        }

        return user.MovesEveryVisibleCase()
            ? db.Parties.Where(p => p.Kind == PartyKind.Municipality || p.Kind == PartyKind.HealthTrust || p.Kind == PartyKind.Institution).Select(p => p.Id)
            : OwnPartyIds(db, user);
    }

    /// <summary>Caseworkers, administrators and a sekretariat move any case they see, on either side's behalf.</summary>
    public static bool MovesEveryVisibleCase(this ClaimsPrincipal user) =>
        user.MayUseCases() && (user.IsMaintainer() || user.IsInRole(Roles.Secretariat));

    /// <summary>
    /// Whether the user may take a step on behalf of <paramref name="sidePartyId"/>: a sekretariat or a
    /// maintainer always (for a case they see); a party's own users for their own side only.
    /// </summary>
    public static bool ActsFor(this ClaimsPrincipal user, IReadOnlyCollection<Guid> ownPartyIds, Guid sidePartyId) =>
        user.MovesEveryVisibleCase() || ownPartyIds.Contains(sidePartyId);
}
