using System.Net.Mail;

namespace SamarbeidsAvtaler.Domain.Parties;

/// <summary>The rules every party satisfies, whatever form or import it comes from.</summary>
public static class PartyValidation
{
    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    public static IReadOnlyList<FieldError> Validate(PartyDetails d, DateOnly? today = null)
    {
        var errors = new List<FieldError>();
        void Add(string field, string message) => errors.Add(new FieldError(field, message));

        if (!Enum.IsDefined(d.Kind))
        {
            Add(nameof(d.Kind), "Velg type part.");
            return errors;
        }

        if (string.IsNullOrWhiteSpace(d.Name))
        {
            Add(nameof(d.Name), "Navn må fylles ut.");
        }
        else if (d.Name.Trim().Length > Party.NameMaxLength)
        {
            Add(nameof(d.Name), $"Navn kan ha høyst {Party.NameMaxLength} tegn.");
        }

        if (d.Kind.HasOrganisationNumber() && !string.IsNullOrWhiteSpace(d.OrganisationNumber)
            && !OrganisationNumber.TryParse(d.OrganisationNumber, out _))
        {
            Add(nameof(d.OrganisationNumber), "Organisasjonsnummeret er ikke gyldig. Det skal ha 9 siffer og riktig kontrollsiffer.");
        }

        if (d.Kind == PartyKind.Specialist)
        {
            if (string.IsNullOrWhiteSpace(d.HprNumber))
            {
                Add(nameof(d.HprNumber), "HPR-nummer må fylles ut.");
            }
            else if (!HprNumber.TryParse(d.HprNumber, out _))
            {
                Add(nameof(d.HprNumber), $"HPR-nummeret er ikke gyldig. Det skal ha {HprNumber.MinLength}–{HprNumber.MaxLength} siffer.");
            }

            if (d.Profession is null || !Enum.IsDefined(d.Profession.Value))
            {
                Add(nameof(d.Profession), "Velg profesjon.");
            }

            if (string.IsNullOrWhiteSpace(d.Specialty))
            {
                Add(nameof(d.Specialty), "Spesialitet må fylles ut.");
            }

            CheckLength(errors, nameof(d.Specialty), "Spesialitet", d.Specialty, Party.SpecialtyMaxLength);

            var todayDate = today ?? TimeProvider.System.Today();
            if (d.DateOfBirth is null)
            {
                Add(nameof(d.DateOfBirth), "Fødselsdato må fylles ut.");
            }
            else if (d.DateOfBirth < EarliestBirthDate || d.DateOfBirth > todayDate)
            {
                Add(nameof(d.DateOfBirth), "Fødselsdatoen må være en dato i fortiden.");
            }
        }

        CheckLength(errors, nameof(d.StreetAddress), "Adresse", d.StreetAddress, Party.StreetAddressMaxLength);
        CheckLength(errors, nameof(d.PostalCity), "Poststed", d.PostalCity, Party.PostalCityMaxLength);
        CheckLength(errors, nameof(d.ContactName), "Kontaktperson", d.ContactName, Party.ContactNameMaxLength);

        if (!string.IsNullOrWhiteSpace(d.PostalCode) && !(d.PostalCode.Trim() is { Length: 4 } code && code.All(char.IsAsciiDigit)))
        {
            Add(nameof(d.PostalCode), "Postnummer skal ha 4 siffer.");
        }

        if (!string.IsNullOrWhiteSpace(d.ContactEmail))
        {
            if (d.ContactEmail.Trim().Length > Party.ContactEmailMaxLength)
            {
                Add(nameof(d.ContactEmail), $"E-postadressen kan ha høyst {Party.ContactEmailMaxLength} tegn.");
            }
            else if (!IsEmail(d.ContactEmail.Trim()))
            {
                Add(nameof(d.ContactEmail), "E-postadressen er ikke gyldig.");
            }
        }

        return errors;
    }

    private static void CheckLength(List<FieldError> errors, string field, string label, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors.Add(new FieldError(field, $"{label} kan ha høyst {max} tegn."));
        }
    }

    internal static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
