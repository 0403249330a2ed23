using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Infrastructure.Data;

namespace SamarbeidsAvtaler.Web.Features.Agreements.Detail;

/// <summary>
/// What every lifecycle confirmation page shares: load the agreement (404 if missing or hidden),
/// run one domain action, save it in one transaction with the version the user saw, and turn a
/// refusal or a conflict into a message on the page instead of an error.
/// </summary>
public abstract class AgreementActionPage : ComponentBase
{
    [Inject] protected AppDbContext Db { get; set; } = default!;
    [Inject] protected NavigationManager Navigation { get; set; } = default!;
    [Inject] protected TimeProvider Clock { get; set; } = default!;
    [CascadingParameter] protected HttpContext HttpContext { get; set; } = default!;
    [Parameter] public Guid Id { get; set; }

    protected Agreement? Agreement { get; private set; }

    /// <summary>Why the action was refused, in the domain's words.</summary>
    protected string? Error { get; set; }

    /// <summary>Someone else changed the agreement between showing the page and posting it.</summary>
    protected bool Conflict { get; private set; }

    protected bool IsPost => HttpMethods.IsPost(HttpContext.Request.Method);

    protected DateOnly Today => Clock.Today();

    /// <summary>The row version of the agreement as loaded, for the form's hidden field.</summary>
    protected string CurrentVersion => Agreement is null
        ? string.Empty
        : Db.Entry(Agreement).Property<uint>("Version").CurrentValue.ToString(CultureInfo.InvariantCulture);

    /// <summary>Loads the agreement with its parts, tracked so the action can change it; false (and 404) if not found.</summary>
    protected async Task<bool> LoadAsync()
    {
        Agreement = await Db.Agreements.VisibleTo(Db, HttpContext.User)
            .Include(a => a.Parties).Include(a => a.Sections).Include(a => a.CooperationForms).Include(a => a.StatutoryAreas)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == Id);
        if (Agreement is null)
        {
            Navigation.NotFound();
            return false;
        }

        return true;
    }

    /// <summary>
    /// Runs <paramref name="action"/> on the agreement and saves everything in one SaveChanges, checked
    /// against <paramref name="postedVersion"/>. True when saved; otherwise <see cref="Error"/> or
    /// <see cref="Conflict"/> says why and the agreement is reloaded as it now is.
    /// </summary>
    protected async Task<bool> ApplyAsync(string? postedVersion, Func<Agreement, Task> action)
    {
        var agreement = Agreement!;
        if (uint.TryParse(postedVersion, CultureInfo.InvariantCulture, out var version))
        {
            Db.Entry(agreement).Property<uint>("Version").OriginalValue = version;
        }

        try
        {
            await action(agreement);
            // Every action rewrites the agreement row, even one that changes only a child row (a signature,
            // an attachment), so the version is always checked and two people cannot act on the same state.
            Db.Entry(agreement).Property(a => a.Title).IsModified = true;
            await Db.SaveChangesAsync();
            return true;
        }
        catch (AgreementRuleException e)
        {
            Error = e.Message;
        }
        catch (DomainValidationException e)
        {
            Error = e.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            Conflict = true;
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // The same action saved by someone else a moment earlier (e.g. a second new version).
            Conflict = true;
        }

        Db.ChangeTracker.Clear();
        await LoadAsync();
        return false;
    }
}
