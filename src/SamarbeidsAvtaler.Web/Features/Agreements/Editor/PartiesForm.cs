using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Parties;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Editor;

/// <summary>The parties tab: the agreement's parties with who signs for each, and the version the user started from.</summary>
public sealed class PartiesForm
{
    public const int SignatoryMaxLength = 200;

    public List<SignatoryRow> Rows { get; set; } = [];

    public uint Version { get; set; }
}

/// <summary>One party of the agreement; the signatory fields are what the user edits.</summary>
public sealed class SignatoryRow
{
    public Guid PartyId { get; set; }
    public string Name { get; set; } = string.Empty;
    public PartyKind Kind { get; set; }
    public AgreementPartyRole Role { get; set; }

    /// <summary>Organisation number or HPR number, formatted for reading; null when the party has neither.</summary>
    public string? Number { get; set; }

    public bool IsActive { get; set; } = true;
    public string? SignatoryName { get; set; }
    public string? SignatoryTitle { get; set; }
}

/// <summary>A party the search offers for adding: active, of a kind the agreement takes, not already in it.</summary>
public sealed record PartyHit(Guid Id, string Name, PartyKind Kind, string? Number, string? Place);
