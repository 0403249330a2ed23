using SamarbeidsAvtaler.Domain.Auditing;

namespace SamarbeidsAvtaler.Domain.Committees;

/// <summary>
/// A person's seat in a body for a term. The counting rules (R15, R19, R20) are checked by
/// <c>MembershipRules</c> against the whole body before a save; this class guards what holds alone.
/// </summary>
public class CommitteeMember : IAudited
{
    public const int AppointedByMaxLength = 200;

    private CommitteeMember()
    {
    }

    public Guid Id { get; private set; }
    public Guid CommitteeId { get; private set; }
    public Guid PersonId { get; private set; }
    public CommitteeSide Side { get; private set; }
    public MemberRole Role { get; private set; }
    public Representation? Representation { get; private set; }

    /// <summary>For a personal deputy: the member they stand in for.</summary>
    public Guid? DeputyForMemberId { get; private set; }

    public DateOnly TermFrom { get; private set; }
    public DateOnly TermTo { get; private set; }
    public string? AppointedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    string IAudited.AuditKey => Id.ToString();

    public static CommitteeMember Create(Guid committeeId, MemberDetails details, DateTimeOffset now)
    {
        var member = new CommitteeMember { Id = Guid.CreateVersion7(now), CommitteeId = committeeId, CreatedAt = now };
        member.Update(details);
        return member;
    }

    public void Update(MemberDetails details)
    {
        var errors = Validate(details);
        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }

        PersonId = details.PersonId;
        Side = details.Side;
        Role = details.Role;
        Representation = details.Representation;
        DeputyForMemberId = details.Role == MemberRole.Deputy ? details.DeputyForMemberId : null;
        TermFrom = details.TermFrom!.Value;
        TermTo = details.TermTo!.Value;
        AppointedBy = TextRules.Clean(details.AppointedBy);
    }

    /// <summary>What holds for a membership on its own; the body's counts are MembershipRules' job.</summary>
    public static IReadOnlyList<FieldError> Validate(MemberDetails d)
    {
        var errors = new List<FieldError>();
        if (d.PersonId == Guid.Empty)
        {
            errors.Add(new FieldError(nameof(d.PersonId), "Velg en person."));
        }

        if (!Enum.IsDefined(d.Side))
        {
            errors.Add(new FieldError(nameof(d.Side), "Velg side: kommune eller spesialisthelsetjenesten."));
        }

        if (!Enum.IsDefined(d.Role) || d.Role is MemberRole.Chair or MemberRole.DeputyChair)
        {
            errors.Add(new FieldError(nameof(d.Role), "Velg rolle: medlem, vararepresentant eller observatør. Leder og nestleder settes per år."));
        }

        if (d.Representation is { } r && !Enum.IsDefined(r))
        {
            errors.Add(new FieldError(nameof(d.Representation), "Velg representasjon."));
        }

        if (d.Role == MemberRole.Deputy && d.DeputyForMemberId is null)
        {
            errors.Add(new FieldError(nameof(d.DeputyForMemberId), "Velg hvem vararepresentanten er personlig vara for."));
        }

        TextRules.CheckDate(errors, nameof(d.TermFrom), "Periode fra", d.TermFrom, required: true);
        TextRules.CheckDate(errors, nameof(d.TermTo), "Periode til", d.TermTo, required: true);
        if (d.TermFrom is { } from && d.TermTo is { } to && to < from && errors.Count == 0)
        {
            errors.Add(new FieldError(nameof(d.TermTo), "Perioden kan ikke slutte før den begynner."));
        }

        TextRules.Check(errors, nameof(d.AppointedBy), "Oppnevnt av", d.AppointedBy, AppointedByMaxLength);
        return errors;
    }
}

public sealed record MemberDetails(
    Guid PersonId,
    CommitteeSide Side,
    MemberRole Role,
    DateOnly? TermFrom,
    DateOnly? TermTo,
    Representation? Representation = null,
    Guid? DeputyForMemberId = null,
    string? AppointedBy = null);
