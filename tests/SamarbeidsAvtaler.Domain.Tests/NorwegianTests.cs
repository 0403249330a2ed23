namespace SamarbeidsAvtaler.Domain.Tests;

public sealed class NorwegianTests
{
    [Fact]
    public void Today_is_the_norwegian_calendar_day_whatever_the_servers_zone()
    {
        // 23:30 UTC on New Year's Eve is already 1 January in Norway (UTC+1 in winter).
        var clock = new FixedClock(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero));

        clock.Today().Should().Be(new DateOnly(2027, 1, 1));
        Norwegian.DateTime(clock.GetUtcNow()).Should().Be("01.01.2027 kl. 00:30");
    }

    [Theory]
    [InlineData("Driftsavtale", "driftsavtale")]
    [InlineData("Samarbeidsavtale kommune–HF", "samarbeidsavtale kommune–HF")]
    [InlineData("RHF", "RHF")]
    public void Names_inside_a_sentence_keep_their_acronyms(string name, string expected) =>
        Norwegian.InSentence(name).Should().Be(expected);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
