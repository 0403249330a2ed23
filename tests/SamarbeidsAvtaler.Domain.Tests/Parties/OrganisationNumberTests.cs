using SamarbeidsAvtaler.Domain.Parties;

namespace SamarbeidsAvtaler.Domain.Tests.Parties;

public class OrganisationNumberTests
{
    [Theory]
    [InlineData("991324968", "991324968")] // Helse Sør-Øst RHF (DOMAIN.md section 6)
    [InlineData("991 324 968", "991324968")] // as Brønnøysundregistrene prints it
    [InlineData(" 991324968 ", "991324968")]
    public void Valid_number_is_accepted_and_normalised_to_nine_digits(string input, string expected)
    {
        OrganisationNumber.TryParse(input, out var number).Should().BeTrue();
        number.Value.Should().Be(expected);
        number.ToString().Should().Be(expected);
        number.Formatted.Should().Be("991 324 968");
    }

    [Theory]
    [InlineData("991324967")] // wrong check digit, one below
    [InlineData("991324969")] // wrong check digit, one above
    [InlineData("99132496")] // 8 digits
    [InlineData("9913249680")] // 10 digits
    [InlineData("99132496a")]
    [InlineData("abcdefghi")]
    [InlineData("991-324-968")]
    [InlineData("991324968\t")]
    [InlineData("９９１３２４９６８")] // full-width digits are not ASCII digits
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Invalid_number_is_refused(string? input)
    {
        OrganisationNumber.TryParse(input, out var number).Should().BeFalse();
        number.Should().Be(default(OrganisationNumber));
    }

    [Fact]
    public void Remainder_zero_gives_check_digit_zero()
    {
        // 9·3+9·2+1·7+3·6+2·5+4·4+0·3+7·2 = 121 = 11·11, so the check digit is 0, not 11.
        OrganisationNumber.TryParse("991324070", out _).Should().BeTrue();
        OrganisationNumber.TryParse("991324071", out _).Should().BeFalse();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    public void Number_whose_remainder_gives_check_digit_ten_is_never_valid(int lastDigit)
    {
        // Weighted sum of 99132402 is 122, remainder 1, so 11 - 1 = 10: no digit can be right.
        OrganisationNumber.TryParse($"99132402{lastDigit}", out _).Should().BeFalse();
    }

    [Fact]
    public void Parse_throws_a_Norwegian_message_for_an_invalid_number()
    {
        var act = () => OrganisationNumber.Parse("991324967");

        act.Should().Throw<FormatException>().WithMessage("*ikke et gyldig organisasjonsnummer*");
        OrganisationNumber.Parse("991 324 968").Value.Should().Be("991324968");
    }
}
