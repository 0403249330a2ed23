namespace SamarbeidsAvtaler.Web.Components;

/// <summary>
/// Search and filter text from a user or a URL, made safe for a query: control characters (a NUL byte
/// makes PostgreSQL refuse the statement) removed, whitespace trimmed, length bounded.
/// </summary>
public static class SearchText
{
    public const int MaxLength = 200;

    public static string? Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var cleaned = new string(text.Where(c => !char.IsControl(c)).Take(MaxLength).ToArray()).Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    /// <summary>Escapes LIKE's wildcards, so a user's "%" or "_" matches itself.</summary>
    public static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
