using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Parties;

namespace SamarbeidsAvtaler.Web.Features.Parties;

/// <summary>A party picked in a search-and-pick field: enough to show it and to save its id.</summary>
public sealed record PartyOption(Guid Id, string Name);

/// <summary>
/// The party form's model: what the user typed, kept as it is when a save is refused. Property names
/// match <see cref="PartyDetails"/> (except <see cref="Parent"/>) so domain errors land beside the field.
/// </summary>
public sealed class PartyForm
{
    public PartyKind? Kind { get; set; }
    public string? Name { get; set; }
    public string? OrganisationNumber { get; set; }
    public string? HprNumber { get; set; }
    public Profession? Profession { get; set; }
    public string? Specialty { get; set; }
    public DateTime? DateOfBirth { get; set; }
    public string? StreetAddress { get; set; }
    public string? PostalCode { get; set; }
    public string? PostalCity { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }

    /// <summary>The RHF of an HF or avtalespesialist, the HF of an institution.</summary>
    public PartyOption? Parent { get; set; }

    /// <summary>The kommuner of a kommunegruppe.</summary>
    public List<PartyOption> Members { get; set; } = [];

    /// <summary>The row version (xmin) the user started from; a mismatch on save means someone else saved first.</summary>
    public uint? Version { get; set; }

    public static PartyForm From(Party party, uint version, PartyOption? parent, IEnumerable<PartyOption> members) => new()
    {
        Kind = party.Kind,
        Name = party.Name,
        OrganisationNumber = party.OrganisationNumber,
        HprNumber = party.HprNumber,
        Profession = party.Profession,
        Specialty = party.Specialty,
        DateOfBirth = party.DateOfBirth?.ToDateTime(TimeOnly.MinValue),
        StreetAddress = party.StreetAddress,
        PostalCode = party.PostalCode,
        PostalCity = party.PostalCity,
        ContactName = party.ContactName,
        ContactEmail = party.ContactEmail,
        Parent = parent,
        Members = [.. members],
        Version = version,
    };

    /// <summary>Converts to domain input and validates it; errors name this form's properties.</summary>
    public (PartyDetails? Details, IReadOnlyList<FieldError> Errors) ToDetails()
    {
        if (Kind is not { } kind || !Enum.IsDefined(kind))
        {
            return (null, [new FieldError(nameof(Kind), "Velg type part.")]);
        }

        var birth = DateOfBirth is { } date ? DateOnly.FromDateTime(date) : (DateOnly?)null;
        var details = new PartyDetails(kind, Name ?? string.Empty, OrganisationNumber, HprNumber, Profession, Specialty,
            birth, StreetAddress, PostalCode, PostalCity, ContactName, ContactEmail,
            PartyAccess.ParentKind(kind) is null ? null : Parent?.Id);
        var errors = PartyValidation.Validate(details)
            .Select(e => e.Field == nameof(PartyDetails.ParentPartyId) ? e with { Field = nameof(Parent) } : e)
            .ToList();
        return (details, errors);
    }
}
