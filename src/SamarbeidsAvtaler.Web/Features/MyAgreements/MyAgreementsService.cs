using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Features.Account;
using SamarbeidsAvtaler.Web.Features.Agreements;

namespace SamarbeidsAvtaler.Web.Features.MyAgreements;

/// <summary>One version of an agreement on the specialist's own page.</summary>
public sealed record MyAgreementVersion(
    Guid Id,
    string ReferenceNumber,
    int VersionNumber,
    string Title,
    AgreementKind Kind,
    AgreementStatus Status,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    DateOnly? EndsOn,
    DateOnly? ReplacedOn,
    bool IsSigned);

/// <summary>An agreement as the specialist knows it: its current version and the earlier signed ones, newest first.</summary>
public sealed record MyAgreement(MyAgreementVersion Current, IReadOnlyList<MyAgreementVersion> EarlierSigned);

public sealed class MyAgreementsService(IDbContextFactory<AppDbContext> contexts)
{
    /// <summary>
    /// The avtalespesialist's own agreements, one per reference number. Other roles have no own agreements
    /// here (they use the register), so they get none, whatever they may read elsewhere.
    /// </summary>
    public async Task<IReadOnlyList<MyAgreement>> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!user.IsInRole(Roles.Specialist) || user.PartyId() is null)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var own = user.PartyId()!.Value;
        // Own = the specialist is a party (VisibleTo says the same for this role; both must hold).
        var versions = await db.Agreements.AsNoTracking().VisibleTo(db, user)
            .Where(a => db.AgreementParties.Any(ap => ap.AgreementId == a.Id && ap.PartyId == own))
            // A new version still being drafted is the RHF's work in progress, not yet the specialist's agreement.
            .Where(a => a.Status != AgreementStatus.Draft || a.PreviousVersionId == null)
            .Select(a => new MyAgreementVersion(a.Id, a.ReferenceNumber, a.VersionNumber, a.Title, a.Kind, a.Status,
                a.ValidFrom, a.ValidTo, a.EndsOn, a.ReplacedOn, a.SignedOn != null))
            .ToListAsync(cancellationToken);

        // One chain per reference number: the newest version in force first, then the earlier signed ones.
        return versions.GroupBy(v => v.ReferenceNumber)
            .Select(g => g.OrderByDescending(v => v.Status != AgreementStatus.Replaced).ThenByDescending(v => v.VersionNumber).ToList())
            .Select(chain => new MyAgreement(chain[0], chain.Skip(1).Where(v => v.IsSigned).ToList()))
            .OrderBy(a => a.Current.Kind).ThenByDescending(a => a.Current.ValidFrom).ThenBy(a => a.Current.ReferenceNumber)
            .ToList();
    }
}
