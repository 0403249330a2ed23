using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Web.Components;

namespace SamarbeidsAvtaler.Web.Features.Parties;

public static class PartyQueries
{
    /// <summary>
    /// Free-text search (already cleaned with <see cref="SearchText.Clean"/>) on name (substring, case-insensitive, served by the trigram index) and on
    /// organisation or HPR number when the text is digits.
    /// </summary>
    public static IQueryable<Party> Search(IQueryable<Party> parties, string? text, PartyKind? kind, bool includeInactive)
    {
        if (!includeInactive)
        {
            parties = parties.Where(p => p.IsActive);
        }

        if (kind is { } k)
        {
            parties = parties.Where(p => p.Kind == k);
        }

        var term = text?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            var pattern = "%" + SearchText.EscapeLike(term.ToLowerInvariant()) + "%";
            var digits = term.Replace(" ", string.Empty, StringComparison.Ordinal);
            if (digits.Length > 0 && digits.All(char.IsAsciiDigit))
            {
                var prefix = digits + "%";
                parties = parties.Where(p => EF.Functions.Like(p.Name.ToLower(), pattern)
                    || EF.Functions.Like(p.OrganisationNumber!, prefix) || EF.Functions.Like(p.HprNumber!, prefix));
            }
            else
            {
                parties = parties.Where(p => EF.Functions.Like(p.Name.ToLower(), pattern));
            }
        }

        return parties;
    }

    /// <summary>Orders by one of <see cref="PartyListState.SortKeys"/>; ties broken by name and id so pages never overlap.</summary>
    public static IQueryable<Party> Order(IQueryable<Party> parties, string? sort, bool descending) => (sort, descending) switch
    {
        ("type", false) => parties.OrderBy(p => p.Kind).ThenBy(p => p.Name).ThenBy(p => p.Id),
        ("type", true) => parties.OrderByDescending(p => p.Kind).ThenBy(p => p.Name).ThenBy(p => p.Id),
        ("nummer", false) => parties.OrderBy(p => p.OrganisationNumber ?? p.HprNumber).ThenBy(p => p.Name).ThenBy(p => p.Id),
        ("nummer", true) => parties.OrderByDescending(p => p.OrganisationNumber ?? p.HprNumber).ThenBy(p => p.Name).ThenBy(p => p.Id),
        ("sted", false) => parties.OrderBy(p => p.PostalCity).ThenBy(p => p.Name).ThenBy(p => p.Id),
        ("sted", true) => parties.OrderByDescending(p => p.PostalCity).ThenBy(p => p.Name).ThenBy(p => p.Id),
        (_, true) => parties.OrderByDescending(p => p.Name).ThenBy(p => p.Id),
        _ => parties.OrderBy(p => p.Name).ThenBy(p => p.Id),
    };
}
