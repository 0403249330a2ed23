using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Domain.Committees.Fees;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Infrastructure.Identity;
using SamarbeidsAvtaler.Infrastructure.Seeding;
using SamarbeidsAvtaler.Testing;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Account;
using SamarbeidsAvtaler.Web.Features.Committees.Fees;

namespace SamarbeidsAvtaler.Web.Tests.Committees.Fees;

/// <summary>
/// Fastleger of their own for each test, in a body of their own under Helse Bergen's overarching agreement
/// (the demo's bodies stay as composed), and users inside and outside that helsefellesskap.
/// </summary>
internal static class FeeTestData
{
    public const string Caseworker = "saksbehandler@demo.local";
    public const string Administrator = "admin@demo.local";
    public const string Secretariat = "sekretariat@demo.local";
    public const string Manager = "samhandlingssjef@demo.local";
    public const string Specialist = "spesialist@demo.local";

    public static async Task<T> WithFeesAsync<T>(this AppFactory app, Func<FeeService, Task<T>> action)
    {
        await using var scope = app.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<FeeService>());
    }

    /// <summary>
    /// A new fastlege in a new faglig utval of a helsefellesskap of its own between Voss herad and Helse Bergen HF,
    /// so Helse Bergen's users see it and the demo's helsefellesskap stays as composed for other tests.
    /// </summary>
    public static async Task<Guid> FastlegeAsync(this AppFactory app, GpEmployment? employment = GpEmployment.SelfEmployed,
        Representation representation = Representation.GeneralPractitioner)
    {
        await using var db = app.Database.CreateDbContext();
        var now = DateTimeOffset.UtcNow;
        var overarching = AgreementScenarios.MunicipalDraft(AgreementLevel.Overarching,
            await db.Parties.SingleAsync(p => p.Name == DemoFees.PayingMunicipality), await db.Parties.SingleAsync(p => p.Name == "Helse Bergen HF"));
        db.Agreements.Add(overarching);
        var key = Guid.NewGuid().ToString("N")[..8];
        var committee = Committee.Create(new CommitteeDetails($"Testutval honorar {key}", $"TH {key[..4]}", CommitteeKind.ProfessionalCommittee, overarching.Id), now);
        db.Committees.Add(committee);
        var person = Person.Create(new PersonDetails($"Test Fastlegesen {key}", "Fastlege", GpEmployment: employment), now);
        db.Persons.Add(person);
        await db.SaveChangesAsync();
        db.CommitteeMembers.Add(CommitteeMember.Create(committee.Id, new MemberDetails(person.Id, CommitteeSide.Municipal, MemberRole.Member,
            new DateOnly(2026, 1, 1), new DateOnly(2029, 12, 31), representation), now));
        await db.SaveChangesAsync();
        return person.Id;
    }

    public static async Task<Guid> VossAsync(this AppFactory app)
    {
        await using var db = app.Database.CreateDbContext();
        return await db.Parties.Where(p => p.Name == DemoFees.PayingMunicipality).Select(p => p.Id).SingleAsync();
    }

    /// <summary>A draft claim made by the caseworker; fails the test when refused.</summary>
    public static async Task<Guid> ClaimAsync(this AppFactory app, Guid personId, DateOnly from, DateOnly to)
    {
        var user = await app.UserAsync(Caseworker);
        var form = new NewClaimForm
        {
            PersonId = personId,
            MunicipalityId = await app.VossAsync(),
            PeriodFrom = from.ToDateTime(TimeOnly.MinValue),
            PeriodTo = to.ToDateTime(TimeOnly.MinValue),
        };
        var result = await app.WithFeesAsync(s => s.CreateClaimAsync(user, form));
        result.Status.Should().Be(CommandStatus.Ok, string.Join(" ", result.Errors.Select(e => e.Message)));
        return result.Value;
    }

    public static FeeActivityForm Activity(FeeActivityKind kind, DateOnly day, string from, string to, bool inside, int? multiplier = null,
        string? description = null) => new()
        {
            Kind = kind,
            Date = day.ToDateTime(TimeOnly.MinValue),
            StartTime = from,
            EndTime = to,
            InsideOfficeHours = inside,
            ChosenMultiplier = multiplier,
            Description = description,
        };

    public static async Task<FeeClaimView> ViewAsync(this AppFactory app, Guid claimId, string email = Caseworker)
    {
        var user = await app.UserAsync(email);
        return (await app.WithFeesAsync(s => s.GetClaimAsync(user, claimId)))!;
    }

    /// <summary>Adds an activity as the caseworker at the claim's current version; fails the test when refused.</summary>
    public static async Task<uint> AddAsync(this AppFactory app, Guid claimId, FeeActivityForm form)
    {
        var user = await app.UserAsync(Caseworker);
        var view = await app.ViewAsync(claimId);
        var result = await app.WithFeesAsync(s => s.SaveActivityAsync(user, claimId, null, view.Version, form));
        result.Status.Should().Be(CommandStatus.Ok, string.Join(" ", result.Errors.Select(e => e.Message)) + result.Message);
        return result.Value;
    }

    /// <summary>A principal of a role tied to a party outside Helse Bergen's helsefellesskap.</summary>
    public static async Task<ClaimsPrincipal> OutsiderAsync(this AppFactory app, string role)
    {
        await using var db = app.Database.CreateDbContext();
        var party = await db.Parties.Where(p => p.Name == "Helse Sør-Øst RHF").Select(p => p.Id).SingleAsync();
        return new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
            new Claim(ClaimTypes.Role, role),
            new Claim(UserClaims.DisplayNameType, "Ute Utenforsen"),
            new Claim(UserClaims.PartyIdType, party.ToString()),
        ], "test"));
    }

    /// <summary>A real log-in of a samhandlingssjef outside the helsefellesskap, for the HTTP endpoints.</summary>
    public static async Task<string> OutsideLoginAsync(this AppFactory app)
    {
        var email = $"utenfor-{Guid.NewGuid():N}@test.local";
        await using var scope = app.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await using var db = app.Database.CreateDbContext();
        var party = await db.Parties.Where(p => p.Name == "Helse Sør-Øst RHF").Select(p => p.Id).SingleAsync();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Ute Utenforsen", PartyId = party, CreatedAt = DateTimeOffset.UtcNow };
        (await users.CreateAsync(user, DemoData.Password)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(user, Roles.CooperationManager)).Succeeded.Should().BeTrue();
        return email;
    }
}
