using SamarbeidsAvtaler.Infrastructure.Identity;

namespace SamarbeidsAvtaler.Web.Features.Users;

/// <summary>The user form as the administrator fills it in; kept as typed when the service refuses it.</summary>
public sealed class UserForm
{
    public const int EmailMaxLength = 256;
    public const int PasswordMaxLength = 128;

    public string? DisplayName { get; set; }
    public string? Email { get; set; }
    public string? Role { get; set; }

    /// <summary>The party the user acts for: an HF or institution for a samhandlingssjef, the own party for an avtalespesialist.</summary>
    public PartyOption? Party { get; set; }

    /// <summary>Only when creating: the first password, which the user should change.</summary>
    public string? Password { get; set; }

    /// <summary>Identity's stamp as loaded: a save over a user changed since then is refused.</summary>
    public string? ConcurrencyStamp { get; set; }

    public static int DisplayNameMaxLength => AppUser.DisplayNameMaxLength;

    public UserForm Copy() => (UserForm)MemberwiseClone();
}

/// <summary>A party a user can be linked to, as the picker shows it.</summary>
public sealed record PartyOption(Guid Id, string Name, string? Number)
{
    public override string ToString() => Number is null ? Name : $"{Name} ({Number})";
}
