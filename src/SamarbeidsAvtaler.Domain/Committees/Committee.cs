using SamarbeidsAvtaler.Domain.Auditing;

namespace SamarbeidsAvtaler.Domain.Committees;

/// <summary>
/// A body of a helsefellesskap (seed 004 § 5). It belongs to the overarching agreement that
/// establishes it; an områdeutvalg covers a named set of kommuner; seat quotas hold the counts
/// the agreement gives for its composition, so the rules of R19–R20 read them as data.
/// </summary>
public class Committee : IAudited
{
    public const int NameMaxLength = 200;
    public const int ShortNameMaxLength = 20;
    public const int TextMaxLength = 4000;
    public const int AppointedByMaxLength = 200;
    public const int DefaultTermYears = 4;

    private readonly List<CommitteeAreaMunicipality> _areaMunicipalities = [];
    private readonly List<CommitteeSeatQuota> _quotas = [];
    private readonly List<CommitteeLeadership> _leadership = [];

    private Committee()
    {
        Name = string.Empty;
        ShortName = string.Empty;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }

    /// <summary>Prefix of agenda item numbers, e.g. "SSU" in "SSU 12/2027".</summary>
    public string ShortName { get; private set; }

    public CommitteeKind Kind { get; private set; }

    /// <summary>The level-1 agreement that establishes the body: the helsefellesskap it belongs to.</summary>
    public Guid OverarchingAgreementId { get; private set; }

    public string? Mandate { get; private set; }
    public string? Tasks { get; private set; }

    /// <summary>Who appointed the body, in words ("Partnarskapsmøtet"), or the appointing body.</summary>
    public string? AppointedBy { get; private set; }

    public Guid? AppointedByCommitteeId { get; private set; }
    public Guid? ReportsToCommitteeId { get; private set; }

    /// <summary>Length of a member's term (R15: 4 years unless the body's rules say otherwise).</summary>
    public int TermYears { get; private set; } = DefaultTermYears;

    /// <summary>Whether every voting member needs a personal deputy (SSU: «Det skal utpeikast personlege vararepresentantar»).</summary>
    public bool RequiresPersonalDeputies { get; private set; }

    public DateOnly? WoundUpOn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsActive => WoundUpOn is null;

    public IReadOnlyCollection<CommitteeAreaMunicipality> AreaMunicipalities => _areaMunicipalities;
    public IReadOnlyCollection<CommitteeSeatQuota> Quotas => _quotas;
    public IReadOnlyCollection<CommitteeLeadership> Leadership => _leadership;

    string IAudited.AuditKey => Id.ToString();

    public static Committee Create(CommitteeDetails details, DateTimeOffset now)
    {
        var committee = new Committee { Id = Guid.CreateVersion7(now), Kind = details.Kind, CreatedAt = now };
        committee.Update(details);
        return committee;
    }

    public void Update(CommitteeDetails details)
    {
        var errors = Validate(details, Id);
        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }

        Name = details.Name.Trim();
        ShortName = details.ShortName.Trim();
        Kind = details.Kind;
        OverarchingAgreementId = details.OverarchingAgreementId;
        Mandate = TextRules.Clean(details.Mandate);
        Tasks = TextRules.Clean(details.Tasks);
        AppointedBy = TextRules.Clean(details.AppointedBy);
        AppointedByCommitteeId = details.AppointedByCommitteeId;
        ReportsToCommitteeId = details.ReportsToCommitteeId;
        TermYears = details.TermYears;
        RequiresPersonalDeputies = details.RequiresPersonalDeputies;
    }

    public static IReadOnlyList<FieldError> Validate(CommitteeDetails d, Guid? self = null)
    {
        var errors = new List<FieldError>();
        TextRules.Check(errors, nameof(d.Name), "Navn", d.Name, NameMaxLength, required: true);
        TextRules.Check(errors, nameof(d.ShortName), "Kortnavn", d.ShortName, ShortNameMaxLength, required: true);
        TextRules.Check(errors, nameof(d.Mandate), "Mandat", d.Mandate, TextMaxLength, multiline: true);
        TextRules.Check(errors, nameof(d.Tasks), "Oppgaver", d.Tasks, TextMaxLength, multiline: true);
        TextRules.Check(errors, nameof(d.AppointedBy), "Oppnevnt av", d.AppointedBy, AppointedByMaxLength);
        if (!Enum.IsDefined(d.Kind))
        {
            errors.Add(new FieldError(nameof(d.Kind), "Velg type utvalg."));
        }

        if (d.OverarchingAgreementId == Guid.Empty)
        {
            errors.Add(new FieldError(nameof(d.OverarchingAgreementId), "Velg den overordnede samarbeidsavtalen som oppretter utvalget."));
        }

        if (d.TermYears is < 1 or > 10)
        {
            errors.Add(new FieldError(nameof(d.TermYears), "Funksjonstiden må være mellom 1 og 10 år."));
        }

        if (self is { } id && id != Guid.Empty && (d.AppointedByCommitteeId == id || d.ReportsToCommitteeId == id))
        {
            errors.Add(new FieldError(nameof(d.ReportsToCommitteeId), "Et utvalg kan ikke oppnevne eller rapportere til seg selv."));
        }

        return errors;
    }

    public void WindUp(DateOnly on)
    {
        if (!DateRules.InRange(on))
        {
            throw new DomainValidationException([new FieldError(nameof(WoundUpOn), DateRules.OutOfRangeMessage("Avviklingsdato"))]);
        }

        WoundUpOn = on;
    }

    public void Reopen() => WoundUpOn = null;

    /// <summary>Replaces the kommuner an områdeutvalg covers.</summary>
    public void SetAreaMunicipalities(IEnumerable<Guid> municipalityIds)
    {
        var wanted = municipalityIds.Distinct().ToHashSet();
        _areaMunicipalities.RemoveAll(m => !wanted.Contains(m.MunicipalityId));
        foreach (var id in wanted.Where(id => _areaMunicipalities.All(m => m.MunicipalityId != id)))
        {
            _areaMunicipalities.Add(new CommitteeAreaMunicipality(Id, id));
        }
    }

    public CommitteeSeatQuota AddQuota(string label, CommitteeSide side, int minSeats, int maxSeats, IEnumerable<Guid> partyIds)
    {
        var quota = CommitteeSeatQuota.Create(Id, label, side, minSeats, maxSeats, partyIds);
        _quotas.Add(quota);
        return quota;
    }

    public void RemoveQuota(Guid quotaId) => _quotas.RemoveAll(q => q.Id == quotaId);

    /// <summary>Records the leadership of a calendar year; the caller has checked it with LeadershipRules.</summary>
    public void SetLeadership(int year, Guid? chairMemberId, Guid? deputyChairMemberId, CommitteeSide? hostSide)
    {
        if (year is < 1900 or > 2199)
        {
            throw new DomainValidationException([new FieldError("Year", "Året må være mellom 1900 og 2199.")]);
        }

        var existing = _leadership.FirstOrDefault(l => l.Year == year);
        if (existing is null)
        {
            _leadership.Add(new CommitteeLeadership(Id, year, chairMemberId, deputyChairMemberId, hostSide));
        }
        else
        {
            existing.Set(chairMemberId, deputyChairMemberId, hostSide);
        }
    }
}

