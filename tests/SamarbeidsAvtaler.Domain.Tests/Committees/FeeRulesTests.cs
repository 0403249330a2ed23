using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Domain.Committees.Fees;

namespace SamarbeidsAvtaler.Domain.Tests.Committees;

/// <summary>R21: the dated rate as reference data, and the rules of a claim's period and finalising.</summary>
public sealed class FeeRulesTests
{
    private static readonly FeeRate[] Rates = [new(new DateOnly(2024, 1, 1), 880m)];
    private static readonly DateOnly March1 = new(2027, 3, 1);
    private static readonly DateOnly March31 = new(2027, 3, 31);

    private static FeeActivity Meeting(DateTime start) => new(FeeActivityKind.Meeting, start, start.AddHours(1), true, null, null);

    [Fact]
    public void R21_a_rate_of_880_from_a_date_is_valid()
    {
        FeeRates.Validate(new FeeRate(new DateOnly(2024, 1, 1), 880m)).Should().BeEmpty();
        FeeRates.Validate(new FeeRate(new DateOnly(2027, 4, 1), 950.50m), Rates).Should().BeEmpty();
    }

    [Theory]
    [InlineData("0", "Honorarsatsen må være større enn 0 kr.")]
    [InlineData("-880", "Honorarsatsen må være større enn 0 kr.")]
    [InlineData("880.005", "Honorarsatsen kan ha høyst to desimaler (øre).")]
    [InlineData("88000", "Honorarsatsen kan være høyst 10\u00a0000 kr per time.")]
    public void R21_a_rate_is_positive_in_ore_and_not_absurd(string rate, string message)
    {
        var errors = FeeRates.Validate(new FeeRate(new DateOnly(2027, 4, 1), decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)));

        errors.Should().ContainSingle().Which.Should().Be(new FieldError("HourlyRate", message));
    }

    [Fact]
    public void R21_a_rate_date_is_in_the_register_range_and_not_taken()
    {
        FeeRates.Validate(new FeeRate(new DateOnly(1, 1, 1), 880m)).Should().ContainSingle()
            .Which.Should().Be(new FieldError("ValidFrom", "Gyldig fra må være en dato mellom 01.01.1900 og 31.12.2199."));
        FeeRates.Validate(new FeeRate(new DateOnly(2024, 1, 1), 900m), Rates).Should().ContainSingle()
            .Which.Message.Should().StartWith("Det finnes allerede en honorarsats som gjelder fra 01.01.2024.");
    }

    [Fact]
    public void R21_claim_period_ends_on_or_after_it_starts_within_the_register_range()
    {
        FeeClaimRules.ValidatePeriod(March1, March31).Should().BeEmpty();
        FeeClaimRules.ValidatePeriod(March1, March1).Should().BeEmpty();
        FeeClaimRules.ValidatePeriod(March31, March1).Should().ContainSingle()
            .Which.Should().Be(new FieldError("To", "Periodens sluttdato kan ikke være før startdatoen."));
        FeeClaimRules.ValidatePeriod(new DateOnly(1, 1, 1), new DateOnly(9999, 12, 31)).Select(e => e.Field).Should().Equal("From", "To");
    }

    [Fact]
    public void R21_each_activity_starts_within_the_claim_period()
    {
        FeeActivity[] activities =
        [
            Meeting(new DateTime(2027, 3, 1, 0, 0, 0)),
            Meeting(new DateTime(2027, 3, 31, 23, 30, 0)),
            Meeting(new DateTime(2027, 4, 1, 9, 0, 0)),
            Meeting(new DateTime(2027, 2, 28, 23, 0, 0)),
        ];

        var errors = FeeClaimRules.ValidateActivitiesInPeriod(March1, March31, activities);

        errors.Select(e => e.Field).Should().Equal("Activities[2].Start", "Activities[3].Start");
        errors[0].Message.Should().Be("Linje 3: Aktiviteten starter 01.04.2027, utenfor kravets periode 01.03.2027–31.03.2027.");
    }

    [Fact]
    public void R21_a_complete_claim_within_its_period_can_be_finalised()
    {
        var calculation = FeeCalculator.Calculate(GpEmployment.SelfEmployed, [Meeting(new DateTime(2027, 3, 10, 9, 0, 0))], Rates);

        FeeClaimRules.ValidateForFinalising(March1, March31, calculation).Should().BeEmpty();
    }

    [Fact]
    public void R21_a_claim_is_not_finalised_with_an_activity_outside_its_period_or_without_activities()
    {
        var outside = FeeCalculator.Calculate(GpEmployment.SelfEmployed, [Meeting(new DateTime(2027, 4, 2, 9, 0, 0))], Rates);
        var empty = FeeCalculator.Calculate(GpEmployment.SelfEmployed, [], Rates);

        FeeClaimRules.ValidateForFinalising(March1, March31, outside).Should().ContainSingle().Which.Field.Should().Be("Activities[0].Start");
        FeeClaimRules.ValidateForFinalising(March1, March31, empty).Should().ContainSingle()
            .Which.Should().Be(new FieldError("Activities", "Kravet må ha minst én aktivitet."));
        FeeClaimRules.ValidateForFinalising(March31, March1, empty).Select(e => e.Field).Should().Contain("To");
    }
}
