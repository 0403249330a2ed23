using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Account;

namespace SamarbeidsAvtaler.Web.Features.Committees;

/// <summary>A member save's result: the membership's id and the body's row version now (on a conflict: the versions now stored).</summary>
public sealed record MemberSaved(Guid Id, uint CommitteeVersion, uint? MemberVersion = null);

/// <summary>
/// Memberships: add, edit, end a term, remove. Every change claims the body's row version first, so two changes at
/// once are checked one after the other against the counts (R19, R20), and a change started from an old page is a
/// conflict. The rules run on the body's snapshot read after the claim.
/// </summary>
public sealed class MemberService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock) : IMemberService
{
    private const string GoneMessage = "Medlemskapet finnes ikke lenger. Last siden på nytt.";

    /// <summary>The form of a membership in a body the user keeps, or null.</summary>
    public async Task<MemberForm?> GetFormAsync(ClaimsPrincipal user, Guid committeeId, Guid memberId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await CommitteeWrites.CheckMaintainAsync(db, user, committeeId, ct) is not null)
        {
            return null;
        }

        return await LoadFormAsync(db, committeeId, memberId, ct);
    }

    /// <summary>Adds (<paramref name="memberId"/> null) or changes a membership; the rules' refusals come back beside their fields.</summary>
    public async Task<CommandResult<MemberSaved>> SaveAsync(ClaimsPrincipal user, Guid committeeId, Guid? memberId, MemberForm form,
        CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(user, ct);
        if (await CommitteeWrites.CheckMaintainAsync(db, user, committeeId, ct) is { } denied)
        {
            return Fail(denied);
        }

        var (details, errors) = form.ToDetails();
        if (details is null || errors.Count > 0)
        {
            return Fail(CommandResult.Invalid(errors));
        }

        Guid id;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await CommitteeWrites.ClaimAsync(db, committeeId, form.CommitteeVersion, ct))
            {
                return await ConflictAsync(committeeId, memberId, ct);
            }

            CommitteeMember? member = null;
            if (memberId is { } existing)
            {
                member = await db.CommitteeMembers.FirstOrDefaultAsync(m => m.Id == existing && m.CommitteeId == committeeId, ct);
                if (member is null)
                {
                    return Fail(CommandResult.Refused(GoneMessage));
                }

                db.Entry(member).Property<uint>("Version").OriginalValue = form.Version ?? 0;
            }

            var person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == details.PersonId, ct);
            if (person is null)
            {
                return Fail(CommandResult.Invalid(nameof(MemberForm.Person), "Velg en person fra listen, eller registrer en ny person."));
            }

            var snapshot = (await CommitteeSnapshotLoader.LoadAsync(db, committeeId, ct))!;
            // A new membership's id is not known yet; any id no member has keeps it out of none of the counts.
            var candidate = new MemberSnapshot(memberId ?? Guid.NewGuid(), person.Id, person.Name, person.OrganisationPartyId, details.Side, details.Role,
                details.Representation, details.DeputyForMemberId, details.TermFrom!.Value, details.TermTo!.Value);
            var refusals = new List<FieldError>();
            if (details.Role == MemberRole.Deputy
                && snapshot.Members.FirstOrDefault(m => m.Id == details.DeputyForMemberId) is var principal
                && (principal is null || principal.Id == candidate.Id || !principal.Role.IsVoting()))
            {
                refusals.Add(new FieldError(nameof(MemberForm.DeputyForMemberId),
                    "En vararepresentant må være personlig vara for et stemmeberettiget medlem av det samme utvalget."));
            }

            refusals.AddRange(CommitteeRules.ValidateMember(snapshot, candidate, person.GpEmployment).Select(MemberForm.ForForm)
                .Where(e => e.Field != nameof(MemberForm.DeputyForMemberId) || refusals.All(r => r.Field != e.Field)));
            if (member is not null)
            {
                refusals.AddRange(await HeldPostsAsync(db, snapshot, candidate, ct));
            }

            if (refusals.Count > 0)
            {
                return Fail(CommandResult.Invalid([.. refusals.DistinctBy(e => (e.Field, e.Message))]));
            }

            if (member is null)
            {
                member = CommitteeMember.Create(committeeId, details, clock.GetUtcNow());
                db.CommitteeMembers.Add(member);
            }
            else
            {
                member.Update(details);
            }

            id = member.Id;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DomainValidationException e)
        {
            return Fail(CommandResult.Invalid([.. e.Errors.Select(MemberForm.ForForm)]));
        }
        catch (Exception e) when (CommitteeWrites.IsConflict(e))
        {
            return await ConflictAsync(committeeId, memberId, ct);
        }

        db.ChangeTracker.Clear();
        var version = await CommitteeWrites.VersionAsync(db, committeeId, ct) ?? 0;
        return CommandResult<MemberSaved>.Ok(new MemberSaved(id, version), memberId is null ? "Medlemmet er lagt til." : "Endringene er lagret.");
    }

    /// <summary>Ends a term on a date (the member stays among past members); a personal deputy's term running past it ends with it.</summary>
    public async Task<CommandResult> EndTermAsync(ClaimsPrincipal user, Guid committeeId, Guid memberId, DateOnly? on, uint committeeVersion,
        CancellationToken ct = default)
    {
        if (on is not { } end)
        {
            return CommandResult.Invalid(nameof(MemberForm.TermTo), "Sluttdato må fylles ut.");
        }

        if (!DateRules.InRange(end))
        {
            return CommandResult.Invalid(nameof(MemberForm.TermTo), DateRules.OutOfRangeMessage("Sluttdato"));
        }

        return await ChangeAsync(user, committeeId, committeeVersion, async (db, snapshot) =>
        {
            var member = await db.CommitteeMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.CommitteeId == committeeId, ct);
            if (member is null)
            {
                return CommandResult.Refused(GoneMessage);
            }

            if (end < member.TermFrom)
            {
                return CommandResult.Invalid(nameof(MemberForm.TermTo), $"Sluttdatoen kan ikke være før perioden begynte ({Norwegian.Date(member.TermFrom)}).");
            }

            if (end >= member.TermTo)
            {
                return CommandResult.Invalid(nameof(MemberForm.TermTo),
                    $"Perioden slutter allerede {Norwegian.Date(member.TermTo)}. Velg en tidligere dato, eller bruk «Rediger» for å endre perioden.");
            }

            var ended = snapshot.Members.Single(m => m.Id == memberId) with { TermTo = end };
            if ((await HeldPostsAsync(db, snapshot, ended, ct)).FirstOrDefault() is { } post)
            {
                return CommandResult.Invalid(nameof(MemberForm.TermTo), post.Message);
            }

            member.Update(DetailsOf(member) with { TermTo = end });
            var deputies = await db.CommitteeMembers
                .Where(m => m.CommitteeId == committeeId && m.DeputyForMemberId == memberId && m.TermFrom <= end && m.TermTo > end).ToListAsync(ct);
            foreach (var deputy in deputies)
            {
                deputy.Update(DetailsOf(deputy) with { TermTo = end });
            }

            return null;
        }, $"Perioden er avsluttet {Norwegian.Date(end)}.", ct);
    }

    /// <summary>
    /// Removes a membership registered by mistake. One that has held a leadership post, has attendance or a personal
    /// deputy is history: it is refused, and the user is told to end the term instead.
    /// </summary>
    public Task<CommandResult> RemoveAsync(ClaimsPrincipal user, Guid committeeId, Guid memberId, uint committeeVersion, CancellationToken ct = default) =>
        ChangeAsync(user, committeeId, committeeVersion, async (db, snapshot) =>
        {
            var member = await db.CommitteeMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.CommitteeId == committeeId, ct);
            if (member is null)
            {
                return CommandResult.Refused(GoneMessage);
            }

            var name = snapshot.Members.Single(m => m.Id == memberId).PersonName;
            var reasons = new List<string>();
            var years = await db.Set<CommitteeLeadership>()
                .Where(l => l.CommitteeId == committeeId && (l.ChairMemberId == memberId || l.DeputyChairMemberId == memberId))
                .OrderBy(l => l.Year).Select(l => l.Year).ToListAsync(ct);
            if (years.Count > 0)
            {
                reasons.Add($"er registrert som leder eller nestleder i {string.Join(", ", years)}");
            }

            if (await db.Set<MeetingAttendance>().AnyAsync(a => a.MemberId == memberId, ct))
            {
                reasons.Add("har registrert oppmøte på møter");
            }

            if (snapshot.Members.Where(m => m.DeputyForMemberId == memberId).Select(m => m.PersonName).ToList() is { Count: > 0 } deputies)
            {
                reasons.Add($"har personlig vararepresentant ({string.Join(", ", deputies)})");
            }

            if (reasons.Count > 0)
            {
                return CommandResult.Refused($"{name} kan ikke fjernes fordi medlemmet {string.Join(" og ", reasons)}. "
                    + "Avslutt perioden i stedet, så står medlemmet blant tidligere medlemmer.");
            }

            db.AuditEntries.Add(new AuditEntry(nameof(CommitteeMember), member.Id.ToString(), AuditActions.Deleted, user.UserId(), user.DisplayName(),
                clock.GetUtcNow(), [new("PersonName", name, null), new(nameof(CommitteeMember.CommitteeId), committeeId.ToString(), null)]));
            db.CommitteeMembers.Remove(member);
            return null;
        }, "Medlemmet er fjernet.", ct);

    /// <summary>A leader or deputy leader must stay a voting member in their year; a member with a personal deputy must stay voting.</summary>
    private static async Task<List<FieldError>> HeldPostsAsync(AppDbContext db, CommitteeSnapshot snapshot, MemberSnapshot changed, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var posts = await db.Set<CommitteeLeadership>()
            .Where(l => l.CommitteeId == snapshot.Id && (l.ChairMemberId == changed.Id || l.DeputyChairMemberId == changed.Id))
            .OrderBy(l => l.Year).ToListAsync(ct);
        foreach (var post in posts)
        {
            var title = post.ChairMemberId == changed.Id ? "leder" : "nestleder";
            if (!changed.Role.IsVoting())
            {
                errors.Add(new FieldError(nameof(MemberForm.Role), $"{changed.PersonName} er {title} i {post.Year} og må være stemmeberettiget medlem. Endre ledelsen for {post.Year} først."));
            }
            else if (changed.TermFrom > new DateOnly(post.Year, 12, 31) || changed.TermTo < new DateOnly(post.Year, 1, 1))
            {
                errors.Add(new FieldError(nameof(MemberForm.TermTo), $"{changed.PersonName} er {title} i {post.Year}, og perioden må omfatte det året. Endre ledelsen for {post.Year} først."));
            }
        }

        if (!changed.Role.IsVoting() && snapshot.Members.Where(m => m.DeputyForMemberId == changed.Id).Select(m => m.PersonName).ToList() is { Count: > 0 } deputies)
        {
            errors.Add(new FieldError(nameof(MemberForm.Role),
                $"{changed.PersonName} har personlig vararepresentant ({string.Join(", ", deputies)}) og må være stemmeberettiget medlem. Avslutt vararepresentantens periode først."));
        }

        return errors;
    }

    private static MemberDetails DetailsOf(CommitteeMember m) =>
        new(m.PersonId, m.Side, m.Role, m.TermFrom, m.TermTo, m.Representation, m.DeputyForMemberId, m.AppointedBy);

    private async Task<CommandResult> ChangeAsync(ClaimsPrincipal user, Guid committeeId, uint committeeVersion,
        Func<AppDbContext, CommitteeSnapshot, Task<CommandResult?>> change, string done, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(user, ct);
        if (await CommitteeWrites.CheckMaintainAsync(db, user, committeeId, ct) is { } denied)
        {
            return denied;
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await CommitteeWrites.ClaimAsync(db, committeeId, committeeVersion, ct))
            {
                return CommandResult.Conflict(CommitteeWrites.ConflictMessage);
            }

            var snapshot = (await CommitteeSnapshotLoader.LoadAsync(db, committeeId, ct))!;
            if (await change(db, snapshot) is { } stop)
            {
                return stop;
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DomainValidationException e)
        {
            return CommandResult.Invalid([.. e.Errors.Select(MemberForm.ForForm)]);
        }
        catch (Exception e) when (CommitteeWrites.IsConflict(e))
        {
            return CommandResult.Conflict(CommitteeWrites.ConflictMessage);
        }
        catch (DbUpdateException)
        {
            // Something came to refer to the membership (an attendance, a deputy) between the check and the delete.
            return CommandResult.Refused("Medlemskapet ble tatt i bruk samtidig og kunne ikke endres. Last siden på nytt.");
        }

        return CommandResult.Ok(done);
    }

    private async Task<CommandResult<MemberSaved>> ConflictAsync(Guid committeeId, Guid? memberId, CancellationToken ct)
    {
        await using var fresh = await contexts.CreateDbContextAsync(ct);
        var committeeVersion = await CommitteeWrites.VersionAsync(fresh, committeeId, ct);
        uint? memberVersion = memberId is { } id
            ? await fresh.CommitteeMembers.Where(m => m.Id == id).Select(m => (uint?)EF.Property<uint>(m, "Version")).FirstOrDefaultAsync(ct)
            : null;
        if (committeeVersion is null || (memberId is not null && memberVersion is null))
        {
            return Fail(CommandResult.Refused(GoneMessage));
        }

        return new CommandResult<MemberSaved>(CommandStatus.Conflict, [], CommitteeWrites.ConflictMessage,
            new MemberSaved(memberId ?? Guid.Empty, committeeVersion.Value, memberVersion));
    }

    private static async Task<MemberForm?> LoadFormAsync(AppDbContext db, Guid committeeId, Guid memberId, CancellationToken ct)
    {
        var row = await db.CommitteeMembers.AsNoTracking().Where(m => m.Id == memberId && m.CommitteeId == committeeId)
            .Select(m => new { Member = m, Version = EF.Property<uint>(m, "Version") }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var person = await (from p in db.Persons.AsNoTracking()
                            where p.Id == row.Member.PersonId
                            join o in db.Parties on p.OrganisationPartyId equals o.Id into organisations
                            from o in organisations.DefaultIfEmpty()
                            select new PersonOption(p.Id, p.Name, p.Title, p.OrganisationPartyId, o == null ? null : o.Name)).FirstAsync(ct);
        var committeeVersion = await CommitteeWrites.VersionAsync(db, committeeId, ct) ?? 0;
        return MemberForm.From(row.Member, row.Version, committeeVersion, person);
    }

    private static CommandResult<MemberSaved> Fail(CommandResult failure) => CommandResult<MemberSaved>.From(failure);
}
