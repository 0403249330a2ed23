using System.Runtime.CompilerServices;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Account;
using SamarbeidsAvtaler.Web.Features.Agreements;

namespace SamarbeidsAvtaler.Web.Features.Deviations;

/// <summary>
/// The deviation register (issue 10 §§ 1–3, 6): report, list, case page and the R22 workflow. Every method
/// takes the signed-in user and checks access itself through <see cref="DeviationAccess"/>: a case the user
/// cannot see is NotFound (never "exists, but not yours"); a step on the other side's behalf is Forbidden.
/// Every step claims the case's row version first, so two steps at once end in one saved and one conflict.
/// </summary>
public sealed class DeviationService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, IOptions<DeviationOptions> options)
{
    public const int MaxPageSize = 100;
    public const int PartySearchLimit = 20;
    public const string CaseNumberPrefix = "AVVIK";

    public const string Conflict =
        "Saken er endret av en annen etter at du åpnet den. Ingenting er lagret; det du skrev, står fortsatt i skjemaet. " +
        "Saken vises nå slik den er lagret. Prøv igjen hvis steget fortsatt passer.";

    public const string NotYourParty = "Du kan bare melde avvik for en part du representerer. Velg parten fra listen.";

    public const string OppositeSide =
        "Et avvik meldes mot den andre siden: en kommune melder mot helseforetaket eller en institusjon, og helseforetaket eller institusjonen mot en kommune.";

    public const string NotAnAgreementBetween =
        "Velg en avtale fra listen: en gjeldende avtale du har tilgang til, der begge partene er med.";

    private static readonly PartyKind[] Municipal = [PartyKind.Municipality];
    private static readonly PartyKind[] Specialist = [PartyKind.HealthTrust, PartyKind.Institution];

    private static readonly AgreementStatus[] InForce = [AgreementStatus.Active, AgreementStatus.Signed, AgreementStatus.UnderNotice];

    /// <summary>The answer deadline in force, in calendar days (<see cref="DeviationOptions.AnswerDeadlineDays"/>).</summary>
    public int AnswerDeadlineDays => options.Value.AnswerDeadlineDays;

    // ---- The report form's helpers ------------------------------------------------------------

    /// <summary>The parties the user may report for whose name matches (all of them, up to the limit, without a text).</summary>
    public async Task<IReadOnlyList<DeviationPartyOption>> ReportingPartiesAsync(ClaimsPrincipal user, string? text, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var allowed = DeviationAccess.ReportingPartyIds(db, user);
        var query = db.Parties.AsNoTracking().Where(p => p.IsActive && allowed.Contains(p.Id));
        if (SearchText.Clean(text) is { } cleaned)
        {
            var pattern = Like(cleaned);
            query = query.Where(p => EF.Functions.Like(p.Name.ToLower(), pattern));
        }

        return await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(PartySearchLimit)
            .Select(p => new DeviationPartyOption(p.Id, p.Name, p.Kind)).ToListAsync(ct);
    }

    /// <summary>
    /// The parties on the other side of <paramref name="reportingPartyId"/> (a kommune for an HF or institution,
    /// and the other way round) that share an agreement in force with it which the user sees.
    /// </summary>
    public async Task<IReadOnlyList<DeviationPartyOption>> OtherPartiesAsync(ClaimsPrincipal user, Guid reportingPartyId, string? text, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var allowed = DeviationAccess.ReportingPartyIds(db, user);
        var reporting = await db.Parties.AsNoTracking().Where(p => p.Id == reportingPartyId && allowed.Contains(p.Id))
            .Select(p => (PartyKind?)p.Kind).FirstOrDefaultAsync(ct);
        if (reporting is not { } kind || OtherSide(kind) is not { } kinds)
        {
            return [];
        }

        var agreements = AgreementsWith(db, user, reportingPartyId);
        var query = db.Parties.AsNoTracking().Where(p => p.IsActive && p.Id != reportingPartyId && kinds.Contains(p.Kind)
            && agreements.Any(a => db.AgreementParties.Any(ap => ap.PartyId == p.Id && (ap.AgreementId == a.Id || ap.AgreementId == a.ParentAgreementId))));
        if (SearchText.Clean(text) is { } cleaned)
        {
            var pattern = Like(cleaned);
            query = query.Where(p => EF.Functions.Like(p.Name.ToLower(), pattern));
        }

        return await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(PartySearchLimit)
            .Select(p => new DeviationPartyOption(p.Id, p.Name, p.Kind)).ToListAsync(ct);
    }

