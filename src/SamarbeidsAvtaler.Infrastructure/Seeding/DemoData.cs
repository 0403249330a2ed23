using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Domain.Users;
using SamarbeidsAvtaler.Infrastructure.Data;
using SamarbeidsAvtaler.Infrastructure.Identity;

namespace SamarbeidsAvtaler.Infrastructure.Seeding;

/// <summary>
/// The demo register of DOMAIN.md section 6. Real organisations carry only the organisation numbers
/// the seeds state; the people and their numbers are invented and look it.
/// </summary>
public sealed class DemoData(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public const string Password = "Demo!Passord2026";

    public static readonly IReadOnlyList<(string Email, string Name, string Role)> Logins =
    [
        ("admin@demo.local", "Ada Administrator", Roles.Administrator),
        ("saksbehandler@demo.local", "Sander Saksbehandler", Roles.Caseworker),
        ("samhandlingssjef@demo.local", "Siri Samhandling", Roles.CooperationManager),
        ("spesialist@demo.local", "Demo Spesialistsen", Roles.Specialist),
        ("sekretariat@demo.local", "Sigrid Sekretariat", Roles.Secretariat),
        ("kommune@demo.local", "Kari Kommune", Roles.Municipality),
    ];

    /// <summary>The kommune the demo kommune user is contact for (in the områdeutval Bergensregionen).</summary>
    public const string DemoMunicipality = "Askøy kommune";

    /// <summary>Seed 004's name of the Voss institution.</summary>
    public const string VossInstitution = "Voss Distriktspsykiatriske Senter NKS Bjørkeli";

    /// <summary>The five institutions beside Helse Bergen HF in seed 004's specialist service.</summary>
    public static readonly string[] HelseBergenInstitutions =
    [
        "Haraldsplass Diakonale Sykehus AS", "NKS Olaviken alderspsykiatriske sykehus AS",
        "Solli distriktspsykiatriske senter", "Betanien sykehus AS", VossInstitution,
    ];

    /// <summary>
    /// The kommuner in Helse Bergen's area, by the area of the områdeutval (004 § 5.3) that covers
    /// them. Each kommune is a party of its own; the områdeutval are committees, not parties.
    /// </summary>
    public static readonly (string Area, string[] Municipalities)[] Areas =
    [
        ("Nordhordland", ["Alver kommune", "Austrheim kommune", "Fedje kommune", "Gulen kommune", "Masfjorden kommune", "Modalen kommune", "Osterøy kommune", "Vaksdal kommune"]),
        ("Bergen kommune", ["Bergen kommune"]),
        ("Voss lokalsjukehusområde", ["Voss herad", "Ulvik herad"]),
        ("Bergensregionen", ["Askøy kommune", "Bjørnafjorden kommune", "Øygarden kommune", "Samnanger kommune", "Austevoll kommune"]),
    ];

    public static readonly string[] HelseBergenMunicipalities = [.. Areas.SelectMany(a => a.Municipalities)];

    private static readonly (string Name, Profession Profession, string Specialty, DateOnly Born, string Street, string Code, string City)[] Specialists =
    [
        ("Demo Spesialistsen", Profession.Physician, "Øyesykdommer", new(1968, 3, 14), "Eksempelgata 1", "0150", "Oslo"),
        ("Testa Prøvesen", Profession.Psychologist, "Klinisk voksenpsykologi", new(1975, 6, 2), "Prøvevegen 12", "3015", "Drammen"),
        ("Fiktiv Legesen", Profession.Physician, "Hudsykdommer", new(1961, 11, 20), "Oppdiktet allé 3", "1606", "Fredrikstad"),
        ("Eksempel Hjertelund", Profession.Physician, "Hjertesykdommer", new(1958, 1, 9), "Tenkt torg 4", "2317", "Hamar"),
        ("Demo Barnesen", Profession.Psychologist, "Klinisk barne- og ungdomspsykologi", new(1980, 9, 30), "Demostien 5", "3510", "Hønefoss"),
        ("Prøve Øre-Nesesen", Profession.Physician, "Øre-nese-halssykdommer", new(1972, 4, 18), "Uekte gate 6", "4608", "Kristiansand"),
        ("Testine Gynesen", Profession.Physician, "Fødselshjelp og kvinnesykdommer", new(1966, 7, 7), "Eksempelgata 7", "0151", "Oslo"),
        ("Fiksjon Psykiatersen", Profession.Physician, "Psykiatri", new(1955, 12, 24), "Prøvevegen 8", "3015", "Drammen"),
        ("Demonstra Nevrosen", Profession.Physician, "Nevrologi", new(1970, 2, 28), "Oppdiktet allé 9", "1606", "Fredrikstad"),
        ("Tenkt Familiesen", Profession.Psychologist, "Familiepsykologi", new(1983, 5, 15), "Tenkt torg 10", "2317", "Hamar"),
        ("Eksempla Revmasen", Profession.Physician, "Revmatologi", new(1964, 8, 3), "Demostien 11", "3510", "Hønefoss"),
        ("Prøvar Indremedisinsen", Profession.Physician, "Indremedisin", new(1959, 10, 11), "Uekte gate 12", "4608", "Kristiansand"),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (!await db.Parties.AnyAsync(cancellationToken))
        {
            SeedParties();
            await db.SaveChangesAsync(cancellationToken);
        }

        await SeedUsersAsync();
        await new DemoAgreements(db, clock).SeedAsync(cancellationToken);
        await new DemoCommittees(db, clock).SeedAsync(cancellationToken);
        await new DemoFees(db, clock).SeedAsync(cancellationToken);
        await new DemoDeviations(db, clock).SeedAsync(cancellationToken);
        await new DemoDisputes(db, clock).SeedAsync(cancellationToken);
    }

    private void SeedParties()
    {
        var now = clock.GetUtcNow();
        Party Add(PartyDetails details)
        {
            var party = Party.Create(details, now);
            db.Parties.Add(party);
            return party;
        }

        var southEast = Add(new(PartyKind.RegionalHealthAuthority, "Helse Sør-Øst RHF", OrganisationNumber: "991324968"));
        var west = Add(new(PartyKind.RegionalHealthAuthority, "Helse Vest RHF"));
        var bergen = Add(new(PartyKind.HealthTrust, "Helse Bergen HF", ParentPartyId: west.Id, PostalCity: "Bergen"));
        foreach (var institution in HelseBergenInstitutions)
        {
            Add(new(PartyKind.Institution, institution, ParentPartyId: bergen.Id));
        }

        foreach (var municipality in HelseBergenMunicipalities)
        {
            Add(new(PartyKind.Municipality, municipality));
        }

        // A real interkommunal party kind stays available: an invented example, not party to any agreement.
        var nordhordland = Areas.Single(a => a.Area == "Nordhordland").Municipalities;
        var group = Add(new(PartyKind.MunicipalGroup, "Demo interkommunalt legevaktsamarbeid"));
        group.SetMembers(db.Parties.Local.Where(p => nordhordland.Take(3).Contains(p.Name)).Select(p => p.Id));

        var hpr = 9_900_101;
        foreach (var s in Specialists)
        {
            Add(new(PartyKind.Specialist, s.Name, HprNumber: (hpr++).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Profession: s.Profession, Specialty: s.Specialty, DateOfBirth: s.Born, StreetAddress: s.Street,
                PostalCode: s.Code, PostalCity: s.City, ContactEmail: $"post@{Slug(s.Name)}.example", ParentPartyId: southEast.Id));
        }
    }

    private async Task SeedUsersAsync()
    {
        var partyFor = new Dictionary<string, Guid?>
        {
            [Roles.CooperationManager] = await db.Parties.Where(p => p.Name == "Helse Bergen HF").Select(p => (Guid?)p.Id).FirstOrDefaultAsync(),
            [Roles.Secretariat] = await db.Parties.Where(p => p.Name == "Helse Bergen HF").Select(p => (Guid?)p.Id).FirstOrDefaultAsync(),
            [Roles.Municipality] = await db.Parties.Where(p => p.Name == DemoMunicipality).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(),
            [Roles.Specialist] = await db.Parties.Where(p => p.Name == "Demo Spesialistsen").Select(p => (Guid?)p.Id).FirstOrDefaultAsync(),
        };

        foreach (var (email, name, role) in Logins)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = name,
                PartyId = partyFor.GetValueOrDefault(role),
                CreatedAt = clock.GetUtcNow(),
            };
            IdentityCheck.Ensure(await users.CreateAsync(user, Password));
            IdentityCheck.Ensure(await users.AddToRoleAsync(user, role));
        }
    }

    private static string Slug(string name) =>
        new string(name.ToLowerInvariant().Replace('ø', 'o').Replace('æ', 'a').Replace('å', 'a')
            .Where(c => char.IsAsciiLetterOrDigit(c) || c == ' ').ToArray()).Replace(' ', '-');
}

public static class IdentityCheck
{
    public static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
