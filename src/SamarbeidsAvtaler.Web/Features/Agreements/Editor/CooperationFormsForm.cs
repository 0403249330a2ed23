namespace SamarbeidsAvtaler.Web.Features.Agreements.Editor;

/// <summary>The samarbeidsformer tab as posted: one row per form (chosen or not, with its description) and the agreed compensation.</summary>
public sealed class CooperationFormsForm
{
    public List<CooperationFormRow> Rows { get; set; } = [];
    public string? Compensation { get; set; }
}

public sealed class CooperationFormRow
{
    public string? Form { get; set; }

    /// <summary>"true" when the checkbox was ticked; an unticked checkbox posts nothing.</summary>
    public string? Chosen { get; set; }

    public string? Description { get; set; }
}

/// <summary>The § 6-2 tab as posted: the chosen points are read from the checkboxes; this carries their error.</summary>
public sealed class StatutoryAreasForm
{
    public string? Areas { get; set; }
}