    /// <summary>The agreements in force between the two parties that the user sees, with their § 6-2 points and discharge hours.</summary>
    public async Task<IReadOnlyList<DeviationAgreementOption>> AgreementsBetweenAsync(ClaimsPrincipal user, Guid reportingPartyId, Guid otherPartyId,
        CancellationToken ct = default)
    {
        if (!user.MayUseCases() || reportingPartyId == otherPartyId)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var agreements = await Between(db, user, reportingPartyId, otherPartyId)
            .OrderBy(a => a.ReferenceNumber).ThenBy(a => a.VersionNumber)
            .Select(a => new
            {
                a.Id,
                a.ReferenceNumber,
                a.Title,
                a.DischargeWeekdayFrom,
                a.DischargeWeekdayTo,
                a.DischargeHolidayFrom,
                a.DischargeHolidayTo,
                Areas = db.AgreementStatutoryAreas.Where(s => s.AgreementId == a.Id).OrderBy(s => s.AreaNumber).Select(s => s.AreaNumber).ToList(),
            })
            .ToListAsync(ct);
        return [.. agreements.Select(a => new DeviationAgreementOption(a.Id, a.ReferenceNumber, a.Title, a.Areas,
            Hours(a.DischargeWeekdayFrom, a.DischargeWeekdayTo, a.DischargeHolidayFrom, a.DischargeHolidayTo)))];
    }

    /// <summary>R26: why a discharge at this Norwegian time falls outside the agreement's hours; null when inside or no hours are agreed.</summary>
    public static string? OutsideHoursMessage(DeviationAgreementOption? agreement, DateTime? occurredAt) =>
        agreement?.Hours is { } hours && occurredAt is { } at ? hours.OutsideMessage(at) : null;

    // ---- Reporting ----------------------------------------------------------------------------

