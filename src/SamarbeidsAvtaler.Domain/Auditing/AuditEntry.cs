namespace SamarbeidsAvtaler.Domain.Auditing;

/// <summary>
/// One change to an audited record: who, when, what, and each field's old and new value.
/// The table behind it is append-only.
/// </summary>
public class AuditEntry
{
    private AuditEntry()
    {
        EntityType = string.Empty;
        EntityId = string.Empty;
        Action = string.Empty;
        ActorName = string.Empty;
        Changes = [];
    }

    public AuditEntry(string entityType, string entityId, string action, Guid? actorUserId, string actorName,
        DateTimeOffset occurredAt, IReadOnlyList<FieldChange> changes)
    {
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        ActorUserId = actorUserId;
        ActorName = actorName;
        OccurredAt = occurredAt;
        Changes = [.. changes];
    }

    public long Id { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public Guid? ActorUserId { get; private set; }
    public string ActorName { get; private set; }
    public string EntityType { get; private set; }
    public string EntityId { get; private set; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public string Action { get; private set; }

    public List<FieldChange> Changes { get; private set; }
}

public sealed record FieldChange(string Field, string? OldValue, string? NewValue);

public static class AuditActions
{
    public const string Created = "Opprettet";
    public const string Changed = "Endret";
    public const string Deactivated = "Deaktivert";
    public const string Reactivated = "Reaktivert";
    public const string Deleted = "Slettet";
}

/// <summary>Marks an entity whose every change is written to the audit trail.</summary>
public interface IAudited
{
    /// <summary>The key the audit trail files the entry under.</summary>
    string AuditKey { get; }
}
