using System.Diagnostics;
using SamarbeidsAvtaler.Domain.Deviations;
using Xunit.Abstractions;

namespace SamarbeidsAvtaler.Domain.Tests.Deviations;

public sealed class PatientIdentityTests(ITestOutputHelper output)
{
    // Worked out by hand from the MOD11 rule: 010190 124 → check digits 8 and 0; D-nummer 410190 123 → 9 and 3.
    private const string Fodselsnummer = "01019012480";
    private const string DNummer = "41019012393";

    [Fact]
    public void R24_every_valid_fodselsnummer_and_d_nummer_among_generated_numbers_is_refused_and_every_invalid_one_accepted()
    {
        var random = new Random(20260405);
        var valid = new List<string>();
        var invalid = new List<string>();
        while (valid.Count < 100_000)
        {
            var number = Generate(random, dNummer: valid.Count % 2 == 1);
            valid.Add(number);
            invalid.Add(PerturbCheckDigit(random, number));
        }

        var watch = Stopwatch.StartNew();
        var missed = new List<string>();
        var wronglyRefused = new List<string>();
        for (var i = 0; i < valid.Count; i++)
        {
            foreach (var text in Written(valid[i]))
            {
                if (!PatientIdentity.ContainsNationalIdentityNumber(text))
                {
                    missed.Add(text);
                }
            }

            foreach (var text in Written(invalid[i]))
            {
                if (PatientIdentity.ContainsNationalIdentityNumber(text))
                {
                    wronglyRefused.Add(text);
                }
            }
        }

        watch.Stop();
        output.WriteLine($"{valid.Count + invalid.Count} numbers in three forms checked in {watch.ElapsedMilliseconds} ms.");

        (valid.Count + invalid.Count).Should().BeGreaterThanOrEqualTo(100_000);
        missed.Should().BeEmpty("every number with valid check digits is a possible patient identity");
        wronglyRefused.Should().BeEmpty("a number whose check digits fail is not a fødselsnummer or D-nummer");
    }

    [Theory]
    [InlineData(Fodselsnummer)]
    [InlineData("010190 12480")]
    [InlineData("010190-12480")]
    [InlineData("010190 - 12480")]
    [InlineData("010190\u00A012480")]
    [InlineData("010190\u201312480")]
    [InlineData("010190 124 80")]
    [InlineData(DNummer)]
    [InlineData("410190-12393")]
    [InlineData("Pasient f.nr.01019012480, utskrevet uten epikrise")]
    [InlineData("Linje én\n010190 12480\nlinje tre")]
    [InlineData("vedlegg_01019012480.pdf")]
    [InlineData("Saksnummer 2026/01019012480")] // a slash is not a digit: the number stands alone
    public void R24_a_valid_number_in_every_written_form_is_refused(string text) =>
        PatientIdentity.ContainsNationalIdentityNumber(text).Should().BeTrue();

    [Theory]
    [InlineData("01019012481")] // second check digit wrong
    [InlineData("010190-12490")] // first check digit wrong
    [InlineData("1" + Fodselsnummer)] // twelve digits: not an 11-digit number
    [InlineData(Fodselsnummer + "7")]
    [InlineData("Kontonummer 1234.56.78903 og tlf. 55 97 50 00")]
    [InlineData("0101901248")] // ten digits
    [InlineData("010190 1248")]
    [InlineData("0101 9012480")] // not six digits before the separator
    [InlineData("")]
    [InlineData(null)]
    public void R24_other_numbers_are_accepted(string? text) =>
        PatientIdentity.ContainsNationalIdentityNumber(text).Should().BeFalse();

    [Fact]
    public void R24_a_failing_candidate_does_not_hide_a_valid_number_next_to_it()
    {
        PatientIdentity.ContainsNationalIdentityNumber("123456 01019012480").Should().BeTrue();
        PatientIdentity.ContainsNationalIdentityNumber("010190 12481 010190 12480").Should().BeTrue();
    }

    [Fact]
    public void R24_the_message_explains_why_and_does_not_repeat_the_number()
    {
        var errors = PatientIdentity.Check("Description", "Beskrivelsen", "Pasient 010190-12480 ble skrevet ut kl. 18:30.");

        var error = errors.Should().ContainSingle().Subject;
        error.Field.Should().Be("Description");
        error.Message.Should().StartWith("Beskrivelsen ser ut til å inneholde et fødselsnummer eller D-nummer.");
        error.Message.Should().Contain("taushetsplikt").And.Contain("saksnummeret i eget avvikssystem");
        error.Message.Should().NotContainAny("010190", "12480", "01019012480");
    }

    [Fact]
    public void R24_clean_odd_and_long_text_gives_no_error_and_no_exception()
    {
        PatientIdentity.Check("Description", "Beskrivelsen", null).Should().BeEmpty();
        PatientIdentity.Check("Description", "Beskrivelsen", "Utskrevet uten medisinliste, sak 2026-0042.").Should().BeEmpty();
        PatientIdentity.Check("Description", "Beskrivelsen", "a\0b" + new string('9', 100_000)).Should().BeEmpty();
        PatientIdentity.Check("Description", "Beskrivelsen", new string('x', 50_000) + Fodselsnummer).Should().ContainSingle();
    }

    /// <summary>The three forms of issue 10 § 2, each inside a sentence.</summary>
    private static string[] Written(string number) =>
    [
        $"Pasienten {number} ble skrevet ut uten epikrise.",
        $"Gjelder {number[..6]} {number[6..]}, skrevet ut kl. 18:30.",
        $"Ref.: {number[..6]}-{number[6..]}",
    ];

    /// <summary>
    /// A random valid number, its check digits worked out here (independently of the code under test):
    /// a birth date 1900–2039 (D-nummer: day + 40) and an individual number of the birth year's range.
    /// </summary>
    private static string Generate(Random random, bool dNummer)
    {
        var first = new DateOnly(1900, 1, 1).DayNumber;
        var last = new DateOnly(2039, 12, 31).DayNumber;
        while (true)
        {
            var born = DateOnly.FromDayNumber(random.Next(first, last + 1));
            var individual = born.Year switch
            {
                >= 2000 => random.Next(500, 1000),
                >= 1940 when random.Next(10) == 0 => random.Next(900, 1000),
                _ => random.Next(0, 500),
            };
            var day = born.Day + (dNummer ? 40 : 0);
            var digits = $"{day:00}{born.Month:00}{born.Year % 100:00}{individual:000}";
            var k1 = CheckDigit(digits, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
            if (k1 == 10)
            {
                continue;
            }

            var k2 = CheckDigit(digits + k1, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
            if (k2 == 10)
            {
                continue;
            }

            return $"{digits}{k1}{k2}";
        }
    }

    /// <summary>One check digit changed to another digit: the first is then wrong for the first nine digits, the second for the first ten.</summary>
    private static string PerturbCheckDigit(Random random, string number)
    {
        var position = random.Next(9, 11);
        var changed = (char)('0' + (number[position] - '0' + random.Next(1, 10)) % 10);
        return string.Concat(number.AsSpan(0, position), new ReadOnlySpan<char>(in changed), number.AsSpan(position + 1));
    }

    private static int CheckDigit(string digits, int[] weights)
    {
        var sum = weights.Select((w, i) => w * (digits[i] - '0')).Sum();
        var check = 11 - sum % 11;
        return check == 11 ? 0 : check;
    }
}
