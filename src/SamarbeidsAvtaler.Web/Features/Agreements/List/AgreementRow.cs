using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Infrastructure.Data;

namespace SamarbeidsAvtaler.Web.Features.Agreements.List;

/// <summary>One line of the agreement list and of its CSV export.</summary>
public sealed record AgreementRow(
    Guid Id,
    string ReferenceNumber,
    int VersionNumber,
    string Title,
    AgreementKind Kind,
    AgreementStatus Status,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    DateOnly? NextReviewDate,
    DateOnly? EndsOn,
    List<string> PartyNames)
{
    public static IQueryable<AgreementRow> Project(IQueryable<Agreement> agreements, AppDbContext db) =>
        agreements.Select(a => new AgreementRow(a.Id, a.ReferenceNumber, a.VersionNumber, a.Title, a.Kind, a.Status,
            a.ValidFrom, a.ValidTo, a.NextReviewDate, a.EndsOn,
            db.AgreementParties.Where(ap => ap.AgreementId == a.Id)
                .Join(db.Parties, ap => ap.PartyId, p => p.Id, (ap, p) => p.Name)
                .OrderBy(n => n).ToList()));
}
