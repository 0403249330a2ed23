namespace SamarbeidsAvtaler.Domain.Parties;

/// <summary>A party to an agreement: an organisation (RHF, HF, institution, kommune, kommunegruppe) or an avtalespesialist.</summary>
public class Party : Auditing.IAudited
{
    public const int NameMaxLength = 200;
    public const int SpecialtyMaxLength = 100;
    public const int StreetAddressMaxLength = 200;
    public const int PostalCityMaxLength = 100;
    public const int ContactNameMaxLength = 200;
    public const int ContactEmailMaxLength = 254;

    private readonly List<MunicipalGroupMember> _members = [];

    private Party()
    {
        Name = string.Empty;
    }

    public Guid Id { get; private set; }
    public PartyKind Kind { get; private set; }
    public string Name { get; private set; }
    public string? OrganisationNumber { get; private set; }
    public string? HprNumber { get; private set; }
    public Profession? Profession { get; private set; }
    public string? Specialty { get; private set; }
    public DateOnly? DateOfBirth { get; private set; }
    public string? StreetAddress { get; private set; }
    public string? PostalCode { get; private set; }
    public string? PostalCity { get; private set; }
    public string? ContactName { get; private set; }
    public string? ContactEmail { get; private set; }

    /// <summary>The organisation this one belongs to: an HF's RHF, an institution's HF.</summary>
    public Guid? ParentPartyId { get; private set; }

    /// <summary>A referenced party is deactivated, never deleted, so agreements keep their history.</summary>
    public bool IsActive { get; private set; } = true;

    public DateTimeOffset CreatedAt { get; private set; }

    string Auditing.IAudited.AuditKey => Id.ToString();

    /// <summary>The kommuner of a kommunegruppe; empty for every other kind.</summary>
    public IReadOnlyCollection<MunicipalGroupMember> Members => _members;

    public static Party Create(PartyDetails details, DateTimeOffset now)
    {
        var errors = PartyValidation.Validate(details);
        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }

        var party = new Party { Id = Guid.CreateVersion7(now), Kind = details.Kind, CreatedAt = now };
        party.Apply(details);
        return party;
    }

    /// <summary>Changes the details; the kind is fixed once created because agreements depend on it.</summary>
    public void Update(PartyDetails details)
    {
        if (details.Kind != Kind)
        {
            throw new DomainValidationException([new FieldError(nameof(PartyDetails.Kind), "Typen til en part kan ikke endres.")]);
        }

        var errors = PartyValidation.Validate(details);
        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }

        Apply(details);
    }

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;

    /// <summary>Replaces the kommuner of a kommunegruppe with the given ones.</summary>
    public void SetMembers(IEnumerable<Guid> municipalityIds)
    {
        if (Kind != PartyKind.MunicipalGroup)
        {
            throw new InvalidOperationException("Bare en kommunegruppe har medlemskommuner.");
        }

        var wanted = municipalityIds.Distinct().ToHashSet();
        _members.RemoveAll(m => !wanted.Contains(m.MunicipalityId));
        foreach (var id in wanted.Where(id => _members.All(m => m.MunicipalityId != id)))
        {
            _members.Add(new MunicipalGroupMember(Id, id));
        }
    }

    private void Apply(PartyDetails details)
    {
        Name = details.Name.Trim();
        OrganisationNumber = Kind.HasOrganisationNumber() && Parties.OrganisationNumber.TryParse(details.OrganisationNumber, out var orgNo)
            ? orgNo.Value
            : null;

        var isSpecialist = Kind == PartyKind.Specialist;
        HprNumber = isSpecialist && Parties.HprNumber.TryParse(details.HprNumber, out var hpr) ? hpr.Value : null;
        Profession = isSpecialist ? details.Profession : null;
        Specialty = isSpecialist ? Clean(details.Specialty) : null;
        DateOfBirth = isSpecialist ? details.DateOfBirth : null;

        StreetAddress = Clean(details.StreetAddress);
        PostalCode = Clean(details.PostalCode);
        PostalCity = Clean(details.PostalCity);
        ContactName = Clean(details.ContactName);
        ContactEmail = Clean(details.ContactEmail);
        ParentPartyId = details.ParentPartyId;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>What a caseworker enters for a party; validated by <see cref="PartyValidation"/>.</summary>
public sealed record PartyDetails(
    PartyKind Kind,
    string Name,
    string? OrganisationNumber = null,
    string? HprNumber = null,
    Profession? Profession = null,
    string? Specialty = null,
    DateOnly? DateOfBirth = null,
    string? StreetAddress = null,
    string? PostalCode = null,
    string? PostalCity = null,
    string? ContactName = null,
    string? ContactEmail = null,
    Guid? ParentPartyId = null);

/// <summary>A kommune's membership of a kommunegruppe.</summary>
public class MunicipalGroupMember
{
    public MunicipalGroupMember(Guid groupId, Guid municipalityId)
    {
        GroupId = groupId;
        MunicipalityId = municipalityId;
    }

    public Guid GroupId { get; private set; }
    public Guid MunicipalityId { get; private set; }
}
