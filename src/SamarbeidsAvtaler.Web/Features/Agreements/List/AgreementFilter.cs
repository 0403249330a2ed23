using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Infrastructure.Data;

namespace SamarbeidsAvtaler.Web.Features.Agreements.List;

/// <summary>
/// The agreement list's search and filters, read from the query string by the page and by the CSV
/// export alike so both always show the same agreements. Unreadable values are ignored, never an error.
/// </summary>
public sealed record AgreementFilter(
    string? Text,
    AgreementKind? Kind,
    AgreementStatus? Status,
    Guid? PartyId,
    string? Specialty,
    Guid? RhfId,
    int? ReviewWithinDays,
    bool UnderNotice,
    string Sort)
{
    public static readonly IReadOnlyList<(string Key, string Label)> Sorts =
    [
        ("gyldig-fra", "Gyldig fra, nyeste først"),
        ("tittel", "Tittel"),
        ("referanse", "Referanse"),
        ("gjennomgang", "Neste gjennomgang"),
    ];

    public static AgreementFilter From(Func<string, string?> query)
    {
        static T? ParseEnum<T>(string? value) where T : struct, Enum =>
            Enum.TryParse<T>(value, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed : null;

        var days = int.TryParse(query("frist"), NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is > 0 and <= 3650 ? d : (int?)null;
        var sort = query("sort") is { } s && Sorts.Any(x => x.Key == s) ? s : Sorts[0].Key;
        return new AgreementFilter(
            Clean(query("q")),
            ParseEnum<AgreementKind>(query("type")),
            ParseEnum<AgreementStatus>(query("status")),
            Guid.TryParse(query("part"), out var party) ? party : null,
            Clean(query("spesialitet")),
            Guid.TryParse(query("rhf"), out var rhf) ? rhf : null,
            days,
            query("oppsagt") == "true",
            sort);
    }

    /// <summary>The query string of this filter, for links that keep it (paging, sorting, export).</summary>
    public Dictionary<string, object?> ToQuery() => new()
    {
        ["q"] = Text,
        ["type"] = Kind?.ToString(),
        ["status"] = Status?.ToString(),
        ["part"] = PartyId?.ToString(),
        ["spesialitet"] = Specialty,
        ["rhf"] = RhfId?.ToString(),
        ["frist"] = ReviewWithinDays?.ToString(CultureInfo.InvariantCulture),
        ["oppsagt"] = UnderNotice ? "true" : null,
        ["sort"] = Sort == Sorts[0].Key ? null : Sort,
    };

    public bool IsEmpty => Text is null && Kind is null && Status is null && PartyId is null && Specialty is null
        && RhfId is null && ReviewWithinDays is null && !UnderNotice;

    public IQueryable<Agreement> Apply(IQueryable<Agreement> agreements, AppDbContext db, DateOnly today)
    {
        // Replaced versions stay readable through their successor; the list shows them only on request.
        agreements = Status is { } status
            ? agreements.Where(a => a.Status == status)
            : agreements.Where(a => a.Status != AgreementStatus.Replaced);

        if (Kind is { } kind)
        {
            agreements = agreements.Where(a => a.Kind == kind);
        }

        if (UnderNotice)
        {
            agreements = agreements.Where(a => a.Status == AgreementStatus.UnderNotice);
        }

        if (ReviewWithinDays is { } days)
        {
            var limit = today.AddDays(days);
            agreements = agreements.Where(a => a.NextReviewDate != null && a.NextReviewDate <= limit
                && (a.Status == AgreementStatus.Active || a.Status == AgreementStatus.UnderNotice));
        }

        if (PartyId is { } partyId)
        {
            agreements = agreements.Where(a => db.AgreementParties.Any(ap => ap.AgreementId == a.Id && ap.PartyId == partyId));
        }

        if (RhfId is { } rhfId)
        {
            // An agreement belongs to an RHF when the RHF is a party or a party belongs under it.
            var underRhf = db.Parties.Where(p => p.Id == rhfId || p.ParentPartyId == rhfId
                || db.Parties.Any(parent => parent.Id == p.ParentPartyId && parent.ParentPartyId == rhfId)).Select(p => p.Id);
            agreements = agreements.Where(a => db.AgreementParties.Any(ap => ap.AgreementId == a.Id && underRhf.Contains(ap.PartyId)));
        }

        if (Specialty is { } specialty)
        {
            var pattern = Like(specialty);
            var specialists = db.Parties.Where(p => p.Kind == PartyKind.Specialist && EF.Functions.Like(p.Specialty!.ToLower(), pattern)).Select(p => p.Id);
            agreements = agreements.Where(a => EF.Functions.Like(a.PracticePosition!.Specialty.ToLower(), pattern)
                || db.AgreementParties.Any(ap => ap.AgreementId == a.Id && specialists.Contains(ap.PartyId)));
        }

        if (Text is { } text)
        {
            var pattern = Like(text);
            var named = db.Parties.Where(p => EF.Functions.Like(p.Name.ToLower(), pattern)).Select(p => p.Id);
            agreements = agreements.Where(a => EF.Functions.Like(a.Title.ToLower(), pattern)
                || EF.Functions.Like(a.ReferenceNumber.ToLower(), pattern)
                || db.AgreementParties.Any(ap => ap.AgreementId == a.Id && named.Contains(ap.PartyId)));
        }

        return agreements;
    }

    public IQueryable<Agreement> Order(IQueryable<Agreement> agreements) => Sort switch
    {
        "tittel" => agreements.OrderBy(a => a.Title).ThenBy(a => a.Id),
        "referanse" => agreements.OrderByDescending(a => a.ReferenceNumber).ThenByDescending(a => a.VersionNumber),
        "gjennomgang" => agreements.OrderBy(a => a.NextReviewDate == null).ThenBy(a => a.NextReviewDate).ThenBy(a => a.Id),
        _ => agreements.OrderByDescending(a => a.ValidFrom).ThenByDescending(a => a.Id),
    };

    private static string Like(string text) =>
        "%" + text.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    private static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim() is { Length: <= 200 } v ? v : value.Trim()[..200];
}
