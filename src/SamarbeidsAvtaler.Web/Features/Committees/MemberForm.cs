using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Committees;

namespace SamarbeidsAvtaler.Web.Features.Committees;

/// <summary>
/// The member form's model: what the user typed, kept on refusal. Errors about the person (the same person twice,
/// a quota their organisation would exceed) land on <see cref="Person"/>; the rest on the property of that name.
/// </summary>
public sealed class MemberForm
{
    public PersonOption? Person { get; set; }
    public CommitteeSide? Side { get; set; }
    public MemberRole? Role { get; set; } = MemberRole.Member;
    public Representation? Representation { get; set; }
    public Guid? DeputyForMemberId { get; set; }
    public DateTime? TermFrom { get; set; }
    public DateTime? TermTo { get; set; }
    public string? AppointedBy { get; set; }

    /// <summary>The membership's row version, for an edit.</summary>
    public uint? Version { get; set; }

    /// <summary>The body's row version the user started from: every member change claims it.</summary>
    public uint CommitteeVersion { get; set; }

    public static MemberForm From(CommitteeMember member, uint version, uint committeeVersion, PersonOption person) => new()
    {
        Person = person,
        Side = member.Side,
        Role = member.Role,
        Representation = member.Representation,
        DeputyForMemberId = member.DeputyForMemberId,
        TermFrom = member.TermFrom.ToDateTime(TimeOnly.MinValue),
        TermTo = member.TermTo.ToDateTime(TimeOnly.MinValue),
        AppointedBy = member.AppointedBy,
        Version = version,
        CommitteeVersion = committeeVersion,
    };

    /// <summary>A new membership: a term of the body's length from today.</summary>
    public static MemberForm New(DateOnly today, int termYears, uint committeeVersion, string? appointedBy = null) => new()
    {
        TermFrom = today.ToDateTime(TimeOnly.MinValue),
        TermTo = today.AddYears(termYears).AddDays(-1).ToDateTime(TimeOnly.MinValue),
        AppointedBy = appointedBy,
        CommitteeVersion = committeeVersion,
    };

    public static DateOnly? Date(DateTime? value) => value is { } d ? DateOnly.FromDateTime(d) : null;

    /// <summary>Converts to domain input and validates what holds for the membership alone; errors name this form's properties.</summary>
    public (MemberDetails? Details, IReadOnlyList<FieldError> Errors) ToDetails()
    {
        var errors = new List<FieldError>();
        if (Side is null)
        {
            errors.Add(new FieldError(nameof(Side), "Velg side: kommune eller spesialisthelsetjenesten."));
        }

        if (Role is null)
        {
            errors.Add(new FieldError(nameof(Role), "Velg rolle."));
        }

        if (errors.Count > 0)
        {
            var partial = new MemberDetails(Person?.Id ?? Guid.Empty, CommitteeSide.Municipal, MemberRole.Member, Date(TermFrom), Date(TermTo),
                Representation, DeputyForMemberId, AppointedBy);
            errors.AddRange(CommitteeMember.Validate(partial).Where(e => e.Field is not (nameof(Side) or nameof(Role))).Select(ForForm));
            return (null, errors);
        }

        var details = new MemberDetails(Person?.Id ?? Guid.Empty, Side!.Value, Role!.Value, Date(TermFrom), Date(TermTo),
            Representation, Role == MemberRole.Deputy ? DeputyForMemberId : null, AppointedBy);
        return (details, [.. CommitteeMember.Validate(details).Select(ForForm)]);
    }

    /// <summary>A rule's field as this form names it: the person picker answers for the person and their organisation.</summary>
    public static FieldError ForForm(FieldError error) => error.Field switch
    {
        "PersonId" or "OrganisationPartyId" => error with { Field = nameof(Person) },
        _ => error,
    };
}
