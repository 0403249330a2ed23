using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SamarbeidsAvtaler.Domain.Auditing;

namespace SamarbeidsAvtaler.Infrastructure.Auditing;

/// <summary>
/// Turns tracked changes to <see cref="IAudited"/> entities into audit entries in the same
/// SaveChanges, so a change and its audit row commit or fail together.
/// </summary>
internal static class AuditTrail
{
    // Identity's bookkeeping: secrets and counters that change on every log-in and say nothing to a reader.
    private static readonly HashSet<string> IgnoredProperties =
    [
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "NormalizedUserName", "NormalizedEmail",
        "AccessFailedCount", "LockoutEnd", "Version", "CreatedAt",
    ];

    public static void Record(DbContext db, IAuditActor actor, DateTimeOffset now)
    {
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified)
            .Select(e => ToAuditEntry(e, actor, now))
            .OfType<AuditEntry>()
            .ToList();

        db.AddRange(entries);
    }

    private static AuditEntry? ToAuditEntry(EntityEntry entry, IAuditActor actor, DateTimeOffset now)
    {
        var added = entry.State == EntityState.Added;
        var changes = new List<FieldChange>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (IgnoredProperties.Contains(name) || property.Metadata.IsPrimaryKey() || property.Metadata.IsShadowProperty())
            {
                continue;
            }

            var newValue = Format(property.CurrentValue);
            var oldValue = added ? null : Format(property.OriginalValue);
            if (added ? newValue is null : !property.IsModified || oldValue == newValue)
            {
                continue;
            }

            changes.Add(new FieldChange(name, oldValue, newValue));
        }

        if (changes.Count == 0)
        {
            return null;
        }

        var action = added ? AuditActions.Created
            : changes.SingleOrDefault(c => c.Field == "IsActive") is { } active && changes.Count == 1
                ? active.NewValue == "False" ? AuditActions.Deactivated : AuditActions.Reactivated
                : AuditActions.Changed;

        return new AuditEntry(entry.Metadata.ClrType.Name, ((IAudited)entry.Entity).AuditKey, action,
            actor.UserId, actor.Name, now, changes);
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
