namespace SamarbeidsAvtaler.Domain;

/// <summary>
/// Edge checks for free text: required, length and control characters. Line breaks and tabs are
/// allowed only where the field is multi-line; anything else invisible is refused, not stripped,
/// so the user sees what was wrong.
/// </summary>
public static class TextRules
{
    public static void Check(List<FieldError> errors, string field, string label, string? value, int maxLength,
        bool required = false, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(new FieldError(field, $"{label} må fylles ut."));
            }

            return;
        }

        if (value.Trim().Length > maxLength)
        {
            errors.Add(new FieldError(field, $"{label} kan ha høyst {maxLength} tegn."));
        }
        else if (value.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')))
        {
            errors.Add(new FieldError(field, $"{label} inneholder usynlige kontrolltegn. Skriv teksten på nytt uten dem."));
        }
    }

    public static void CheckDate(List<FieldError> errors, string field, string label, DateOnly? value, bool required = false)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(new FieldError(field, $"{label} må fylles ut."));
            }
        }
        else if (!DateRules.InRange(value.Value))
        {
            errors.Add(new FieldError(field, DateRules.OutOfRangeMessage(label)));
        }
    }

    /// <summary>Trimmed text, or null for blank.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
