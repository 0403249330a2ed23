using SamarbeidsAvtaler.Domain.Deviations;

namespace SamarbeidsAvtaler.Domain.Tests.Deviations;

public sealed class NorwegianHolidaysTests
{
    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    [InlineData(2008, 3, 23)]
    [InlineData(2285, 3, 22)] // earliest possible
    [InlineData(1943, 4, 25)] // latest possible
    public void R26_easter_sunday_is_computed(int year, int month, int day) =>
        NorwegianHolidays.EasterSunday(year).Should().Be(new DateOnly(year, month, day));

    [Fact]
    public void R26_the_public_holidays_of_2026()
    {
        NorwegianHolidays.Of(2026).Select(h => (h.Date, h.Name)).Should().Equal(
            (new DateOnly(2026, 1, 1), "1. nyttårsdag"),
            (new DateOnly(2026, 4, 2), "Skjærtorsdag"),
            (new DateOnly(2026, 4, 3), "Langfredag"),
            (new DateOnly(2026, 4, 5), "1. påskedag"),
            (new DateOnly(2026, 4, 6), "2. påskedag"),
            (new DateOnly(2026, 5, 1), "Offentlig høytidsdag (1. mai)"),
            (new DateOnly(2026, 5, 14), "Kristi himmelfartsdag"),
            (new DateOnly(2026, 5, 17), "Grunnlovsdag (17. mai)"),
            (new DateOnly(2026, 5, 24), "1. pinsedag"),
            (new DateOnly(2026, 5, 25), "2. pinsedag"),
            (new DateOnly(2026, 12, 25), "1. juledag"),
            (new DateOnly(2026, 12, 26), "2. juledag"));
    }

    [Theory]
    [InlineData(2026, 5, 14, "Kristi himmelfartsdag")]
    [InlineData(2026, 5, 24, "1. pinsedag")]
    [InlineData(2026, 5, 25, "2. pinsedag")]
    [InlineData(2027, 3, 25, "Skjærtorsdag")]
    [InlineData(2027, 3, 29, "2. påskedag")]
    [InlineData(2027, 5, 17, "Grunnlovsdag (17. mai)")] // 2. pinsedag falls on 17 May 2027 too
    [InlineData(2026, 12, 26, "2. juledag")]
    public void R26_moving_and_fixed_holidays_are_public_holidays(int year, int month, int day, string name)
    {
        var date = new DateOnly(year, month, day);
        NorwegianHolidays.IsPublicHoliday(date).Should().BeTrue();
        NorwegianHolidays.Name(date).Should().Be(name);
    }

    [Theory]
    [InlineData(2026, 12, 24)] // julaften is not a public holiday
    [InlineData(2026, 12, 31)]
    [InlineData(2026, 4, 4)] // påskeaften
    [InlineData(2027, 4, 5)] // 2. påskedag of 2026's calendar, an ordinary Monday in 2027
    [InlineData(2026, 5, 13)]
    public void R26_other_days_are_not(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);
        NorwegianHolidays.IsPublicHoliday(date).Should().BeFalse();
        NorwegianHolidays.Name(date).Should().BeNull();
    }

    [Fact]
    public void R26_every_year_of_the_register_has_twelve_holidays_in_order()
    {
        for (var year = DateRules.Earliest.Year; year <= DateRules.Latest.Year; year++)
        {
            var holidays = NorwegianHolidays.Of(year);
            holidays.Should().HaveCount(12).And.BeInAscendingOrder(h => h.Date);
            holidays.Should().OnlyContain(h => h.Date.Year == year);
            NorwegianHolidays.EasterSunday(year).DayOfWeek.Should().Be(DayOfWeek.Sunday);
        }
    }
}
