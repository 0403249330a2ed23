using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Account;

namespace SamarbeidsAvtaler.Web.Features.Parties;

public sealed record PartyRow(Guid Id, string Name, PartyKind Kind, string? OrganisationNumber, string? HprNumber, string? PostalCity, bool IsActive)
{
    public string NumberText => OrganisationNumber is { } o ? Domain.Parties.OrganisationNumber.Parse(o).Formatted
        : HprNumber is { } h ? $"HPR {h}" : "–";
}

/// <summary>One page of the party list; <see cref="Page"/> is the page actually shown (clamped to the last).</summary>
public sealed record PartyPage(IReadOnlyList<PartyRow> Rows, int Total, int Page, int PageCount);

/// <summary>A related party on the party page; <see cref="Visible"/> false means the user may not open it (no link).</summary>
public sealed record PartyLink(Guid Id, string Name, PartyKind Kind, bool IsActive, bool Visible);

/// <summary>Everything the party page shows, for one user.</summary>
public sealed record PartyView(
    Party Party,
    PartyLink? Parent,
    IReadOnlyList<PartyLink> Members,
    IReadOnlyList<PartyLink> Children,
    IReadOnlyList<PartyLink> Groups,
    bool CanMaintain,
    IReadOnlyList<string> References,
    IReadOnlyDictionary<string, string> PartyNames);

/// <summary>A save's result value: the party's id, and on a conflict the values now stored.</summary>
public sealed record PartySaved(Guid Id, PartyForm? Current = null);

/// <summary>
/// The party register's queries and commands. Every method takes the signed-in user and checks access
/// itself: an avtalespesialist sees only their own party; only saksbehandler and administrator change
/// the register. A context per operation, from the factory.
/// </summary>
public sealed class PartyService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock) : IPartyService
{
    /// <summary>The most hits a search-and-pick field gets.</summary>
    public const int MaxHits = 20;

    public const string ConflictMessage =
        "Noen andre har lagret endringer i denne parten etter at du åpnet skjemaet. Endringene dine er ikke lagret. " +
        "Det du skrev, står fortsatt i skjemaet, og de lagrede verdiene vises under. Trykk «Lagre» igjen for å lagre din versjon.";

