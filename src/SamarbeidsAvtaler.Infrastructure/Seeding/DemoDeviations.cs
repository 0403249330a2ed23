using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Infrastructure.Data;

namespace SamarbeidsAvtaler.Infrastructure.Seeding;

/// <summary>
/// A year of invented deviations across Helse Bergen's area (issue 10 § 7), built through the domain's own
/// steps so every case has a dated history. Skewed so the statistics tell something: discharges without
/// epikrise dominate the winter months, Bergensregionen reports most, and the count rises over the year.
/// Most cases are closed; some are answered in time, a few late, a few are overdue now, a few went to the
/// kommune and the specialist service. Everything is invented: people, texts and case references.
/// Runs once: the agreed discharge hours are set only where missing, the cases only when none of them exist.
/// </summary>
public sealed class DemoDeviations(AppDbContext db, TimeProvider clock)
{
    /// <summary>The reporters' case references start with this, which marks the demo set.</summary>
    public const string ReferencePrefix = "DEMO-AVVIK-";

    /// <summary>The answer deadline the demo uses: 14 days from sending.</summary>
    public const int AnswerDays = 14;

    // Area weights: Bergensregionen reports most, then Bergen kommune.
    private static readonly (string Area, int Weight)[] AreaWeights =
        [("Bergensregionen", 40), ("Bergen kommune", 28), ("Nordhordland", 20), ("Voss lokalsjukehusområde", 12)];

    private static readonly string[] MunicipalReporters =
        ["Kari Avviksdal", "Ola Meldesen", "Tone Utskrivsen", "Per Heimetenesta", "Liv Koordinatorsen", "Nils Sjukeheimsen", "Eli Demoland"];

    private static readonly string[] TrustReporters = ["Hanne Postoperativsen", "Bjørn Sengepostsen", "Marit Samhandlesen", "Geir Klinikkdal"];

    private static readonly Dictionary<DeviationCategory, string[]> Titles = new()
    {
        [DeviationCategory.DischargeWithoutEpicrisisAndMedicationList] =
            ["Utskriven utan epikrise (demo)", "Legemiddelliste mangla ved utskriving (demo)", "Ikkje utskrivingsklar: epikrise kom dagen etter (demo)"],
        [DeviationCategory.DischargeOutsideAgreedHours] = ["Utskriven seint på kvelden (demo)", "Utskriving tidleg om morgonen (demo)"],
        [DeviationCategory.Admission] = ["Innlegging utan tilvisingsopplysningar (demo)", "Kommunen ikkje varsla om innlegging (demo)"],
        [DeviationCategory.InformationExchange] = ["Pleie- og omsorgsmelding kom ikkje (demo)", "Manglande informasjon om hjelpemiddel (demo)"],
        [DeviationCategory.Ict] = ["Elektronisk melding stoppa i systemet (demo)", "Meldingsutveksling nede ein heil dag (demo)"],
        [DeviationCategory.Medication] = ["Feil dosering i legemiddellista (demo)", "Legemiddel ikkje sendt med heim (demo)"],
        [DeviationCategory.Other] = ["Transport heim ikkje bestilt (demo)", "Anna samhandlingsavvik (demo)"],
    };

    private readonly Random _random = new(20_26);

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var overarching = await db.Agreements
            .Where(a => a.Title == DemoAgreements.OverarchingTitle && a.Level == AgreementLevel.Overarching)
            .OrderByDescending(a => a.VersionNumber).FirstOrDefaultAsync(cancellationToken);
        if (overarching is null)
        {
            return;
        }

        // The tjenesteavtaler covering § 6-2 point 3 (innlegging/utskriving) carry seed 003's example hours.
        var dischargeAgreements = await db.Agreements
            .Where(a => a.ParentAgreementId == overarching.Id && a.Level == AgreementLevel.Service
                && db.AgreementStatutoryAreas.Any(s => s.AgreementId == a.Id && s.AreaNumber == 3))
            .OrderBy(a => a.ReferenceNumber).ToListAsync(cancellationToken);
        foreach (var agreement in dischargeAgreements.Where(a => a.DischargeHours is null))
        {
            agreement.SetDischargeHours(DischargeHours.SeedExample);
        }

