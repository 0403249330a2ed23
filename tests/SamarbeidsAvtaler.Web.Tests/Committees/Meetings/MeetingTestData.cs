using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Infrastructure.Identity;
using SamarbeidsAvtaler.Infrastructure.Seeding;
using SamarbeidsAvtaler.Testing;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Committees.Meetings;
using SamarbeidsAvtaler.Web.Tests.Agreements;

namespace SamarbeidsAvtaler.Web.Tests.Committees.Meetings;

/// <summary>A helsefellesskap (an overarching kommune–HF agreement) with a body, its members and users, saved straight to the test database.</summary>
internal static class MeetingTestData
{
    public static DateOnly Today => AgreementTestData.Today;

    /// <summary>Bergen kommune and Helse Bergen HF: the demo samhandlingssjef (Helse Bergen HF) belongs to it.</summary>
    public static async Task<Guid> BergenHelsefellesskapAsync(this AppFactory app) => (await app.MunicipalAsync(a => a.Active())).Id;

    /// <summary>An invented kommune and HF with an overarching agreement of their own: another helsefellesskap. The value is the HF's id.</summary>
    public static async Task<(Guid AgreementId, Guid TrustId)> OtherHelsefellesskapAsync(this AppFactory app)
    {
        _ = app.Server;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var municipality = AgreementScenarios.Municipality($"Prøvevik kommune {suffix}");
        var trust = AgreementScenarios.Trust($"Helse Prøvefjord HF {suffix}");
        await using var db = app.Database.CreateDbContext();
        db.Parties.AddRange(municipality, trust);
        var agreement = AgreementScenarios.MunicipalDraft(AgreementLevel.Overarching, municipality, trust);
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync();
        return (agreement.Id, trust.Id);
    }

    public static async Task<Committee> CommitteeAsync(this AppFactory app, Guid agreementId, string shortName = "SSU")
    {
        await using var db = app.Database.CreateDbContext();
        var committee = Committee.Create(new CommitteeDetails($"Strategisk testutval {Guid.NewGuid().ToString("N")[..8]}", shortName,
            CommitteeKind.StrategicCommittee, agreementId), AgreementScenarios.Now);
        db.Committees.Add(committee);
        await db.SaveChangesAsync();
        return committee;
    }

    /// <summary>A member for the term around today, and optionally their personal deputy; the value is the member's id.</summary>
    public static async Task<Guid> MemberAsync(this AppFactory app, Guid committeeId, string name, string? deputy = null)
    {
        await using var db = app.Database.CreateDbContext();
        var person = Person.Create(new PersonDetails(name), AgreementScenarios.Now);
        db.Persons.Add(person);
        var member = CommitteeMember.Create(committeeId,
            new MemberDetails(person.Id, CommitteeSide.Municipal, MemberRole.Member, Today.AddYears(-1), Today.AddYears(2)), AgreementScenarios.Now);
        db.CommitteeMembers.Add(member);
        if (deputy is not null)
        {
            var deputyPerson = Person.Create(new PersonDetails(deputy), AgreementScenarios.Now);
            db.Persons.Add(deputyPerson);
            db.CommitteeMembers.Add(CommitteeMember.Create(committeeId,
                new MemberDetails(deputyPerson.Id, CommitteeSide.Municipal, MemberRole.Deputy, Today.AddYears(-1), Today.AddYears(2), DeputyForMemberId: member.Id),
                AgreementScenarios.Now));
        }

        await db.SaveChangesAsync();
        return member.Id;
    }

    public static async Task<Guid> PartyIdAsync(this AppFactory app, string name)
    {
        await using var db = app.Database.CreateDbContext();
        return (await db.PartyAsync(name)).Id;
    }

    /// <summary>A sekretariat user linked to the party; log in with the email and the demo password.</summary>
    public static async Task<string> SecretariatUserAsync(this AppFactory app, Guid partyId)
    {
        var email = $"sekretariat-{Guid.NewGuid():N}@test.local";
        await using var scope = app.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Sigrid Sekretariat",
            PartyId = partyId,
            CreatedAt = AgreementScenarios.Now,
        };
        (await users.CreateAsync(user, DemoData.Password)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(user, Roles.Secretariat)).Succeeded.Should().BeTrue();
        return email;
    }

    public static async Task<ClaimsPrincipal> SecretariatAsync(this AppFactory app, Guid partyId) =>
        await app.UserAsync(await app.SecretariatUserAsync(partyId));

    public static async Task<T> MeetingsAsync<T>(this AppFactory app, Func<IMeetingService, Task<T>> action)
    {
        await using var scope = app.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<IMeetingService>());
    }

    public static MeetingForm Form(DateOnly date, string? location = "Haukeland, møterom 1", bool digital = false) => new()
    {
        Date = date.ToDateTime(TimeOnly.MinValue),
        StartTime = new TimeSpan(9, 0, 0),
        EndTime = new TimeSpan(11, 30, 0),
        Location = location,
        IsDigital = digital,
    };

    public static string Describe(this CommandResult result) =>
        $"{result.Status}: {result.Message} {string.Join(" ", result.Errors.Select(e => $"[{e.Field}] {e.Message}"))}";
}
