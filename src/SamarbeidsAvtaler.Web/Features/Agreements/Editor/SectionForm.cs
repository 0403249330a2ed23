namespace SamarbeidsAvtaler.Web.Features.Agreements.Editor;

/// <summary>A section of the agreement's text as posted; names match the domain's field errors (Heading, Body).</summary>
public sealed class SectionForm
{
    public string? Heading { get; set; }
    public string? Body { get; set; }
}
