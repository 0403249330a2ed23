namespace SamarbeidsAvtaler.Domain.Parties;

/// <summary>
/// A Norwegian organisation number: nine digits, the last a MOD11 check digit over the first eight
/// with weights 3 2 7 6 5 4 3 2. Input may contain spaces ("991 324 968").
/// </summary>
public readonly record struct OrganisationNumber
{
    private static readonly int[] Weights = [3, 2, 7, 6, 5, 4, 3, 2];

    public string Value { get; }

    private OrganisationNumber(string value) => Value = value;

    public static bool TryParse(string? input, out OrganisationNumber number)
    {
        number = default;
        var digits = Normalise(input);
        if (digits is null || !HasValidCheckDigit(digits))
        {
            return false;
        }

        number = new OrganisationNumber(digits);
        return true;
    }

    public static OrganisationNumber Parse(string input) =>
        TryParse(input, out var number) ? number : throw new FormatException($"'{input}' er ikke et gyldig organisasjonsnummer.");

    /// <summary>Nine digits grouped in threes, as Brønnøysundregistrene prints them.</summary>
    public string Formatted => $"{Value[..3]} {Value[3..6]} {Value[6..]}";

    public override string ToString() => Value;

    private static string? Normalise(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var digits = input.Replace(" ", string.Empty, StringComparison.Ordinal);
        return digits.Length == 9 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    private static bool HasValidCheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (digits[i] - '0') * Weights[i];
        }

        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        // A remainder giving 10 has no valid check digit: such numbers are never issued.
        return check != 10 && check == digits[8] - '0';
    }
}
