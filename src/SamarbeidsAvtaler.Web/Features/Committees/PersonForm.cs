using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Web.Features.Parties;

namespace SamarbeidsAvtaler.Web.Features.Committees;

/// <summary>A person picked in a search-and-pick field: name and organisation, never contact details.</summary>
public sealed record PersonOption(Guid Id, string Name, string? Title, Guid? OrganisationPartyId, string? OrganisationName)
{
    public string Label => OrganisationName is { } o ? $"{Name}, {o}" : Name;
}

/// <summary>The person form's model. Property names match <see cref="PersonDetails"/>, except <see cref="Organisation"/>.</summary>
public sealed class PersonForm
{
    public string? Name { get; set; }
    public string? Title { get; set; }
    public PartyOption? Organisation { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public GpEmployment? GpEmployment { get; set; }
    public uint? Version { get; set; }

    public static PersonForm From(Person person, uint version, PartyOption? organisation) => new()
    {
        Name = person.Name,
        Title = person.Title,
        Organisation = organisation,
        Email = person.Email,
        Phone = person.Phone,
        GpEmployment = person.GpEmployment,
        Version = version,
    };

    public (PersonDetails Details, IReadOnlyList<FieldError> Errors) ToDetails()
    {
        var details = new PersonDetails(Name ?? string.Empty, Title, Organisation?.Id, Email, Phone, GpEmployment);
        var errors = Person.Validate(details)
            .Select(e => e.Field == nameof(PersonDetails.OrganisationPartyId) ? e with { Field = nameof(Organisation) } : e)
            .ToList();
        return (details, errors);
    }
}

/// <summary>A person's saved values, for the caller to pick them (a new person inline in the member form).</summary>
public sealed record PersonSaved(Guid Id, PersonOption Option, PersonForm? Current = null);

/// <summary>One of a person's seats, on their page.</summary>
public sealed record PersonSeat(
    Guid MemberId,
    Guid CommitteeId,
    string CommitteeName,
    CommitteeKind Kind,
    bool CommitteeActive,
    CommitteeSide Side,
    MemberRole Role,
    Representation? Representation,
    string? DeputyForName,
    DateOnly TermFrom,
    DateOnly TermTo)
{
    public string TermText => $"{Norwegian.Date(TermFrom)}–{Norwegian.Date(TermTo)}";

    public string RoleText => Representation is { } r ? $"{Role.DisplayName()}, {Norwegian.InSentence(r.DisplayName())}" : Role.DisplayName();
}

/// <summary>
/// The person page for one user: details, contact only when <see cref="ContactVisible"/> (the user belongs to the
/// helsefellesskap of one of the person's bodies), and the seats in bodies the user can see.
/// </summary>
public sealed record PersonView(
    Guid Id,
    string Name,
    string? Title,
    PartyOption? Organisation,
    string? Email,
    string? Phone,
    GpEmployment? GpEmployment,
    bool ContactVisible,
    bool CanEdit,
    IReadOnlyList<PersonSeat> Seats,
    DateOnly Today);
