using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Infrastructure.Identity;

namespace SamarbeidsAvtaler.Web.Features.Users;

/// <summary>
/// Turns a user's audit entries into what an administrator reads: Norwegian field names, Ja/Nei, the
/// linked party's name; Identity's technical fields (stamps, hashes, counters) are left out.
/// </summary>
public static class UserHistoryText
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [nameof(AppUser.DisplayName)] = "Navn",
        [nameof(AppUser.Email)] = "E-post",
        [nameof(UserForm.Role)] = "Rolle",
        [nameof(AppUser.PartyId)] = "Knyttet til part",
        [nameof(AppUser.IsActive)] = "Aktiv",
        [nameof(AppUser.EmailConfirmed)] = "E-post bekreftet",
        [nameof(AppUser.LockoutEnabled)] = "Sperres etter for mange feil passord",
        [nameof(AppUser.PhoneNumber)] = "Telefonnummer",
        [nameof(AppUser.PhoneNumberConfirmed)] = "Telefonnummer bekreftet",
        [nameof(AppUser.TwoFactorEnabled)] = "Tofaktorinnlogging",
    };

    private static readonly HashSet<string> YesNo =
    [
        nameof(AppUser.IsActive), nameof(AppUser.EmailConfirmed), nameof(AppUser.LockoutEnabled),
        nameof(AppUser.PhoneNumberConfirmed), nameof(AppUser.TwoFactorEnabled),
    ];

    // Say nothing to a reader (the user name is the e-mail address) or are secrets.
    private static readonly HashSet<string> Hidden =
    [
        nameof(AppUser.UserName), nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp),
        nameof(AppUser.NormalizedUserName), nameof(AppUser.NormalizedEmail), nameof(AppUser.AccessFailedCount),
        nameof(AppUser.LockoutEnd), nameof(AppUser.CreatedAt), nameof(AppUser.Id),
    ];

    /// <summary>Entries newest first. The role is audited apart from the user's row; it joins the entry it was saved with.</summary>
    public static IReadOnlyList<UserHistoryEntry> Describe(IEnumerable<AuditEntry> entries, IReadOnlyDictionary<string, string> partyNames)
    {
        var described = new List<UserHistoryEntry>();
        foreach (var entry in entries)
        {
            var changes = entry.Changes.Where(c => !Hidden.Contains(c.Field))
                .Select(c => new UserHistoryChange(Labels.GetValueOrDefault(c.Field, c.Field), Value(c.Field, c.OldValue, partyNames), Value(c.Field, c.NewValue, partyNames)))
                .ToList();
            if (changes.Count == 0)
            {
                continue;
            }

            if (described.Count > 0 && described[^1] is var last && last.Action == entry.Action && last.ActorName == entry.ActorName
                && (last.OccurredAt - entry.OccurredAt).Duration() < TimeSpan.FromSeconds(5))
            {
                described[^1] = last with { Changes = [.. last.Changes, .. changes] };
                continue;
            }

            described.Add(new UserHistoryEntry(entry.OccurredAt, entry.Action, entry.ActorName, changes));
        }

        return described;
    }

    private static string? Value(string field, string? value, IReadOnlyDictionary<string, string> partyNames) => value switch
    {
        null => null,
        _ when YesNo.Contains(field) => value == bool.TrueString ? "Ja" : "Nei",
        _ when field == nameof(AppUser.PartyId) => partyNames.GetValueOrDefault(value, "(ukjent part)"),
        _ => value,
    };
}
