using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Domain.Committees.Fees;

namespace SamarbeidsAvtaler.Web.Features.Committees.Fees;

/// <summary>A registered rate; <see cref="InForce"/> is the one that applies today.</summary>
public sealed record FeeRateRow(Guid Id, DateOnly ValidFrom, decimal HourlyRate, string? Note, bool InForce);

public sealed record FeeRatesView(IReadOnlyList<FeeRateRow> Rates, bool CanMaintain);

/// <summary>Something to pick in a list: a fastlege, a kommune.</summary>
public sealed record FeeOption(Guid Id, string Name);

/// <summary>A fastlege a new claim can be made for, with the bodies they sit in as fastlege.</summary>
public sealed record FastlegeOption(Guid Id, string Name, GpEmployment? Employment, string Committees)
{
    public string Label => Employment switch
    {
        GpEmployment.Salaried => $"{Name} (fastlønnet) – {Committees}",
        null => $"{Name} (ansettelsesform ikke registrert) – {Committees}",
        _ => $"{Name} – {Committees}",
    };
}

/// <summary>The kommuner that can pay a fastlege's claim, and the one to suggest when there is an obvious one.</summary>
public sealed record FeeMunicipalityChoice(IReadOnlyList<FeeOption> Options, Guid? Suggested);

/// <summary>A meeting an activity can be linked to: in a body the fastlege sits in, within the claim's period.</summary>
public sealed record FeeMeetingOption(Guid Id, string Label, DateOnly Date, TimeOnly StartTime, TimeOnly? EndTime);

/// <summary>What the claims register shows: fastlege, kommune, an overlap with a period, status. Lives in the URL.</summary>
public sealed record FeeClaimFilter(Guid? PersonId, Guid? MunicipalityId, DateOnly? From, DateOnly? To, FeeClaimStatus? Status)
{
    public static readonly FeeClaimFilter None = new(null, null, null, null, null);

    public static FeeClaimFilter FromQuery(Func<string, string?> query) => new(
        Guid.TryParse(query("fastlege"), out var person) ? person : null,
        Guid.TryParse(query("kommune"), out var municipality) ? municipality : null,
        Date(query("fra")),
        Date(query("til")),
        query("status") switch { "utkast" => FeeClaimStatus.Draft, "fullfort" => FeeClaimStatus.Finalised, _ => null });

    public IReadOnlyDictionary<string, object?> ToQuery() => new Dictionary<string, object?>
    {
        ["fastlege"] = PersonId?.ToString(),
        ["kommune"] = MunicipalityId?.ToString(),
        ["fra"] = From?.ToString("yyyy-MM-dd", Norwegian.Culture),
        ["til"] = To?.ToString("yyyy-MM-dd", Norwegian.Culture),
        ["status"] = Status switch { FeeClaimStatus.Draft => "utkast", FeeClaimStatus.Finalised => "fullfort", _ => null },
    };

    public string QueryString => string.Join('&', ToQuery().Where(p => p.Value is not null)
        .Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!.ToString()!)}"));

    public bool IsFiltered => this != None;

    // Anything malformed or outside the register's dates is no filter, never an error.
    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", Norwegian.Culture, System.Globalization.DateTimeStyles.None, out var d) && DateRules.InRange(d) ? d : null;
}

public sealed record FeeClaimRow(Guid Id, string PersonName, string MunicipalityName, DateOnly PeriodFrom, DateOnly PeriodTo,
    FeeClaimStatus Status, int ActivityCount, decimal Total, bool IsComplete);

public sealed record FeeClaimResults(IReadOnlyList<FeeClaimRow> Rows, int Total);

public sealed record FeeFilterOptions(IReadOnlyList<FeeOption> Fastleger, IReadOnlyList<FeeOption> Municipalities, bool CanCreate);

/// <summary>One line of a claim: frozen values of a finalised claim, the live calculation of a draft.</summary>
public sealed record FeeLineView(
    Guid ActivityId,
    int Number,
    FeeActivityKind Kind,
    DateTime Start,
    DateTime End,
    bool InsideOfficeHours,
    int? ChosenMultiplier,
    string? Description,
    Guid? MeetingId,
    string? MeetingLabel,
    DateOnly? RateValidFrom,
    decimal? HourlyRate,
    int? Multiplier,
    int? StartedHalfHours,
    decimal? Amount,
    bool NeedsMultiplier,
    IReadOnlyList<string> Problems);

/// <summary>Everything the claim page, its CSV and its document show, for one user.</summary>
public sealed record FeeClaimView(
    Guid Id,
    uint Version,
    Guid PersonId,
    string PersonName,
    string? PersonTitle,
    GpEmployment? Employment,
    Guid MunicipalityId,
    string MunicipalityName,
    DateOnly PeriodFrom,
    DateOnly PeriodTo,
    FeeClaimStatus Status,
    DateOnly? FinalisedOn,
    IReadOnlyList<FeeLineView> Lines,
    decimal Total,
    IReadOnlyList<string> FinaliseProblems,
    bool CanMaintain,
    IReadOnlyList<FeeMeetingOption> Meetings,
    IReadOnlyList<FeeRate> Rates)
{
    public bool IsDraft => Status == FeeClaimStatus.Draft;

    public string Period => $"{Norwegian.Date(PeriodFrom)}–{Norwegian.Date(PeriodTo)}";
}

/// <summary>The texts of seed 001 the fee rests on, shown on the claim and its document.</summary>
public static class FeeBasis
{
    public const string Source = "Veileder for samarbeidsavtaler mellom kommuner og helseforetak, «Godtgjøring til oppnevnte fastleger»";

    public static readonly IReadOnlyList<string> Points =
    [
        "Kommunene honorerer fastlegerepresentantene.",
        "For næringsdrivende fastleger anbefaler partene godtgjøring som næringsdrivende tilsvarende honorarsatsen i rammeavtalen pkt. 12.5 (per i dag 880 kroner per time).",
        "For møter, formøter og reisetid innen kontortiden (fastlegens avtalte åpningstid) honoreres legen to ganger honorarsatsen per time.",
        "For reisetid utenfor kontortiden og saksforberedelse honoreres legen time for time.",
        "Godtgjøringen beregnes for hver påbegynt halvtime.",
    ];

    public const string OpenQuestion =
        "Samarbeidsavtalen sier ikke hvilken sats som gjelder for møter og formøter utenfor kontortiden. Velg om tiden skal honoreres med én eller to ganger honorarsatsen per time.";

    public static string DisplayName(this FeeClaimStatus status) => status switch
    {
        FeeClaimStatus.Draft => "Utkast",
        FeeClaimStatus.Finalised => "Fullført",
        _ => status.ToString(),
    };

    public static string Kroner(decimal amount) => amount.ToString("N2", Norwegian.Culture) + " kr";

    public static string Employment(GpEmployment? employment) => employment switch
    {
        GpEmployment.SelfEmployed => "Næringsdrivende",
        GpEmployment.Salaried => "Fastlønnet",
        _ => "Ikke registrert",
    };
}
