using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Infrastructure.Seeding;
using SamarbeidsAvtaler.Testing;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Account;
using SamarbeidsAvtaler.Web.Features.Deviations;

namespace SamarbeidsAvtaler.Web.Tests.Deviations;

/// <summary>
/// Deviations on the demo parties: Askøy kommune (the demo kommune user's) and Helse Bergen HF, over a
/// tjenesteavtale of each test's own with seed 003's discharge hours, under the demo's overarching agreement.
/// Titles carry a key of the test's own, so a test finds its own cases among everyone else's.
/// </summary>
internal static class DeviationTestData
{
    public const string Municipality = "kommune@demo.local";
    public const string Manager = "samhandlingssjef@demo.local";
    public const string Secretariat = "sekretariat@demo.local";
    public const string Caseworker = "saksbehandler@demo.local";
    public const string Administrator = "admin@demo.local";
    public const string Specialist = "spesialist@demo.local";

    public const string Askoy = DemoData.DemoMunicipality;
    public const string HelseBergen = "Helse Bergen HF";

    /// <summary>Monday 2 March 2026 at 10:00: within the weekday hours.</summary>
    public static readonly DateTime Weekday = new(2026, 3, 2, 10, 0, 0);

    /// <summary>2. påskedag 2026 (Easter Sunday is 5 April) at 18:30: outside the holiday hours 09–15.</summary>
    public static readonly DateTime EasterMondayEvening = new(2026, 4, 6, 18, 30, 0);

    public static async Task<T> WithDeviationsAsync<T>(this AppFactory app, Func<DeviationService, Task<T>> action)
    {
        await using var scope = app.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<DeviationService>());
    }

    public static async Task<Guid> PartyAsync(this AppFactory app, string name)
    {
        await using var db = app.Database.CreateDbContext();
        return await db.Parties.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();
    }

    /// <summary>
    /// An active tjenesteavtale between <paramref name="municipality"/> and Helse Bergen HF under the demo's overarching
    /// agreement (or, without <paramref name="underOverarching"/>, an overarching agreement of their own), covering § 6-2
    /// point 5, with seed 003's discharge hours.
    /// </summary>
    public static async Task<Guid> AgreementAsync(this AppFactory app, string municipality = Askoy, bool underOverarching = true)
    {
        await using var db = app.Database.CreateDbContext();
        var overarching = await db.Agreements.Where(a => a.Title == DemoAgreements.OverarchingTitle).Select(a => a.Id).SingleAsync();
        var agreement = AgreementScenarios.MunicipalDraft(underOverarching ? AgreementLevel.Service : AgreementLevel.Overarching,
            await db.Parties.SingleAsync(p => p.Name == municipality), await db.Parties.SingleAsync(p => p.Name == HelseBergen),
            underOverarching ? overarching : null, [5]);
        agreement.SetDischargeHours(DischargeHours.SeedExample);
        agreement.SignedByAll();
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync();
        return agreement.Id;
    }

    public static async Task<DeviationReportForm> FormAsync(this AppFactory app, Guid agreementId, string title, string reporting = Askoy,
        string other = HelseBergen, DateTime? occurredAt = null, DeviationCategory category = DeviationCategory.DischargeOutsideAgreedHours)
    {
        var at = occurredAt ?? Weekday;
        return new DeviationReportForm
        {
            ReportingParty = new DeviationPartyOption(await app.PartyAsync(reporting), reporting, default),
            OtherParty = new DeviationPartyOption(await app.PartyAsync(other), other, default),
            AgreementId = agreementId,
            StatutoryAreaNumber = 5,
            Category = category,
            OccurredDate = at.Date,
            OccurredTime = at.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            Title = title,
            Description = "Pasienten kom heim utan epikrise og legemiddelliste.",
            ReporterCaseReference = "EQS-" + Guid.NewGuid().ToString("N")[..6],
        };
    }

    /// <summary>Reports as <paramref name="email"/>; fails the test when refused.</summary>
    public static async Task<Guid> ReportAsync(this AppFactory app, string email, DeviationReportForm form)
    {
        var user = await app.UserAsync(email);
        var result = await app.WithDeviationsAsync(s => s.ReportAsync(user, form));
        result.Status.Should().Be(CommandStatus.Ok, string.Join(" ", result.Errors.Select(e => $"{e.Field}: {e.Message}")) + result.Message);
        return result.Value;
    }

    public static async Task<DeviationView?> CaseAsync(this AppFactory app, Guid id, string email = Caseworker, bool recordView = false)
    {
        var user = await app.UserAsync(email);
        return await app.WithDeviationsAsync(s => s.GetCaseAsync(user, id, recordView));
    }

    public static async Task<ClaimsPrincipal> OutsiderAsync(this AppFactory app, string role)
    {
        var party = await app.PartyAsync("Helse Sør-Øst RHF");
        return new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
            new Claim(ClaimTypes.Role, role),
            new Claim(UserClaims.DisplayNameType, "Ute Utenforsen"),
            new Claim(UserClaims.PartyIdType, party.ToString()),
        ], "test"));
    }

    /// <summary>A fødselsnummer-shaped number whose two MOD11 check digits are valid (invented: 1 January 1990).</summary>
    public static string ValidNationalIdentityNumber()
    {
        int[] first = [3, 7, 6, 1, 8, 9, 4, 5, 2];
        int[] second = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
        for (var individual = 100; ; individual++)
        {
            var digits = ("010190" + individual).Select(c => c - '0').ToList();
            var k1 = 11 - digits.Select((d, i) => d * first[i]).Sum() % 11;
            k1 = k1 == 11 ? 0 : k1;
            if (k1 == 10)
            {
                continue;
            }

            digits.Add(k1);
            var k2 = 11 - digits.Select((d, i) => d * second[i]).Sum() % 11;
            k2 = k2 == 11 ? 0 : k2;
            if (k2 == 10)
            {
                continue;
            }

            digits.Add(k2);
            return string.Concat(digits);
        }
    }
}