    /// <summary>
    /// Registers a report with the next case number, in one transaction. Refusals (the domain's rules, R24
    /// included, and the access rules) come back as errors beside their field; nothing is stored then.
    /// </summary>
    public async Task<CommandResult<Guid>> ReportAsync(ClaimsPrincipal user, DeviationReportForm form, CancellationToken ct = default)
    {
        if (!user.MayUseCases())
        {
            return CommandResult<Guid>.From(CommandResult.Forbidden());
        }

        var now = clock.GetUtcNow();
        var nowLocal = Norwegian.Local(now).DateTime;
        var errors = new List<FieldError>();
        DateTime? occurredAt = null;
        if (form.OccurredDate is null)
        {
            errors.Add(new(nameof(DeviationReportForm.OccurredDate), "Dato for hendelsen må fylles ut."));
        }

        if (string.IsNullOrWhiteSpace(form.OccurredTime))
        {
            errors.Add(new(nameof(DeviationReportForm.OccurredTime), "Klokkeslett for hendelsen må fylles ut."));
        }
        else if (DeviationReportForm.ParseTime(form.OccurredTime) is null)
        {
            errors.Add(new(nameof(DeviationReportForm.OccurredTime), "Skriv klokkeslettet som tt:mm, for eksempel 14:30."));
        }
        else
        {
            occurredAt = form.OccurredAt;
        }

        var report = new DeviationReport(form.ReportingParty?.Id ?? Guid.Empty, form.OtherParty?.Id ?? Guid.Empty, form.AgreementId ?? Guid.Empty,
            form.StatutoryAreaNumber, form.Category, occurredAt, form.Title, form.Description, form.ReporterCaseReference);
        errors.AddRange(report.Validate(nowLocal)
            .Where(e => e.Field != nameof(DeviationReport.OccurredAt) || occurredAt is not null)
            .Select(ToFormField));

        await using var db = await contexts.CreateDbContextAsync(user, ct);
        DischargeHours? hours = null;
        if (!errors.Any(e => e.Field is nameof(DeviationReportForm.ReportingParty) or nameof(DeviationReportForm.OtherParty)
                or nameof(DeviationReportForm.AgreementId)))
        {
            (hours, var refusal) = await CheckPartiesAndAgreementAsync(db, user, report, ct);
            if (refusal is not null)
            {
                errors.Add(refusal);
            }
        }

        if (errors.Count > 0)
        {
            return CommandResult<Guid>.From(CommandResult.Invalid(errors));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var caseNumber = await ReferenceNumbers.NextAsync(db, CaseNumberPrefix, nowLocal.Year, ct);
        Deviation deviation;
        try
        {
            deviation = Deviation.Report(report, hours, caseNumber, Actor(user), nowLocal, now);
        }
        catch (DomainValidationException e)
        {
            return CommandResult<Guid>.From(CommandResult.Invalid([.. e.Errors.Select(ToFormField)]));
        }

        db.Deviations.Add(deviation);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return CommandResult<Guid>.Ok(deviation.Id, $"Avviket er registrert med saksnummer {caseNumber}.");
    }

    /// <summary>The agreement's discharge hours, or the refusal of the reporting party, the other party or the agreement.</summary>
    private static async Task<(DischargeHours? Hours, FieldError? Refusal)> CheckPartiesAndAgreementAsync(AppDbContext db, ClaimsPrincipal user,
        DeviationReport report, CancellationToken ct)
    {
        var allowed = DeviationAccess.ReportingPartyIds(db, user);
        var reporting = await db.Parties.AsNoTracking().Where(p => p.Id == report.ReportingPartyId && allowed.Contains(p.Id))
            .Select(p => (PartyKind?)p.Kind).FirstOrDefaultAsync(ct);
        if (reporting is not { } kind || OtherSide(kind) is not { } kinds)
        {
            return (null, new(nameof(DeviationReportForm.ReportingParty), NotYourParty));
        }

        var other = await db.Parties.AsNoTracking().Where(p => p.Id == report.OtherPartyId).Select(p => (PartyKind?)p.Kind).FirstOrDefaultAsync(ct);
        if (other is not { } otherKind || !kinds.Contains(otherKind))
        {
            return (null, new(nameof(DeviationReportForm.OtherParty), OppositeSide));
        }

        var agreement = await Between(db, user, report.ReportingPartyId, report.OtherPartyId).Where(a => a.Id == report.AgreementId)
            .Select(a => new { a.DischargeWeekdayFrom, a.DischargeWeekdayTo, a.DischargeHolidayFrom, a.DischargeHolidayTo }).FirstOrDefaultAsync(ct);
        if (agreement is null)
        {
            return (null, new(nameof(DeviationReportForm.AgreementId), NotAnAgreementBetween));
        }

        if (report.StatutoryAreaNumber is { } point)
        {
            var points = await db.AgreementStatutoryAreas.Where(s => s.AgreementId == report.AgreementId).Select(s => s.AreaNumber).ToListAsync(ct);
            if (points.Count > 0 && !points.Contains(point))
            {
                return (null, new(nameof(DeviationReportForm.StatutoryAreaNumber),
                    $"Avtalen dekker ikke punkt {point} i § 6-2, bare {Norwegian.JoinAnd(points.Order().Select(p => p.ToString(Norwegian.Culture)))}. Velg et av dem, eller la feltet stå tomt."));
            }
        }

        return (Hours(agreement.DischargeWeekdayFrom, agreement.DischargeWeekdayTo, agreement.DischargeHolidayFrom, agreement.DischargeHolidayTo), null);
    }

    // ---- The register -------------------------------------------------------------------------

    /// <summary>One page (0-based) of the cases the user sees, filtered, sorted and paged in PostgreSQL.</summary>
    public async Task<DeviationPage> SearchAsync(ClaimsPrincipal user, DeviationFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Clamp(page, 0, 100_000);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var today = clock.Today();
        var query = filter.Apply(db.Deviations.AsNoTracking().VisibleTo(db, user), today);
        var total = await query.CountAsync(ct);
        var rows = await Rows(db, filter.Order(query).Skip(page * pageSize).Take(pageSize), today).ToListAsync(ct);
        return new DeviationPage(rows, total);
    }

    /// <summary>Every case the filter finds, in list order, for the CSV export. The rows hold no patient data: the register has none (R24).</summary>
    public async IAsyncEnumerable<DeviationRow> ExportAsync(ClaimsPrincipal user, DeviationFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var today = clock.Today();
        var query = filter.Order(filter.Apply(db.Deviations.AsNoTracking().VisibleTo(db, user), today));
        await foreach (var row in Rows(db, query, today).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return row;
        }
    }

    public async Task<DeviationFilterOptions> GetFilterOptionsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var visible = db.Deviations.AsNoTracking().VisibleTo(db, user);
        var parties = await db.Parties.AsNoTracking()
            .Where(p => visible.Any(d => d.ReportingPartyId == p.Id || d.OtherPartyId == p.Id))
            .OrderBy(p => p.Name).Select(p => new DeviationPartyOption(p.Id, p.Name, p.Kind)).ToListAsync(ct);
        var mayReport = await DeviationAccess.ReportingPartyIds(db, user).AnyAsync(ct);
        return new DeviationFilterOptions(parties, mayReport);
    }

