namespace SamarbeidsAvtaler.Web.Features.Agreements.Editor;

/// <summary>The parties tab's list form: who signs for each party, and which party to remove.</summary>
public sealed class PartiesForm
{
    public const int SignatoryMaxLength = 200;

    public List<SignatoryRow> Rows { get; set; } = [];

    /// <summary>The party id of the pressed «Fjern» button; empty when the user saved the signatories.</summary>
    public string? Remove { get; set; }
}

public sealed class SignatoryRow
{
    public string? PartyId { get; set; }
    public string? SignatoryName { get; set; }
    public string? SignatoryTitle { get; set; }
}
