namespace SamarbeidsAvtaler.Web.Features.Agreements.Detail;

// The lifecycle forms as posted: every field a string, so what the user typed comes back unchanged
// when the action is refused. Version is the agreement's row version when the page was shown.

public sealed class ConfirmForm
{
    public string? Version { get; set; }
}

public sealed class SignatureForm
{
    public string? SignedByName { get; set; }
    public string? SignedByTitle { get; set; }
    public string? SignedOn { get; set; }
    public string? Method { get; set; }
    public string? ExternalReference { get; set; }
    public string? Version { get; set; }
}

public sealed class NewVersionForm
{
    public string? ChangeSummary { get; set; }
    public string? ValidFrom { get; set; }
    public string? Version { get; set; }
}

public sealed class NoticeForm
{
    public string? PartyId { get; set; }
    public string? GivenByName { get; set; }
    public string? GivenOn { get; set; }
    public string? Version { get; set; }
}

/// <summary>A single date: the yearly review, or the day the RHF was informed.</summary>
public sealed class DateForm
{
    public string? Date { get; set; }
    public string? Version { get; set; }
}
