using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Infrastructure.Data;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Editor;

/// <summary>What the details form's two search-and-picks show: the current choice and, after a search, its hits.</summary>
public sealed class Pickers
{
    public Choice? Municipality { get; private init; }
    public IReadOnlyList<Choice> MunicipalityHits { get; private init; } = [];
    public string? MunicipalitySearched { get; private init; }
    public Choice? Parent { get; private init; }
    public IReadOnlyList<Choice> ParentHits { get; private init; } = [];
    public string? ParentSearched { get; private init; }

    public static async Task<Pickers> LoadAsync(AppDbContext db, AgreementForm form, AgreementKind kind, Guid? agreementId)
    {
        if (kind == AgreementKind.OperatingAgreement)
        {
            return new Pickers
            {
                Municipality = await Editing.MunicipalityAsync(db, form.ParsedMunicipalityId),
                MunicipalityHits = await Editing.SearchMunicipalitiesAsync(db, form.MunicipalitySearch),
                MunicipalitySearched = Searched(form.MunicipalitySearch, form.Intent == AgreementForm.MunicipalitySearchIntent),
            };
        }

        if (kind == AgreementKind.MunicipalCooperationAgreement)
        {
            return new Pickers
            {
                Parent = await Editing.ParentAsync(db, form.ParsedParentId),
                ParentHits = await Editing.SearchParentsAsync(db, form.ParentSearch, form.ParsedLevel, agreementId),
                ParentSearched = Searched(form.ParentSearch, form.Intent == AgreementForm.ParentSearchIntent),
            };
        }

        return new Pickers();
    }

    // A summary line only after a search was made (or asked for with an empty field).
    private static string? Searched(string? text, bool asked) =>
        !string.IsNullOrWhiteSpace(text) ? text.Trim() : asked ? string.Empty : null;
}
