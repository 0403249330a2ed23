using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Infrastructure.Data;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Document;

/// <summary>Everything the agreement document shows, loaded in one go; the templates only format it.</summary>
public sealed record AgreementDocument(
    Guid Id,
    string ReferenceNumber,
    int VersionNumber,
    AgreementKind Kind,
    AgreementStatus Status,
    string Title,
    DocumentLanguage Language,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    string? ChangeSummary,
    string? Replaces,
    AgreementLevel? Level,
    bool? IsLegallyBinding,
    int NoticePeriodMonths,
    string? MeetingFrequency,
    string? ContactRoutines,
    string? Compensation,
    PracticePosition? PracticePosition,
    string? PracticeMunicipality,
    IReadOnlyList<AgreementDocument.PartyLine> Parties,
    IReadOnlyList<AgreementDocument.SectionLine> Sections,
    IReadOnlyList<AgreementDocument.AttachmentLine> Attachments,
    IReadOnlyList<AgreementDocument.FormLine> CooperationForms,
    IReadOnlyList<StatutoryArea> StatutoryAreas,
    AgreementDocument.RelatedLine? Parent,
    IReadOnlyList<AgreementDocument.RelatedLine> Children)
{
    public bool IsDraft => Status is AgreementStatus.Draft or AgreementStatus.AwaitingSignature;

    public DocumentLabels Labels => Language == DocumentLanguage.Nynorsk ? DocumentLabels.Nynorsk : DocumentLabels.Bokmal;

    public sealed record PartyLine(string Name, string? OrganisationNumber, string? HprNumber, AgreementPartyRole Role,
        string? SignatoryName, string? SignatoryTitle, Signature? Signature);

    public sealed record SectionLine(int Position, string Heading, string Body);

    public sealed record AttachmentLine(string FileName, string? Description, bool IsBinding);

    public sealed record FormLine(CooperationForm Form, string? Description);

    public sealed record RelatedLine(string ReferenceNumber, string Title, AgreementLevel? Level);

    public static async Task<AgreementDocument?> LoadAsync(AppDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var agreement = await db.Agreements.AsNoTracking()
            .Include(a => a.Parties).Include(a => a.Sections).Include(a => a.CooperationForms).Include(a => a.StatutoryAreas)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (agreement is null)
        {
            return null;
        }

        var partyIds = agreement.Parties.Select(p => p.PartyId).Append(agreement.PracticePosition?.MunicipalityId ?? Guid.Empty).ToList();
        var parties = await db.Parties.AsNoTracking().Where(p => partyIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.AgreementId == id).OrderBy(a => a.UploadedAt)
            .Select(a => new AttachmentLine(a.FileName, a.Description, a.IsBinding)).ToListAsync(cancellationToken);
        var areaNumbers = agreement.StatutoryAreas.Select(a => a.AreaNumber).ToList();
        var areas = await db.StatutoryAreas.AsNoTracking().Where(a => areaNumbers.Contains(a.Number)).OrderBy(a => a.Number).ToListAsync(cancellationToken);
        var parent = agreement.ParentAgreementId is { } parentId
            ? await db.Agreements.AsNoTracking().Where(a => a.Id == parentId).Select(a => new RelatedLine(a.ReferenceNumber, a.Title, a.Level)).FirstOrDefaultAsync(cancellationToken)
            : null;
        var children = await db.Agreements.AsNoTracking()
            .Where(a => a.ParentAgreementId == id && a.Status != AgreementStatus.Replaced && a.Status != AgreementStatus.Ended)
            .OrderBy(a => a.Level).ThenBy(a => a.ReferenceNumber)
            .Select(a => new RelatedLine(a.ReferenceNumber, a.Title, a.Level)).ToListAsync(cancellationToken);

        return new AgreementDocument(agreement.Id, agreement.ReferenceNumber, agreement.VersionNumber, agreement.Kind, agreement.Status,
            agreement.Title, agreement.Language, agreement.ValidFrom, agreement.ValidTo, agreement.ChangeSummary, agreement.Replaces,
            agreement.Level, agreement.IsLegallyBinding, agreement.NoticePeriodMonths, agreement.MeetingFrequency, agreement.ContactRoutines,
            agreement.Compensation, agreement.PracticePosition,
            agreement.PracticePosition?.MunicipalityId is { } m && parties.TryGetValue(m, out var municipality) ? municipality.Name : null,
            agreement.Parties.OrderBy(p => p.Role).ThenBy(p => parties[p.PartyId].Name)
                .Select(p => new PartyLine(parties[p.PartyId].Name, parties[p.PartyId].OrganisationNumber, parties[p.PartyId].HprNumber,
                    p.Role, p.SignatoryName, p.SignatoryTitle, p.Signature)).ToList(),
            agreement.Sections.OrderBy(s => s.Position).Select(s => new SectionLine(s.Position, s.Heading, s.Body)).ToList(),
            attachments,
            agreement.CooperationForms.OrderBy(f => f.Form).Select(f => new FormLine(f.Form, f.Description)).ToList(),
            areas, parent, children);
    }
}
