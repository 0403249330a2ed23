using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Parties;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Editor;

/// <summary>What the editor pages share: the domain's answers about a draft, dates, and the checks that need the database.</summary>
public static class Editing
{
    /// <summary>Hits shown by every search-and-pick: enough to choose from, never the whole register.</summary>
    public const int MaxHits = 20;

    /// <summary>
    /// The domain's own refusal to change this agreement (R1), or null for a draft. Asked of an
    /// untracked copy, so the probe can never be saved.
    /// </summary>
    public static string? ChangeRefusal(Agreement untracked)
    {
        if (untracked.IsDraft)
        {
            return null;
        }

        try
        {
            untracked.SetSignatory(Guid.Empty, null, null);
        }
        catch (AgreementRuleException e)
        {
            return e.Message;
        }

        return null;
    }

    /// <summary>The agreement's current details, for a change that touches one field only (such as the compensation).</summary>
    public static AgreementDetails DetailsOf(Agreement a) => new(
        a.Kind, a.Title, a.Language, a.ValidFrom, a.ValidTo, a.NextReviewDate, a.NoticePeriodMonths, a.Level,
        a.ParentAgreementId, a.IsLegallyBinding, a.Replaces, a.MeetingFrequency, a.ContactRoutines, a.Compensation, a.PracticePosition);

    /// <summary>R4: a level 2 or 3 agreement hangs under a signed parent that has not ended.</summary>
    private static readonly AgreementStatus[] ParentStatuses =
        [AgreementStatus.Signed, AgreementStatus.Active, AgreementStatus.UnderNotice];

    /// <summary>R4: the levels an agreement of <paramref name="level"/> may hang under; with no level chosen yet, every level anything may hang under.</summary>
    public static List<AgreementLevel> ParentLevelsFor(AgreementLevel? level) =>
        Enum.GetValues<AgreementLevel>()
            .Where(parent => level is { } child
                ? LevelRules.MayHangUnder(child, parent)
                : Enum.GetValues<AgreementLevel>().Any(c => LevelRules.MayHangUnder(c, parent)))
            .ToList();

    /// <summary>
    /// What the domain cannot check on its own because it needs the register: the practice kommune
    /// is a kommune, the parent agreement is a kommune–HF agreement of a level this one may hang
    /// under (R4), and the agreements under this one still may after a change of level.
    /// </summary>
    public static async Task<List<FieldError>> CheckReferencesAsync(AppDbContext db, AgreementDetails details, Guid? agreementId)
    {
        var errors = new List<FieldError>();
        if (details.PracticePosition?.MunicipalityId is { } municipalityId
            && !await db.Parties.AnyAsync(p => p.Id == municipalityId && p.Kind == PartyKind.Municipality))
        {
            errors.Add(new(nameof(AgreementForm.PracticeMunicipality), "Velg en kommune fra søket."));
        }

        if (details.Kind != AgreementKind.MunicipalCooperationAgreement || details.Level is not { } level)
        {
            return errors;
        }

        if (level != AgreementLevel.Overarching && details.ParentAgreementId is { } parentId)
        {
            var parent = await db.Agreements.AsNoTracking()
                .FirstOrDefaultAsync(a => a.Id == parentId && a.Id != agreementId && a.Kind == AgreementKind.MunicipalCooperationAgreement);
            if (parent is null)
            {
                errors.Add(new(nameof(AgreementForm.ParentAgreement), "Velg en overordnet samarbeidsavtale fra søket."));
            }
            else if (LevelRules.ParentProblem(level, parent) is { } problem)
            {
                errors.Add(new(nameof(AgreementForm.ParentAgreement), problem));
            }
            else if (agreementId is { } self)
            {
                var own = await db.AgreementParties.Where(ap => ap.AgreementId == self).Select(ap => ap.PartyId).ToListAsync();
                if (await PartiesOutsideParentAsync(db, parentId, own) is { } outside)
                {
                    errors.Add(new(nameof(AgreementForm.ParentAgreement), outside));
                }
            }
        }

        if (agreementId is { } id)
        {
            var childLevels = await db.Agreements.AsNoTracking()
                .Where(a => a.ParentAgreementId == id && a.Level != null)
                .Select(a => a.Level!.Value)
                .Distinct()
                .ToListAsync();
            var stranded = childLevels.Where(child => !LevelRules.MayHangUnder(child, level)).ToList();
            if (stranded.Count > 0)
            {
                errors.Add(new(nameof(AgreementForm.Level),
                    $"Avtalen har underordnede avtaler ({string.Join(", ", stranded.Select(LevelName))}) som ikke kan høre under en {LevelName(level)} (R4)."));
            }
        }

        return errors;
    }

