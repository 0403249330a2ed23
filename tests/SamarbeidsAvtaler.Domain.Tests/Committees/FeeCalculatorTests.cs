using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Domain.Committees.Fees;

namespace SamarbeidsAvtaler.Domain.Tests.Committees;

/// <summary>R21 (seed 001): the fee of a self-employed fastlege representative, with worked amounts in kroner.</summary>
public sealed class FeeCalculatorTests
{
    private static readonly FeeRate Rate880 = new(new DateOnly(2024, 1, 1), 880m);
    private static readonly FeeRate[] Rates = [Rate880];
    private static readonly DateTime Wednesday = new(2027, 3, 10, 9, 0, 0);

    private static FeeActivity Activity(FeeActivityKind kind, int minutes, bool inside, int? chosen = null, DateTime? start = null)
    {
        var from = start ?? Wednesday;
        return new FeeActivity(kind, from, from.AddMinutes(minutes), inside, chosen, null);
    }

    private static FeeLine Single(FeeActivity activity, IReadOnlyList<FeeRate>? rates = null)
    {
        var calculation = FeeCalculator.Calculate(GpEmployment.SelfEmployed, [activity], rates ?? Rates);
        return calculation.Lines.Should().ContainSingle().Subject;
    }

    [Fact]
    public void R21_meeting_inside_office_hours_of_two_hours_is_3520_kroner_at_880()
    {
        var line = Single(Activity(FeeActivityKind.Meeting, 120, inside: true));

        line.StartedHalfHours.Should().Be(4);
        line.Multiplier.Should().Be(2);
        line.Rate.Should().Be(Rate880);
        line.Amount.Should().Be(3520m);
        line.Problems.Should().BeEmpty();
    }

    [Fact]
    public void R21_billed_per_started_half_hour()
    {
        var line = Single(Activity(FeeActivityKind.Meeting, 61, inside: true));

        line.StartedHalfHours.Should().Be(3);
        line.Amount.Should().Be(2640m);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(30, 1)]
    [InlineData(31, 2)]
    [InlineData(60, 2)]
    [InlineData(61, 3)]
    [InlineData(24 * 60, 48)]
    public void R21_every_started_half_hour_counts(int minutes, int halfHours)
    {
        FeeCalculator.StartedHalfHours(TimeSpan.FromMinutes(minutes)).Should().Be(halfHours);
        Single(Activity(FeeActivityKind.CasePreparation, minutes, inside: false)).Amount.Should().Be(halfHours * 440m);
    }

    [Fact]
    public void R21_half_hours_are_counted_per_activity_not_summed_first()
    {
        // Three meetings of 20 minutes: one started half hour each, 3 × 880 × 2 / 2 = 2640,
        // where 60 minutes summed first would be 2 half hours = 1760.
        var activities = Enumerable.Range(0, 3)
            .Select(i => Activity(FeeActivityKind.Meeting, 20, inside: true, start: Wednesday.AddHours(i)))
            .ToList();

        var calculation = FeeCalculator.Calculate(GpEmployment.SelfEmployed, activities, Rates);

        calculation.Lines.Select(l => l.StartedHalfHours).Should().Equal(1, 1, 1);
        calculation.Total.Should().Be(2640m);
    }

    [Fact]
    public void R21_preparatory_meeting_inside_office_hours_is_twice_the_rate()
    {
        Single(Activity(FeeActivityKind.PreparatoryMeeting, 30, inside: true)).Amount.Should().Be(880m);
    }

    [Fact]
    public void R21_travel_inside_office_hours_is_twice_the_rate()
    {
        var line = Single(Activity(FeeActivityKind.Travel, 90, inside: true));

        line.Multiplier.Should().Be(2);
        line.Amount.Should().Be(2640m);
    }

