namespace SamarbeidsAvtaler.Web.Features.Users;

/// <summary>The user form as posted; strings throughout so the input comes back unchanged on errors.</summary>
public sealed class UserForm
{
    public string? DisplayName { get; set; }
    public string? Email { get; set; }
    public string? Role { get; set; }

    /// <summary>The HF or institution of a samhandlingssjef.</summary>
    public string? OrganisationPartyId { get; set; }

    /// <summary>The avtalespesialist's HPR number, which finds their party.</summary>
    public string? SpecialistHprNumber { get; set; }

    /// <summary>Only when creating: the first password, which the user should change.</summary>
    public string? Password { get; set; }

    public string? ConcurrencyStamp { get; set; }
}
