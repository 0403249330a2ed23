using System.Linq.Expressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace SamarbeidsAvtaler.Web.Components.Forms;

/// <summary>
/// What every labelled field shares: the bound value, its id, and its validation messages, so the
/// label, the input, the description and the error are tied together for screen readers.
/// </summary>
public abstract class FieldBase : ComponentBase
{
    [CascadingParameter] protected EditContext EditContext { get; set; } = default!;

    [Parameter, EditorRequired] public string Label { get; set; } = string.Empty;
    [Parameter] public string? Description { get; set; }
    [Parameter] public bool Required { get; set; }
    [Parameter] public string? Value { get; set; }
    [Parameter] public EventCallback<string?> ValueChanged { get; set; }
    [Parameter] public Expression<Func<string?>> ValueExpression { get; set; } = default!;
    [Parameter(CaptureUnmatchedValues = true)] public Dictionary<string, object>? InputAttributes { get; set; }

    protected string Id => "felt-" + FieldIdentifier.Create(ValueExpression).FieldName;

    protected IReadOnlyList<string> Messages => EditContext.GetValidationMessages(FieldIdentifier.Create(ValueExpression)).ToList();

    protected Dictionary<string, object> Attributes
    {
        get
        {
            var attributes = new Dictionary<string, object>(InputAttributes ?? []) { ["id"] = Id, ["class"] = "ds-input" };
            var describedBy = new List<string>();
            if (Description is not null)
            {
                describedBy.Add(Id + "-beskrivelse");
            }

            if (Messages.Count > 0)
            {
                describedBy.Add(Id + "-feil");
                attributes["aria-invalid"] = "true";
            }

            if (describedBy.Count > 0)
            {
                attributes["aria-describedby"] = string.Join(' ', describedBy);
            }

            if (Required)
            {
                attributes["aria-required"] = "true";
            }

            return attributes;
        }
    }
}