    [Fact]
    public void R21_travel_outside_office_hours_is_the_rate()
    {
        var line = Single(Activity(FeeActivityKind.Travel, 120, inside: false, chosen: 2));

        line.Multiplier.Should().Be(1, "the seed fixes the rate for travel outside office hours; a stale choice does not change it");
        line.Amount.Should().Be(1760m);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void R21_case_preparation_is_the_rate_per_hour(bool inside)
    {
        var line = Single(Activity(FeeActivityKind.CasePreparation, 45, inside));

        line.StartedHalfHours.Should().Be(2);
        line.Multiplier.Should().Be(1);
        line.Amount.Should().Be(880m);
    }

    [Theory]
    [InlineData(FeeActivityKind.Meeting, true, null, 2)]
    [InlineData(FeeActivityKind.PreparatoryMeeting, true, null, 2)]
    [InlineData(FeeActivityKind.Travel, true, null, 2)]
    [InlineData(FeeActivityKind.Travel, false, null, 1)]
    [InlineData(FeeActivityKind.CasePreparation, true, null, 1)]
    [InlineData(FeeActivityKind.CasePreparation, false, 2, 1)]
    [InlineData(FeeActivityKind.Meeting, false, null, null)]
    [InlineData(FeeActivityKind.PreparatoryMeeting, false, null, null)]
    [InlineData(FeeActivityKind.Meeting, false, 3, null)]
    [InlineData(FeeActivityKind.Meeting, false, 1, 1)]
    [InlineData(FeeActivityKind.PreparatoryMeeting, false, 2, 2)]
    public void R21_multiplier_per_kind_and_office_hours(FeeActivityKind kind, bool inside, int? chosen, int? expected)
    {
        FeeCalculator.Multiplier(kind, inside, chosen).Should().Be(expected);
        FeeCalculator.MustChooseMultiplier(kind, inside).Should().Be(kind != FeeActivityKind.Travel && kind != FeeActivityKind.CasePreparation && !inside);
    }

    [Theory]
    [InlineData(FeeActivityKind.Meeting)]
    [InlineData(FeeActivityKind.PreparatoryMeeting)]
    public void R21_meeting_outside_office_hours_asks_for_the_rate_and_does_not_guess(FeeActivityKind kind)
    {
        var calculation = FeeCalculator.Calculate(GpEmployment.SelfEmployed,
            [Activity(kind, 60, inside: false), Activity(FeeActivityKind.CasePreparation, 60, inside: false)], Rates);

        var line = calculation.Lines[0];
        line.Multiplier.Should().BeNull();
        line.Amount.Should().BeNull();
        line.Rate.Should().Be(Rate880);
        line.StartedHalfHours.Should().Be(2);
        calculation.Lines[1].Amount.Should().Be(880m);
        calculation.Total.Should().Be(880m, "only the computed line counts");
        calculation.IsComplete.Should().BeFalse();
        var problem = calculation.Problems.Should().ContainSingle().Subject;
        problem.Field.Should().Be("Activities[0].ChosenMultiplier");
        problem.Message.Should().StartWith($"Linje 1: {kind.DisplayName()} utenfor kontortiden: velg om tiden skal honoreres med én eller to ganger honorarsatsen per time.");
        FeeClaimRules.ValidateForFinalising(new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 31), calculation)
            .Should().ContainSingle().Which.Should().Be(problem);
    }

    [Theory]
    [InlineData(1, 880)]
    [InlineData(2, 1760)]
    public void R21_meeting_outside_office_hours_uses_the_multiplier_the_user_chose(int chosen, decimal amount)
    {
        var line = Single(Activity(FeeActivityKind.Meeting, 60, inside: false, chosen));

        line.Multiplier.Should().Be(chosen);
        line.Amount.Should().Be(amount);
        line.Problems.Should().BeEmpty();
    }

    [Fact]
    public void R21_a_chosen_multiplier_other_than_1_or_2_is_refused()
    {
        var line = Single(Activity(FeeActivityKind.Meeting, 60, inside: false, chosen: 3));

        line.Amount.Should().BeNull();
        line.Problems.Should().ContainSingle().Which.Message.Should().Be("Linje 1: Velg én eller to ganger honorarsatsen per time.");
    }

    [Fact]
    public void R21_rate_change_applies_from_its_date()
    {
        FeeRate[] rates = [new(new DateOnly(2027, 4, 1), 950m), Rate880];
        var before = Activity(FeeActivityKind.Meeting, 60, inside: true, start: new DateTime(2027, 3, 31, 22, 0, 0));
        var after = Activity(FeeActivityKind.Meeting, 60, inside: true, start: new DateTime(2027, 4, 1, 8, 0, 0));

        foreach (var order in new[] { rates, rates.Reverse().ToArray() })
        {
            var calculation = FeeCalculator.Calculate(GpEmployment.SelfEmployed, [before, after], order);

            calculation.Lines.Select(l => l.Rate!.HourlyRate).Should().Equal(880m, 950m);
            calculation.Lines.Select(l => l.Amount).Should().Equal(1760m, 1900m);
            calculation.Total.Should().Be(3660m);
            FeeRates.RateOn(order, new DateOnly(2027, 3, 31))!.HourlyRate.Should().Be(880m);
            FeeRates.RateOn(order, new DateOnly(2027, 4, 1))!.HourlyRate.Should().Be(950m);
        }
    }

