using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Domain.Parties;

namespace SamarbeidsAvtaler.Domain.Committees;

/// <summary>
/// A person who sits in one or more bodies. Kept apart from the membership so that one person's
/// seats across the helsefellesskap show on one page, and a change of e-mail is made once.
/// </summary>
public class Person : IAudited
{
    public const int NameMaxLength = 200;
    public const int TitleMaxLength = 200;
    public const int EmailMaxLength = 254;
    public const int PhoneMaxLength = 30;

    private Person()
    {
        Name = string.Empty;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public string? Title { get; private set; }

    /// <summary>The organisation from the party register the person comes from; counts towards seat quotas.</summary>
    public Guid? OrganisationPartyId { get; private set; }

    public string? Email { get; private set; }
    public string? Phone { get; private set; }

    /// <summary>Set for a fastlege: only a self-employed one is paid the fee of R21.</summary>
    public GpEmployment? GpEmployment { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    string IAudited.AuditKey => Id.ToString();

    public static Person Create(PersonDetails details, DateTimeOffset now)
    {
        var person = new Person { Id = Guid.CreateVersion7(now), CreatedAt = now };
        person.Update(details);
        return person;
    }

    public void Update(PersonDetails details)
    {
        var errors = Validate(details);
        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }

        Name = details.Name.Trim();
        Title = TextRules.Clean(details.Title);
        OrganisationPartyId = details.OrganisationPartyId;
        Email = TextRules.Clean(details.Email);
        Phone = TextRules.Clean(details.Phone);
        GpEmployment = details.GpEmployment;
    }

    public static IReadOnlyList<FieldError> Validate(PersonDetails d)
    {
        var errors = new List<FieldError>();
        TextRules.Check(errors, nameof(d.Name), "Navn", d.Name, NameMaxLength, required: true);
        TextRules.Check(errors, nameof(d.Title), "Tittel", d.Title, TitleMaxLength);
        TextRules.Check(errors, nameof(d.Email), "E-post", d.Email, EmailMaxLength);
        TextRules.Check(errors, nameof(d.Phone), "Telefon", d.Phone, PhoneMaxLength);
        if (!string.IsNullOrWhiteSpace(d.Email) && errors.All(e => e.Field != nameof(d.Email))
            && !PartyValidation.IsEmail(d.Email.Trim()))
        {
            errors.Add(new FieldError(nameof(d.Email), "E-postadressen er ikke gyldig, for eksempel navn@kommune.no."));
        }

        if (!string.IsNullOrWhiteSpace(d.Phone) && errors.All(e => e.Field != nameof(d.Phone))
            && !d.Phone.Trim().All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-'))
        {
            errors.Add(new FieldError(nameof(d.Phone), "Telefonnummeret kan bare ha siffer, mellomrom, + og -."));
        }

        if (d.GpEmployment is { } employment && !Enum.IsDefined(employment))
        {
            errors.Add(new FieldError(nameof(d.GpEmployment), "Velg om fastlegen er næringsdrivende eller fastlønnet."));
        }

        return errors;
    }
}

public sealed record PersonDetails(
    string Name,
    string? Title = null,
    Guid? OrganisationPartyId = null,
    string? Email = null,
    string? Phone = null,
    GpEmployment? GpEmployment = null);
