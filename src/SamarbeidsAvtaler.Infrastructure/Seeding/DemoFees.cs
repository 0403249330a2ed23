using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Domain.Committees.Fees;
using SamarbeidsAvtaler.Infrastructure.Data;

namespace SamarbeidsAvtaler.Infrastructure.Seeding;

/// <summary>
/// The fastlege fee of R21 in the demo: the self-employed fastlege of Områdeutval Voss lokalsjukehusområde
/// with two claims to Voss herad, one finalised for last month and one draft for this month with a meeting
/// outside office hours whose multiplier is not chosen yet (so the claim page asks).
/// </summary>
public sealed class DemoFees(AppDbContext db, TimeProvider clock)
{
    public const string CommitteeName = "Områdeutval Voss lokalsjukehusområde";
    public const string PayingMunicipality = "Voss herad";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.FeeClaims.AnyAsync(cancellationToken))
        {
            return;
        }

        var fastlege = await (from c in db.Committees
                              join m in db.CommitteeMembers on c.Id equals m.CommitteeId
                              join p in db.Persons on m.PersonId equals p.Id
                              where c.Name == CommitteeName && m.Representation == Representation.GeneralPractitioner
                                    && p.GpEmployment == GpEmployment.SelfEmployed
                              orderby m.CreatedAt
                              select p).FirstOrDefaultAsync(cancellationToken);
        var voss = await db.Parties.Where(p => p.Name == PayingMunicipality).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (fastlege is null || voss is null)
        {
            return;
        }

        var rates = (await db.FeeRates.AsNoTracking().ToListAsync(cancellationToken)).Select(r => r.ToRate()).ToList();
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var lastMonth = thisMonth.AddMonths(-1);

        // Last month: the områdeutval's meeting on a Tuesday, travel there and back, and the evening's case preparation.
        var finalised = FeeClaim.Create(fastlege.Id, voss.Value, lastMonth, thisMonth.AddDays(-1), now);
        var meetingDay = Weekday(lastMonth, DayOfWeek.Tuesday).AddDays(7);
        finalised.AddActivity(Activity(FeeActivityKind.CasePreparation, meetingDay.AddDays(-1), 20, 0, 21, 10, inside: false,
            "Lest sakspapira til møtet i områdeutvalet."), now);
        finalised.AddActivity(Activity(FeeActivityKind.Travel, meetingDay, 12, 15, 13, 0, inside: true, "Reise til Voss sjukehus."), now);
        finalised.AddActivity(Activity(FeeActivityKind.Meeting, meetingDay, 13, 0, 16, 0, inside: true, "Møte i områdeutvalet."), now);
        finalised.AddActivity(Activity(FeeActivityKind.Travel, meetingDay, 16, 0, 16, 45, inside: false, "Reise heim etter møtet."), now);
        if (rates.Count > 0)
        {
            finalised.Finalise(GpEmployment.SelfEmployed, rates, thisMonth);
        }

        // This month: a formøte inside office hours, and an evening meeting the seed gives no rate for.
        var draft = FeeClaim.Create(fastlege.Id, voss.Value, thisMonth, thisMonth.AddMonths(1).AddDays(-1), now);
        var eveningDay = Weekday(thisMonth, DayOfWeek.Wednesday);
        draft.AddActivity(Activity(FeeActivityKind.PreparatoryMeeting, eveningDay, 14, 0, 15, 0, inside: true,
            "Formøte med kommuneoverlegen."), now);
        draft.AddActivity(Activity(FeeActivityKind.Meeting, eveningDay, 18, 0, 20, 0, inside: false,
            "Kveldsmøte i områdeutvalet om legevakt."), now);

        db.FeeClaims.AddRange(finalised, draft);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static DateOnly Weekday(DateOnly from, DayOfWeek day) => from.AddDays(((int)day - (int)from.DayOfWeek + 7) % 7);

    private static FeeActivityDetails Activity(FeeActivityKind kind, DateOnly day, int fromHour, int fromMinute, int toHour, int toMinute,
        bool inside, string description) =>
        new(kind, day.ToDateTime(new TimeOnly(fromHour, fromMinute)), day.ToDateTime(new TimeOnly(toHour, toMinute)), inside, null, description);
}
