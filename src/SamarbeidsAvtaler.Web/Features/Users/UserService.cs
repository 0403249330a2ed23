using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Infrastructure.Identity;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Account;

namespace SamarbeidsAvtaler.Web.Features.Users;

/// <summary>
/// User administration: the list, one user, the party picker, create, edit, deactivate and the history.
/// Only an administrator gets anything: other roles get empty answers and refused commands.
/// </summary>
public sealed class UserService(IDbContextFactory<AppDbContext> contexts, IServiceScopeFactory scopes, TimeProvider clock)
{
    private const int PartyOptionLimit = 20;
    private const string EntityType = nameof(AppUser);

    public static bool MayAdminister(ClaimsPrincipal user) => user.IsInRole(Roles.Administrator);

    public async Task<UserListPage> ListAsync(ClaimsPrincipal actor, UserListQuery query, CancellationToken cancellationToken = default)
    {
        if (!MayAdminister(actor))
        {
            return UserListPage.Empty;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = db.Users.AsNoTracking();
        if (SearchText.Clean(query.Text) is { } text)
        {
            var pattern = "%" + SearchText.EscapeLike(text.ToLowerInvariant()) + "%";
            users = users.Where(u => EF.Functions.Like(u.DisplayName.ToLower(), pattern) || EF.Functions.Like(u.Email!.ToLower(), pattern));
        }

        if (Roles.All.Contains(query.Role))
        {
            var roleIds = db.Roles.Where(r => r.Name == query.Role).Select(r => r.Id);
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)));
        }

        users = query.Status switch
        {
            UserStatusFilter.Active => users.Where(u => u.IsActive),
            UserStatusFilter.Deactivated => users.Where(u => !u.IsActive),
            _ => users,
        };

        var total = await users.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, UserListQuery.PageSizes[^1]);
        var page = Math.Clamp(query.Page, 1, 1_000_000);
        var list = await Order(db, users, query.Sort, query.Descending)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? string.Empty,
                db.Roles.Where(r => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == r.Id)).Select(r => r.Name).FirstOrDefault(),
                db.Parties.Where(p => p.Id == u.PartyId).Select(p => p.Name).FirstOrDefault(),
                u.IsActive))
            .ToListAsync(cancellationToken);
        return new UserListPage(list, total);
    }

    private static IQueryable<AppUser> Order(AppDbContext db, IQueryable<AppUser> users, string? sort, bool descending)
    {
        // Every order ends on the id, so paging is stable when names repeat.
        IOrderedQueryable<AppUser> ordered = (sort, descending) switch
        {
            ("e-post", false) => users.OrderBy(u => u.Email),
            ("e-post", true) => users.OrderByDescending(u => u.Email),
            ("rolle", false) => users.OrderBy(u => db.Roles.Where(r => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == r.Id)).Select(r => r.Name).FirstOrDefault())
                .ThenBy(u => u.DisplayName),
            ("rolle", true) => users.OrderByDescending(u => db.Roles.Where(r => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == r.Id)).Select(r => r.Name).FirstOrDefault())
                .ThenBy(u => u.DisplayName),
            ("part", false) => users.OrderBy(u => db.Parties.Where(p => p.Id == u.PartyId).Select(p => p.Name).FirstOrDefault()).ThenBy(u => u.DisplayName),
            ("part", true) => users.OrderByDescending(u => db.Parties.Where(p => p.Id == u.PartyId).Select(p => p.Name).FirstOrDefault()).ThenBy(u => u.DisplayName),
            ("status", false) => users.OrderByDescending(u => u.IsActive).ThenBy(u => u.DisplayName),
            ("status", true) => users.OrderBy(u => u.IsActive).ThenBy(u => u.DisplayName),
            (_, true) => users.OrderByDescending(u => u.DisplayName),
            _ => users.OrderBy(u => u.DisplayName),
        };
        return ordered.ThenBy(u => u.Id);
    }

    public async Task<UserDetails?> GetAsync(ClaimsPrincipal actor, Guid id, CancellationToken cancellationToken = default)
    {
        if (!MayAdminister(actor))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                u.IsActive,
                u.ConcurrencyStamp,
                Role = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).FirstOrDefault(),
                Party = db.Parties.Where(p => p.Id == u.PartyId).Select(p => new PartyOption(p.Id, p.Name, p.HprNumber ?? p.OrganisationNumber)).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null
            ? null
            : new UserDetails(found.Id, found.DisplayName, found.Email ?? string.Empty, found.Role, found.Party, found.IsActive,
                found.ConcurrencyStamp, found.Id == actor.UserId());
    }

    /// <summary>
    /// The active parties a user of <paramref name="role"/> may be linked to (Roles.LinkablePartyKinds), by
    /// name, or by organisation or HPR number when the text is digits; at most a few, for a picker.
    /// </summary>
    public async Task<IReadOnlyList<PartyOption>> SearchPartiesAsync(ClaimsPrincipal actor, string? role, string? text, CancellationToken cancellationToken = default)
    {
        var kinds = Roles.LinkablePartyKinds(role ?? string.Empty);
        if (!MayAdminister(actor) || kinds.Count == 0)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var parties = db.Parties.AsNoTracking().Where(p => p.IsActive && kinds.Contains(p.Kind));
        if (SearchText.Clean(text) is { } term)
        {
            var pattern = "%" + SearchText.EscapeLike(term.ToLowerInvariant()) + "%";
            var digits = term.Replace(" ", string.Empty, StringComparison.Ordinal);
            if (digits.All(char.IsAsciiDigit))
            {
                var prefix = SearchText.EscapeLike(digits) + "%";
                parties = parties.Where(p => EF.Functions.Like(p.Name.ToLower(), pattern)
                    || EF.Functions.Like(p.OrganisationNumber!, prefix) || EF.Functions.Like(p.HprNumber!, prefix));
            }
            else
            {
                parties = parties.Where(p => EF.Functions.Like(p.Name.ToLower(), pattern));
            }
        }

        return await parties.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(PartyOptionLimit)
            .Select(p => new PartyOption(p.Id, p.Name, p.HprNumber ?? p.OrganisationNumber))
            .ToListAsync(cancellationToken);
    }

    public async Task<CommandResult<Guid>> CreateAsync(ClaimsPrincipal actor, UserForm form, CancellationToken cancellationToken = default)
    {
        if (!MayAdminister(actor))
        {
            return CommandResult<Guid>.From(CommandResult.Forbidden());
        }

        await using var operation = Open(actor);
        var (db, users) = (operation.Db, operation.Users);
        var user = new AppUser { CreatedAt = clock.GetUtcNow(), EmailConfirmed = true };
        var errors = new List<FieldError>();
        var partyId = await ValidateAsync(db, users, form, null, actor, errors, cancellationToken);
        await ValidatePasswordAsync(users, user, form.Password, errors);
        if (errors.Count > 0)
        {
            return CommandResult<Guid>.From(CommandResult.Invalid(errors));
        }

        var email = form.Email!.Trim();
        user.DisplayName = form.DisplayName!.Trim();
        user.Email = email;
        user.UserName = email;
        user.PartyId = partyId;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await users.CreateAsync(user, form.Password!);
            if (result.Succeeded)
            {
                result = await users.AddToRoleAsync(user, form.Role!);
            }

            if (!result.Succeeded)
            {
                return CommandResult<Guid>.From(FromIdentity(result));
            }

            AuditRole(db, actor, user.Id, null, form.Role!);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (IsUniqueViolation(exception))
        {
            // Two administrators creating the same e-mail at once: the unique index decides.
            return CommandResult<Guid>.From(CommandResult.Invalid(nameof(UserForm.Email), $"E-postadressen {email} er allerede i bruk."));
        }

        return CommandResult<Guid>.Ok(user.Id, $"{user.DisplayName} er opprettet.");
    }

    public async Task<CommandResult> UpdateAsync(ClaimsPrincipal actor, Guid id, UserForm form, CancellationToken cancellationToken = default)
    {
        if (!MayAdminister(actor))
        {
            return CommandResult.Forbidden();
        }

        await using var operation = Open(actor);
        var (db, users) = (operation.Db, operation.Users);
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return CommandResult.NotFound();
        }

        if (form.ConcurrencyStamp != user.ConcurrencyStamp)
        {
            return Conflict();
        }

        var currentRole = (await users.GetRolesAsync(user)).FirstOrDefault();
        var errors = new List<FieldError>();
        var partyId = await ValidateAsync(db, users, form, user, actor, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var email = form.Email!.Trim();
        var accessChanged = currentRole != form.Role || user.PartyId != partyId;
        user.DisplayName = form.DisplayName!.Trim();
        user.Email = email;
        user.UserName = email;
        user.PartyId = partyId;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Identity saves with the loaded stamp as a condition, so a change between our read and our write
            // is refused too. (No db.Entry(user) here: detecting the changes before Identity attaches the user
            // would make them look unchanged to the audit trail.)
            var result = await users.UpdateAsync(user);
            if (result.Succeeded && currentRole != form.Role)
            {
                if (currentRole is not null)
                {
                    result = await users.RemoveFromRoleAsync(user, currentRole);
                }

                if (result.Succeeded)
                {
                    result = await users.AddToRoleAsync(user, form.Role!);
                }

                if (result.Succeeded)
                {
                    AuditRole(db, actor, user.Id, currentRole, form.Role!);
                    await db.SaveChangesAsync(cancellationToken);
                }
            }

            // The role and party are claims of the user's session: a new stamp makes open sessions sign in again.
            if (result.Succeeded && accessChanged)
            {
                result = await users.UpdateSecurityStampAsync(user);
            }

            if (!result.Succeeded)
            {
                return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)) ? Conflict() : FromIdentity(result);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (IsUniqueViolation(exception))
        {
            return CommandResult.Invalid(nameof(UserForm.Email), $"E-postadressen {email} er allerede i bruk.");
        }

        return CommandResult.Ok("Endringene er lagret.");
    }

    /// <summary>
    /// Deactivates or reactivates a user; users are never deleted, so what they did stays attributable.
    /// Deactivation locks the account and changes its security stamp, which ends open sessions and
    /// circuits within a minute (the stamp validator and RevalidatingIdentityStateProvider check it).
    /// </summary>
    public async Task<CommandResult> SetActiveAsync(ClaimsPrincipal actor, Guid id, bool active, CancellationToken cancellationToken = default)
    {
        if (!MayAdminister(actor))
        {
            return CommandResult.Forbidden();
        }

        await using var operation = Open(actor);
        var users = operation.Users;
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return CommandResult.NotFound();
        }

        if (user.Id == actor.UserId())
        {
            return CommandResult.Refused("Du kan ikke deaktivere din egen bruker.");
        }

        if (user.IsActive != active)
        {
            user.IsActive = active;
            user.LockoutEnd = active ? null : DateTimeOffset.MaxValue;
            var result = await users.UpdateSecurityStampAsync(user);
            if (!result.Succeeded)
            {
                return Conflict();
            }
        }

        return CommandResult.Ok(active
            ? $"{user.DisplayName} er aktivert igjen og kan logge inn."
            : $"{user.DisplayName} er deaktivert og mister tilgangen innen ett minutt.");
    }

    public async Task<IReadOnlyList<UserHistoryEntry>> GetHistoryAsync(ClaimsPrincipal actor, Guid id, CancellationToken cancellationToken = default)
    {
        if (!MayAdminister(actor))
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = id.ToString();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == EntityType && a.EntityId == key)
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Take(200)
            .ToListAsync(cancellationToken);

        var partyIds = entries.SelectMany(e => e.Changes).Where(c => c.Field == nameof(AppUser.PartyId))
            .SelectMany(c => new[] { c.OldValue, c.NewValue })
            .Select(v => Guid.TryParse(v, out var g) ? g : (Guid?)null).OfType<Guid>().Distinct().ToList();
        var partyNames = await db.Parties.AsNoTracking().Where(p => partyIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id.ToString(), p => p.Name, cancellationToken);
        return UserHistoryText.Describe(entries, partyNames);
    }

    private async Task<Guid?> ValidateAsync(AppDbContext db, UserManager<AppUser> users, UserForm form, AppUser? existing, ClaimsPrincipal actor,
        List<FieldError> errors, CancellationToken cancellationToken)
    {
        var name = form.DisplayName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(new(nameof(UserForm.DisplayName), "Navn må fylles ut."));
        }
        else if (name.Length > AppUser.DisplayNameMaxLength)
        {
            errors.Add(new(nameof(UserForm.DisplayName), $"Navn kan ha høyst {AppUser.DisplayNameMaxLength} tegn."));
        }
        else if (name.Any(char.IsControl))
        {
            errors.Add(new(nameof(UserForm.DisplayName), "Navn kan ikke inneholde kontrolltegn."));
        }

        var email = form.Email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            errors.Add(new(nameof(UserForm.Email), "E-post må fylles ut."));
        }
        else if (email.Length > UserForm.EmailMaxLength || email.Any(char.IsControl) || !System.Net.Mail.MailAddress.TryCreate(email, out var parsed)
            || parsed.Address != email)
        {
            errors.Add(new(nameof(UserForm.Email), "E-postadressen er ikke gyldig. Skriv den som navn@eksempel.no."));
        }
        else if (email.Any(c => !users.Options.User.AllowedUserNameCharacters.Contains(c)))
        {
            // The address is also the user name, which Identity limits to these characters.
            errors.Add(new(nameof(UserForm.Email), "E-postadressen kan bare inneholde bokstavene a–å, siffer og tegnene - . _ @ +."));
        }
        else if (await InUseAsync(users, email, existing))
        {
            errors.Add(new(nameof(UserForm.Email), $"E-postadressen {email} er allerede i bruk."));
        }

        if (!Roles.All.Contains(form.Role))
        {
            errors.Add(new(nameof(UserForm.Role), "Velg rolle."));
            return null;
        }

        if (existing is not null && existing.Id == actor.UserId() && form.Role != Roles.Administrator)
        {
            errors.Add(new(nameof(UserForm.Role), "Du kan ikke ta fra deg selv administratorrollen."));
        }

        var kinds = Roles.LinkablePartyKinds(form.Role!);
        if (kinds.Count == 0)
        {
            // Caseworkers and administrators act for the RHF, not for a party.
            return null;
        }

        var partyId = form.Party?.Id;
        if (partyId is { } id && await db.Parties.AnyAsync(p => p.Id == id && p.IsActive && kinds.Contains(p.Kind), cancellationToken))
        {
            return id;
        }

        errors.Add(new(nameof(UserForm.Party), form.Role switch
        {
            Roles.Specialist => "En avtalespesialist må knyttes til sin egen part i partsregisteret. Søk på navn eller HPR-nummer.",
            Roles.Secretariat => "Et sekretariat må knyttes til helseforetaket eller kommunen det hører til.",
            Roles.Municipality => "En kommunebruker må knyttes til sin kommune i partsregisteret.",
            _ => "En samhandlingssjef må knyttes til et helseforetak eller en institusjon.",
        }));
        return null;
    }

    private static async Task<bool> InUseAsync(UserManager<AppUser> users, string email, AppUser? existing)
    {
        var other = await users.FindByEmailAsync(email) ?? await users.FindByNameAsync(email);
        return other is not null && other.Id != existing?.Id;
    }

    private static async Task ValidatePasswordAsync(UserManager<AppUser> users, AppUser user, string? password, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(password))
        {
            errors.Add(new(nameof(UserForm.Password), "Passord må fylles ut."));
            return;
        }

        if (password.Length > UserForm.PasswordMaxLength)
        {
            errors.Add(new(nameof(UserForm.Password), $"Passordet kan ha høyst {UserForm.PasswordMaxLength} tegn."));
            return;
        }

        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors.Select(e => new FieldError(nameof(UserForm.Password), e.Description)));
        }
    }

    private static CommandResult FromIdentity(IdentityResult result) => CommandResult.Invalid(
        result.Errors.Select(e => new FieldError(
            e.Code switch
            {
                _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => nameof(UserForm.Password),
                "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" => nameof(UserForm.Email),
                "InvalidRoleName" or "UserAlreadyInRole" => nameof(UserForm.Role),
                _ => nameof(UserForm.DisplayName),
            },
            e.Description)).ToList());

    private static CommandResult Conflict() => CommandResult.Conflict(
        "Brukeren er endret av noen andre etter at du åpnet den, så endringene dine er ikke lagret. Det du skrev, står fortsatt i skjemaet, " +
        "og de lagrede verdiene vises under. Lagre igjen for å overskrive dem.");

    private static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    private void AuditRole(AppDbContext db, ClaimsPrincipal actor, Guid userId, string? oldRole, string newRole) =>
        // Roles live in a join table the automatic audit does not see, so the change is written here.
        db.AuditEntries.Add(new AuditEntry(EntityType, userId.ToString(), oldRole is null ? AuditActions.Created : AuditActions.Changed,
            actor.UserId(), actor.DisplayName(), clock.GetUtcNow(), [new(nameof(UserForm.Role), oldRole, newRole)]));

    /// <summary>
    /// Identity's UserManager works on the scoped context, which in a circuit would live for hours: each
    /// command gets a scope (and so a context and a UserManager) of its own, acting as the signed-in user.
    /// </summary>
    private Operation Open(ClaimsPrincipal actor)
    {
        var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Actor = new PrincipalAuditActor(actor);
        return new Operation(scope, db, scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    private sealed class Operation(AsyncServiceScope scope, AppDbContext db, UserManager<AppUser> users) : IAsyncDisposable
    {
        public AppDbContext Db { get; } = db;
        public UserManager<AppUser> Users { get; } = users;

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}
