using SamarbeidsAvtaler.Domain.Agreements;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Editor;

/// <summary>The samarbeidsformer tab: one row per form in the order of 000 (chosen or not, with its description) and the agreed compensation.</summary>
public sealed class CooperationFormsForm
{
    public List<CooperationFormRow> Rows { get; set; } = [];
    public string? Compensation { get; set; }
    public uint Version { get; set; }
}

public sealed class CooperationFormRow
{
    public CooperationForm Form { get; set; }
    public bool Chosen { get; set; }
    public string? Description { get; set; }
}

/// <summary>The § 6-2 tab: the points in force on the valid-from date, the chosen ones, and the version the user started from.</summary>
public sealed class StatutoryAreasForm
{
    public IReadOnlyList<StatutoryArea> Offered { get; set; } = [];
    public HashSet<int> Chosen { get; set; } = [];
    public DateOnly ValidFrom { get; set; }
    public uint Version { get; set; }

    /// <summary>Where the domain's refusal of a point is shown.</summary>
    public string? Areas { get; set; }
}
