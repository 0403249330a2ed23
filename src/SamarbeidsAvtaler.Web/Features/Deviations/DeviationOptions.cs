namespace SamarbeidsAvtaler.Web.Features.Deviations;

/// <summary>The deviation register's settings, from the configuration section <see cref="Section"/>.</summary>
public sealed class DeviationOptions
{
    public const string Section = "Deviations";

    public const int MinDeadlineDays = 1;
    public const int MaxDeadlineDays = 365;

    /// <summary>
    /// Calendar days the other party has to answer a deviation, counted from the Norwegian date it is sent
    /// (R22). The seeds give no deadline (issue 10 § 3); the product chooses 14 calendar days (two weeks),
    /// weekends and public holidays included, so a deadline is easy to reckon and the same for every
    /// party. Set <c>Deviations:AnswerDeadlineDays</c> to change it; a case keeps the deadline it got when sent.
    /// </summary>
    public int AnswerDeadlineDays { get; set; } = 14;
}
