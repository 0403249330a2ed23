namespace SamarbeidsAvtaler.Web.Features.Deviations.Statistics;

/// <summary>One row of a count table: what is counted and how many deviations.</summary>
public sealed record CountRow(string Label, int Count);

/// <summary>One party's deviations: reported by it, and reported against it (as the other party).</summary>
public sealed record PartyCountRow(string Label, int Reported, int Against)
{
    public int Total => Reported + Against;
}

/// <summary>An område the user may choose: an områdeutval and how many kommuner its area has.</summary>
public sealed record AreaOption(Guid Id, string Name, int MunicipalityCount);

/// <summary>A party the user may filter on: one that takes part in a counted deviation.</summary>
public sealed record PartyOption(Guid Id, string Name);

/// <summary>
/// Of the answered deviations (those with a deadline), how many were answered by it and how many after.
/// </summary>
public sealed record DeadlineShare(int Answered, int WithinDeadline)
{
    public int Late => Answered - WithinDeadline;

    /// <summary>Whole percent answered within the deadline; null when nothing is answered.</summary>
    public int? WithinPercent => Answered == 0 ? null : (int)Math.Round(100.0 * WithinDeadline / Answered, MidpointRounding.AwayFromZero);

    public int? LatePercent => WithinPercent is { } within ? 100 - within : null;
}

/// <summary>
/// Counts of deviations for one filter (R25): never a case's details, only numbers per month, category,
/// område and party, and the share answered within the deadline.
/// </summary>
public sealed record DeviationStatistics(
    StatisticsFilter Filter,
    string ScopeText,
    IReadOnlyList<AreaOption> Areas,
    IReadOnlyList<PartyOption> Parties,
    int Total,
    IReadOnlyList<CountRow> PerMonth,
    IReadOnlyList<CountRow> PerCategory,
    IReadOnlyList<CountRow> PerArea,
    IReadOnlyList<PartyCountRow> PerParty,
    DeadlineShare Deadline)
{
    /// <summary>How many parties the party table names one by one; the rest are summed in one row.</summary>
    public const int TopParties = 10;

    public string? AreaName => Areas.FirstOrDefault(a => a.Id == Filter.AreaId)?.Name;

    public string? PartyName => Parties.FirstOrDefault(p => p.Id == Filter.PartyId)?.Name;
}
