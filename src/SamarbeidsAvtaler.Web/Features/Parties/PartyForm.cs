using System.Globalization;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Parties;

namespace SamarbeidsAvtaler.Web.Features.Parties;

/// <summary>
/// The party form as posted: every field a string, so whatever the user typed comes back to them
/// unchanged when something is wrong. Property names match <see cref="PartyDetails"/> so domain
/// errors land beside the right field.
/// </summary>
public sealed class PartyForm
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d.M.yyyy", "dd.MM.yyyy"];

    public string? Kind { get; set; }
    public string? Name { get; set; }
    public string? OrganisationNumber { get; set; }
    public string? HprNumber { get; set; }
    public string? Profession { get; set; }
    public string? Specialty { get; set; }
    public string? DateOfBirth { get; set; }
    public string? StreetAddress { get; set; }
    public string? PostalCode { get; set; }
    public string? PostalCity { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ParentPartyId { get; set; }

    /// <summary>The row version the user started from; a mismatch on save means someone else saved first.</summary>
    public string? Version { get; set; }

    public PartyKind? ParsedKind => Enum.TryParse<PartyKind>(Kind, out var kind) && Enum.IsDefined(kind) ? kind : null;

    public static PartyForm From(Party party, uint version) => new()
    {
        Kind = party.Kind.ToString(),
        Name = party.Name,
        OrganisationNumber = party.OrganisationNumber,
        HprNumber = party.HprNumber,
        Profession = party.Profession?.ToString(),
        Specialty = party.Specialty,
        DateOfBirth = party.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        StreetAddress = party.StreetAddress,
        PostalCode = party.PostalCode,
        PostalCity = party.PostalCity,
        ContactName = party.ContactName,
        ContactEmail = party.ContactEmail,
        ParentPartyId = party.ParentPartyId?.ToString(),
        Version = version.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Converts to domain input; fields that cannot even be parsed are reported here.</summary>
    public (PartyDetails? Details, IReadOnlyList<FieldError> Errors) ToDetails()
    {
        var errors = new List<FieldError>();
        if (ParsedKind is not { } kind)
        {
            errors.Add(new FieldError(nameof(Kind), "Velg type part."));
            return (null, errors);
        }

        DateOnly? birth = null;
        if (!string.IsNullOrWhiteSpace(DateOfBirth))
        {
            if (DateOnly.TryParseExact(DateOfBirth.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                birth = parsed;
            }
            else
            {
                errors.Add(new FieldError(nameof(DateOfBirth), "Fødselsdatoen må være en gyldig dato (dd.mm.åååå)."));
            }
        }

        Profession? profession = Enum.TryParse<Profession>(Profession, out var p) && Enum.IsDefined(p) ? p : null;
        Guid? parent = Guid.TryParse(ParentPartyId, out var parentId) ? parentId : null;

        var details = new PartyDetails(kind, Name ?? string.Empty, OrganisationNumber, HprNumber, profession, Specialty,
            birth, StreetAddress, PostalCode, PostalCity, ContactName, ContactEmail, parent);

        // The date was unreadable: skip the domain's own "must be filled in" for it.
        errors.AddRange(PartyValidation.Validate(details)
            .Where(e => !(e.Field == nameof(DateOfBirth) && errors.Any(x => x.Field == nameof(DateOfBirth)))));
        return (details, errors);
    }
}