    [Fact]
    public void R21_the_rate_of_the_start_date_applies_to_an_activity_past_midnight()
    {
        FeeRate[] rates = [Rate880, new(new DateOnly(2027, 4, 1), 950m)];
        var travel = Activity(FeeActivityKind.Travel, 120, inside: false, start: new DateTime(2027, 3, 31, 23, 0, 0));

        Single(travel, rates).Amount.Should().Be(1760m);
    }

    [Fact]
    public void R21_no_rate_valid_on_the_activity_date_is_refused()
    {
        FeeRate[] rates = [new(new DateOnly(2027, 4, 1), 950m)];

        var calculation = FeeCalculator.Calculate(GpEmployment.SelfEmployed, [Activity(FeeActivityKind.Meeting, 60, inside: true)], rates);

        var line = calculation.Lines.Should().ContainSingle().Subject;
        line.Rate.Should().BeNull();
        line.Amount.Should().BeNull();
        calculation.Total.Should().Be(0m);
        calculation.Problems.Should().ContainSingle().Which.Should().Be(new FieldError("Activities[0].Start",
            "Linje 1: Det finnes ingen honorarsats som gjelder 10.03.2027. Registrer honorarsatsen (rammeavtalen pkt. 12.5) med en gyldig fra-dato på eller før denne datoen."));
        FeeRates.RateOn([], new DateOnly(2027, 3, 10)).Should().BeNull();
    }

