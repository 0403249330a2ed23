using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Testing;
using SamarbeidsAvtaler.Web.Components;
using SamarbeidsAvtaler.Web.Features.Account;
using SamarbeidsAvtaler.Web.Features.Committees;
using SamarbeidsAvtaler.Web.Features.Parties;

namespace SamarbeidsAvtaler.Web.Tests.Committees;

/// <summary>
/// A helsefellesskap of its own per test: an HF, an institution under it and two kommuner, party to a fresh
/// overarching kommune–HF agreement. Nothing the demo data or another test makes is shared.
/// </summary>
internal sealed record Helsefellesskap(Guid AgreementId, Party Trust, Party Institution, Party Municipality, Party OtherMunicipality);

internal static class CommitteeTestData
{
    public static DateOnly Today => TimeProvider.System.Today();

    public static async Task<Helsefellesskap> HelsefellesskapAsync(this AppFactory app)
    {
        _ = app.Server;
        var tag = Guid.NewGuid().ToString("N")[..6];
        var now = AgreementScenarios.Now;
        var trust = Party.Create(new PartyDetails(PartyKind.HealthTrust, $"Helse Prøve {tag} HF"), now);
        var institution = Party.Create(new PartyDetails(PartyKind.Institution, $"Prøve {tag} sjukehus AS", ParentPartyId: trust.Id), now);
        var municipality = Party.Create(new PartyDetails(PartyKind.Municipality, $"Prøvevik {tag} kommune"), now);
        var other = Party.Create(new PartyDetails(PartyKind.Municipality, $"Testøy {tag} kommune"), now);
        await using var db = app.Database.CreateDbContext();
        db.Parties.AddRange(trust, institution, municipality, other);
        var agreement = AgreementScenarios.MunicipalDraft(AgreementLevel.Overarching, municipality, trust);
        agreement.SetParties([(municipality, "Kari Kommunedirektør", "Kommunedirektør"), (other, "Ola Ordfører", "Ordfører"), (trust, "Hanne HF-direktør", "Direktør")]);
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync();
        return new Helsefellesskap(agreement.Id, trust, institution, municipality, other);
    }

    /// <summary>A signed-in user as the cookie would carry them: id, display name, role and linked party.</summary>
    public static ClaimsPrincipal User(string role, Guid? partyId = null, string name = "Test Testesen")
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
            new(ClaimTypes.Name, $"{role.ToLowerInvariant()}@test.local"),
            new(UserClaims.DisplayNameType, name),
            new(ClaimTypes.Role, role),
        ];
        if (partyId is { } id)
        {
            claims.Add(new Claim(UserClaims.PartyIdType, id.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    public static ClaimsPrincipal Caseworker => User(Roles.Caseworker, name: "Sander Saksbehandler");

    public static ClaimsPrincipal Secretariat(this Helsefellesskap hf) => User(Roles.Secretariat, hf.Trust.Id, "Sigrid Sekretariat");

    public static ClaimsPrincipal CooperationManager(this Helsefellesskap hf) => User(Roles.CooperationManager, hf.Trust.Id, "Siri Samhandling");

    public static CommitteeForm Body(this Helsefellesskap hf, CommitteeKind kind, string? name = null) => new()
    {
        Kind = kind,
        Name = name ?? $"{kind.DisplayName()} {Guid.NewGuid().ToString("N")[..4]}",
        ShortName = kind == CommitteeKind.StrategicCommittee ? "SSU" : "UTV",
        OverarchingAgreementId = hf.AgreementId,
        TermYears = 4,
    };

    public static async Task<T> WithAsync<T, TService>(this AppFactory app, Func<TService, Task<T>> action)
        where TService : notnull
    {
        await using var scope = app.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static Task<T> CommitteesAsync<T>(this AppFactory app, Func<ICommitteeService, Task<T>> action) => app.WithAsync(action);

    public static Task<T> MembersAsync<T>(this AppFactory app, Func<IMemberService, Task<T>> action) => app.WithAsync(action);

    public static Task<T> PersonsAsync<T>(this AppFactory app, Func<IPersonService, Task<T>> action) => app.WithAsync(action);

    public static T Succeeded<T>(this CommandResult<T> result)
    {
        result.Status.Should().Be(CommandStatus.Ok, string.Join(" ", result.Errors.Select(e => $"{e.Field}: {e.Message}").Append(result.Message ?? "")));
        return result.Value!;
    }

    public static void ShouldSucceed(this CommandResult result) =>
        result.Status.Should().Be(CommandStatus.Ok, string.Join(" ", result.Errors.Select(e => $"{e.Field}: {e.Message}").Append(result.Message ?? "")));

    /// <summary>Creates a body as a caseworker; returns its id.</summary>
    public static async Task<Guid> CreateBodyAsync(this AppFactory app, CommitteeForm form, ClaimsPrincipal? user = null) =>
        (await app.CommitteesAsync(s => s.SaveAsync(user ?? Caseworker, null, form))).Succeeded().Id;

    public static async Task<CommitteeView> ViewAsync(this AppFactory app, Guid id, ClaimsPrincipal? user = null) =>
        (await app.CommitteesAsync(s => s.GetAsync(user ?? Caseworker, id)))!;

    /// <summary>Registers a person as a caseworker.</summary>
    public static async Task<PersonOption> PersonAsync(this AppFactory app, string name, Party? organisation = null, string? email = null,
        GpEmployment? gp = null)
    {
        var form = new PersonForm
        {
            Name = name,
            Title = "Rådgiver",
            Organisation = organisation is null ? null : new PartyOption(organisation.Id, organisation.Name),
            Email = email,
            Phone = email is null ? null : "+47 400 00 000",
            GpEmployment = gp,
        };
        return (await app.PersonsAsync(s => s.SaveAsync(Caseworker, null, form))).Succeeded().Option;
    }

    /// <summary>A member form for a term from today, of the given length.</summary>
    public static MemberForm Member(PersonOption person, CommitteeSide side, uint committeeVersion, int years = 4, MemberRole role = MemberRole.Member,
        Representation? representation = null, Guid? deputyFor = null) => new()
        {
            Person = person,
            Side = side,
            Role = role,
            Representation = representation,
            DeputyForMemberId = deputyFor,
            TermFrom = Today.ToDateTime(TimeOnly.MinValue),
            TermTo = Today.AddYears(years).AddDays(-1).ToDateTime(TimeOnly.MinValue),
            AppointedBy = "Partnarskapsmøtet",
            CommitteeVersion = committeeVersion,
        };

    /// <summary>Adds a member with the body's current version; returns the new membership's id.</summary>
    public static async Task<Guid> AddMemberAsync(this AppFactory app, Guid committeeId, PersonOption person, CommitteeSide side,
        MemberRole role = MemberRole.Member, Representation? representation = null, Guid? deputyFor = null, ClaimsPrincipal? user = null)
    {
        var view = await app.ViewAsync(committeeId);
        var form = Member(person, side, view.Version, role: role, representation: representation, deputyFor: deputyFor);
        return (await app.MembersAsync(s => s.SaveAsync(user ?? Caseworker, committeeId, null, form))).Succeeded().Id;
    }
}
