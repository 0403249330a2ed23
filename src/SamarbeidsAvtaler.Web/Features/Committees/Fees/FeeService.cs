using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Domain.Committees.Fees;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Account;

namespace SamarbeidsAvtaler.Web.Features.Committees.Fees;

/// <summary>
/// The fastlege fee of R21: dated rates, and the claims register with its claims. Every method takes the
/// signed-in user and checks access itself (<see cref="FeeAccess"/>): a claim not visible is NotFound,
/// visible but not the user's to keep is Forbidden. Every change of a claim claims its row version first,
/// so two saves at once end in one saved and one conflict.
/// </summary>
public sealed class FeeService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    public const int MaxPageSize = 100;
    public const int MaxExportClaims = 5000;

    public const string ClaimConflict =
        "Noen andre har endret kravet etter at du åpnet det. Endringene dine er ikke lagret; det du skrev, står fortsatt i skjemaet. " +
        "Kravet vises nå slik det er lagret. Lagre igjen hvis endringen din fortsatt trengs.";

    /// <summary>The domain's words for a salaried fastlege (R21: no fee is computed).</summary>
    public static readonly string SalariedMessage = FeeCalculator.Calculate(GpEmployment.Salaried, [], []).Problems[0].Message;

    public const string UnknownEmploymentMessage =
        "Det er ikke registrert om fastlegen er næringsdrivende eller fastlønnet. Registrer det på personen før du lager et krav.";

    // ---- Rates -------------------------------------------------------------------------------

    /// <summary>The rates, newest first; null for a user who may not read the committees' area.</summary>
    public async Task<FeeRatesView?> GetRatesAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.MayReadCommittees())
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var rates = await RatesAsync(db, ct);
        var inForce = FeeRates.RateOn(rates, clock.Today());
        return new FeeRatesView(
            [.. (await db.FeeRates.AsNoTracking().OrderByDescending(r => r.ValidFrom).ToListAsync(ct))
                .Select(r => new FeeRateRow(r.Id, r.ValidFrom, r.HourlyRate, r.Note, inForce is not null && r.ValidFrom == inForce.ValidFrom))],
            user.MayMaintainCommittees());
    }

    public async Task<CommandResult> AddRateAsync(ClaimsPrincipal user, FeeRateForm form, CancellationToken ct = default)
    {
        if (!user.MayMaintainCommittees())
        {
            return CommandResult.Forbidden();
        }

        var errors = new List<FieldError>();
        if (form.ValidFrom is null)
        {
            errors.Add(new(nameof(FeeRateForm.ValidFrom), "Gyldig fra må fylles ut."));
        }

        if (!FeeRateForm.TryParseKroner(form.HourlyRate, out var amount))
        {
            errors.Add(new(nameof(FeeRateForm.HourlyRate), "Skriv timesatsen i kroner, for eksempel 880 eller 880,50."));
        }

        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var validFrom = DateOnly.FromDateTime(form.ValidFrom!.Value);
        await using var db = await contexts.CreateDbContextAsync(user, ct);
        var existing = await RatesAsync(db, ct);
        var problems = FeeRateEntry.Validate(validFrom, amount, form.Note, existing);
        if (problems.Count > 0)
        {
            return CommandResult.Invalid(problems);
        }

        db.FeeRates.Add(FeeRateEntry.Create(validFrom, amount, form.Note, existing, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return CommandResult.Invalid(nameof(FeeRateForm.ValidFrom),
                $"Det finnes allerede en honorarsats som gjelder fra {Norwegian.Date(validFrom)}. Velg en annen dato.");
        }

        return CommandResult.Ok($"Honorarsatsen {FeeBasis.Kroner(amount)} per time fra {Norwegian.Date(validFrom)} er registrert.");
    }

    // ---- The register ------------------------------------------------------------------------

    /// <summary>One page (0-based) of the claims the user may see, newest period first, filtered in PostgreSQL.</summary>
    public async Task<FeeClaimResults> SearchAsync(ClaimsPrincipal user, FeeClaimFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Clamp(page, 0, 100_000);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = Filtered(db, user, filter);
        var total = await query.CountAsync(ct);
        var claims = await Ordered(query).Skip(page * pageSize).Take(pageSize).Include(c => c.Activities).AsSplitQuery().ToListAsync(ct);
        var context = await ViewContext.LoadAsync(db, claims, ct);
        var rows = claims.Select(c =>
        {
            var view = context.View(c, 0, false, []);
            return new FeeClaimRow(c.Id, view.PersonName, view.MunicipalityName, c.PeriodFrom, c.PeriodTo, c.Status, c.Activities.Count,
                view.Total, view.FinaliseProblems.Count == 0);
        }).ToList();
        return new FeeClaimResults(rows, total);
    }

    /// <summary>Every claim the filter finds (at most <see cref="MaxExportClaims"/>), with its lines, for the CSV.</summary>
    public async Task<IReadOnlyList<FeeClaimView>> ExportAsync(ClaimsPrincipal user, FeeClaimFilter filter, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var claims = await Ordered(Filtered(db, user, filter)).Take(MaxExportClaims).Include(c => c.Activities).AsSplitQuery().ToListAsync(ct);
        var context = await ViewContext.LoadAsync(db, claims, ct);
        return [.. claims.Select(c => context.View(c, 0, false, []))];
    }

    /// <summary>The fastleger and kommuner of the claims the user may see, for the register's filters.</summary>
    public async Task<FeeFilterOptions> GetFilterOptionsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var visible = db.FeeClaims.AsNoTracking().VisibleTo(db, user);
        var persons = await db.Persons.AsNoTracking().Where(p => visible.Select(c => c.PersonId).Contains(p.Id))
            .OrderBy(p => p.Name).Select(p => new FeeOption(p.Id, p.Name)).ToListAsync(ct);
        var municipalities = await db.Parties.AsNoTracking().Where(p => visible.Select(c => c.PayingMunicipalityPartyId).Contains(p.Id))
            .OrderBy(p => p.Name).Select(p => new FeeOption(p.Id, p.Name)).ToListAsync(ct);
        return new FeeFilterOptions(persons, municipalities, user.MayMaintainCommittees());
    }

    // ---- A new claim -------------------------------------------------------------------------

    /// <summary>The fastleger the user may make a claim for, salaried ones included (the claim is then refused with the reason).</summary>
    public async Task<IReadOnlyList<FastlegeOption>> GetFastlegerAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.MayMaintainCommittees())
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var committees = db.Committees.MaintainableBy(db, user);
        var seats = await (from m in db.CommitteeMembers
                           join c in committees on m.CommitteeId equals c.Id
                           join p in db.Persons on m.PersonId equals p.Id
                           where m.Representation == Representation.GeneralPractitioner
                           select new { p.Id, p.Name, p.GpEmployment, Committee = c.Name }).ToListAsync(ct);
        return [.. seats.GroupBy(s => s.Id)
            .Select(g => new FastlegeOption(g.Key, g.First().Name, g.First().GpEmployment, string.Join(", ", g.Select(s => s.Committee).Distinct().Order())))
            .OrderBy(o => o.Name, StringComparer.Create(Norwegian.Culture, false))];
    }

    /// <summary>
    /// The kommuner that can pay a fastlege's claim: those of the helsefellesskap(er) of the bodies they sit in,
    /// the fastlege's own area first. Suggested: the fastlege's own kommune, or the only kommune of their area.
    /// </summary>
    public async Task<FeeMunicipalityChoice> GetMunicipalitiesForAsync(ClaimsPrincipal user, Guid personId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var options = await MunicipalitiesAsync(db, user, personId, ct);
        var own = await db.Persons.Where(p => p.Id == personId).Select(p => p.OrganisationPartyId).FirstOrDefaultAsync(ct);
        var area = options.Where(o => o.InArea).ToList();
        var suggested = options.FirstOrDefault(o => o.Id == own)?.Id ?? (area.Count == 1 ? area[0].Id : null);
        return new FeeMunicipalityChoice([.. options.Select(o => new FeeOption(o.Id, o.Name))], suggested);
    }

    public async Task<CommandResult<Guid>> CreateClaimAsync(ClaimsPrincipal user, NewClaimForm form, CancellationToken ct = default)
    {
        if (!user.MayMaintainCommittees())
        {
            return CommandResult<Guid>.From(CommandResult.Forbidden());
        }

        var errors = new List<FieldError>();
        if (form.PersonId is null)
        {
            errors.Add(new(nameof(NewClaimForm.PersonId), "Velg fastlegen."));
        }

        if (form.MunicipalityId is null)
        {
            errors.Add(new(nameof(NewClaimForm.MunicipalityId), "Velg kommunen som betaler."));
        }

        TextRules.CheckDate(errors, nameof(NewClaimForm.PeriodFrom), "Periode fra", Date(form.PeriodFrom), required: true);
        TextRules.CheckDate(errors, nameof(NewClaimForm.PeriodTo), "Periode til", Date(form.PeriodTo), required: true);
        if (errors.Count == 0)
        {
            errors.AddRange(FeeClaim.ValidateHeader(Date(form.PeriodFrom)!.Value, Date(form.PeriodTo)!.Value, form.MunicipalityId!.Value)
                .Select(e => e with { Field = e.Field == nameof(FeeClaim.PayingMunicipalityPartyId) ? nameof(NewClaimForm.MunicipalityId) : e.Field }));
        }

        if (errors.Count > 0)
        {
            return CommandResult<Guid>.From(CommandResult.Invalid(errors));
        }

        await using var db = await contexts.CreateDbContextAsync(user, ct);
        var eligible = FeeAccess.EligibleFastlegeIds(db, user);
        var person = await db.Persons.AsNoTracking().Where(p => p.Id == form.PersonId && eligible.Contains(p.Id))
            .Select(p => new { p.Id, p.GpEmployment }).FirstOrDefaultAsync(ct);
        var refusal = person switch
        {
            null => "Velg en fastlege som er fastlegerepresentant i et utvalg du har tilgang til.",
            { GpEmployment: GpEmployment.Salaried } => SalariedMessage,
            { GpEmployment: null } => UnknownEmploymentMessage,
            _ => null,
        };
        if (refusal is not null)
        {
            return CommandResult<Guid>.From(CommandResult.Invalid(nameof(NewClaimForm.PersonId), refusal));
        }

        if (!(await MunicipalitiesAsync(db, user, person!.Id, ct)).Any(m => m.Id == form.MunicipalityId))
        {
            return CommandResult<Guid>.From(CommandResult.Invalid(nameof(NewClaimForm.MunicipalityId),
                "Velg en kommune i helsefellesskapet fastlegen sitter i, fra listen."));
        }

        var claim = FeeClaim.Create(person.Id, form.MunicipalityId!.Value, Date(form.PeriodFrom)!.Value, Date(form.PeriodTo)!.Value, clock.GetUtcNow());
        db.FeeClaims.Add(claim);
        await db.SaveChangesAsync(ct);
        return CommandResult<Guid>.Ok(claim.Id, "Kravet er opprettet. Legg inn aktivitetene.");
    }

    // ---- One claim ---------------------------------------------------------------------------

    /// <summary>The claim with its lines, or null when it does not exist or the user may not see it (the same answer).</summary>
    public async Task<FeeClaimView?> GetClaimAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var claim = await db.FeeClaims.AsNoTracking().VisibleTo(db, user).Include(c => c.Activities).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (claim is null)
        {
            return null;
        }

        var version = await VersionAsync(db, id, ct) ?? 0;
        var canMaintain = await db.FeeClaims.MaintainableBy(db, user).AnyAsync(c => c.Id == id, ct);
        var meetings = await MeetingOptionsAsync(db, claim.PersonId, claim.PeriodFrom, claim.PeriodTo, claim.Activities.Select(a => a.MeetingId), ct);
        var context = await ViewContext.LoadAsync(db, [claim], ct);
        return context.View(claim, version, canMaintain, meetings);
    }

    /// <summary>Adds (<paramref name="activityId"/> null) or changes an activity of a draft.</summary>
    public async Task<CommandResult<uint>> SaveActivityAsync(ClaimsPrincipal user, Guid claimId, Guid? activityId, uint version, FeeActivityForm form,
        CancellationToken ct = default)
    {
        var (details, errors) = form.ToDetails();
        if (details is null || errors.Count > 0)
        {
            return CommandResult<uint>.From(CommandResult.Invalid(errors));
        }

        return await ChangeClaimAsync(user, claimId, version, async (db, claim) =>
        {
            if (details.MeetingId is { } meetingId
                && !(await MeetingOptionsAsync(db, claim.PersonId, claim.PeriodFrom, claim.PeriodTo, [], ct)).Any(m => m.Id == meetingId))
            {
                return CommandResult.Invalid(nameof(FeeActivityForm.MeetingId),
                    "Velg et møte fra listen: møter i utvalg fastlegen sitter i, innenfor kravets periode.");
            }

            var activity = activityId is { } existing ? claim.Activities.FirstOrDefault(a => a.Id == existing) : null;
            if (activityId is not null && activity is null)
            {
                return CommandResult.Refused("Aktiviteten finnes ikke lenger i kravet. Last siden på nytt.");
            }

            if (activity is null)
            {
                activity = claim.AddActivity(details, clock.GetUtcNow());
            }
            else
            {
                claim.UpdateActivity(activity.Id, details);
            }

            return await OverlapAsync(db, claim.PersonId, activity, ct) is { } overlap
                ? CommandResult.Invalid(nameof(FeeActivityForm.StartTime), overlap)
                : null;
        }, ct, form.FieldFor);
    }

    /// <summary>Answers the question seed 001 leaves open for a meeting or formøte outside office hours: 1× or 2× the rate.</summary>
    public Task<CommandResult<uint>> ChooseMultiplierAsync(ClaimsPrincipal user, Guid claimId, Guid activityId, uint version, int multiplier,
        CancellationToken ct = default) =>
        ChangeClaimAsync(user, claimId, version, (_, claim) =>
        {
            if (multiplier is not (1 or 2))
            {
                return Task.FromResult<CommandResult?>(CommandResult.Invalid(nameof(FeeActivityForm.ChosenMultiplier), "Velg én eller to ganger honorarsatsen per time."));
            }

            var a = claim.Activities.FirstOrDefault(x => x.Id == activityId)
                ?? throw new CommitteeRuleException("Aktiviteten finnes ikke lenger i kravet. Last siden på nytt.");
            claim.UpdateActivity(a.Id, new FeeActivityDetails(a.Kind, a.StartsAt, a.EndsAt, a.InsideOfficeHours, multiplier, a.Description, a.MeetingId));
            return Task.FromResult<CommandResult?>(null);
        }, ct);

    public Task<CommandResult<uint>> RemoveActivityAsync(ClaimsPrincipal user, Guid claimId, Guid activityId, uint version, CancellationToken ct = default) =>
        ChangeClaimAsync(user, claimId, version, (db, claim) =>
        {
            var a = claim.Activities.FirstOrDefault(x => x.Id == activityId)
                ?? throw new CommitteeRuleException("Aktiviteten finnes ikke lenger i kravet. Last siden på nytt.");
            claim.RemoveActivity(a.Id);
            db.AuditEntries.Add(new AuditEntry(nameof(FeeClaimActivity), claim.Id.ToString(), AuditActions.Deleted, user.UserId(), user.DisplayName(),
                clock.GetUtcNow(), [new(nameof(a.Kind), a.Kind.ToString(), null), new(nameof(a.StartsAt), Stamp(a.StartsAt), null), new(nameof(a.EndsAt), Stamp(a.EndsAt), null)]));
            return Task.FromResult<CommandResult?>(null);
        }, ct);

    /// <summary>Freezes the lines; refused with every reason while anything is missing (a multiplier, a rate, an activity).</summary>
    public Task<CommandResult<uint>> FinaliseAsync(ClaimsPrincipal user, Guid claimId, uint version, CancellationToken ct = default) =>
        ChangeClaimAsync(user, claimId, version, async (db, claim) =>
        {
            var employment = await db.Persons.Where(p => p.Id == claim.PersonId).Select(p => p.GpEmployment).FirstAsync(ct);
            claim.Finalise(employment, await RatesAsync(db, ct), clock.Today());
            return null;
        }, ct);

    /// <summary>Deletes a draft (made by mistake); a finalised claim stays.</summary>
    public async Task<CommandResult> DeleteClaimAsync(ClaimsPrincipal user, Guid claimId, uint version, CancellationToken ct = default)
    {
        var result = await ChangeClaimAsync(user, claimId, version, (db, claim) =>
        {
            if (!claim.IsDraft)
            {
                return Task.FromResult<CommandResult?>(CommandResult.Refused("Et fullført krav kan ikke slettes."));
            }

            db.AuditEntries.Add(new AuditEntry(nameof(FeeClaim), claim.Id.ToString(), AuditActions.Deleted, user.UserId(), user.DisplayName(),
                clock.GetUtcNow(), [new(nameof(claim.PeriodFrom), claim.PeriodFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null),
                    new(nameof(claim.PeriodTo), claim.PeriodTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)]));
            db.FeeClaims.Remove(claim);
            return Task.FromResult<CommandResult?>(null);
        }, ct);
        return result.Succeeded ? CommandResult.Ok("Utkastet er slettet.") : result;
    }

    // ---- The shape every change has ----------------------------------------------------------

    /// <summary>Checks that the user may maintain the claim, then applies the change under its row version (see <see cref="ClaimedChange"/>).</summary>
    private async Task<CommandResult<uint>> ChangeClaimAsync(ClaimsPrincipal user, Guid id, uint version,
        Func<AppDbContext, FeeClaim, Task<CommandResult?>> change, CancellationToken ct, Func<string, string>? field = null)
    {
        await using var db = await contexts.CreateDbContextAsync(user, ct);
        if (!await db.FeeClaims.VisibleTo(db, user).AnyAsync(c => c.Id == id, ct))
        {
            return CommandResult<uint>.From(CommandResult.NotFound());
        }

        if (!await db.FeeClaims.MaintainableBy(db, user).AnyAsync(c => c.Id == id, ct))
        {
            return CommandResult<uint>.From(CommandResult.Forbidden());
        }

        return await ClaimedChange.SaveAsync(db, id, version,
            () => db.FeeClaims.Include(c => c.Activities).FirstAsync(c => c.Id == id, ct),
            claim => change(db, claim), () => "Endringene er lagret.", ClaimConflict, ct, field);
    }

    // ---- Queries -----------------------------------------------------------------------------

    private static IQueryable<FeeClaim> Filtered(AppDbContext db, ClaimsPrincipal user, FeeClaimFilter filter)
    {
        var query = db.FeeClaims.AsNoTracking().VisibleTo(db, user);
        if (filter.PersonId is { } person)
        {
            query = query.Where(c => c.PersonId == person);
        }

        if (filter.MunicipalityId is { } municipality)
        {
            query = query.Where(c => c.PayingMunicipalityPartyId == municipality);
        }

        // A period filter finds the claims whose period overlaps it.
        if (filter.From is { } from)
        {
            query = query.Where(c => c.PeriodTo >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(c => c.PeriodFrom <= to);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        return query;
    }

    private static IQueryable<FeeClaim> Ordered(IQueryable<FeeClaim> query) =>
        query.OrderByDescending(c => c.PeriodFrom).ThenByDescending(c => c.CreatedAt).ThenBy(c => c.Id);

    internal static async Task<List<FeeRate>> RatesAsync(AppDbContext db, CancellationToken ct) =>
        [.. (await db.FeeRates.AsNoTracking().ToListAsync(ct)).Select(r => r.ToRate())];

    private static Task<uint?> VersionAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        db.FeeClaims.Where(c => c.Id == id).Select(c => (uint?)EF.Property<uint>(c, "Version")).FirstOrDefaultAsync(ct);

    private sealed record MunicipalityOption(Guid Id, string Name, bool InArea);

    private static async Task<IReadOnlyList<MunicipalityOption>> MunicipalitiesAsync(AppDbContext db, ClaimsPrincipal user, Guid personId, CancellationToken ct)
    {
        var eligible = FeeAccess.EligibleFastlegeIds(db, user);
        var seats = db.CommitteeMembers.Where(m => m.PersonId == personId && m.Representation == Representation.GeneralPractitioner && eligible.Contains(m.PersonId))
            .Select(m => m.CommitteeId);
        var committees = db.Committees.MaintainableBy(db, user).Where(c => seats.Contains(c.Id));
        var agreements = committees.Select(c => c.OverarchingAgreementId);
        var parties = db.AgreementParties.Where(ap => agreements.Contains(ap.AgreementId)).Select(ap => ap.PartyId);
        var area = await db.Set<CommitteeAreaMunicipality>().Where(a => committees.Select(c => c.Id).Contains(a.CommitteeId))
            .Select(a => a.MunicipalityId).ToListAsync(ct);
        var options = await db.Parties.AsNoTracking()
            .Where(p => p.Kind == PartyKind.Municipality && p.IsActive && (parties.Contains(p.Id) || area.Contains(p.Id)))
            .Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        // The kommuner of the fastlege's own area first: the likely payer.
        return [.. options.Select(o => new MunicipalityOption(o.Id, o.Name, area.Contains(o.Id)))
            .OrderBy(o => o.InArea ? 0 : 1).ThenBy(o => o.Name, StringComparer.Create(Norwegian.Culture, false))];
    }

    private static async Task<IReadOnlyList<FeeMeetingOption>> MeetingOptionsAsync(AppDbContext db, Guid personId, DateOnly periodFrom, DateOnly periodTo,
        IEnumerable<Guid?> linked, CancellationToken ct)
    {
        var linkedIds = linked.OfType<Guid>().ToList();
        var committees = db.CommitteeMembers.Where(m => m.PersonId == personId).Select(m => m.CommitteeId);
        var rows = await (from m in db.Meetings.AsNoTracking()
                          join c in db.Committees on m.CommitteeId equals c.Id
                          where (committees.Contains(m.CommitteeId) && m.Date >= periodFrom && m.Date <= periodTo && m.Status != MeetingStatus.Cancelled)
                                || linkedIds.Contains(m.Id)
                          orderby m.Date, m.StartTime
                          select new { m.Id, c.Name, m.Date, m.StartTime, m.EndTime }).Take(200).ToListAsync(ct);
        return [.. rows.Select(r => new FeeMeetingOption(r.Id,
            $"{r.Name}, {Norwegian.Date(r.Date)} kl. {r.StartTime.ToString("HH:mm", CultureInfo.InvariantCulture)}", r.Date, r.StartTime, r.EndTime))];
    }

    /// <summary>The same hours claimed twice: another activity of the same fastlege, in any claim, that overlaps in time.</summary>
    private static async Task<string?> OverlapAsync(AppDbContext db, Guid personId, FeeClaimActivity activity, CancellationToken ct)
    {
        var claims = db.FeeClaims.Where(c => c.PersonId == personId).Select(c => c.Id);
        var other = await db.FeeClaimActivities.AsNoTracking()
            .Where(a => claims.Contains(a.ClaimId) && a.Id != activity.Id && a.StartsAt < activity.EndsAt && a.EndsAt > activity.StartsAt)
            .OrderBy(a => a.StartsAt).FirstOrDefaultAsync(ct);
        return other is null
            ? null
            : $"Tiden overlapper med en annen aktivitet for samme fastlege: {other.Kind.DisplayName()} {Stamp(other.StartsAt)}–{other.EndsAt.ToString("HH:mm", CultureInfo.InvariantCulture)}. "
              + "Samme tid kan ikke kreves to ganger.";
    }

    private static DateOnly? Date(DateTime? value) => value is { } v ? DateOnly.FromDateTime(v) : null;

    internal static string Stamp(DateTime time) => time.ToString("dd.MM.yyyy 'kl.' HH:mm", Norwegian.Culture);
}
