using SamarbeidsAvtaler.Domain.Deviations;

namespace SamarbeidsAvtaler.Domain.Tests.Deviations;

public sealed class DischargeHoursTests
{
    private static readonly DischargeHours Seed = DischargeHours.SeedExample;

    [Fact]
    public void R26_the_seed_example_is_weekdays_07_17_and_weekends_and_holidays_09_15()
    {
        Seed.WeekdayFrom.Should().Be(new TimeOnly(7, 0));
        Seed.WeekdayTo.Should().Be(new TimeOnly(17, 0));
        Seed.HolidayFrom.Should().Be(new TimeOnly(9, 0));
        Seed.HolidayTo.Should().Be(new TimeOnly(15, 0));
        Seed.ToString().Should().Be("Hverdager 07–17, helg og helligdager 09–15");
    }

    [Theory]
    [InlineData("2026-04-07 07:00", true)] // Tuesday after Easter, both ends inside
    [InlineData("2026-04-07 17:00", true)]
    [InlineData("2026-04-07 17:00:59", true)] // compared to the minute
    [InlineData("2026-04-07 17:01", false)]
    [InlineData("2026-04-07 06:59", false)]
    [InlineData("2026-04-11 16:00", false)] // Saturday
    [InlineData("2026-04-11 09:00", true)]
    [InlineData("2026-04-06 16:00", false)] // 2. påskedag, a Monday
    [InlineData("2026-05-14 12:00", true)] // Kristi himmelfartsdag, a Thursday
    [InlineData("2026-05-14 16:00", false)]
    [InlineData("2026-05-15 16:00", true)] // the Friday after is an ordinary weekday
    [InlineData("2026-12-24 16:00", true)] // julaften is a weekday here
    public void R26_discharge_time_against_the_agreements_hours(string at, bool within) =>
        Seed.IsWithin(DateTime.Parse(at, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(within);

    [Fact]
    public void R26_a_discharge_on_a_moving_public_holiday_is_judged_by_the_holiday_hours()
    {
        var easterMonday = new DateTime(2026, 4, 6, 18, 30, 0);

        Seed.IsWithin(easterMonday).Should().BeFalse();
        Seed.OutsideMessage(easterMonday).Should().Be(
            "Utskrivning kl. 18:30 på 2. påskedag er utenfor avtalt tid for helg og helligdager (09–15).");
        Seed.OutsideMessage(new DateTime(2026, 5, 25, 8, 15, 0)).Should().Be(
            "Utskrivning kl. 08:15 på 2. pinsedag er utenfor avtalt tid for helg og helligdager (09–15).");
        Seed.OutsideMessage(new DateTime(2026, 5, 14, 15, 30, 0)).Should().Be(
            "Utskrivning kl. 15:30 på Kristi himmelfartsdag er utenfor avtalt tid for helg og helligdager (09–15).");
    }

    [Fact]
    public void R26_messages_for_weekends_and_weekdays_say_which_window()
    {
        Seed.OutsideMessage(new DateTime(2026, 4, 11, 16, 0, 0)).Should().Be(
            "Utskrivning kl. 16:00 på en lørdag er utenfor avtalt tid for helg og helligdager (09–15).");
        Seed.OutsideMessage(new DateTime(2026, 4, 7, 18, 30, 0)).Should().Be(
            "Utskrivning kl. 18:30 på en tirsdag er utenfor avtalt tid for hverdager (07–17).");
        Seed.OutsideMessage(new DateTime(2026, 4, 7, 12, 0, 0)).Should().BeNull();
    }

    [Fact]
    public void R26_the_hours_are_data_on_the_agreement_not_constants()
    {
        var other = new DischargeHours(new TimeOnly(8, 0), new TimeOnly(20, 30), new TimeOnly(10, 0), new TimeOnly(14, 0));
        var tuesdayEvening = new DateTime(2026, 4, 7, 19, 0, 0);

        other.IsWithin(tuesdayEvening).Should().BeTrue();
        Seed.IsWithin(tuesdayEvening).Should().BeFalse();
        other.OutsideMessage(new DateTime(2026, 4, 7, 21, 0, 0)).Should().EndWith("for hverdager (08–20:30).");
        other.Should().Be(new DischargeHours(new TimeOnly(8, 0), new TimeOnly(20, 30), new TimeOnly(10, 0), new TimeOnly(14, 0)));
    }

    [Fact]
    public void R26_a_window_must_end_after_it_begins()
    {
        var errors = DischargeHours.Validate(new TimeOnly(17, 0), new TimeOnly(7, 0), new TimeOnly(9, 0), new TimeOnly(9, 0));

        errors.Select(e => e.Field).Should().Equal(nameof(DischargeHours.WeekdayTo), nameof(DischargeHours.HolidayTo));
        errors[0].Message.Should().Be(
            "Avtalt utskrivningstid på hverdager må slutte etter at den begynner: kl. 07:00 er ikke etter kl. 17:00.");

        var build = () => new DischargeHours(new TimeOnly(7, 0), new TimeOnly(17, 0), new TimeOnly(15, 0), new TimeOnly(9, 0));
        build.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainSingle(e => e.Field == nameof(DischargeHours.HolidayTo));
        DischargeHours.Validate(new TimeOnly(7, 0), new TimeOnly(17, 0), new TimeOnly(9, 0), new TimeOnly(15, 0)).Should().BeEmpty();
    }
}
