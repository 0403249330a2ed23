using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Parties;

namespace SamarbeidsAvtaler.Web.Features.Parties;

public static class PartyQueries
{
    /// <summary>
    /// Free-text search on name (substring, case-insensitive, served by the trigram index) and on
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
            var pattern = "%" + EscapeLike(term.ToLowerInvariant()) + "%";
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

    public static IQueryable<Party> Order(IQueryable<Party> parties, string? sort) => sort switch
    {
        "navn-synkende" => parties.OrderByDescending(p => p.Name).ThenBy(p => p.Id),
        "type" => parties.OrderBy(p => p.Kind).ThenBy(p => p.Name).ThenBy(p => p.Id),
        "type-synkende" => parties.OrderByDescending(p => p.Kind).ThenBy(p => p.Name).ThenBy(p => p.Id),
        "nummer" => parties.OrderBy(p => p.OrganisationNumber ?? p.HprNumber).ThenBy(p => p.Name),
        "nummer-synkende" => parties.OrderByDescending(p => p.OrganisationNumber ?? p.HprNumber).ThenBy(p => p.Name),
        _ => parties.OrderBy(p => p.Name).ThenBy(p => p.Id),
    };

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
