using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Account;
using SamarbeidsAvtaler.Web.Features.Parties;

namespace SamarbeidsAvtaler.Web.Features.Committees;

/// <summary>
/// The bodies of a helsefellesskap: list, page, form, wind-up, area, seat quotas and leadership per year. Every
/// method filters through <see cref="CommitteeAccess"/>: a body the user cannot see does not exist for them, one
/// they see but do not keep is forbidden to change. A context per operation.
/// </summary>
public sealed partial class CommitteeService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock) : ICommitteeService
{
    public const int MaxHits = 20;

    private const string NameIndex = "ix_committees_overarching_agreement_id_name";
    private const string DuplicateName = "Det finnes allerede et utvalg med dette navnet i helsefellesskapet.";

    public async Task<IReadOnlyList<CommitteeRow>> ListAsync(ClaimsPrincipal user, CommitteeFilter filter, CancellationToken ct = default)
    {
        if (!user.MayReadCommittees())
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        return [.. (await StandingsAsync(db, user, filter, ct)).Select(s => s.Committee)];
    }

    /// <summary>The body page, or null when the body does not exist or the user may not see it.</summary>
    public async Task<CommitteeView?> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default)
    {
        if (!user.MayReadCommittees())
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var head = await (from row in db.Committees.AsNoTracking().VisibleTo(db, user)
                          join a in db.Agreements on row.OverarchingAgreementId equals a.Id
                          where row.Id == id
                          select new { Committee = row, AgreementTitle = a.Title, Version = EF.Property<uint>(row, "Version") })
            .FirstOrDefaultAsync(ct);
        if (head is null)
        {
            return null;
        }

        var c = head.Committee;
        var links = await db.Committees.AsNoTracking().VisibleTo(db, user)
            .Where(o => o.Id == c.AppointedByCommitteeId || o.Id == c.ReportsToCommitteeId || o.AppointedByCommitteeId == id || o.ReportsToCommitteeId == id)
            .Select(o => new { o.Id, o.Name, o.Kind, o.WoundUpOn, o.AppointedByCommitteeId, o.ReportsToCommitteeId })
            .ToListAsync(ct);
        CommitteeLink Link(Guid linkId) => links.Where(l => l.Id == linkId).Select(l => new CommitteeLink(l.Id, l.Name, l.Kind, l.WoundUpOn is null)).First();
        CommitteeLink? Optional(Guid? linkId) => linkId is { } v && links.Any(l => l.Id == v) ? Link(v) : null;
        var ordered = links.OrderBy(l => l.Kind).ThenBy(l => l.Name, StringComparer.CurrentCulture).ToList();

        var area = await (from m in db.Set<CommitteeAreaMunicipality>().AsNoTracking()
                          where m.CommitteeId == id
                          join p in db.Parties on m.MunicipalityId equals p.Id
                          orderby p.Name
                          select new PartyOption(p.Id, p.Name)).ToListAsync(ct);
        var quotas = await QuotasAsync(db, id, ct);
        var members = await MembersAsync(db, id, ct);
        var leadership = await LeadershipAsync(db, id, members, ct);
        var canMaintain = await db.Committees.MaintainableBy(db, user).AnyAsync(o => o.Id == id, ct);

        return new CommitteeView(c.Id, c.Name, c.ShortName, c.Kind, c.OverarchingAgreementId, head.AgreementTitle, c.Mandate, c.Tasks, c.AppointedBy,
            Optional(c.AppointedByCommitteeId), Optional(c.ReportsToCommitteeId),
            [.. ordered.Where(l => l.AppointedByCommitteeId == id).Select(l => Link(l.Id))],
            [.. ordered.Where(l => l.ReportsToCommitteeId == id).Select(l => Link(l.Id))],
            c.TermYears, c.RequiresPersonalDeputies, c.WoundUpOn, area, quotas, leadership, members,
            canMaintain, ContactVisible: true, clock.Today(), head.Version);
    }

    /// <summary>The form of a body the user keeps, or null.</summary>
    public async Task<CommitteeForm?> GetFormAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default)
    {
        if (!user.MayMaintainCommittees())
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Committees.MaintainableBy(db, user).AnyAsync(c => c.Id == id, ct) ? await LoadFormAsync(db, id, ct) : null;
    }

    /// <summary>The level-1 kommune–HF agreements the user may put a body under: all for caseworkers, their own helsefellesskap's for a sekretariat.</summary>
    public async Task<IReadOnlyList<AgreementOption>> OverarchingAgreementsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.MayMaintainCommittees())
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        return await OverarchingFor(db, user)
            .OrderBy(a => a.Title).ThenBy(a => a.ReferenceNumber).ThenBy(a => a.VersionNumber)
            .Select(a => new AgreementOption(a.Id, a.Title, a.ReferenceNumber, a.VersionNumber, a.Status))
            .ToListAsync(ct);
    }

    /// <summary>The bodies of a helsefellesskap, for the appointing and reporting pickers.</summary>
    public async Task<IReadOnlyList<CommitteeLink>> BodiesOfAsync(ClaimsPrincipal user, Guid agreementId, CancellationToken ct = default)
    {
        if (!user.MayReadCommittees())
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var bodies = await db.Committees.AsNoTracking().VisibleTo(db, user).Where(c => c.OverarchingAgreementId == agreementId)
            .Select(c => new CommitteeLink(c.Id, c.Name, c.Kind, c.WoundUpOn == null)).ToListAsync(ct);
        return [.. bodies.OrderBy(b => b.Kind).ThenBy(b => b.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>Active kommuner by name, for an områdeutvalg's area.</summary>
    public Task<IReadOnlyList<PartyOption>> SearchMunicipalitiesAsync(ClaimsPrincipal user, string? text, CancellationToken ct = default) =>
        SearchPartiesAsync(user, text, [PartyKind.Municipality], ct);

    /// <summary>Active organisations (not avtalespesialister) by name, for seat quotas and a person's organisation.</summary>
    public Task<IReadOnlyList<PartyOption>> SearchOrganisationsAsync(ClaimsPrincipal user, string? text, CancellationToken ct = default) =>
        SearchPartiesAsync(user, text,
            [PartyKind.RegionalHealthAuthority, PartyKind.HealthTrust, PartyKind.Institution, PartyKind.Municipality, PartyKind.MunicipalGroup], ct);

    internal async Task<IReadOnlyList<PartyOption>> SearchPartiesAsync(ClaimsPrincipal user, string? text, PartyKind[] kinds, CancellationToken ct)
    {
        if (!user.MayMaintainCommittees())
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Parties.AsNoTracking().Where(p => p.IsActive && kinds.Contains(p.Kind));
        if (SearchText.Clean(text) is { } clean)
        {
            var pattern = $"%{SearchText.EscapeLike(clean)}%";
            query = query.Where(p => EF.Functions.ILike(p.Name, pattern, "\\"));
        }

        return await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(MaxHits).Select(p => new PartyOption(p.Id, p.Name)).ToListAsync(ct);
    }

    /// <summary>
    /// Creates (<paramref name="id"/> null) or changes a body with its area. Refusals come back as field errors, a
    /// save over someone else's change as a conflict with the values now stored; never an exception for bad input.
    /// </summary>
    public async Task<CommandResult<CommitteeSaved>> SaveAsync(ClaimsPrincipal user, Guid? id, CommitteeForm form, CancellationToken ct = default)
    {
        if (!user.MayMaintainCommittees())
        {
            return Fail<CommitteeSaved>(user.MayReadCommittees() ? CommandResult.Forbidden() : CommandResult.NotFound());
        }

        await using var db = await contexts.CreateDbContextAsync(user, ct);
        if (id is { } existing && await CommitteeWrites.CheckMaintainAsync(db, user, existing, ct) is { } denied)
        {
            return Fail<CommitteeSaved>(denied);
        }

        var (details, errors) = form.ToDetails(id);
        if (details is null || errors.Count > 0)
        {
            return Fail<CommitteeSaved>(CommandResult.Invalid(errors));
        }

        details = await WithDefaultsAsync(db, id, details, ct);
        var areaIds = details.Kind == CommitteeKind.AreaCommittee ? form.AreaMunicipalities.Select(m => m.Id).Distinct().ToList() : [];
        var referenceErrors = await CheckReferencesAsync(db, user, id, details, areaIds, ct);
        if (referenceErrors.Count > 0)
        {
            return Fail<CommitteeSaved>(CommandResult.Invalid(referenceErrors));
        }

        Committee committee;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (id is { } changeId)
            {
                if (!await CommitteeWrites.ClaimAsync(db, changeId, form.Version ?? 0, ct))
                {
                    return await ConflictAsync(changeId, ct);
                }

                committee = await db.Committees.Include(c => c.AreaMunicipalities).FirstAsync(c => c.Id == changeId, ct);
                committee.Update(details);
            }
            else
            {
                committee = Committee.Create(details, clock.GetUtcNow());
                db.Committees.Add(committee);
            }

            await SetAreaAsync(db, user, committee, areaIds, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DomainValidationException e)
        {
            return Fail<CommitteeSaved>(CommandResult.Invalid(e.Errors));
        }
        catch (DbUpdateException e) when (CommitteeWrites.IsUniqueViolation(e, NameIndex))
        {
            return Fail<CommitteeSaved>(CommandResult.Invalid(nameof(CommitteeForm.Name), DuplicateName));
        }
        catch (Exception e) when (id is { } conflictId && CommitteeWrites.IsConflict(e))
        {
            return await ConflictAsync(conflictId, ct);
        }

        db.ChangeTracker.Clear();
        var version = await CommitteeWrites.VersionAsync(db, committee.Id, ct) ?? 0;
        return CommandResult<CommitteeSaved>.Ok(new CommitteeSaved(committee.Id, version), id is null ? $"{committee.Name} er opprettet." : "Endringene er lagret.");
    }

    /// <summary>Winds the body up from a date; it stays readable with its members and meetings.</summary>
    public async Task<CommandResult> WindUpAsync(ClaimsPrincipal user, Guid id, DateOnly? on, uint version, CancellationToken ct = default)
    {
        if (on is null)
        {
            return CommandResult.Invalid("WoundUpOn", "Avviklingsdato må fylles ut.");
        }

        return await ChangeAsync(user, id, version, q => q, committee =>
        {
            if (!committee.IsActive)
            {
                return CommandResult.Refused("Utvalget er allerede avviklet.");
            }

            committee.WindUp(on.Value);
            return null;
        }, $"Utvalget er avviklet fra {Norwegian.Date(on.Value)}.", ct);
    }

    public Task<CommandResult> ReopenAsync(ClaimsPrincipal user, Guid id, uint version, CancellationToken ct = default) =>
        ChangeAsync(user, id, version, q => q, committee =>
        {
            if (committee.IsActive)
            {
                return CommandResult.Refused("Utvalget er allerede aktivt.");
            }

            committee.Reopen();
            return null;
        }, "Utvalget er aktivt igjen.", ct);

    private async Task<CommandResult<CommitteeSaved>> ConflictAsync(Guid id, CancellationToken ct)
    {
        await using var fresh = await contexts.CreateDbContextAsync(ct);
        var current = await LoadFormAsync(fresh, id, ct);
        return current is null
            ? Fail<CommitteeSaved>(CommandResult.NotFound())
            : new CommandResult<CommitteeSaved>(CommandStatus.Conflict, [], CommitteeWrites.ConflictMessage, new CommitteeSaved(id, current.Version ?? 0, current));
    }

    /// <summary>
    /// Runs a change of the body in a transaction that claims its row version first; the change returns a refusal or
    /// null. Domain refusals become field errors or a refusal; a lost race a conflict.
    /// </summary>
    private async Task<CommandResult> ChangeAsync(ClaimsPrincipal user, Guid id, uint version,
        Func<IQueryable<Committee>, IQueryable<Committee>> include, Func<Committee, CommandResult?> change, string done, CancellationToken ct) =>
        await ChangeAsync(user, id, version, include, (_, c) => Task.FromResult(change(c)), done, ct);

    private async Task<CommandResult> ChangeAsync(ClaimsPrincipal user, Guid id, uint version,
        Func<IQueryable<Committee>, IQueryable<Committee>> include, Func<AppDbContext, Committee, Task<CommandResult?>> change, string done,
        CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(user, ct);
        if (await CommitteeWrites.CheckMaintainAsync(db, user, id, ct) is { } denied)
        {
            return denied;
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await CommitteeWrites.ClaimAsync(db, id, version, ct))
            {
                return CommandResult.Conflict(CommitteeWrites.ConflictMessage);
            }

            var committee = await include(db.Committees).FirstAsync(c => c.Id == id, ct);
            var stop = await change(db, committee);
            if (stop is not null)
            {
                return stop;
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DomainValidationException e)
        {
            return CommandResult.Invalid(e.Errors);
        }
        catch (CommitteeRuleException e)
        {
            return CommandResult.Refused(e.Message);
        }
        catch (Exception e) when (CommitteeWrites.IsConflict(e))
        {
            return CommandResult.Conflict(CommitteeWrites.ConflictMessage);
        }

        return CommandResult.Ok(done);
    }

    private static CommandResult<T> Fail<T>(CommandResult failure) => CommandResult<T>.From(failure);

    /// <summary>Level-1 kommune–HF agreements (not replaced) the user may put bodies under.</summary>
    private static IQueryable<Agreement> OverarchingFor(AppDbContext db, ClaimsPrincipal user)
    {
        var agreements = db.Agreements.AsNoTracking().Where(a => a.Kind == AgreementKind.MunicipalCooperationAgreement
            && a.Level == AgreementLevel.Overarching && a.Status != AgreementStatus.Replaced);
        if (user.IsMaintainer())
        {
            return agreements;
        }

        var own = CommitteeAccess.HelsefellesskapAgreementIds(db, user);
        return agreements.Where(a => own.Contains(a.Id));
    }

    /// <summary>A new faglig samarbeidsutvalg is appointed by and reports to the SSU of its helsefellesskap (004 § 5.4), unless the form says otherwise.</summary>
    private static async Task<CommitteeDetails> WithDefaultsAsync(AppDbContext db, Guid? id, CommitteeDetails details, CancellationToken ct)
    {
        if (id is not null || details.Kind != CommitteeKind.ProfessionalCommittee
            || details.AppointedByCommitteeId is not null || details.ReportsToCommitteeId is not null)
        {
            return details;
        }

        var ssu = await SsuOfAsync(db, details.OverarchingAgreementId, ct);
        return ssu is null ? details : details with { AppointedByCommitteeId = ssu, ReportsToCommitteeId = ssu };
    }

    internal static Task<Guid?> SsuOfAsync(AppDbContext db, Guid agreementId, CancellationToken ct) =>
        db.Committees.Where(c => c.OverarchingAgreementId == agreementId && c.Kind == CommitteeKind.StrategicCommittee && c.WoundUpOn == null)
            .OrderBy(c => c.CreatedAt).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);

    private static async Task<List<FieldError>> CheckReferencesAsync(AppDbContext db, ClaimsPrincipal user, Guid? id, CommitteeDetails details,
        List<Guid> areaIds, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (!await OverarchingFor(db, user).AnyAsync(a => a.Id == details.OverarchingAgreementId, ct))
        {
            errors.Add(new FieldError(nameof(CommitteeForm.OverarchingAgreementId), "Velg en overordnet samarbeidsavtale fra listen."));
        }

        var self = id ?? Guid.Empty;
        var name = details.Name.Trim().ToLower(Norwegian.Culture);
        if (await db.Committees.AnyAsync(c => c.OverarchingAgreementId == details.OverarchingAgreementId && c.Id != self && c.Name.ToLower() == name, ct))
        {
            errors.Add(new FieldError(nameof(CommitteeForm.Name), DuplicateName));
        }

        foreach (var (field, linked) in new[]
                 {
                     (nameof(CommitteeForm.AppointedByCommitteeId), details.AppointedByCommitteeId),
                     (nameof(CommitteeForm.ReportsToCommitteeId), details.ReportsToCommitteeId),
                 })
        {
            if (linked is { } linkedId && linkedId != self
                && !await db.Committees.AnyAsync(c => c.Id == linkedId && c.OverarchingAgreementId == details.OverarchingAgreementId, ct))
            {
                errors.Add(new FieldError(field, "Velg et utvalg i det samme helsefellesskapet."));
            }
        }

        if (areaIds.Count > 0 && await db.Parties.CountAsync(p => areaIds.Contains(p.Id) && p.Kind == PartyKind.Municipality, ct) != areaIds.Count)
        {
            errors.Add(new FieldError(nameof(CommitteeForm.AreaMunicipalities), "Bare kommuner kan være med i et områdeutvalgs område."));
        }

        return errors;
    }

    // The area lives in its own table: the change is audited on the body in the same transaction.
    private async Task SetAreaAsync(AppDbContext db, ClaimsPrincipal user, Committee committee, List<Guid> wanted, CancellationToken ct)
    {
        var before = committee.AreaMunicipalities.Select(m => m.MunicipalityId).ToHashSet();
        committee.SetAreaMunicipalities(wanted);
        if (before.SetEquals(wanted))
        {
            return;
        }

        var ids = before.Union(wanted).ToList();
        var names = await db.Parties.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        db.AuditEntries.Add(new AuditEntry(nameof(Committee), committee.Id.ToString(), AuditActions.Changed, user.UserId(), user.DisplayName(),
            clock.GetUtcNow(), [new("AreaMunicipalities", Names(before, names), Names(wanted, names))]));
    }

    internal static string? Names(IEnumerable<Guid> ids, IReadOnlyDictionary<Guid, string> names) =>
        ids.Select(i => names.GetValueOrDefault(i, i.ToString())).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } list ? string.Join(", ", list) : null;

    private static async Task<CommitteeForm?> LoadFormAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var committee = await db.Committees.AsNoTracking().Include(c => c.AreaMunicipalities).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (committee is null)
        {
            return null;
        }

        var version = await CommitteeWrites.VersionAsync(db, id, ct) ?? 0;
        var areaIds = committee.AreaMunicipalities.Select(m => m.MunicipalityId).ToList();
        var area = await db.Parties.AsNoTracking().Where(p => areaIds.Contains(p.Id)).OrderBy(p => p.Name)
            .Select(p => new PartyOption(p.Id, p.Name)).ToListAsync(ct);
        return CommitteeForm.From(committee, version, area);
    }
}
