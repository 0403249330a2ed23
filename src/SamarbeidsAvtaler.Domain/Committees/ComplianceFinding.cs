namespace SamarbeidsAvtaler.Domain.Committees;

/// <summary>How a body stands against one rule of R15–R20, as the committee panel shows it.</summary>
public enum ComplianceLevel
{
    /// <summary>The rule is met.</summary>
    Fulfilled = 1,

    /// <summary>
    /// Not (yet) met where the seed asks only "så langt det er mogleg", the year is still running, or
    /// something is approaching (a term ending soon).
    /// </summary>
    Warning = 2,

    /// <summary>The seed counts or requires it, and it is not met.</summary>
    Breach = 3,
}

/// <summary>One line of the compliance panel.</summary>
/// <param name="Rule">The rule in DOMAIN.md section 5 ("R16"), or the seed paragraph where no rule is numbered ("004 § 5.5.3").</param>
/// <param name="Title">A short heading in bokmål ("Møter i 2027").</param>
/// <param name="Detail">What was found, plain and concrete ("SSU har holdt 3 av minst 4 møter i 2027.").</param>
/// <param name="SeedQuote">The seed's own (nynorsk) words, without quotation marks; see <see cref="SeedQuotes"/>.</param>
public sealed record ComplianceFinding(string Rule, ComplianceLevel Level, string Title, string Detail, string? SeedQuote);