    [Fact]
    public void R21_salaried_fastlege_gets_no_fee()
    {
        var calculation = FeeCalculator.Calculate(GpEmployment.Salaried, [Activity(FeeActivityKind.Meeting, 120, inside: true)], Rates);

        calculation.Lines.Should().BeEmpty();
        calculation.Total.Should().Be(0m);
        calculation.IsComplete.Should().BeFalse();
        calculation.Problems.Should().ContainSingle().Which.Message.Should().Contain("fastlønnet").And.Contain("ingen godtgjøring");
        FeeClaimRules.ValidateForFinalising(new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 31), calculation)
            .Should().ContainSingle().Which.Field.Should().Be("Employment");
    }

    [Fact]
    public void R21_self_employed_fastlege_gets_the_fee()
    {
        var calculation = FeeCalculator.Calculate(GpEmployment.SelfEmployed, [Activity(FeeActivityKind.Meeting, 120, inside: true)], Rates);

        calculation.IsComplete.Should().BeTrue();
        calculation.Total.Should().Be(3520m);
    }

    [Fact]
    public void R21_total_over_several_lines()
    {
        FeeActivity[] activities =
        [
            Activity(FeeActivityKind.PreparatoryMeeting, 45, inside: true, start: new DateTime(2027, 3, 10, 8, 0, 0)),   // 2 × 880 × 2 / 2 = 1760
            Activity(FeeActivityKind.Travel, 40, inside: true, start: new DateTime(2027, 3, 10, 8, 50, 0)),             // 2 × 880 × 2 / 2 = 1760
            Activity(FeeActivityKind.Meeting, 150, inside: true, start: new DateTime(2027, 3, 10, 9, 30, 0)),           // 5 × 880 × 2 / 2 = 4400
            Activity(FeeActivityKind.Travel, 75, inside: false, start: new DateTime(2027, 3, 10, 16, 0, 0)),            // 3 × 880 × 1 / 2 = 1320
            Activity(FeeActivityKind.CasePreparation, 100, inside: false, start: new DateTime(2027, 3, 9, 19, 0, 0)),   // 4 × 880 × 1 / 2 = 1760
        ];

        var calculation = FeeCalculator.Calculate(GpEmployment.SelfEmployed, activities, Rates);

        calculation.Lines.Select(l => l.Amount).Should().Equal(1760m, 1760m, 4400m, 1320m, 1760m);
        calculation.Lines.Select(l => l.Index).Should().Equal(0, 1, 2, 3, 4);
        calculation.Total.Should().Be(11000m);
        calculation.IsComplete.Should().BeTrue();
    }

    [Fact]
    public void R21_amount_is_rounded_to_ore_midpoint_away_from_zero()
    {
        FeeRate[] rates = [new(new DateOnly(2024, 1, 1), 880.05m)];

        // 1 half hour × 880.05 × 1 / 2 = 440.025 → 440.03
        Single(Activity(FeeActivityKind.CasePreparation, 30, inside: false), rates).Amount.Should().Be(440.03m);
        FeeCalculator.Amount(3, 880.05m, 2).Should().Be(2640.15m);
    }

    [Fact]
    public void R21_time_billed_is_the_time_that_passed_across_daylight_saving()
    {
        // Norway sets the clock from 02:00 to 03:00 on 28 March 2027 and from 03:00 to 02:00 on 31 October 2027.
        var spring = Activity(FeeActivityKind.Travel, 180, inside: false, start: new DateTime(2027, 3, 28, 1, 0, 0));
        var autumn = Activity(FeeActivityKind.Travel, 180, inside: false, start: new DateTime(2027, 10, 31, 1, 0, 0));

        var calculation = FeeCalculator.Calculate(GpEmployment.SelfEmployed, [spring, autumn], Rates);

        calculation.Lines.Select(l => l.StartedHalfHours).Should().Equal(4, 8);
        calculation.Lines.Select(l => l.Amount).Should().Equal(1760m, 3520m);
    }

    [Fact]
    public void R21_a_time_that_does_not_exist_is_refused()
    {
        var activity = new FeeActivity(FeeActivityKind.Travel, new DateTime(2027, 3, 28, 2, 30, 0), new DateTime(2027, 3, 28, 4, 0, 0), false, null, null);

        var line = Single(activity);

        line.Amount.Should().BeNull();
        line.StartedHalfHours.Should().BeNull();
        line.Problems.Should().ContainSingle().Which.Should().Be(new FieldError("Activities[0].Start",
            "Linje 1: Starttidspunktet 28.03.2027 kl. 02:30 finnes ikke: klokken ble stilt fram en time til sommertid."));
    }

    [Theory]
    [InlineData(0, "Slutt må være etter start.")]
    [InlineData(-30, "Slutt må være etter start.")]
    [InlineData(24 * 60 + 1, "En aktivitet kan vare høyst 24 timer. Del den opp i flere aktiviteter.")]
    public void R21_an_activity_ends_after_it_starts_and_lasts_at_most_24_hours(int minutes, string message)
    {
        var line = Single(Activity(FeeActivityKind.Meeting, minutes, inside: true));

        line.Amount.Should().BeNull();
        line.Problems.Should().ContainSingle().Which.Should().Be(new FieldError("Activities[0].End", "Linje 1: " + message));
    }

    [Fact]
    public void R21_activity_dates_outside_the_register_range_are_refused()
    {
        var activity = new FeeActivity(FeeActivityKind.Meeting, new DateTime(1, 1, 1, 9, 0, 0), new DateTime(1, 1, 1, 10, 0, 0), true, null, null);

        var errors = activity.Validate();

        errors.Select(e => e.Field).Should().Equal("Start", "End");
        errors[0].Message.Should().Be("Start må være en dato mellom 01.01.1900 og 31.12.2199.");
        Single(activity).Amount.Should().BeNull();
    }

    [Fact]
    public void R21_a_description_is_at_most_500_characters()
    {
        var activity = Activity(FeeActivityKind.Meeting, 60, inside: true) with { Description = new string('x', 501) };

        activity.Validate().Should().ContainSingle().Which.Should().Be(new FieldError("Description", "Beskrivelsen kan ha høyst 500 tegn."));
        (activity with { Description = new string('x', 500) }).Validate().Should().BeEmpty();
    }

    [Fact]
    public void R21_activity_kinds_have_norwegian_names()
    {
        Enum.GetValues<FeeActivityKind>().Select(k => k.DisplayName())
            .Should().Equal("Møte", "Formøte", "Reisetid", "Saksforberedelse");
    }
}
