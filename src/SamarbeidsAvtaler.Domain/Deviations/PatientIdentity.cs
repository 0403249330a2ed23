namespace SamarbeidsAvtaler.Domain.Deviations;

/// <summary>
/// R24: the register holds no patient identity. Free text (title, description, answers, comments,
/// attachment names) that contains a fødselsnummer or D-nummer is refused, with a message that says
/// why and never repeats the number.
/// </summary>
/// <remarks>
/// <para>What counts as "an 11-digit number" (issue 10 § 2: with or without spaces or a dash after
/// six digits), decided here:</para>
/// <list type="bullet">
/// <item>eleven ASCII digits written together: <c>01019012345</c>;</item>
/// <item>six digits, a separator, five digits: <c>010190 12345</c>, <c>010190-12345</c>,
/// <c>010190 - 12345</c>. The separator is whitespace (any Unicode space, a line break, a zero-width
/// space; up to three), or one dash (hyphen, non-breaking hyphen, en/em dash, minus sign) with up to
/// three whitespace characters on either side. A dot or slash is not a separator;</item>
/// <item>also tolerated, because it is how a number is often read out and written down: one space
/// (or non-breaking space) between the individual number and the check digits, <c>010190 123 45</c>.</item>
/// <item>only ASCII digits count (not full-width or other scripts' digits).</item>
/// </list>
/// <para>The eleven digits must stand alone: a digit right before the first or right after the last
/// one means a longer number (an account number, a 12-digit reference), which is not matched.
/// Only the two MOD11 check digits are tested (weights 3 7 6 1 8 9 4 5 2 and
/// 5 4 3 2 7 6 5 4 3 2; a remainder that would give check digit 10 makes the number invalid). The
/// date part is not checked, so a D-nummer (first digit + 4) and other variants with valid check
/// digits are refused by the same test. Numbers whose check digits fail are accepted: a case
/// reference or a phone number does not trip the rule by chance more often than 1 in about 120.</para>
/// </remarks>
public static class PatientIdentity
{
    private static readonly int[] FirstWeights = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    private static readonly int[] SecondWeights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

    /// <summary>True when the text holds an 11-digit number whose check digits are valid for a fødselsnummer or D-nummer.</summary>
    public static bool ContainsNationalIdentityNumber(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        // Every digit that does not follow another digit may start a candidate. A failing candidate
        // never consumes text, so it cannot hide a valid number that overlaps it.
        Span<char> digits = stackalloc char[11];
        var from = 0;
        while (true)
        {
            var offset = text.AsSpan(from).IndexOfAnyInRange('0', '9');
            if (offset < 0)
            {
                break;
            }

            var start = from + offset;
            if (!IsDigit(text, start - 1) && TryRead(text, start, digits) && HasValidCheckDigits(digits))
            {
                return true;
            }

            from = start + 1;
        }

        return false;
    }

    /// <summary>
    /// Reads "DDMMYY", the separator, "III", an optional space and "KK" from <paramref name="start"/>,
    /// with no digit right after; false when the text there is not such a number.
    /// </summary>
    private static bool TryRead(string text, int start, Span<char> digits)
    {
        var at = start;
        if (!ReadDigits(text, ref at, digits[..6]))
        {
            return false;
        }

        if (!IsDigit(text, at))
        {
            var before = SkipSpaces(text, ref at);
            var after = 0;
            if (at < text.Length && IsDash(text[at]))
            {
                at++;
                after = SkipSpaces(text, ref at);
            }

            if (before > 3 || after > 3 || at == start + 6)
            {
                return false;
            }
        }

        if (!ReadDigits(text, ref at, digits[6..9]))
        {
            return false;
        }

        if (at < text.Length && text[at] is ' ' or '\u00A0' && IsDigit(text, at + 1))
        {
            at++;
        }

        return ReadDigits(text, ref at, digits[9..]) && !IsDigit(text, at);
    }

    private static bool ReadDigits(string text, ref int at, Span<char> into)
    {
        for (var i = 0; i < into.Length; i++, at++)
        {
            if (!IsDigit(text, at))
            {
                return false;
            }

            into[i] = text[at];
        }

        return true;
    }

    /// <summary>Skips whitespace (any Unicode space, line breaks, zero-width spaces); returns how many, stopping at four.</summary>
    private static int SkipSpaces(string text, ref int at)
    {
        var count = 0;
        while (count < 4 && at < text.Length && (char.IsWhiteSpace(text[at]) || text[at] is '\u200B' or '\u2060' or '\uFEFF'))
        {
            at++;
            count++;
        }

        return count;
    }

    private static bool IsDash(char c) => c is '-' or (>= '\u2010' and <= '\u2015') or '\u2212' or '\uFE63' or '\uFF0D';

    private static bool IsDigit(string text, int at) => at >= 0 && at < text.Length && char.IsAsciiDigit(text[at]);

    /// <summary>
    /// True when <paramref name="elevenDigits"/> is exactly eleven ASCII digits whose two MOD11 check
    /// digits are right for a fødselsnummer or D-nummer.
    /// </summary>
    public static bool HasValidCheckDigits(ReadOnlySpan<char> elevenDigits)
    {
        if (elevenDigits.Length != 11)
        {
            return false;
        }

        foreach (var c in elevenDigits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return CheckDigit(elevenDigits, FirstWeights) == elevenDigits[9] - '0'
            && CheckDigit(elevenDigits, SecondWeights) == elevenDigits[10] - '0';
    }

    /// <summary>
    /// The error for a field whose text holds a fødselsnummer or D-nummer (R24), or none. The message
    /// explains why and does not repeat the number.
    /// </summary>
    public static IReadOnlyList<FieldError> Check(string field, string label, string? text) =>
        ContainsNationalIdentityNumber(text) ? [new FieldError(field, Message(label))] : [];

    /// <summary>"{label} ser ut til å inneholde et fødselsnummer eller D-nummer. …"</summary>
    public static string Message(string label) =>
        $"{label} ser ut til å inneholde et fødselsnummer eller D-nummer. Registeret skal ikke ha pasientens identitet "
        + "(taushetsplikt, R24): fjern nummeret og bruk saksnummeret i eget avvikssystem.";

    /// <summary>The check digit for the first weights.Length digits; -1 where the remainder gives 10 (no valid number).</summary>
    private static int CheckDigit(ReadOnlySpan<char> digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += (digits[i] - '0') * weights[i];
        }

        var check = 11 - sum % 11;
        return check switch
        {
            11 => 0,
            10 => -1,
            _ => check,
        };
    }
}
