using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Account;
using SamarbeidsAvtaler.Web.Features.Parties;

namespace SamarbeidsAvtaler.Web.Features.Committees;

// The parts of a body: the list's rows, members, seat quotas and leadership per year.
public sealed partial class CommitteeService
{
    /// <summary>Adds a counted group of seats ("Helse Bergen HF", spesialisthelsetjenesten, 3–3).</summary>
    public async Task<CommandResult> AddQuotaAsync(ClaimsPrincipal user, Guid id, QuotaForm form, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        if (form.Side is null)
        {
            errors.Add(new FieldError(nameof(QuotaForm.Side), "Velg side."));
        }

        if (form.MinSeats is null)
        {
            errors.Add(new FieldError(nameof(QuotaForm.MinSeats), "Minst antall seter må fylles ut."));
        }

        if (form.MaxSeats is null)
        {
            errors.Add(new FieldError(nameof(QuotaForm.MaxSeats), "Høyst antall seter må fylles ut."));
        }

        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var partyIds = form.Organisations.Select(o => o.Id).Distinct().ToList();
        return await ChangeAsync(user, id, form.Version, q => q.Include(c => c.Quotas), async (db, committee) =>
        {
            var names = await db.Parties.AsNoTracking().Where(p => partyIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
            if (names.Count != partyIds.Count)
            {
                return CommandResult.Invalid(nameof(QuotaForm.Organisations), "Velg organisasjonene fra listen.");
            }

            CommitteeSeatQuota quota;
            try
            {
                quota = committee.AddQuota(form.Label ?? string.Empty, form.Side!.Value, form.MinSeats!.Value, form.MaxSeats!.Value, partyIds);
            }
            catch (DomainValidationException e)
            {
                return CommandResult.Invalid([.. e.Errors.Select(QuotaField)]);
            }

            Audit(db, user, committee.Id, "Quotas", null, Describe(quota, names));
            return null;
        }, "Setegruppen er lagt til.", ct);
    }

    public Task<CommandResult> RemoveQuotaAsync(ClaimsPrincipal user, Guid id, Guid quotaId, uint version, CancellationToken ct = default) =>
        ChangeAsync(user, id, version, q => q.Include(c => c.Quotas), async (db, committee) =>
        {
            if (committee.Quotas.FirstOrDefault(q => q.Id == quotaId) is not { } quota)
            {
                return CommandResult.Refused("Setegruppen finnes ikke lenger. Last siden på nytt.");
            }

            var names = await db.Parties.AsNoTracking().Where(p => quota.PartyIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
            committee.RemoveQuota(quotaId);
            Audit(db, user, committee.Id, "Quotas", Describe(quota, names), null);
            return null;
        }, "Setegruppen er fjernet.", ct);

    /// <summary>Sets a year's leader and deputy leader (and the host side of the partnerskapsmøte), checked by the leadership rules.</summary>
    public async Task<CommandResult> SaveLeadershipAsync(ClaimsPrincipal user, Guid id, LeadershipForm form, CancellationToken ct = default)
    {
        if (form.Year is not { } year || year < DateRules.Earliest.Year || year > DateRules.Latest.Year)
        {
            return CommandResult.Invalid(nameof(LeadershipForm.Year),
                form.Year is null ? "Velg år." : $"Året må være mellom {DateRules.Earliest.Year} og {DateRules.Latest.Year}.");
        }

        if (form.ChairMemberId is { } same && same == form.DeputyChairMemberId)
        {
            return CommandResult.Invalid(nameof(LeadershipForm.DeputyChairMemberId), "Leder og nestleder må være to forskjellige personer.");
        }

        if (form.HostSide is { } side && !Enum.IsDefined(side))
        {
            return CommandResult.Invalid(nameof(LeadershipForm.HostSide), "Velg vertskap.");
        }

        return await ChangeAsync(user, id, form.Version, q => q.Include(c => c.Leadership), async (db, committee) =>
        {
            var snapshot = (await CommitteeSnapshotLoader.LoadAsync(db, id, ct))!;
            var chair = snapshot.Members.FirstOrDefault(m => m.Id == form.ChairMemberId);
            var deputy = snapshot.Members.FirstOrDefault(m => m.Id == form.DeputyChairMemberId);
            var errors = new List<FieldError>();
            if (form.ChairMemberId is not null && chair is null)
            {
                errors.Add(new FieldError(nameof(LeadershipForm.ChairMemberId), "Velg leder blant utvalgets medlemmer."));
            }

            if (form.DeputyChairMemberId is not null && deputy is null)
            {
                errors.Add(new FieldError(nameof(LeadershipForm.DeputyChairMemberId), "Velg nestleder blant utvalgets medlemmer."));
            }

            errors.AddRange(CommitteeRules.ValidateLeadership(snapshot, year, chair, deputy));
            if (errors.Count > 0)
            {
                return CommandResult.Invalid(errors);
            }

            var host = committee.Kind == CommitteeKind.PartnershipMeeting ? form.HostSide : null;
            var before = committee.Leadership.FirstOrDefault(l => l.Year == year) is { } old
                ? DescribeLeadership(snapshot, old.ChairMemberId, old.DeputyChairMemberId, old.HostSide)
                : null;
            committee.SetLeadership(year, chair?.Id, deputy?.Id, host);
            Audit(db, user, committee.Id, $"Leadership {year}", before, DescribeLeadership(snapshot, chair?.Id, deputy?.Id, host));
            return null;
        }, $"Ledelsen for {year} er lagret.", ct);
    }

    private async Task<List<CommitteeStanding>> StandingsAsync(AppDbContext db, ClaimsPrincipal user, CommitteeFilter filter, CancellationToken ct)
    {
        var today = clock.Today();
        var query = db.Committees.AsNoTracking().VisibleTo(db, user);
        if (filter.Kind is { } kind)
        {
            query = query.Where(c => c.Kind == kind);
        }

        query = filter.Active switch
        {
            true => query.Where(c => c.WoundUpOn == null),
            false => query.Where(c => c.WoundUpOn != null),
            null => query,
        };

        var rows = await (from c in query
                          join a in db.Agreements on c.OverarchingAgreementId equals a.Id
                          select new CommitteeRow(c.Id, c.Name, c.ShortName, c.Kind, a.Id, a.Title, c.WoundUpOn,
                              db.CommitteeMembers.Count(m => m.CommitteeId == c.Id && m.Role == MemberRole.Member && m.TermFrom <= today && m.TermTo >= today),
                              0, 0))
            .ToListAsync(ct);
        var snapshots = await CommitteeSnapshotLoader.LoadManyAsync(db, [.. rows.Select(r => r.Id)], ct);
        return
        [
            .. rows.Select(r => Standing(r, CommitteeRules.Check(snapshots[r.Id], today.Year, today)))
                .OrderBy(s => s.Committee.Kind).ThenBy(s => s.Committee.Name, StringComparer.Create(Norwegian.Culture, ignoreCase: true)),
        ];
    }

    private static CommitteeStanding Standing(CommitteeRow row, IReadOnlyList<ComplianceFinding> findings) =>
        new(row with
        {
            Breaches = findings.Count(f => f.Level == ComplianceLevel.Breach),
            Warnings = findings.Count(f => f.Level == ComplianceLevel.Warning),
        }, findings);

    /// <summary>The compliance panel of a body for a calendar year (composition and terms as of today), or null when the user may not see it.</summary>
    public async Task<IReadOnlyList<ComplianceFinding>?> ComplianceAsync(ClaimsPrincipal user, Guid id, int year, CancellationToken ct = default)
    {
        if (!user.MayReadCommittees() || year < DateRules.Earliest.Year || year > DateRules.Latest.Year)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await db.Committees.VisibleTo(db, user).AnyAsync(c => c.Id == id, ct))
        {
            return null;
        }

        var snapshot = await CommitteeSnapshotLoader.LoadAsync(db, id, ct);
        return snapshot is null ? null : CommitteeRules.Check(snapshot, year, clock.Today());
    }

    /// <summary>Every active body the user can see with this year's findings (issue 9 § 4, "one overview of all bodies").</summary>
    public async Task<IReadOnlyList<CommitteeStanding>> OverviewAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.MayReadCommittees())
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        return await StandingsAsync(db, user, new CommitteeFilter(Active: true), ct);
    }

    private static async Task<List<MemberView>> MembersAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var rows = await (from m in db.CommitteeMembers.AsNoTracking()
                          where m.CommitteeId == id
                          join p in db.Persons.AsNoTracking() on m.PersonId equals p.Id
                          join o in db.Parties.AsNoTracking() on p.OrganisationPartyId equals o.Id into organisations
                          from o in organisations.DefaultIfEmpty()
                          select new MemberView(m.Id, m.PersonId, p.Name, p.Title, o == null ? null : o.Name, m.Side, m.Role, m.Representation,
                              m.DeputyForMemberId, null, m.TermFrom, m.TermTo, m.AppointedBy, p.Email, p.Phone, EF.Property<uint>(m, "Version")))
            .ToListAsync(ct);
        var names = rows.ToDictionary(r => r.Id, r => r.PersonName);
        return
        [
            .. rows.Select(r => r.DeputyForMemberId is { } principal ? r with { DeputyForName = names.GetValueOrDefault(principal) } : r)
                .OrderBy(r => r.Side).ThenBy(r => RoleOrder(r.Role)).ThenBy(r => r.PersonName, StringComparer.Create(Norwegian.Culture, ignoreCase: true))
                .ThenByDescending(r => r.TermFrom),
        ];
    }

    /// <summary>Voting members first, then observers, then deputies (who are shown beside their member).</summary>
    public static int RoleOrder(MemberRole role) => role switch
    {
        MemberRole.Chair => 0,
        MemberRole.DeputyChair => 1,
        MemberRole.Member => 2,
        MemberRole.Observer => 3,
        MemberRole.ObserverOnItem => 4,
        _ => 5,
    };

    private static async Task<List<QuotaView>> QuotasAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var quotas = await db.Set<CommitteeSeatQuota>().AsNoTracking().Where(q => q.CommitteeId == id).ToListAsync(ct);
        var ids = quotas.SelectMany(q => q.PartyIds).Distinct().ToList();
        var names = await db.Parties.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return
        [
            .. quotas.OrderBy(q => q.Side).ThenBy(q => q.Label, StringComparer.Create(Norwegian.Culture, ignoreCase: true))
                .Select(q => new QuotaView(q.Id, q.Label, q.Side, q.MinSeats, q.MaxSeats,
                    [.. q.PartyIds.Select(p => new PartyOption(p, names.GetValueOrDefault(p, "(ukjent)"))).OrderBy(p => p.Name, StringComparer.Create(Norwegian.Culture, ignoreCase: true))])),
        ];
    }

    private static async Task<List<LeadershipView>> LeadershipAsync(AppDbContext db, Guid id, List<MemberView> members, CancellationToken ct)
    {
        var years = await db.Set<CommitteeLeadership>().AsNoTracking().Where(l => l.CommitteeId == id).OrderByDescending(l => l.Year).ToListAsync(ct);
        MemberRef? Ref(Guid? memberId) => members.FirstOrDefault(m => m.Id == memberId) is { } m ? new MemberRef(m.Id, m.PersonName, m.Side) : null;
        return [.. years.Select(l => new LeadershipView(l.Year, Ref(l.ChairMemberId), Ref(l.DeputyChairMemberId), l.HostSide))];
    }

    private static FieldError QuotaField(FieldError error) => error.Field switch
    {
        nameof(CommitteeSeatQuota.PartyIds) => error with { Field = nameof(QuotaForm.Organisations) },
        _ => error,
    };

    private static string Describe(CommitteeSeatQuota quota, IReadOnlyDictionary<Guid, string> names) =>
        $"{quota.Label} ({quota.Side.DisplayName()}, {quota.MinSeats}–{quota.MaxSeats}: {Names(quota.PartyIds, names)})";

    private static string? DescribeLeadership(CommitteeSnapshot snapshot, Guid? chair, Guid? deputy, CommitteeSide? host)
    {
        string? Name(Guid? memberId) => snapshot.Members.FirstOrDefault(m => m.Id == memberId)?.PersonName;
        var parts = new List<string>();
        if (Name(chair) is { } c)
        {
            parts.Add($"leder {c}");
        }

        if (Name(deputy) is { } d)
        {
            parts.Add($"nestleder {d}");
        }

        if (host is { } h)
        {
            parts.Add($"vertskap {Norwegian.InSentence(h.DisplayName())}");
        }

        return parts.Count > 0 ? string.Join(", ", parts) : null;
    }

    private void Audit(AppDbContext db, ClaimsPrincipal user, Guid committeeId, string field, string? before, string? after) =>
        db.AuditEntries.Add(new AuditEntry(nameof(Committee), committeeId.ToString(), AuditActions.Changed, user.UserId(), user.DisplayName(),
            clock.GetUtcNow(), [new(field, before, after)]));
}
