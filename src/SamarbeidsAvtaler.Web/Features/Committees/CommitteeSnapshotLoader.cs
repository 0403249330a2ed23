using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Infrastructure.Data;

namespace SamarbeidsAvtaler.Web.Features.Committees;

/// <summary>
/// Reads what the rules of R15–R20 need about bodies (<see cref="CommitteeSnapshot"/>): members with their
/// person's organisation, seat quotas, leadership per year with the sides of its holders, and the dates of
/// HELD meetings. One loader for every caller (save-time refusals, the compliance panel, the meetings), so
/// they all judge the same facts. The caller has checked access; this reads whatever it is asked for.
/// </summary>
public static class CommitteeSnapshotLoader
{
    /// <summary>One body's snapshot, or null when it does not exist.</summary>
    public static async Task<CommitteeSnapshot?> LoadAsync(AppDbContext db, Guid committeeId, CancellationToken cancellationToken = default) =>
        (await LoadManyAsync(db, [committeeId], cancellationToken)).GetValueOrDefault(committeeId);

    /// <summary>The snapshots of several bodies in five queries, whatever their number (the overview of all bodies).</summary>
    public static async Task<IReadOnlyDictionary<Guid, CommitteeSnapshot>> LoadManyAsync(AppDbContext db, IReadOnlyCollection<Guid> committeeIds,
        CancellationToken cancellationToken = default)
    {
        if (committeeIds.Count == 0)
        {
            return new Dictionary<Guid, CommitteeSnapshot>();
        }

        var ids = committeeIds.Distinct().ToList();
        var committees = await db.Committees.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.Kind, c.RequiresPersonalDeputies, c.TermYears })
            .ToListAsync(cancellationToken);

        var members = await (from m in db.CommitteeMembers.AsNoTracking()
                             join p in db.Persons.AsNoTracking() on m.PersonId equals p.Id
                             where ids.Contains(m.CommitteeId)
                             orderby p.Name, m.TermFrom
                             select new
                             {
                                 m.CommitteeId,
                                 Snapshot = new MemberSnapshot(m.Id, m.PersonId, p.Name, p.OrganisationPartyId, m.Side, m.Role, m.Representation,
                                     m.DeputyForMemberId, m.TermFrom, m.TermTo),
                             })
            .ToListAsync(cancellationToken);

        var quotas = await db.Set<CommitteeSeatQuota>().AsNoTracking()
            .Where(q => ids.Contains(q.CommitteeId))
            .OrderBy(q => q.Side).ThenBy(q => q.Label)
            .ToListAsync(cancellationToken);

        var leadership = await (from l in db.Set<CommitteeLeadership>().AsNoTracking()
                                where ids.Contains(l.CommitteeId)
                                join chair in db.CommitteeMembers on l.ChairMemberId equals chair.Id into chairs
                                from chair in chairs.DefaultIfEmpty()
                                join deputy in db.CommitteeMembers on l.DeputyChairMemberId equals deputy.Id into deputies
                                from deputy in deputies.DefaultIfEmpty()
                                orderby l.Year
                                select new
                                {
                                    l.CommitteeId,
                                    l.Year,
                                    ChairSide = chair == null ? (CommitteeSide?)null : chair.Side,
                                    DeputySide = deputy == null ? (CommitteeSide?)null : deputy.Side,
                                    l.HostSide,
                                })
            .ToListAsync(cancellationToken);

        var held = await db.Meetings.AsNoTracking()
            .Where(m => ids.Contains(m.CommitteeId) && m.Status == MeetingStatus.Held)
            .OrderBy(m => m.Date)
            .Select(m => new { m.CommitteeId, m.Date })
            .ToListAsync(cancellationToken);

        return committees.ToDictionary(c => c.Id, c => new CommitteeSnapshot(
            c.Id,
            c.Name,
            c.Kind,
            c.RequiresPersonalDeputies,
            c.TermYears,
            [.. members.Where(m => m.CommitteeId == c.Id).Select(m => m.Snapshot)],
            [.. quotas.Where(q => q.CommitteeId == c.Id).Select(q => q.ToSnapshot())],
            [.. leadership.Where(l => l.CommitteeId == c.Id).Select(l => new LeadershipYear(l.Year, l.ChairSide, l.DeputySide, l.HostSide))],
            [.. held.Where(m => m.CommitteeId == c.Id).Select(m => m.Date)]));
    }
}
