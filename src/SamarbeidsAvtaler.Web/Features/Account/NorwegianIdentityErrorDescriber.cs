using Microsoft.AspNetCore.Identity;

namespace SamarbeidsAvtaler.Web.Features.Account;

/// <summary>Identity's messages in bokmål, since users see them beside the form fields.</summary>
public sealed class NorwegianIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"Passordet må ha minst {length} tegn." };

    public override IdentityError PasswordRequiresDigit() =>
        new() { Code = nameof(PasswordRequiresDigit), Description = "Passordet må ha minst ett siffer." };

    public override IdentityError PasswordRequiresLower() =>
        new() { Code = nameof(PasswordRequiresLower), Description = "Passordet må ha minst én liten bokstav." };

    public override IdentityError PasswordRequiresUpper() =>
        new() { Code = nameof(PasswordRequiresUpper), Description = "Passordet må ha minst én stor bokstav." };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = $"E-postadressen {email} er allerede i bruk." };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = $"Brukernavnet {userName} er allerede i bruk." };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = "E-postadressen er ikke gyldig." };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = "Brukernavnet kan bare inneholde bokstaver, siffer og tegnene - . _ @ +." };

    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = "Brukeren er endret av noen andre i mellomtiden. Last siden på nytt og prøv igjen." };
}
