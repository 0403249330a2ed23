namespace SamarbeidsAvtaler.Web.Components;

public static class HttpContextExtensions
{
    /// <summary>A query value as a page number: anything unreadable is the first page.</summary>
    public static int PageNumber(string? value) => int.TryParse(value, out var page) && page > 0 ? page : 1;
}
