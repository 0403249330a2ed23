namespace SamarbeidsAvtaler.Domain;

/// <summary>A rule broken by one field of a form; the message is Norwegian and shown beside the field.</summary>
public sealed record FieldError(string Field, string Message);

public sealed class DomainValidationException(IReadOnlyList<FieldError> errors)
    : Exception(string.Join(" ", errors.Select(e => e.Message)))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}
