using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Account;
using SamarbeidsAvtaler.Web.Features.Parties;

namespace SamarbeidsAvtaler.Web.Features.Committees;

/// <summary>
/// The persons who sit in bodies. Anyone who keeps bodies may search persons by name (name and organisation only,
/// to add them as members); contact details go only to users of a helsefellesskap where the person has a seat.
/// </summary>
public sealed class PersonService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock) : IPersonService
{
    public const string ConflictMessage =
        "Noen andre har lagret endringer for denne personen etter at du åpnet skjemaet. Endringene dine er ikke lagret. " +
        "Det du skrev, står fortsatt i skjemaet. Trykk «Lagre» igjen for å lagre din versjon.";

    /// <summary>Persons whose name contains the text, for a search-and-pick field; never contact details.</summary>
    public async Task<IReadOnlyList<PersonOption>> SearchAsync(ClaimsPrincipal user, string? text, CancellationToken ct = default)
    {
        if (!user.MayMaintainCommittees())
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Persons.AsNoTracking();
        if (SearchText.Clean(text) is { } clean)
        {
            var pattern = $"%{SearchText.EscapeLike(clean)}%";
            query = query.Where(p => EF.Functions.ILike(p.Name, pattern, "\\"));
        }

        return await (from p in query
                      join o in db.Parties on p.OrganisationPartyId equals o.Id into organisations
                      from o in organisations.DefaultIfEmpty()
                      orderby p.Name, p.Id
                      select new PersonOption(p.Id, p.Name, p.Title, p.OrganisationPartyId, o == null ? null : o.Name))
            .Take(CommitteeService.MaxHits).ToListAsync(ct);
    }

