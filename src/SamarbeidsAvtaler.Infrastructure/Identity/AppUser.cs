using Microsoft.AspNetCore.Identity;
using SamarbeidsAvtaler.Domain.Auditing;

namespace SamarbeidsAvtaler.Infrastructure.Identity;

/// <summary>A person who logs in. A samhandlingssjef or avtalespesialist is linked to the party they act for.</summary>
public class AppUser : IdentityUser<Guid>, IAudited
{
    public const int DisplayNameMaxLength = 200;

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The HF or institution of a samhandlingssjef; the own party of an avtalespesialist.</summary>
    public Guid? PartyId { get; set; }

    /// <summary>Users are deactivated, never deleted, so what they did stays attributable.</summary>
    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    string IAudited.AuditKey => Id.ToString();
}

public class AppRole : IdentityRole<Guid>
{
    public AppRole()
    {
    }

    public AppRole(string name)
        : base(name)
    {
    }
}
