namespace SamarbeidsAvtaler.Domain.Committees;

/// <summary>
/// R15: how long one membership may last. A body's own term (<see cref="CommitteeSnapshot.TermYears"/>, 4 years
/// for SSU and områdeutval in 004), and for a fastlege at most 4 years whatever the body (001).
/// </summary>
public static class CommitteeTerms
{
    /// <summary>001: «Representanter bør velges for en tidsbegrenset periode på inntil 4 år».</summary>
    public const int GeneralPractitionerMaxYears = 4;

    /// <summary>The longest term the member may have, in years; null when neither the body nor the member limits it.</summary>
    public static int? MaxYears(CommitteeSnapshot committee, MemberSnapshot member) => Limit(committee, member)?.Years;

    /// <summary>The last day a term starting on <paramref name="member"/>'s TermFrom may last; null when unlimited.</summary>
    public static DateOnly? LatestTermTo(CommitteeSnapshot committee, MemberSnapshot member) =>
        Limit(committee, member) is { } limit ? LastDay(member.TermFrom, limit.Years) : null;

    /// <summary>A term of <paramref name="years"/> years from <paramref name="from"/> ends the day before the same date that many years on.</summary>
    public static DateOnly LastDay(DateOnly from, int years) => from.AddYears(years).AddDays(-1);

    internal static TermLimit? Limit(CommitteeSnapshot committee, MemberSnapshot member)
    {
        var bodyYears = committee.TermYears > 0 ? committee.TermYears : (int?)null;
        if (member.Representation == Representation.GeneralPractitioner && (bodyYears is null || bodyYears > GeneralPractitionerMaxYears))
        {
            return new TermLimit(GeneralPractitionerMaxYears, IsGeneralPractitionerLimit: true, SeedQuotes.GeneralPractitionerTerm);
        }

        return bodyYears is { } years ? new TermLimit(years, IsGeneralPractitionerLimit: false, BodyTermQuote(committee.Kind)) : null;
    }

    internal static bool IsTooLong(MemberSnapshot member, TermLimit limit) => member.TermTo > LastDay(member.TermFrom, limit.Years);

    /// <summary>The seed's words for a body's term: SSU and områdeutval are elected for 4 years at a time (004).</summary>
    internal static string? BodyTermQuote(CommitteeKind kind) => kind switch
    {
        CommitteeKind.StrategicCommittee => SeedQuotes.SsuTerm,
        CommitteeKind.AreaCommittee => SeedQuotes.AreaTerm,
        _ => null,
    };
}

/// <param name="Quote">The seed's words for the limit; null for a body whose term the seed does not give.</param>
internal sealed record TermLimit(int Years, bool IsGeneralPractitionerLimit, string? Quote);