    /// <summary>
    /// The person page, or null when the user may not see the person: they must see one of the person's bodies, or keep
    /// bodies themselves (a sekretariat may look up anyone it could add, without contact details).
    /// </summary>
    public async Task<PersonView?> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default)
    {
        if (!user.MayReadCommittees())
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return null;
        }

        var access = await AccessAsync(db, user, id, ct);
        if (access.SeesSeats == 0 && !user.MayMaintainCommittees())
        {
            return null;
        }

        var visible = db.Committees.VisibleTo(db, user).Select(c => c.Id);
        var seats = await (from m in db.CommitteeMembers.AsNoTracking()
                           where m.PersonId == id && visible.Contains(m.CommitteeId)
                           join c in db.Committees on m.CommitteeId equals c.Id
                           join d in db.CommitteeMembers on m.DeputyForMemberId equals d.Id into principals
                           from d in principals.DefaultIfEmpty()
                           join dp in db.Persons on d.PersonId equals dp.Id into principalPersons
                           from dp in principalPersons.DefaultIfEmpty()
                           orderby m.TermTo descending, c.Name
                           select new PersonSeat(m.Id, c.Id, c.Name, c.Kind, c.WoundUpOn == null, m.Side, m.Role, m.Representation,
                               dp == null ? null : dp.Name, m.TermFrom, m.TermTo))
            .ToListAsync(ct);
        var organisation = person.OrganisationPartyId is { } orgId
            ? await db.Parties.AsNoTracking().Where(p => p.Id == orgId).Select(p => new PartyOption(p.Id, p.Name)).FirstOrDefaultAsync(ct)
            : null;
        var contact = access.ContactVisible(user);
        return new PersonView(person.Id, person.Name, person.Title, organisation, contact ? person.Email : null, contact ? person.Phone : null,
            person.GpEmployment, contact, access.MayEdit(user), seats, clock.Today());
    }

    /// <summary>The form of a person the user may change, or null.</summary>
    public async Task<PersonForm?> GetFormAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default)
    {
        if (!user.MayMaintainCommittees())
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        return (await AccessAsync(db, user, id, ct)).MayEdit(user) ? await LoadFormAsync(db, id, ct) : null;
    }

    /// <summary>Creates (<paramref name="id"/> null) or changes a person; refusals as field errors, a lost race as a conflict with the values now stored.</summary>
    public async Task<CommandResult<PersonSaved>> SaveAsync(ClaimsPrincipal user, Guid? id, PersonForm form, CancellationToken ct = default)
    {
        if (!user.MayMaintainCommittees())
        {
            return CommandResult<PersonSaved>.From(user.MayReadCommittees() ? CommandResult.Forbidden() : CommandResult.NotFound());
        }

        var (details, errors) = form.ToDetails();
        if (errors.Count > 0)
        {
            return CommandResult<PersonSaved>.From(CommandResult.Invalid(errors));
        }

        await using var db = await contexts.CreateDbContextAsync(user, ct);
        if (details.OrganisationPartyId is { } orgId && !await db.Parties.AnyAsync(p => p.Id == orgId, ct))
        {
            return CommandResult<PersonSaved>.From(CommandResult.Invalid(nameof(PersonForm.Organisation), "Velg organisasjonen fra listen."));
        }

        Person? person;
        if (id is { } existing)
        {
            var access = await AccessAsync(db, user, existing, ct);
            person = await db.Persons.FirstOrDefaultAsync(p => p.Id == existing, ct);
            if (person is null)
            {
                return CommandResult<PersonSaved>.From(CommandResult.NotFound());
            }

            if (!access.MayEdit(user))
            {
                return CommandResult<PersonSaved>.From(CommandResult.Forbidden());
            }

            db.Entry(person).Property<uint>("Version").OriginalValue = form.Version ?? 0;
            person.Update(details);
        }
        else
        {
            person = Person.Create(details, clock.GetUtcNow());
            db.Persons.Add(person);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await contexts.CreateDbContextAsync(ct);
            var current = await LoadFormAsync(fresh, person.Id, ct);
            return current is null
                ? CommandResult<PersonSaved>.From(CommandResult.NotFound())
                : new CommandResult<PersonSaved>(CommandStatus.Conflict, [], ConflictMessage, new PersonSaved(person.Id, Option(person, form), current));
        }

        return CommandResult<PersonSaved>.Ok(new PersonSaved(person.Id, Option(person, form)),
            id is null ? $"{person.Name} er registrert." : "Endringene er lagret.");
    }

    private static PersonOption Option(Person person, PersonForm form) =>
        new(person.Id, person.Name, person.Title, person.OrganisationPartyId, form.Organisation?.Name);

    private static async Task<PersonAccess> AccessAsync(AppDbContext db, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var visible = db.Committees.VisibleTo(db, user).Select(c => c.Id);
        var maintained = db.Committees.MaintainableBy(db, user).Select(c => c.Id);
        var seats = db.CommitteeMembers.Where(m => m.PersonId == id);
        return new PersonAccess(
            await seats.CountAsync(ct),
            await seats.CountAsync(m => visible.Contains(m.CommitteeId), ct),
            await seats.CountAsync(m => maintained.Contains(m.CommitteeId), ct));
    }

    private static async Task<PersonForm?> LoadFormAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return null;
        }

        var version = await db.Persons.Where(p => p.Id == id).Select(p => EF.Property<uint>(p, "Version")).FirstAsync(ct);
        var organisation = person.OrganisationPartyId is { } orgId
            ? await db.Parties.AsNoTracking().Where(p => p.Id == orgId).Select(p => new PartyOption(p.Id, p.Name)).FirstOrDefaultAsync(ct)
            : null;
        return PersonForm.From(person, version, organisation);
    }

    /// <summary>How many seats the person has: in all, in bodies the user sees, in bodies the user keeps.</summary>
    private sealed record PersonAccess(int AllSeats, int SeesSeats, int KeepsSeats)
    {
        /// <summary>Contact details: to caseworkers, to users of a helsefellesskap where the person sits, and for a person not yet seated to whoever keeps bodies.</summary>
        public bool ContactVisible(ClaimsPrincipal user) =>
            user.IsMaintainer() || SeesSeats > 0 || (AllSeats == 0 && user.MayMaintainCommittees());

        /// <summary>Whoever keeps one of the person's bodies (or any body, for a person not yet seated).</summary>
        public bool MayEdit(ClaimsPrincipal user) =>
            user.MayMaintainCommittees() && (user.IsMaintainer() || KeepsSeats > 0 || AllSeats == 0);
    }
}
