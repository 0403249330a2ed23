using SamarbeidsAvtaler.Domain.Auditing;

namespace SamarbeidsAvtaler.Domain.Committees.Fees;

/// <summary>
/// A registered honorarsats (R21, seed 001): reference data, dated. A new rate from a later date
/// changes the fee of draft claims from that date; finalised claims keep the rate they were finalised with.
/// </summary>
public class FeeRateEntry : IAudited
{
    public const int NoteMaxLength = 500;

    private FeeRateEntry()
    {
    }

    public Guid Id { get; private set; }
    public DateOnly ValidFrom { get; private set; }
    public decimal HourlyRate { get; private set; }

    /// <summary>Where the rate comes from, e.g. the framework agreement's point 12.5 of a given year.</summary>
    public string? Note { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    string IAudited.AuditKey => Id.ToString();

    public FeeRate ToRate() => new(ValidFrom, HourlyRate);

    /// <summary>A new rate; refused (DomainValidationException) when it breaks <see cref="FeeRates.Validate"/> or the note is unusable.</summary>
    public static FeeRateEntry Create(DateOnly validFrom, decimal hourlyRate, string? note, IEnumerable<FeeRate> existing, DateTimeOffset now)
    {
        var errors = Validate(validFrom, hourlyRate, note, existing);
        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }

        return new FeeRateEntry
        {
            Id = Guid.CreateVersion7(now),
            ValidFrom = validFrom,
            HourlyRate = hourlyRate,
            Note = TextRules.Clean(note),
            CreatedAt = now,
        };
    }

    public static IReadOnlyList<FieldError> Validate(DateOnly validFrom, decimal hourlyRate, string? note, IEnumerable<FeeRate> existing)
    {
        var errors = new List<FieldError>(FeeRates.Validate(new FeeRate(validFrom, hourlyRate), existing));
        TextRules.Check(errors, nameof(Note), "Merknad", note, NoteMaxLength);
        return errors;
    }
}
