using MudBlazor;
using SamarbeidsAvtaler.Domain;

namespace SamarbeidsAvtaler.Web.Components.Forms;

/// <summary>
/// The product's date field: a MudDatePicker in nb-NO where typing dd.MM.yyyy also works, limited to
/// years a register date can have. Services still check every date; this only helps the user.
/// </summary>
public class DateField : MudDatePicker
{
    public static readonly DateTime Earliest = new(1900, 1, 1);
    public static readonly DateTime Latest = new(2199, 12, 31);

#pragma warning disable BL0005 // Defaults for parameters; a value given in markup still wins.
    public DateField()
    {
        Editable = true;
        Culture = Norwegian.Culture;
        DateFormat = "dd.MM.yyyy";
        Placeholder = "dd.mm.åååå";
        MinDate = Earliest;
        MaxDate = Latest;
        ShowToolbar = false;
        Variant = Variant.Outlined;
        Margin = Margin.Dense;
    }
#pragma warning restore BL0005
}
