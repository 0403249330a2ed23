namespace SamarbeidsAvtaler.Web.Features.Agreements.Editor;

/// <summary>A section of the agreement's text; names match the domain's field errors (Heading, Body).</summary>
public sealed class SectionForm
{
    public string? Heading { get; set; }
    public string? Body { get; set; }

    /// <summary>The section's row version when the user opened it; null for a new section.</summary>
    public uint? Version { get; set; }

    /// <summary>The section's place in the text (1, 2, …); 0 for a new one.</summary>
    public int Position { get; set; }
}

/// <summary>A section in the list of the agreement's text.</summary>
public sealed record SectionRow(Guid Id, int Position, string Heading, string Body);

/// <summary>What every editor tab shows about the agreement, and the domain's refusal when it is no longer a draft (R1).</summary>
public sealed record EditorHeader(Guid Id, string Title, string ReferenceNumber, SamarbeidsAvtaler.Domain.Agreements.AgreementKind Kind,
    SamarbeidsAvtaler.Domain.Agreements.AgreementLevel? Level, SamarbeidsAvtaler.Domain.Agreements.AgreementStatus Status, int VersionNumber,
    string? Refusal)
{
    public bool IsDraft => Status == SamarbeidsAvtaler.Domain.Agreements.AgreementStatus.Draft;
}
