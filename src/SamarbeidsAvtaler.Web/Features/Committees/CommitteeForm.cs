using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Web.Features.Parties;

namespace SamarbeidsAvtaler.Web.Features.Committees;

/// <summary>
/// The body form's model: what the user typed, kept as it is when a save is refused. Property names match
/// <see cref="CommitteeDetails"/> so the domain's errors land beside the field.
/// </summary>
public sealed class CommitteeForm
{
    public string? Name { get; set; }
    public string? ShortName { get; set; }
    public CommitteeKind? Kind { get; set; }
    public Guid? OverarchingAgreementId { get; set; }
    public string? Mandate { get; set; }
    public string? Tasks { get; set; }
    public string? AppointedBy { get; set; }
    public Guid? AppointedByCommitteeId { get; set; }
    public Guid? ReportsToCommitteeId { get; set; }
    public int? TermYears { get; set; } = Committee.DefaultTermYears;
    public bool RequiresPersonalDeputies { get; set; }

    /// <summary>The kommuner an områdeutvalg covers (ignored for other kinds).</summary>
    public List<PartyOption> AreaMunicipalities { get; set; } = [];

    /// <summary>The row version (xmin) the user started from; a mismatch on save means someone else saved first.</summary>
    public uint? Version { get; set; }

    public static CommitteeForm From(Committee committee, uint version, IEnumerable<PartyOption> area) => new()
    {
        Name = committee.Name,
        ShortName = committee.ShortName,
        Kind = committee.Kind,
        OverarchingAgreementId = committee.OverarchingAgreementId,
        Mandate = committee.Mandate,
        Tasks = committee.Tasks,
        AppointedBy = committee.AppointedBy,
        AppointedByCommitteeId = committee.AppointedByCommitteeId,
        ReportsToCommitteeId = committee.ReportsToCommitteeId,
        TermYears = committee.TermYears,
        RequiresPersonalDeputies = committee.RequiresPersonalDeputies,
        AreaMunicipalities = [.. area],
        Version = version,
    };

    /// <summary>Converts to domain input and validates it; errors name this form's properties.</summary>
    public (CommitteeDetails? Details, IReadOnlyList<FieldError> Errors) ToDetails(Guid? self)
    {
        if (Kind is not { } kind || !Enum.IsDefined(kind))
        {
            return (null, [new FieldError(nameof(Kind), "Velg type utvalg.")]);
        }

        var details = new CommitteeDetails(Name ?? string.Empty, ShortName ?? string.Empty, kind, OverarchingAgreementId ?? Guid.Empty,
            Mandate, Tasks, AppointedBy, AppointedByCommitteeId, ReportsToCommitteeId, TermYears ?? 0, RequiresPersonalDeputies);
        var errors = Committee.Validate(details, self).ToList();
        if (TermYears is null)
        {
            errors.RemoveAll(e => e.Field == nameof(TermYears));
            errors.Add(new FieldError(nameof(TermYears), "Funksjonstid må fylles ut."));
        }

        return (details, errors);
    }
}

/// <summary>A new counted group of seats (see <see cref="SeatQuota"/>).</summary>
public sealed class QuotaForm
{
    public string? Label { get; set; }
    public CommitteeSide? Side { get; set; }
    public int? MinSeats { get; set; } = 1;
    public int? MaxSeats { get; set; } = 1;
    public List<PartyOption> Organisations { get; set; } = [];

    /// <summary>The body's row version the user started from.</summary>
    public uint Version { get; set; }
}

/// <summary>A year's leadership: leader and deputy leader among the voting members, and the host side of the partnerskapsmøte.</summary>
public sealed class LeadershipForm
{
    public int? Year { get; set; }
    public Guid? ChairMemberId { get; set; }
    public Guid? DeputyChairMemberId { get; set; }
    public CommitteeSide? HostSide { get; set; }

    /// <summary>The body's row version the user started from.</summary>
    public uint Version { get; set; }
}

/// <summary>The date a body is wound up from; the property is named as the service's field errors.</summary>
public sealed class WindUpInput
{
    public DateTime? WoundUpOn { get; set; }
}

/// <summary>The last day of a member's term when it is ended early.</summary>
public sealed class EndTermInput
{
    public DateTime? TermTo { get; set; }
}