    public async Task<PartyPage> SearchAsync(ClaimsPrincipal user, PartyListState state, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = PartyQueries.Search(db.Parties.AsNoTracking().VisibleTo(user), SearchText.Clean(state.Search), state.Kind, state.IncludeInactive);
        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)PartyListState.PageSize));
        var page = Math.Clamp(state.Page, 1, pageCount);
        var rows = await PartyQueries.Order(query, state.Sort, state.Descending)
            .Skip((page - 1) * PartyListState.PageSize)
            .Take(PartyListState.PageSize)
            .Select(p => new PartyRow(p.Id, p.Name, p.Kind, p.OrganisationNumber, p.HprNumber, p.PostalCity, p.IsActive))
            .ToListAsync(cancellationToken);
        return new PartyPage(rows, total, page, pageCount);
    }

    /// <summary>The party page, or null when the party does not exist or the user may not see it.</summary>
    public async Task<PartyView?> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var party = await db.Parties.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (party is null)
        {
            return null;
        }

        var canMaintain = user.IsMaintainer();
        var seesRegister = SeesWholeRegister(user);
        PartyLink? parent = null;
        if (party.ParentPartyId is { } parentId)
        {
            parent = await db.Parties.AsNoTracking().Where(p => p.Id == parentId)
                .Select(p => new PartyLink(p.Id, p.Name, p.Kind, p.IsActive, seesRegister)).FirstOrDefaultAsync(cancellationToken);
        }

        var members = await (from m in db.MunicipalGroupMembers
                             join p in db.Parties on m.MunicipalityId equals p.Id
                             where m.GroupId == id
                             orderby p.Name
                             select new PartyLink(p.Id, p.Name, p.Kind, p.IsActive, seesRegister)).ToListAsync(cancellationToken);
        var groups = await (from m in db.MunicipalGroupMembers
                            join p in db.Parties on m.GroupId equals p.Id
                            where m.MunicipalityId == id
                            orderby p.Name
                            select new PartyLink(p.Id, p.Name, p.Kind, p.IsActive, seesRegister)).ToListAsync(cancellationToken);
        var children = seesRegister
            ? await db.Parties.AsNoTracking().Where(p => p.ParentPartyId == id).OrderBy(p => p.Kind).ThenBy(p => p.Name)
                .Select(p => new PartyLink(p.Id, p.Name, p.Kind, p.IsActive, true)).Take(200).ToListAsync(cancellationToken)
            : [];

        List<string> references = [];
        Dictionary<string, string> names = [];
        if (canMaintain)
        {
            references = await PartyReferences.DescribeAsync(db, id);
            names = await HistoryNamesAsync(db, id, cancellationToken);
        }

        return new PartyView(party, parent, members, children, groups, canMaintain, references, names);
    }

    /// <summary>The form of an existing party, or null when it does not exist or the user may not change it.</summary>
    public async Task<PartyForm?> GetFormAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default)
    {
        if (!user.IsMaintainer())
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await LoadFormAsync(db, id, cancellationToken);
    }

    /// <summary>Active parties of the kind a party of <paramref name="kind"/> belongs under, by name.</summary>
    public async Task<IReadOnlyList<PartyOption>> SearchParentsAsync(ClaimsPrincipal user, PartyKind kind, string? text, CancellationToken cancellationToken = default) =>
        PartyAccess.ParentKind(kind) is { } parentKind ? await PickAsync(user, parentKind, text, cancellationToken) : [];

    /// <summary>Active kommuner by name or organisation number, for a kommunegruppe's members.</summary>
    public Task<IReadOnlyList<PartyOption>> SearchMunicipalitiesAsync(ClaimsPrincipal user, string? text, CancellationToken cancellationToken = default) =>
        PickAsync(user, PartyKind.Municipality, text, cancellationToken);

    /// <summary>
    /// Creates (<paramref name="id"/> null) or changes a party. Refusals come back as field errors; a save
    /// over someone else's change as a conflict with the values now stored; never an exception for bad input.
    /// </summary>
    public async Task<CommandResult<PartySaved>> SaveAsync(ClaimsPrincipal user, Guid? id, PartyForm form, CancellationToken cancellationToken = default)
    {
        if (!user.IsMaintainer())
        {
            return CommandResult<PartySaved>.From(CommandResult.Forbidden());
        }

        var (details, errors) = form.ToDetails();
        if (details is null || errors.Count > 0)
        {
            return Invalid(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(user, cancellationToken);
        Party? party = null;
        if (id is { } existingId)
        {
            party = await db.Parties.Include(p => p.Members).FirstOrDefaultAsync(p => p.Id == existingId, cancellationToken);
            if (party is null)
            {
                return CommandResult<PartySaved>.From(CommandResult.NotFound());
            }

            if (party.Kind != details.Kind)
            {
                // Agreements depend on the kind: the domain refuses a change, and so do we, as a message.
                return Invalid([new FieldError(nameof(PartyForm.Kind), "Typen til en part kan ikke endres.")]);
            }
        }

        var memberIds = details.Kind == PartyKind.MunicipalGroup ? form.Members.Select(m => m.Id).Distinct().ToHashSet() : [];
        var referenceErrors = await CheckReferencesAsync(db, id, details, memberIds, cancellationToken);
        if (referenceErrors.Count > 0)
        {
            return Invalid(referenceErrors);
        }

        if (party is null)
        {
            party = Party.Create(details, clock.GetUtcNow());
            db.Parties.Add(party);
        }
        else
        {
            db.Entry(party).Property<uint>("Version").OriginalValue = form.Version ?? 0;
            party.Update(details);
        }

        var membersChanged = party.Kind == PartyKind.MunicipalGroup && await SetMembersAsync(db, user, party, memberIds, cancellationToken);

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.ChangeTracker.DetectChanges();
            if (membersChanged && id is not null && !db.Entry(party).Properties.Any(p => p.IsModified && p.Metadata.Name != "Version"))
            {
                // (Setting the version's original value above marks it modified: it is not a change.)
                // Only the members changed, which live in their own table: no UPDATE of the group's row would
                // check its version, so check and bump it by hand; two saves of the same members then conflict.
                var touched = await db.Parties
                    .Where(p => p.Id == party.Id && EF.Property<uint>(p, "Version") == (form.Version ?? 0))
                    .ExecuteUpdateAsync(set => set.SetProperty(p => p.Name, p => p.Name), cancellationToken);
                if (touched == 0)
                {
                    throw new DbUpdateConcurrencyException("The group changed since the form was loaded.");
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            var current = await LoadFormAsync(fresh, party.Id, cancellationToken);
            return current is null
                ? CommandResult<PartySaved>.From(CommandResult.NotFound())
                : new CommandResult<PartySaved>(CommandStatus.Conflict, [], ConflictMessage, new PartySaved(party.Id, current));
        }
        catch (DbUpdateException e) when (UniqueViolation.FieldFor(e) is { } field)
        {
            // Someone registered the same number between our check and our save.
            return Invalid([new FieldError(field, DuplicateMessage(field))]);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two saves of the same kommunegruppe's members at once.
            return CommandResult<PartySaved>.From(CommandResult.Conflict(ConflictMessage));
        }

        return CommandResult<PartySaved>.Ok(new PartySaved(party.Id), id is null ? "Parten er registrert." : "Endringene er lagret.");
    }

    public Task<CommandResult> DeactivateAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default) =>
        SetActiveAsync(user, id, active: false, cancellationToken);

    public Task<CommandResult> ReactivateAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default) =>
        SetActiveAsync(user, id, active: true, cancellationToken);

    /// <summary>Deletes a party nothing refers to (one registered by mistake); a referenced one can only be deactivated.</summary>
    public async Task<CommandResult> DeleteAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default)
    {
        if (!user.IsMaintainer())
        {
            return CommandResult.Forbidden();
        }

        await using var db = await contexts.CreateDbContextAsync(user, cancellationToken);
        var party = await db.Parties.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (party is null)
        {
            return CommandResult.NotFound();
        }

        var references = await PartyReferences.DescribeAsync(db, id);
        if (references.Count > 0)
        {
            return CommandResult.Refused($"Parten kan ikke slettes fordi den er i bruk: {string.Join(", ", references)}. Deaktiver den i stedet.");
        }

        db.AuditEntries.Add(new AuditEntry("Party", party.Id.ToString(), AuditActions.Deleted, user.UserId(), user.DisplayName(),
            clock.GetUtcNow(), [new("Name", party.Name, null)]));
        db.Parties.Remove(party);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Something came to refer to it (or it went) between the check and the delete.
            return CommandResult.Refused("Parten kunne ikke slettes fordi den nettopp ble tatt i bruk eller endret. Last siden på nytt.");
        }

        return CommandResult.Ok($"{party.Name} er slettet.");
    }

    public static string DuplicateMessage(string field) => field == nameof(PartyForm.HprNumber)
        ? "Det finnes allerede en part med dette HPR-nummeret."
        : "Det finnes allerede en part med dette organisasjonsnummeret.";

    private static bool SeesWholeRegister(ClaimsPrincipal user) => user.IsMaintainer() || !user.IsInRole(Roles.Specialist);

    private static CommandResult<PartySaved> Invalid(IReadOnlyList<FieldError> errors) =>
        CommandResult<PartySaved>.From(CommandResult.Invalid(errors));

    private async Task<CommandResult> SetActiveAsync(ClaimsPrincipal user, Guid id, bool active, CancellationToken cancellationToken)
    {
        if (!user.IsMaintainer())
        {
            return CommandResult.Forbidden();
        }

        await using var db = await contexts.CreateDbContextAsync(user, cancellationToken);
        var party = await db.Parties.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (party is null)
        {
            return CommandResult.NotFound();
        }

        if (party.IsActive == active)
        {
            return CommandResult.Refused(active ? "Parten er allerede aktiv." : "Parten er allerede deaktivert.");
        }

        if (active)
        {
            party.Reactivate();
        }
        else
        {
            party.Deactivate();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Conflict("Parten ble endret av noen andre samtidig. Last siden på nytt og prøv igjen.");
        }

        return CommandResult.Ok(active ? $"{party.Name} er aktivert igjen." : $"{party.Name} er deaktivert.");
    }

    private async Task<IReadOnlyList<PartyOption>> PickAsync(ClaimsPrincipal user, PartyKind kind, string? text, CancellationToken cancellationToken)
    {
        if (!user.IsMaintainer())
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await PartyQueries.Search(db.Parties.AsNoTracking(), SearchText.Clean(text), kind, includeInactive: false)
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Take(MaxHits)
            .Select(p => new PartyOption(p.Id, p.Name))
            .ToListAsync(cancellationToken);
    }

    private static async Task<PartyForm?> LoadFormAsync(AppDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var party = await db.Parties.AsNoTracking().Include(p => p.Members).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (party is null)
        {
            return null;
        }

        var version = await db.Parties.Where(p => p.Id == id).Select(p => EF.Property<uint>(p, "Version")).FirstAsync(cancellationToken);
        var parent = party.ParentPartyId is { } parentId
            ? await db.Parties.Where(p => p.Id == parentId).Select(p => new PartyOption(p.Id, p.Name)).FirstOrDefaultAsync(cancellationToken)
            : null;
        var memberIds = party.Members.Select(m => m.MunicipalityId).ToList();
        var members = await db.Parties.Where(p => memberIds.Contains(p.Id)).OrderBy(p => p.Name)
            .Select(p => new PartyOption(p.Id, p.Name)).ToListAsync(cancellationToken);
        return PartyForm.From(party, version, parent, members);
    }

    private static async Task<List<FieldError>> CheckReferencesAsync(AppDbContext db, Guid? id, PartyDetails details, HashSet<Guid> memberIds,
        CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var self = id ?? Guid.Empty;
        if (details.Kind.HasOrganisationNumber() && Domain.Parties.OrganisationNumber.TryParse(details.OrganisationNumber, out var orgNo)
            && await db.Parties.AnyAsync(p => p.OrganisationNumber == orgNo.Value && p.Id != self, cancellationToken))
        {
            errors.Add(new FieldError(nameof(PartyForm.OrganisationNumber), DuplicateMessage(nameof(PartyForm.OrganisationNumber))));
        }

        if (details.Kind == PartyKind.Specialist && Domain.Parties.HprNumber.TryParse(details.HprNumber, out var hpr)
            && await db.Parties.AnyAsync(p => p.HprNumber == hpr.Value && p.Id != self, cancellationToken))
        {
            errors.Add(new FieldError(nameof(PartyForm.HprNumber), DuplicateMessage(nameof(PartyForm.HprNumber))));
        }

        if (details.ParentPartyId is { } parentId && (PartyAccess.ParentKind(details.Kind) is not { } parentKind
            || !await db.Parties.AnyAsync(p => p.Id == parentId && p.Kind == parentKind, cancellationToken)))
        {
            errors.Add(new FieldError(nameof(PartyForm.Parent), "Velg en overordnet part fra listen."));
        }

        if (memberIds.Count > 0
            && await db.Parties.CountAsync(p => memberIds.Contains(p.Id) && p.Kind == PartyKind.Municipality, cancellationToken) != memberIds.Count)
        {
            errors.Add(new FieldError(nameof(PartyForm.Members), "Bare kommuner kan være medlemmer av en kommunegruppe."));
        }

        return errors;
    }

    // Membership lives in its own table; the change is audited on the group in the same transaction.
    // Returns whether the members changed.
    private async Task<bool> SetMembersAsync(AppDbContext db, ClaimsPrincipal user, Party group, HashSet<Guid> wanted, CancellationToken cancellationToken)
    {
        var before = group.Members.Select(m => m.MunicipalityId).ToHashSet();
        group.SetMembers(wanted);
        if (before.SetEquals(wanted))
        {
            return false;
        }

        var ids = before.Union(wanted).ToList();
        var names = await db.Parties.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        string? List(IEnumerable<Guid> members) =>
            members.Select(id => names.GetValueOrDefault(id, id.ToString())).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } list
                ? string.Join(", ", list)
                : null;

        db.AuditEntries.Add(new AuditEntry("Party", group.Id.ToString(), AuditActions.Changed, user.UserId(), user.DisplayName(),
            clock.GetUtcNow(), [new("Members", List(before), List(wanted))]));
        return true;
    }

    // Party ids in the history (a changed parent) read better as names.
    private static async Task<Dictionary<string, string>> HistoryNamesAsync(AppDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var key = id.ToString();
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Party" && a.EntityId == key)
            .OrderByDescending(a => a.Id).Take(200).ToListAsync(cancellationToken);
        var ids = entries.SelectMany(e => e.Changes).Where(c => c.Field == nameof(Party.ParentPartyId))
            .SelectMany(c => new[] { c.OldValue, c.NewValue })
            .Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        return ids.Count == 0
            ? []
            : await db.Parties.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id.ToString(), p => p.Name, cancellationToken);
    }
}