public sealed record CommitteeDetails(
    string Name,
    string ShortName,
    CommitteeKind Kind,
    Guid OverarchingAgreementId,
    string? Mandate = null,
    string? Tasks = null,
    string? AppointedBy = null,
    Guid? AppointedByCommitteeId = null,
    Guid? ReportsToCommitteeId = null,
    int TermYears = Committee.DefaultTermYears,
    bool RequiresPersonalDeputies = false);

/// <summary>A kommune in an områdeutvalg's area.</summary>
public sealed class CommitteeAreaMunicipality(Guid committeeId, Guid municipalityId)
{
    public Guid CommitteeId { get; private set; } = committeeId;
    public Guid MunicipalityId { get; private set; } = municipalityId;
}

/// <summary>A counted group of seats; see <see cref="SeatQuota"/>.</summary>
public sealed class CommitteeSeatQuota
{
    public const int LabelMaxLength = 200;

    private CommitteeSeatQuota()
    {
        Label = string.Empty;
        PartyIds = [];
    }

    public Guid Id { get; private set; }
    public Guid CommitteeId { get; private set; }
    public string Label { get; private set; }
    public CommitteeSide Side { get; private set; }
    public int MinSeats { get; private set; }
    public int MaxSeats { get; private set; }
    public List<Guid> PartyIds { get; private set; }

    internal static CommitteeSeatQuota Create(Guid committeeId, string label, CommitteeSide side, int minSeats, int maxSeats, IEnumerable<Guid> partyIds)
    {
        var errors = new List<FieldError>();
        TextRules.Check(errors, nameof(Label), "Navn på setegruppen", label, LabelMaxLength, required: true);
        if (minSeats < 0 || maxSeats < 1 || maxSeats < minSeats || maxSeats > 50)
        {
            errors.Add(new FieldError(nameof(MaxSeats), "Antall seter må være mellom 0 og 50, og høyst minst like stort som minst."));
        }

        var parties = partyIds.Distinct().ToList();
        if (parties.Count == 0)
        {
            errors.Add(new FieldError(nameof(PartyIds), "Velg minst én organisasjon setene hører til."));
        }

        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }

        return new CommitteeSeatQuota
        {
            Id = Guid.NewGuid(),
            CommitteeId = committeeId,
            Label = label.Trim(),
            Side = side,
            MinSeats = minSeats,
            MaxSeats = maxSeats,
            PartyIds = parties,
        };
    }

    public SeatQuota ToSnapshot() => new(Label, Side, MinSeats, MaxSeats, PartyIds);
}

/// <summary>Who leads a body in one calendar year; for the partnerskapsmøte also the hosting side (R17).</summary>
public sealed class CommitteeLeadership
{
    private CommitteeLeadership()
    {
    }

    internal CommitteeLeadership(Guid committeeId, int year, Guid? chairMemberId, Guid? deputyChairMemberId, CommitteeSide? hostSide)
    {
        CommitteeId = committeeId;
        Year = year;
        Set(chairMemberId, deputyChairMemberId, hostSide);
    }

    public Guid CommitteeId { get; private set; }
    public int Year { get; private set; }
    public Guid? ChairMemberId { get; private set; }
    public Guid? DeputyChairMemberId { get; private set; }
    public CommitteeSide? HostSide { get; private set; }

    internal void Set(Guid? chairMemberId, Guid? deputyChairMemberId, CommitteeSide? hostSide)
    {
        ChairMemberId = chairMemberId;
        DeputyChairMemberId = deputyChairMemberId;
        HostSide = hostSide;
    }
}
