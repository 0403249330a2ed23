using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Domain.Committees.Fees;
using SamarbeidsAvtaler.Infrastructure.Data;

namespace SamarbeidsAvtaler.Web.Features.Committees.Fees;

/// <summary>
/// What it takes to show claims: the names of their fastleger and kommuner, the rates, and the meetings
/// their lines link to, loaded once for a page or an export. A finalised claim shows its frozen lines; a
/// draft is computed live from today's rates.
/// </summary>
internal sealed class ViewContext
{
    private sealed record PersonInfo(string Name, string? Title, GpEmployment? Employment);

    private Dictionary<Guid, PersonInfo> _persons = [];
    private Dictionary<Guid, string> _parties = [];
    private Dictionary<Guid, string> _meetings = [];
    private List<FeeRate> _rates = [];

    public static async Task<ViewContext> LoadAsync(AppDbContext db, IReadOnlyCollection<FeeClaim> claims, CancellationToken ct)
    {
        var personIds = claims.Select(c => c.PersonId).Distinct().ToList();
        var partyIds = claims.Select(c => c.PayingMunicipalityPartyId).Distinct().ToList();
        var meetingIds = claims.SelectMany(c => c.Activities).Select(a => a.MeetingId).OfType<Guid>().Distinct().ToList();
        var meetings = meetingIds.Count == 0
            ? []
            : await (from m in db.Meetings.AsNoTracking()
                     join c in db.Committees on m.CommitteeId equals c.Id
                     where meetingIds.Contains(m.Id)
                     select new { m.Id, c.Name, m.Date }).ToListAsync(ct);
        return new ViewContext
        {
            _persons = await db.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id))
                .ToDictionaryAsync(p => p.Id, p => new PersonInfo(p.Name, p.Title, p.GpEmployment), ct),
            _parties = await db.Parties.AsNoTracking().Where(p => partyIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct),
            _meetings = meetings.ToDictionary(m => m.Id, m => $"{m.Name}, {Norwegian.Date(m.Date)}"),
            _rates = await FeeService.RatesAsync(db, ct),
        };
    }

    public FeeClaimView View(FeeClaim claim, uint version, bool canMaintain, IReadOnlyList<FeeMeetingOption> meetings)
    {
        var person = _persons.GetValueOrDefault(claim.PersonId) ?? new PersonInfo("(ukjent)", null, null);
        var ordered = claim.OrderedActivities();
        List<FeeLineView> lines;
        decimal total;
        IReadOnlyList<FieldError> problems = [];
        if (claim.IsDraft)
        {
            var calculation = claim.Calculate(person.Employment, _rates);
            problems = FeeClaimRules.ValidateForFinalising(claim.PeriodFrom, claim.PeriodTo, calculation);
            lines = [.. ordered.Select((a, i) =>
            {
                var line = i < calculation.Lines.Count ? calculation.Lines[i] : null;
                var prefix = $"Activities[{i}].";
                return Line(a, i, line?.Rate?.ValidFrom, line?.Rate?.HourlyRate, line?.Multiplier, line?.StartedHalfHours, line?.Amount,
                    FeeCalculator.MustChooseMultiplier(a.Kind, a.InsideOfficeHours) && a.ChosenMultiplier is null,
                    [.. problems.Where(p => p.Field.StartsWith(prefix, StringComparison.Ordinal)).Select(p => p.Message).Distinct()]);
            })];
            total = calculation.Total;
        }
        else
        {
            lines = [.. ordered.Select((a, i) => Line(a, i, a.FrozenRateValidFrom, a.FrozenHourlyRate, a.FrozenMultiplier, a.FrozenStartedHalfHours,
                a.FrozenAmount, false, []))];
            total = claim.FrozenTotal;
        }

        return new FeeClaimView(claim.Id, version, claim.PersonId, person.Name, person.Title, person.Employment, claim.PayingMunicipalityPartyId,
            _parties.GetValueOrDefault(claim.PayingMunicipalityPartyId, "(ukjent)"), claim.PeriodFrom, claim.PeriodTo, claim.Status, claim.FinalisedOn,
            lines, total, [.. problems.Select(p => p.Message).Distinct()], canMaintain && claim.IsDraft, meetings, _rates);
    }

    private FeeLineView Line(FeeClaimActivity a, int index, DateOnly? rateFrom, decimal? rate, int? multiplier, int? halfHours, decimal? amount,
        bool needsMultiplier, IReadOnlyList<string> problems) =>
        new(a.Id, index + 1, a.Kind, a.StartsAt, a.EndsAt, a.InsideOfficeHours, a.ChosenMultiplier, a.Description, a.MeetingId,
            a.MeetingId is { } m ? _meetings.GetValueOrDefault(m) : null, rateFrom, rate, multiplier, halfHours, amount, needsMultiplier, problems);
}
