namespace SamarbeidsAvtaler.Domain.Parties;

/// <summary>
/// A person's number in Helsepersonellregisteret: a positive whole number of up to nine digits,
/// in practice seven to nine. It has no published check digit, so the form is all we can check.
/// </summary>
public readonly record struct HprNumber
{
    public const int MinLength = 7;
    public const int MaxLength = 9;

    public string Value { get; }

    private HprNumber(string value) => Value = value;

    public static bool TryParse(string? input, out HprNumber number)
    {
        number = default;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var digits = input.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (digits.Length is < MinLength or > MaxLength || !digits.All(char.IsAsciiDigit) || digits[0] == '0')
        {
            return false;
        }

        number = new HprNumber(digits);
        return true;
    }

    public static HprNumber Parse(string input) =>
        TryParse(input, out var number) ? number : throw new FormatException($"'{input}' er ikke et gyldig HPR-nummer.");

    public override string ToString() => Value;
}