        await db.SaveChangesAsync(cancellationToken);

        if (dischargeAgreements.Count == 0 || await db.Deviations.AnyAsync(d => d.ReporterCaseReference.StartsWith(ReferencePrefix), cancellationToken))
        {
            return;
        }

        var parties = await db.Parties.AsNoTracking().ToDictionaryAsync(p => p.Name, cancellationToken);
        var trust = parties.GetValueOrDefault("Helse Bergen HF");
        if (trust is null || !DemoData.HelseBergenMunicipalities.All(parties.ContainsKey))
        {
            return;
        }

        var institutions = DemoData.HelseBergenInstitutions.Where(parties.ContainsKey).Select(n => parties[n]).ToList();
        var plans = Plan(dischargeAgreements[0], overarching, parties, trust, institutions);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var plan in plans.OrderBy(p => p.ReportedAt))
        {
            var number = await ReferenceNumbers.NextAsync(db, "AVVIK", Norwegian.Local(plan.ReportedAt).Year, cancellationToken);
            db.Deviations.Add(Build(plan, number));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private enum Outcome
    {
        Registered,
        Overdue,
        Sent,
        AnsweredInTime,
        AnsweredLate,
        ClosedInTime,
        ClosedLate,
        Escalated,
        EscalatedClosed,
    }

    private sealed record PlannedDeviation(
        DeviationReport Report, DischargeHours? Hours, string Reporter, string Answerer, DateTimeOffset ReportedAt, Outcome Outcome, int Index);

    private List<PlannedDeviation> Plan(Agreement dischargeAgreement, Agreement overarching, Dictionary<string, Party> parties, Party trust,
        List<Party> institutions)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var plans = new List<PlannedDeviation>();
        var forcedOverdue = 0;
        var forcedEscalated = 0;
        for (var m = 0; m < 12; m++)
        {
            var month = thisMonth.AddMonths(m - 11);
            var winter = month.Month is 12 or 1 or 2;

            // A rising trend over the year, with a winter peak.
            var count = 7 + (m * 12 / 10) + (winter ? 5 : 0) + _random.Next(0, 4);
            var lastDay = month == thisMonth ? today.Day - 1 : DateTime.DaysInMonth(month.Year, month.Month);
            for (var i = 0; i < count && lastDay >= 1; i++)
            {
                var category = PickCategory(winter);
                var occurred = month.ToDateTime(TimeOnly.MinValue).AddDays(_random.Next(0, lastDay)).Add(PickTime(category));
                var reported = OfficeHours(Norwegian.Instant(occurred.AddHours(_random.Next(2, 60))));
                if (reported > now.AddHours(-1))
                {
                    reported = now.AddHours(-1);
                }

                var municipality = PickMunicipality(parties);
                var specialist = _random.Next(100) < 70 || institutions.Count == 0 ? trust : institutions[_random.Next(institutions.Count)];
                var municipalReports = category is not (DeviationCategory.Admission or DeviationCategory.InformationExchange) || _random.Next(100) < 40;
                var (reporting, other) = municipalReports ? (municipality, specialist) : (specialist, municipality);
                var agreement = category is DeviationCategory.DischargeOutsideAgreedHours or DeviationCategory.DischargeWithoutEpicrisisAndMedicationList
                    or DeviationCategory.Admission ? dischargeAgreement : overarching;
                int? point = category == DeviationCategory.Admission ? 2 : agreement == dischargeAgreement ? 3 : null;
                var index = plans.Count + 1;
                var report = new DeviationReport(reporting.Id, other.Id, agreement.Id, point, category, occurred,
                    Titles[category][_random.Next(Titles[category].Length)],
                    $"Oppdikta demoavvik for å vise statistikken. {Describe(category)} Ingen ekte pasient eller hending ligg bak.",
                    $"{ReferencePrefix}{index:D4}");

                var ageDays = (today.DayNumber - DateOnly.FromDateTime(occurred).DayNumber);
                var outcome = PickOutcome(ageDays, ref forcedOverdue, ref forcedEscalated);
                plans.Add(new PlannedDeviation(report, agreement.DischargeHours, Pick(municipalReports ? MunicipalReporters : TrustReporters),
                    Pick(municipalReports ? TrustReporters : MunicipalReporters), reported, outcome, index));
            }
        }

        return plans;
    }

    /// <summary>The older a case, the further it has come; a few recent ones are overdue, a few went to the kommune and specialist service.</summary>
    private Outcome PickOutcome(int ageDays, ref int forcedOverdue, ref int forcedEscalated)
    {
        if (ageDays <= 4)
        {
            return _random.Next(100) < 50 ? Outcome.Registered : Outcome.Sent;
        }

        if (ageDays <= 20)
        {
            return _random.Next(100) switch { < 45 => Outcome.Sent, < 80 => Outcome.AnsweredInTime, _ => Outcome.ClosedInTime };
        }

        if (ageDays <= 50)
        {
            if (forcedOverdue < 4)
            {
                forcedOverdue++;
                return Outcome.Overdue;
            }

            return _random.Next(100) switch { < 10 => Outcome.Overdue, < 35 => Outcome.AnsweredInTime, < 45 => Outcome.AnsweredLate, < 90 => Outcome.ClosedInTime, _ => Outcome.Escalated };
        }

        if (forcedEscalated < 3)
        {
            forcedEscalated++;
            return forcedEscalated == 1 ? Outcome.Escalated : Outcome.EscalatedClosed;
        }

        return _random.Next(100) switch { < 78 => Outcome.ClosedInTime, < 92 => Outcome.ClosedLate, < 96 => Outcome.EscalatedClosed, _ => Outcome.AnsweredLate };
    }

    private Deviation Build(PlannedDeviation plan, string caseNumber)
    {
        var now = clock.GetUtcNow();
        var reporter = new CaseActor(null, plan.Reporter);
        var answerer = new CaseActor(null, plan.Answerer);
        var reportedLocal = Norwegian.Local(plan.ReportedAt).DateTime;
        var deviation = Deviation.Report(plan.Report, plan.Hours, caseNumber, reporter, reportedLocal, plan.ReportedAt);
        if (plan.Outcome == Outcome.Registered)
        {
            return deviation;
        }

        var sentAt = Min(OfficeHours(plan.ReportedAt.AddHours(_random.Next(1, 30))), now.AddMinutes(-50));
        var due = DateOnly.FromDateTime(Norwegian.Local(sentAt).DateTime).AddDays(AnswerDays);
        deviation.SendToOtherParty(due, reporter, sentAt);
        if (plan.Outcome is Outcome.Sent or Outcome.Overdue)
        {
            return deviation;
        }

        var late = plan.Outcome is Outcome.AnsweredLate or Outcome.ClosedLate;
        var answeredOn = late ? due.AddDays(_random.Next(2, 20)) : DateOnly.FromDateTime(Norwegian.Local(sentAt).DateTime).AddDays(_random.Next(1, AnswerDays));
        var answeredAt = Min(OfficeHours(Norwegian.Instant(answeredOn.ToDateTime(new TimeOnly(_random.Next(8, 16), _random.Next(0, 60))))), now.AddMinutes(-40));
        deviation.Answer(
            "Oppdikta forklaring: posten hadde travle dagar, og rutina for utskriving vart ikkje følgd.",
            "Oppdikta tiltak: rutina er gjennomgått med alle tilsette, og sjekklista for utskriving er teken i bruk.",
            answerer, DateOnly.FromDateTime(Norwegian.Local(answeredAt).DateTime), answeredAt);
        if (plan.Outcome is Outcome.AnsweredInTime or Outcome.AnsweredLate)
        {
            return deviation;
        }

        if (plan.Outcome is Outcome.Escalated or Outcome.EscalatedClosed)
        {
            var escalatedAt = Min(OfficeHours(answeredAt.AddDays(_random.Next(2, 8))), now.AddMinutes(-30));
            deviation.SendToMunicipalityAndSpecialistService(
                "Partane er usamde om kva som skjedde, og saka går til kommunen og spesialisthelsetenesta (demo).", reporter, escalatedAt);
            if (plan.Outcome == Outcome.Escalated)
            {
                return deviation;
            }

            deviation.Close("Tilråding frå kommunen og spesialisthelsetenesta: felles gjennomgang av rutina for utskriving (demo).", reporter,
                Min(OfficeHours(escalatedAt.AddDays(_random.Next(7, 21))), now.AddMinutes(-20)));
            return deviation;
        }

        deviation.Close(_random.Next(100) < 50 ? "Svaret er godt nok, og saka er lukka (demo)." : null, reporter,
            Min(OfficeHours(answeredAt.AddDays(_random.Next(1, 10))), now.AddMinutes(-20)));
        return deviation;
    }

    private DeviationCategory PickCategory(bool winter)
    {
        var roll = _random.Next(100);
        var epikrise = winter ? 48 : 24;
        if (roll < epikrise)
        {
            return DeviationCategory.DischargeWithoutEpicrisisAndMedicationList;
        }

        roll = _random.Next(100);
        return roll switch
        {
            < 22 => DeviationCategory.DischargeOutsideAgreedHours,
            < 38 => DeviationCategory.InformationExchange,
            < 52 => DeviationCategory.Medication,
            < 66 => DeviationCategory.Admission,
            < 80 => DeviationCategory.Ict,
            _ => DeviationCategory.Other,
        };
    }

    /// <summary>A discharge outside the agreed hours happens late in the evening or early in the morning; anything else in the day.</summary>
    private TimeSpan PickTime(DeviationCategory category) => category == DeviationCategory.DischargeOutsideAgreedHours
        ? _random.Next(2) == 0 ? new TimeSpan(_random.Next(18, 23), _random.Next(0, 60), 0) : new TimeSpan(5, _random.Next(0, 60), 0)
        : new TimeSpan(_random.Next(8, 16), _random.Next(0, 60), 0);

    private Party PickMunicipality(Dictionary<string, Party> parties)
    {
        var roll = _random.Next(AreaWeights.Sum(a => a.Weight));
        foreach (var (area, weight) in AreaWeights)
        {
            if (roll < weight)
            {
                var municipalities = DemoData.Areas.Single(a => a.Area == area).Municipalities;
                return parties[municipalities[_random.Next(municipalities.Length)]];
            }

            roll -= weight;
        }

        return parties[DemoData.HelseBergenMunicipalities[0]];
    }

    private static string Describe(DeviationCategory category) => category switch
    {
        DeviationCategory.DischargeWithoutEpicrisisAndMedicationList => "Pasienten kom heim utan epikrise og legemiddelliste, og var difor ikkje utskrivingsklar.",
        DeviationCategory.DischargeOutsideAgreedHours => "Pasienten kom heim utanfor dei avtalte tidene for utskriving.",
        DeviationCategory.Admission => "Innlegginga skjedde utan at naudsynte opplysningar følgde med.",
        DeviationCategory.InformationExchange => "Meldinga som skulle følgje pasienten, kom ikkje fram i tide.",
        DeviationCategory.Ict => "Den elektroniske meldingsutvekslinga svikta.",
        DeviationCategory.Medication => "Det var feil eller manglar i legemiddelbehandlinga ved overgangen.",
        _ => "Eit anna brot på avtalen.",
    };

    private string Pick(string[] names) => names[_random.Next(names.Length)];

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>
    /// Caseworkers register and answer in office hours: an instant in the night or at a weekend moves forward to
    /// the next weekday between 08 and 09, keeping its minute. Only forward, so a step never comes before the one it follows.
    /// </summary>
    private static DateTimeOffset OfficeHours(DateTimeOffset instant)
    {
        var local = Norwegian.Local(instant).DateTime;
        var day = DateOnly.FromDateTime(local);
        if (local.Hour >= 16)
        {
            day = day.AddDays(1);
        }

        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        var moved = day != DateOnly.FromDateTime(local) || local.Hour < 8;
        return moved ? Norwegian.Instant(day.ToDateTime(new TimeOnly(8, local.Minute))) : instant;
    }
}
