using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Testing;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Disputes;

namespace SamarbeidsAvtaler.Web.Tests.Disputes;

/// <summary>
/// A small helsefellesskap of each test's own between a demo kommune and Helse Bergen HF: an overarching agreement
/// (dispute statements advisory, as nothing says otherwise), a tjenesteavtale under it, its SSU and a planned SSU
/// meeting. Helse Bergen's users see it; the demo's agreements, bodies and meetings stay as composed.
/// </summary>
internal static class DisputeTestData
{
    public const string Caseworker = "saksbehandler@demo.local";
    public const string Administrator = "admin@demo.local";
    public const string Secretariat = "sekretariat@demo.local";
    public const string Manager = "samhandlingssjef@demo.local";
    public const string Specialist = "spesialist@demo.local";
    public const string Municipality = "kommune@demo.local";

    public sealed record Helsefellesskap(Guid Overarching, Guid Service, Guid Ssu, Guid Meeting, Guid MunicipalityId, Guid TrustId);

    public static async Task<T> WithDisputesAsync<T>(this AppFactory app, Func<DisputeService, Task<T>> action)
    {
        await using var scope = app.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<DisputeService>());
    }

    public static async Task<Helsefellesskap> HelsefellesskapAsync(this AppFactory app, string municipality = "Askøy kommune")
    {
        await using var db = app.Database.CreateDbContext();
        var now = DateTimeOffset.UtcNow;
        var kommune = await db.Parties.SingleAsync(p => p.Name == municipality);
        var trust = await db.Parties.SingleAsync(p => p.Name == "Helse Bergen HF");
        var overarching = AgreementScenarios.MunicipalDraft(AgreementLevel.Overarching, kommune, trust).SignedByAll();
        db.Agreements.Add(overarching);
        await db.SaveChangesAsync();
        var service = AgreementScenarios.MunicipalDraft(AgreementLevel.Service, kommune, trust, parent: overarching.Id, areas: [5]).SignedByAll();
        db.Agreements.Add(service);
        var key = Guid.NewGuid().ToString("N")[..8];
        var ssu = Committee.Create(new CommitteeDetails($"Test-SSU {key}", $"TS{key[..4]}", CommitteeKind.StrategicCommittee, overarching.Id), now);
        db.Committees.Add(ssu);
        await db.SaveChangesAsync();
        var meeting = Meeting.Plan(ssu.Id, new MeetingDetails(TimeProvider.System.Today().AddDays(20), new TimeOnly(9, 0), new TimeOnly(12, 0), "Testrommet", false), now);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return new Helsefellesskap(overarching.Id, service.Id, ssu.Id, meeting.Id, kommune.Id, trust.Id);
    }

    /// <summary>A dispute raised by the caseworker for the kommune against the HF, about the tjenesteavtale; fails the test when refused.</summary>
    public static async Task<Guid> RaiseAsync(this AppFactory app, Helsefellesskap h, string email = Caseworker, string title = "Testtvist om tolking av punkt 5")
    {
        var user = await app.UserAsync(email);
        var result = await app.WithDisputesAsync(s => s.RaiseAsync(user, Form(h, title)));
        result.Status.Should().Be(CommandStatus.Ok, string.Join(" ", result.Errors.Select(e => e.Message)) + result.Message);
        return result.Value;
    }

    public static NewDisputeForm Form(Helsefellesskap h, string title = "Testtvist om tolking av punkt 5") => new()
    {
        AgreementId = h.Service,
        RaisingPartyId = h.MunicipalityId,
        OtherPartyId = h.TrustId,
        Title = title,
        Question = "Partene leser punktet om utskrivingsklar pasient ulikt. (Testdata.)",
    };

    public static async Task<DisputeView> ViewAsync(this AppFactory app, Guid id, string email = Caseworker)
    {
        var user = await app.UserAsync(email);
        return (await app.WithDisputesAsync(s => s.GetAsync(user, id)))!;
    }

    /// <summary>Takes the dispute one step up as the sekretariat at its current version; fails the test when refused.</summary>
    public static async Task EscalateAsync(this AppFactory app, Guid id, EscalationStep to, Guid? meetingId = null)
    {
        var user = await app.UserAsync(Secretariat);
        var view = await app.ViewAsync(id);
        var result = await app.WithDisputesAsync(s => s.EscalateAsync(user, id, view.Version, to, new EscalateForm { MeetingId = meetingId }));
        result.Status.Should().Be(CommandStatus.Ok, string.Join(" ", result.Errors.Select(e => e.Message)) + result.Message);
    }

    /// <summary>Records the parties' agreement as the caseworker at the current version; fails the test when refused.</summary>
    public static async Task ResolveAsync(this AppFactory app, Guid id, string resolution = "Partene er enige om at avtalen ble brutt.")
    {
        var user = await app.UserAsync(Caseworker);
        var view = await app.ViewAsync(id);
        var result = await app.WithDisputesAsync(s => s.ResolveAsync(user, id, view.Version, new ResolveForm { Resolution = resolution }));
        result.Status.Should().Be(CommandStatus.Ok, result.Message);
    }

    /// <summary>A claim for documented loss of <paramref name="amount"/> kroner, dated <paramref name="claimedOn"/>.</summary>
    public static LossClaimForm LossClaim(decimal amount, DateTime claimedOn) => new()
    {
        LossClaimAmount = amount,
        LossClaimDescription = "Ekstra liggedøgn, faktura i sak 26/123 (testdata).",
        LossClaimedOn = claimedOn,
    };

    /// <summary>A principal of a role tied to a party outside Helse Bergen's helsefellesskap.</summary>
    public static async Task<ClaimsPrincipal> OutsiderAsync(this AppFactory app, string role)
    {
        await using var db = app.Database.CreateDbContext();
        var party = await db.Parties.Where(p => p.Name == "Helse Sør-Øst RHF").Select(p => p.Id).SingleAsync();
        return new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
            new Claim(ClaimTypes.Role, role),
            new Claim(Features.Account.UserClaims.DisplayNameType, "Ute Utenforsen"),
            new Claim(Features.Account.UserClaims.PartyIdType, party.ToString()),
        ], "test"));
    }

    /// <summary>A fødselsnummer with valid check digits (R24), built here so no real person's number is written down.</summary>
    public static string ValidBirthNumber()
    {
        for (var individual = 100; individual < 999; individual++)
        {
            var digits = $"010190{individual}";
            int[] w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
            var k1 = 11 - (digits.Select((c, i) => (c - '0') * w1[i]).Sum() % 11);
            if (k1 == 11)
            {
                k1 = 0;
            }

            if (k1 == 10)
            {
                continue;
            }

            digits += k1;
            int[] w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
            var k2 = 11 - (digits.Select((c, i) => (c - '0') * w2[i]).Sum() % 11);
            if (k2 == 11)
            {
                k2 = 0;
            }

            if (k2 == 10)
            {
                continue;
            }

            var number = digits + k2;
            if (Domain.Deviations.PatientIdentity.HasValidCheckDigits(number))
            {
                return number;
            }
        }

        throw new InvalidOperationException("No valid number found.");
    }
}