    /// <summary>
    /// R4: a message naming the parties that are not parties of the agreement <paramref name="parentId"/>
    /// (a kommune counts when a kommunegruppe above has it as member), or null when all are.
    /// </summary>
    public static async Task<string?> PartiesOutsideParentAsync(AppDbContext db, Guid parentId, IReadOnlyCollection<Guid> partyIds)
    {
        if (partyIds.Count == 0)
        {
            return null;
        }

        var parent = await db.Agreements.AsNoTracking().Where(a => a.Id == parentId).Select(a => a.Title).FirstOrDefaultAsync();
        var parentParties = await db.AgreementParties.AsNoTracking().Where(ap => ap.AgreementId == parentId).Select(ap => ap.PartyId).ToListAsync();
        var involved = parentParties.Concat(partyIds).ToList();
        var groups = (await db.MunicipalGroupMembers.AsNoTracking().Where(m => involved.Contains(m.GroupId)).ToListAsync())
            .GroupBy(m => m.GroupId)
            .ToDictionary(g => g.Key, g => (IReadOnlyCollection<Guid>)g.Select(m => m.MunicipalityId).ToList());
        var outside = LevelRules.PartiesOutsideParent(partyIds, parentParties, groups);
        if (outside.Count == 0)
        {
            return null;
        }

        var names = await db.Parties.AsNoTracking().Where(p => outside.Contains(p.Id)).OrderBy(p => p.Name).Select(p => p.Name).ToListAsync();
        return $"{Norwegian.JoinAnd(names.Select(n => $"«{n}»"))} er ikke part i avtalen over («{parent}»). "
            + "En part i en tjenesteavtale eller særavtale må være part i avtalen den hører under (R4).";
    }

    public static string LevelName(AgreementLevel level) => level.DisplayName().ToLowerInvariant();

    public static async Task<List<Choice>> SearchMunicipalitiesAsync(AppDbContext db, string? text)
    {
        text = SearchText.Clean(text);
        if (text is null)
        {
            return [];
        }

        var rows = await PartyQueries.Search(db.Parties.AsNoTracking(), text, PartyKind.Municipality, includeInactive: false)
            .OrderBy(p => p.Name)
            .Take(MaxHits)
            .Select(p => new { p.Id, p.Name, p.OrganisationNumber })
            .ToListAsync();
        return rows.Select(p => new Choice(p.Id, p.Name, OrganisationNumberText(p.OrganisationNumber))).ToList();
    }

    public static async Task<Choice?> MunicipalityAsync(AppDbContext db, Guid? id) =>
        id is { } municipalityId
            ? await db.Parties.AsNoTracking().Where(p => p.Id == municipalityId && p.Kind == PartyKind.Municipality)
                .Select(p => new { p.Id, p.Name, p.OrganisationNumber }).FirstOrDefaultAsync() is { } p
                ? new Choice(p.Id, p.Name, OrganisationNumberText(p.OrganisationNumber))
                : null
            : null;

    private static string? OrganisationNumberText(string? number) =>
        number is null ? null : "org.nr. " + OrganisationNumber.Parse(number).Formatted;

    /// <summary>Kommune–HF agreements of a level this one may hang under (R4), by title or reference number.</summary>
    public static async Task<List<Choice>> SearchParentsAsync(AppDbContext db, string? text, AgreementLevel? level, Guid? exclude)
    {
        text = SearchText.Clean(text);
        if (text is null || level == AgreementLevel.Overarching)
        {
            return [];
        }

        var pattern = "%" + SearchText.EscapeLike(text.ToLowerInvariant()) + "%";
        var levels = ParentLevelsFor(level);
        var rows = await ParentCandidates(db, exclude)
            .Where(a => levels.Contains(a.Level!.Value))
            .Where(a => EF.Functions.Like(a.Title.ToLower(), pattern) || EF.Functions.Like(a.ReferenceNumber.ToLower(), pattern))
            .OrderBy(a => a.Level).ThenBy(a => a.Title).ThenBy(a => a.Id)
            .Take(MaxHits)
            .Select(a => new { a.Id, a.ReferenceNumber, a.Title, a.Level, a.Status })
            .ToListAsync();
        return rows.Select(a => new Choice(a.Id, a.Title, $"{a.ReferenceNumber} · {a.Level!.Value.DisplayName()} · {a.Status.DisplayName()}")).ToList();
    }

    public static async Task<Choice?> ParentAsync(AppDbContext db, Guid? id)
    {
        if (id is not { } parentId)
        {
            return null;
        }

        var row = await db.Agreements.AsNoTracking()
            .Where(a => a.Id == parentId && a.Kind == AgreementKind.MunicipalCooperationAgreement)
            .Select(a => new { a.Id, a.ReferenceNumber, a.Title, a.Level, a.Status })
            .FirstOrDefaultAsync();
        return row is null ? null : new Choice(row.Id, row.Title, $"{row.ReferenceNumber} · {row.Level?.DisplayName()} · {row.Status.DisplayName()}");
    }

    private static IQueryable<Agreement> ParentCandidates(AppDbContext db, Guid? exclude) =>
        db.Agreements.AsNoTracking().Where(a => a.Kind == AgreementKind.MunicipalCooperationAgreement && a.Level != null
            && ParentStatuses.Contains(a.Status) && a.Id != exclude);
}

/// <summary>One hit in a search-and-pick: what is stored, what is shown, and a line that tells it apart.</summary>
public sealed record Choice(Guid Id, string Name, string? Detail);