    // ---- One case -----------------------------------------------------------------------------

    /// <summary>
    /// The case with its timeline and the steps the user may take, or null when it does not exist or the user
    /// may not see it (the same answer). With <paramref name="recordView"/> the view goes to the access log.
    /// </summary>
    public async Task<DeviationView?> GetCaseAsync(ClaimsPrincipal user, Guid id, bool recordView, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(user, ct);
        var d = await db.Deviations.AsNoTracking().VisibleTo(db, user).Include(x => x.Events).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return null;
        }

        var names = await db.Parties.AsNoTracking().Where(p => p.Id == d.ReportingPartyId || p.Id == d.OtherPartyId)
            .ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var agreement = await db.Agreements.AsNoTracking().Where(a => a.Id == d.AgreementId).Select(a => new
        {
            a.ReferenceNumber,
            a.Title,
            a.DischargeWeekdayFrom,
            a.DischargeWeekdayTo,
            a.DischargeHolidayFrom,
            a.DischargeHolidayTo,
        }).FirstAsync(ct);
        var version = await VersionAsync(db, id, ct) ?? 0;
        var own = await DeviationAccess.OwnPartyIds(db, user).ToListAsync(ct);
        if (recordView)
        {
            db.AccessLog.Add(AccessLogEntry.ForCase(clock.GetUtcNow(), user.UserId(), user.DisplayName(), CaseKinds.Deviation, d.Id, d.CaseNumber));
            await db.SaveChangesAsync(ct);
        }

