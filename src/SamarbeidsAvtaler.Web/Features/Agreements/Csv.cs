namespace SamarbeidsAvtaler.Web.Features.Agreements;

/// <summary>RFC 4180 fields separated by semicolons, with formula-looking text defused for spreadsheets.</summary>
public static class Csv
{
    public static string Line(params string?[] fields) => string.Join(';', fields.Select(Field));

    private static string Field(string? value)
    {
        value ??= string.Empty;
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([';', '"', '\n', '\r', ',']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
