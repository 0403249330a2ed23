using System.Security.Claims;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Testing;
using SamarbeidsAvtaler.Web.Features.Account;

namespace SamarbeidsAvtaler.Web.Tests.Deviations.Statistics;

/// <summary>
/// A known set of deviations of its own, in 2003 (far from the demo's year), between parties of its own:
/// two trusts, two kommuner in område A and one in område B, each område an områdeutval of a helsefellesskap
/// of its own. Counted by område (or by party), nothing else in the shared database is counted.
/// </summary>
internal sealed class StatisticsTestData
{
    public static readonly DateOnly January = new(2003, 1, 1);
    public static readonly DateOnly December = new(2003, 12, 1);

    public required Party Trust { get; init; }
    public required Party OtherTrust { get; init; }
    public required Party K1 { get; init; }
    public required Party K2 { get; init; }
    public required Party K3 { get; init; }
    public required Guid AreaA { get; init; }
    public required Guid AreaB { get; init; }
    public required string AreaAName { get; init; }

    public static async Task<StatisticsTestData> CreateAsync(AppFactory app)
    {
        var key = Guid.NewGuid().ToString("N")[..8];
        var data = new StatisticsTestData
        {
            Trust = AgreementScenarios.Trust($"Helse Statistikk {key} HF"),
            OtherTrust = AgreementScenarios.Trust($"Helse Annan {key} HF"),
            K1 = AgreementScenarios.Municipality($"Talvik {key} kommune"),
            K2 = AgreementScenarios.Municipality($"Tellnes {key} kommune"),
            K3 = AgreementScenarios.Municipality($"Fjernøy {key} kommune"),
            AreaA = Guid.Empty,
            AreaB = Guid.Empty,
            AreaAName = $"Områdeutval Statistikk A {key}",
        };

        await using var db = app.Database.CreateDbContext();
        db.Parties.AddRange(data.Trust, data.OtherTrust, data.K1, data.K2, data.K3);
        var overarching = AgreementScenarios.MunicipalDraft(AgreementLevel.Overarching, data.K1, data.Trust);
        db.Agreements.Add(overarching);
        var now = DateTimeOffset.UtcNow;
        var a = Committee.Create(new CommitteeDetails(data.AreaAName, $"OA {key[..4]}", CommitteeKind.AreaCommittee, overarching.Id), now);
        a.SetAreaMunicipalities([data.K1.Id, data.K2.Id]);
        var b = Committee.Create(new CommitteeDetails($"Områdeutval Statistikk B {key}", $"OB {key[..4]}", CommitteeKind.AreaCommittee, overarching.Id), now);
        b.SetAreaMunicipalities([data.K3.Id]);
        db.Committees.AddRange(a, b);
        await db.SaveChangesAsync();

        var (t, t2, k1, k2, k3) = (data.Trust, data.OtherTrust, data.K1, data.K2, data.K3);
        Add(db, overarching, k1, t, DeviationCategory.DischargeWithoutEpicrisisAndMedicationList, new(2003, 1, 10), answerAfterDays: 9);
        Add(db, overarching, k1, t, DeviationCategory.DischargeWithoutEpicrisisAndMedicationList, new(2003, 1, 15), answerAfterDays: 20);
        Add(db, overarching, t, k2, DeviationCategory.Admission, new(2003, 2, 3), send: true);
        Add(db, overarching, k2, t, DeviationCategory.Ict, new(2003, 3, 7));
        Add(db, overarching, k1, t, DeviationCategory.Medication, new(2003, 3, 20), answerAfterDays: 14);
        Add(db, overarching, k2, t2, DeviationCategory.Other, new(2003, 4, 1));
        Add(db, overarching, k3, t, DeviationCategory.DischargeWithoutEpicrisisAndMedicationList, new(2003, 2, 10));
        await db.SaveChangesAsync();

        return new StatisticsTestData
        {
            Trust = t,
            OtherTrust = t2,
            K1 = k1,
            K2 = k2,
            K3 = k3,
            AreaA = a.Id,
            AreaB = b.Id,
            AreaAName = data.AreaAName,
        };
    }

    /// <summary>Reported the day after it happened and sent the day after that, with 14 days to answer.</summary>
    private static void Add(AppDbContext db, Agreement agreement, Party reporting, Party other, DeviationCategory category, DateOnly occurred,
        int? answerAfterDays = null, bool send = false)
    {
        var actor = new CaseActor(null, "Testa Melder");
        var reported = new DateTimeOffset(occurred.ToDateTime(new TimeOnly(10, 0)).AddDays(1), TimeSpan.Zero);
        var report = new DeviationReport(reporting.Id, other.Id, agreement.Id, null, category, occurred.ToDateTime(new TimeOnly(9, 30)),
            "Testavvik for statistikk", "Oppdiktet testavvik.", "TEST-STAT");
        var deviation = Deviation.Report(report, null, $"AVVIK-T-{Guid.NewGuid().ToString("N")[..10]}", actor, DateTime.Now, reported);
        if (send || answerAfterDays is not null)
        {
            var sent = reported.AddDays(1);
            deviation.SendToOtherParty(occurred.AddDays(2 + 14), actor, sent);
            if (answerAfterDays is { } days)
            {
                // Sent on day 2 after the event; due on day 16: answered on day 2 + days.
                deviation.Answer("Forklaring.", "Tiltak.", actor, occurred.AddDays(2 + days), sent.AddDays(days));
            }
        }

        db.Deviations.Add(deviation);
    }

    public static ClaimsPrincipal User(string role, Guid? partyId) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
        new Claim(ClaimTypes.Role, role),
        new Claim(UserClaims.DisplayNameType, "Testa Brukar"),
        .. partyId is { } id ? [new Claim(UserClaims.PartyIdType, id.ToString())] : Array.Empty<Claim>(),
    ], "test"));
}
