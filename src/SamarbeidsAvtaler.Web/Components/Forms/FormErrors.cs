using Microsoft.AspNetCore.Components.Forms;
using SamarbeidsAvtaler.Domain;

namespace SamarbeidsAvtaler.Web.Components.Forms;

/// <summary>Puts domain and server-side errors beside the fields of an EditForm's model.</summary>
public sealed class FormErrors
{
    private readonly EditContext _context;
    private readonly ValidationMessageStore _store;

    public FormErrors(EditContext context)
    {
        _context = context;
        _store = new ValidationMessageStore(context);
        context.OnValidationRequested += (_, _) => _store.Clear();
    }

    public bool Any => _context.GetValidationMessages().Any();

    public void Add(string field, string message)
    {
        _store.Add(_context.Field(field), message);
        _context.NotifyValidationStateChanged();
    }

    public void Add(IEnumerable<FieldError> errors)
    {
        foreach (var error in errors)
        {
            Add(error.Field, error.Message);
        }
    }

    public void Clear()
    {
        _store.Clear();
        _context.NotifyValidationStateChanged();
    }
}
