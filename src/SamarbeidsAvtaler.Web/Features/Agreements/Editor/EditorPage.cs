using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Infrastructure.Data;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Editor;

/// <summary>
/// What every tab of the draft editor does first: find the agreement (404 when it is missing or
/// hidden from the user) and ask the domain whether it may still be changed (R1).
/// </summary>
public abstract class EditorPage : ComponentBase
{
    [Inject] protected AppDbContext Db { get; set; } = default!;
    [Inject] protected NavigationManager Navigation { get; set; } = default!;
    [Inject] protected TimeProvider Clock { get; set; } = default!;
    [CascadingParameter] protected HttpContext HttpContext { get; set; } = default!;

    [Parameter] public Guid Id { get; set; }
    [SupplyParameterFromQuery(Name = "lagret")] protected string? SavedFlag { get; set; }

    /// <summary>The agreement as stored, untracked; null until loaded or when it does not exist.</summary>
    protected Agreement? Current { get; set; }

    /// <summary>The domain's refusal to change a non-draft, shown instead of the forms.</summary>
    protected string? Refusal { get; set; }

    protected bool IsPost => HttpMethods.IsPost(HttpContext.Request.Method);

    /// <summary>A GET of a non-draft shows the refusal and no form; a POST still reaches its handler, where the domain refuses it.</summary>
    protected bool ShowContent => Refusal is null || IsPost;

    protected bool Saved => SavedFlag == "1";

    /// <returns>False when the agreement does not exist for this user; the page is then a 404.</returns>
    protected async Task<bool> LoadAgreementAsync()
    {
        Current = await Db.Agreements.AsNoTracking().VisibleTo(Db, HttpContext.User).FirstOrDefaultAsync(a => a.Id == Id);
        if (Current is null)
        {
            Navigation.NotFound();
            return false;
        }

        Refusal = Editing.ChangeRefusal(Current);
        return true;
    }

    /// <summary>The agreement tracked for a change, with the collections the change needs.</summary>
    protected Task<Agreement?> LoadForChangeAsync(Func<IQueryable<Agreement>, IQueryable<Agreement>>? include = null)
    {
        var query = Db.Agreements.VisibleTo(Db, HttpContext.User);
        return (include is null ? query : include(query)).FirstOrDefaultAsync(a => a.Id == Id);
    }

    protected string EditorUrl(string tab = "") => $"/avtaler/{Id}/rediger" + (tab.Length > 0 ? "/" + tab : string.Empty);
}
