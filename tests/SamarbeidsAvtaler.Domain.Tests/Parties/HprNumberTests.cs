using SamarbeidsAvtaler.Domain.Parties;

namespace SamarbeidsAvtaler.Domain.Tests.Parties;

public class HprNumberTests
{
    [Theory]
    [InlineData("1234567", "1234567")] // 7 digits
    [InlineData("12345678", "12345678")] // 8 digits
    [InlineData("123456789", "123456789")] // 9 digits
    [InlineData("9 900 101", "9900101")]
    [InlineData(" 9900101 ", "9900101")]
    public void Seven_to_nine_digits_are_accepted(string input, string expected)
    {
        HprNumber.TryParse(input, out var number).Should().BeTrue();
        number.Value.Should().Be(expected);
        number.ToString().Should().Be(expected);
    }

    [Theory]
    [InlineData("0123456")] // leading zero
    [InlineData("012345678")]
    [InlineData("123456")] // too short
    [InlineData("1234567890")] // too long
    [InlineData("12345a7")]
    [InlineData("HPR1234567")]
    [InlineData("-1234567")]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public void Invalid_number_is_refused(string? input)
    {
        HprNumber.TryParse(input, out _).Should().BeFalse();
    }

    [Fact]
    public void Parse_throws_a_Norwegian_message_for_an_invalid_number()
    {
        var act = () => HprNumber.Parse("0123456");

        act.Should().Throw<FormatException>().WithMessage("*ikke et gyldig HPR-nummer*");
        HprNumber.Parse("9900101").Value.Should().Be("9900101");
    }
}
