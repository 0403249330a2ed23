namespace SamarbeidsAvtaler.Infrastructure.Auditing;

/// <summary>Who is acting: the logged-in user in the web app, "System" for seeding and commands.</summary>
public interface IAuditActor
{
    Guid? UserId { get; }
    string Name { get; }
}

public sealed class SystemAuditActor : IAuditActor
{
    public static readonly SystemAuditActor Instance = new();

    public Guid? UserId => null;
    public string Name => "System";
}