        var hours = Hours(agreement.DischargeWeekdayFrom, agreement.DischargeWeekdayTo, agreement.DischargeHolidayFrom, agreement.DischargeHolidayTo);
        return new DeviationView(d.Id, version, d.CaseNumber, d.Title, d.Description, d.ReporterCaseReference,
            d.ReportingPartyId, names.GetValueOrDefault(d.ReportingPartyId, "–"), d.OtherPartyId, names.GetValueOrDefault(d.OtherPartyId, "–"),
            d.AgreementId, agreement.ReferenceNumber, agreement.Title,
            d.StatutoryAreaNumber, d.StatutoryAreaNumber is { } n ? StatutoryAreaCatalogue.All.FirstOrDefault(a => a.Number == n)?.Title : null,
            d.Category, d.OccurredAt, d.OutsideAgreedHours, hours?.ToString(), d.Status, d.ReportedAt, d.ReportedByName,
            d.AnswerDueOn, d.IsOverdue(clock.Today()), d.AnsweredWithinDeadline, d.Explanation, d.Measures, d.Recommendation,
            [.. d.Events.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).Select(e => new DeviationEventView(e.Status, e.OccurredAt, e.ActorName, e.Comment))],
            Steps(user, own, d.ReportingPartyId, d.OtherPartyId, d.Status));
    }

    /// <summary>The steps the user may take now: the workflow's next steps (R22) that are the user's side's to take.</summary>
    public static DeviationSteps Steps(ClaimsPrincipal user, IReadOnlyCollection<Guid> ownPartyIds, Guid reportingPartyId, Guid otherPartyId, DeviationStatus status)
    {
        var reportingSide = user.ActsFor(ownPartyIds, reportingPartyId);
        var otherSide = user.ActsFor(ownPartyIds, otherPartyId);
        return new DeviationSteps(
            Send: reportingSide && DeviationWorkflow.CanMove(status, DeviationStatus.SentToOtherParty),
            Answer: otherSide && DeviationWorkflow.CanMove(status, DeviationStatus.Answered),
            Escalate: (reportingSide || otherSide) && DeviationWorkflow.CanMove(status, DeviationStatus.SentToMunicipalityAndSpecialistService),
            Close: reportingSide && DeviationWorkflow.CanMove(status, DeviationStatus.Closed));
    }

    // ---- The workflow (R22) -------------------------------------------------------------------

    /// <summary>The reporting side sends the case to the other party, who is to answer within the configured deadline.</summary>
    public Task<CommandResult<uint>> SendAsync(ClaimsPrincipal user, Guid id, uint version, DeviationStepForm form, CancellationToken ct = default) =>
        ChangeAsync(user, id, version, Side.Reporting, "Bare parten som meldte avviket, kan sende det til motparten.", d =>
        {
            var due = clock.Today().AddDays(AnswerDeadlineDays);
            d.SendToOtherParty(due, Actor(user), clock.GetUtcNow(), form.Text);
            return $"Avviket er sendt til motparten med svarfrist {Norwegian.Date(due)}.";
        }, _ => nameof(DeviationStepForm.Text), ct);

    /// <summary>The other side answers with an explanation and the measures it takes.</summary>
    public Task<CommandResult<uint>> AnswerAsync(ClaimsPrincipal user, Guid id, uint version, DeviationAnswerForm form, CancellationToken ct = default) =>
        ChangeAsync(user, id, version, Side.Other, "Bare parten avviket er meldt mot, kan svare på det.", d =>
        {
            d.Answer(form.Explanation, form.Measures, Actor(user), clock.Today(), clock.GetUtcNow());
            return "Svaret er registrert.";
        }, field => field, ct);

    /// <summary>The parties do not agree: either side sends the case to the kommune and the specialist service involved.</summary>
    public Task<CommandResult<uint>> EscalateAsync(ClaimsPrincipal user, Guid id, uint version, DeviationStepForm form, CancellationToken ct = default) =>
        ChangeAsync(user, id, version, Side.Either, "Bare partene i saken kan sende den videre.", d =>
        {
            d.SendToMunicipalityAndSpecialistService(form.Text, Actor(user), clock.GetUtcNow());
            return "Saken er sendt til kommunen og spesialisthelsetjenesten for drøfting.";
        }, _ => nameof(DeviationStepForm.Text), ct);

    /// <summary>The reporting side closes the case: with a comment, or after sending on with the recommendation.</summary>
    public Task<CommandResult<uint>> CloseAsync(ClaimsPrincipal user, Guid id, uint version, DeviationStepForm form, CancellationToken ct = default) =>
        ChangeAsync(user, id, version, Side.Reporting, "Bare parten som meldte avviket, kan lukke det.", d =>
        {
            d.Close(form.Text, Actor(user), clock.GetUtcNow());
            return "Saken er lukket.";
        }, _ => nameof(DeviationStepForm.Text), ct);

    private enum Side
    {
        Reporting,
        Other,
        Either,
    }

    /// <summary>
    /// The shape of every step: the case must be visible (else NotFound) and the step the user's side's (else
    /// Forbidden with why); then the domain takes the step under the case's row version (see <see cref="ClaimedChange"/>),
    /// whose refusals become field errors (mapped to the form by <paramref name="field"/>) or its Norwegian refusal.
    /// </summary>
    private async Task<CommandResult<uint>> ChangeAsync(ClaimsPrincipal user, Guid id, uint version, Side side, string notYourSide,
        Func<Deviation, string> step, Func<string, string> field, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(user, ct);
        var parties = await db.Deviations.AsNoTracking().VisibleTo(db, user).Where(d => d.Id == id)
            .Select(d => new { d.ReportingPartyId, d.OtherPartyId }).FirstOrDefaultAsync(ct);
        if (parties is null)
        {
            return CommandResult<uint>.From(CommandResult.NotFound());
        }

        var own = await DeviationAccess.OwnPartyIds(db, user).ToListAsync(ct);
        var allowed = side switch
        {
            Side.Reporting => user.ActsFor(own, parties.ReportingPartyId),
            Side.Other => user.ActsFor(own, parties.OtherPartyId),
            _ => user.ActsFor(own, parties.ReportingPartyId) || user.ActsFor(own, parties.OtherPartyId),
        };
        if (!allowed)
        {
            return CommandResult<uint>.From(new CommandResult(CommandStatus.Forbidden, [], notYourSide));
        }

        var message = string.Empty;
        return await ClaimedChange.SaveAsync(db, id, version,
            () => db.Deviations.Include(d => d.Events).FirstAsync(d => d.Id == id, ct),
            deviation =>
            {
                message = step(deviation);
                return Task.FromResult<CommandResult?>(null);
            },
            () => message, Conflict, ct, field);
    }

    // ---- Queries ------------------------------------------------------------------------------

    /// <summary>The agreements in force, visible to the user, that the party is party to, directly or through the agreement above.</summary>
    private static IQueryable<Agreement> AgreementsWith(AppDbContext db, ClaimsPrincipal user, Guid partyId) =>
        db.Agreements.AsNoTracking().VisibleTo(db, user)
            .Where(a => InForce.Contains(a.Status))
            .Where(a => db.AgreementParties.Any(ap => ap.PartyId == partyId && (ap.AgreementId == a.Id || ap.AgreementId == a.ParentAgreementId)));

    private static IQueryable<Agreement> Between(AppDbContext db, ClaimsPrincipal user, Guid partyId, Guid otherPartyId) =>
        AgreementsWith(db, user, partyId)
            .Where(a => db.AgreementParties.Any(ap => ap.PartyId == otherPartyId && (ap.AgreementId == a.Id || ap.AgreementId == a.ParentAgreementId)));

    private static IQueryable<DeviationRow> Rows(AppDbContext db, IQueryable<Deviation> deviations, DateOnly today) =>
        deviations.Select(d => new DeviationRow(
            d.Id,
            d.CaseNumber,
            d.Title,
            db.Parties.Where(p => p.Id == d.ReportingPartyId).Select(p => p.Name).FirstOrDefault()!,
            db.Parties.Where(p => p.Id == d.OtherPartyId).Select(p => p.Name).FirstOrDefault()!,
            db.Agreements.Where(a => a.Id == d.AgreementId).Select(a => a.ReferenceNumber).FirstOrDefault()!,
            d.Category,
            d.OccurredAt,
            d.Status,
            d.AnswerDueOn,
            d.Status == DeviationStatus.SentToOtherParty && d.AnswerDueOn < today,
            d.ReporterCaseReference,
            d.ReportedAt));

    private static Task<uint?> VersionAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        db.Deviations.Where(d => d.Id == id).Select(d => (uint?)EF.Property<uint>(d, "Version")).FirstOrDefaultAsync(ct);

    /// <summary>The kinds of party on the other side of a deviation reported by a party of this kind; null when this kind reports none.</summary>
    private static PartyKind[]? OtherSide(PartyKind kind) => kind switch
    {
        PartyKind.Municipality => Specialist,
        PartyKind.HealthTrust or PartyKind.Institution => Municipal,
        _ => null,
    };

    private static DischargeHours? Hours(TimeOnly? weekdayFrom, TimeOnly? weekdayTo, TimeOnly? holidayFrom, TimeOnly? holidayTo) =>
        weekdayFrom is { } wf && weekdayTo is { } wt && holidayFrom is { } hf && holidayTo is { } ht
        && DischargeHours.Validate(wf, wt, hf, ht).Count == 0
            ? new DischargeHours(wf, wt, hf, ht)
            : null;

    /// <summary>The domain's field names to the form's: the time goes beside the date, the parties beside their pickers.</summary>
    private static FieldError ToFormField(FieldError error) => error.Field switch
    {
        nameof(DeviationReport.OccurredAt) => error with { Field = nameof(DeviationReportForm.OccurredDate) },
        nameof(DeviationReport.ReportingPartyId) => error with { Field = nameof(DeviationReportForm.ReportingParty) },
        nameof(DeviationReport.OtherPartyId) => error with { Field = nameof(DeviationReportForm.OtherParty) },
        _ => error,
    };

    private static CaseActor Actor(ClaimsPrincipal user) => new(user.UserId(), user.DisplayName());

    private static string Like(string text) => "%" + SearchText.EscapeLike(text.ToLowerInvariant()) + "%";
}
