using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Infrastructure.Data;

namespace SamarbeidsAvtaler.Infrastructure.Seeding;

/// <summary>
/// Helse Bergen's cooperation structure of seed 004 § 5, with invented people: the partnarskapsmøte,
/// SSU composed per R19 (with deputies and observers), the four områdeutval (Voss and Bergen kommune
/// composed per R20; Bergensregionen with a deliberate gap the panel shows), two faglege utval and the
/// samarbeidssekretariat. SSU has held three meetings this year and planned a fourth, so its panel warns.
/// </summary>
public sealed class DemoCommittees(AppDbContext db, TimeProvider clock)
{
    public const string SsuName = "Strategisk samarbeidsutval";
    public const string PartnershipName = "Partnarskapsmøte";
    public const string SecretariatName = "Samarbeidssekretariatet";
    public const string GapAreaName = "Områdeutval Bergensregionen";

    /// <summary>The kommune of Bergensregionen left without a representative: the deliberate gap.</summary>
    public const string GapMunicipality = "Samnanger kommune";

    public static readonly string[] PrivateMentalHealth =
        ["NKS Olaviken alderspsykiatriske sykehus AS", "Solli distriktspsykiatriske senter", DemoData.VossInstitution];

    // Invented names that look invented; a running index keeps every person distinct.
    private static readonly string[] FirstNames =
        ["Kari", "Ola", "Siri", "Per", "Anne", "Nils", "Liv", "Jon", "Eva", "Tor", "Mia", "Leif", "Randi", "Geir", "Hilde", "Arne"];

    private static readonly string[] Surnames =
        ["Demosen", "Prøvestad", "Eksempelvik", "Testdal", "Fiktivland", "Tenkjeberg", "Oppdiktheim", "Latesletta", "Utvalsnes", "Møtebakken", "Referatvik"];

    private readonly Dictionary<string, Party> _parties = [];
    private int _personIndex;
    private DateTimeOffset _now;
    private DateOnly _today;

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Committees.AnyAsync(cancellationToken))
        {
            return;
        }

        var overarching = await db.Agreements
            .Where(a => a.Title == DemoAgreements.OverarchingTitle && a.Level == AgreementLevel.Overarching)
            .OrderByDescending(a => a.VersionNumber)
            .FirstOrDefaultAsync(cancellationToken);
        if (overarching is null)
        {
            return;
        }

        foreach (var party in await db.Parties.ToListAsync(cancellationToken))
        {
            _parties.TryAdd(party.Name, party);
        }

        _now = clock.GetUtcNow();
        _today = clock.Today();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var ssu = Body(overarching.Id, SsuName, "SSU", CommitteeKind.StrategicCommittee, deputies: true,
            mandate: "Strategisk samarbeidsutval (SSU) skal handsame og følgje opp prinsipielle saker som gjeld heile helsefellesskapet.",
            tasks: "Vedta årleg felles handlingsplan. Årleg gjennomgang av avtaleverket. Opprette og avvikle faglege samarbeidsorgan. Planlegge partnarskapsmøte.",
            appointedBy: "Partane i helsefellesskapet");
        var partnership = Body(overarching.Id, PartnershipName, "PM", CommitteeKind.PartnershipMeeting,
            mandate: "Partnarskapsmøte skal sikre forankring og etterleving av samarbeidsavtalen og gje styringssignal til andre organ i samhandlingsstrukturen.",
            tasks: "Forankre samarbeidet på politisk nivå og styrenivå. Drøfte mål og rammer for helsefellesskapet.",
            appointedBy: "Partane i helsefellesskapet");
        var secretariat = Body(overarching.Id, SecretariatName, "SEK", CommitteeKind.Secretariat,
            mandate: "Samarbeidssekretariatet skal vere eit koordinerande organ i samhandlingsstrukturen.",
            tasks: "Sekretariat for partnarskapsmøte og SSU. Ivareta sekretariatsfunksjonen i områdeutvala.",
            appointedBy: "Partane i helsefellesskapet");
        await db.SaveChangesAsync(cancellationToken);

        await ComposeSsuAsync(ssu, cancellationToken);
        await ComposePartnershipAsync(partnership, cancellationToken);
        await ComposeSecretariatAsync(secretariat, cancellationToken);
        await ComposeAreaCommitteesAsync(overarching.Id, ssu, cancellationToken);
        await ComposeProfessionalCommitteesAsync(overarching.Id, ssu, cancellationToken);
        await SeedSsuMeetingsAsync(ssu, cancellationToken);
        await SeedPartnershipMeetingAsync(partnership, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private Committee Body(Guid agreementId, string name, string shortName, CommitteeKind kind, string mandate, string tasks,
        string? appointedBy = null, bool deputies = false, Guid? appointedByCommittee = null)
    {
        var committee = Committee.Create(new CommitteeDetails(name, shortName, kind, agreementId, mandate, tasks, appointedBy,
            appointedByCommittee, appointedByCommittee, Committee.DefaultTermYears, deputies), _now);
        db.Committees.Add(committee);
        return committee;
    }

    private DateOnly TermFrom => new(_today.Year - 1, 1, 1);

    private DateOnly TermTo => TermFrom.AddYears(4).AddDays(-1);

    private CommitteeMember Seat(Committee committee, string? organisation, CommitteeSide side, MemberRole role = MemberRole.Member,
        Representation? representation = null, CommitteeMember? deputyFor = null, string? title = null, GpEmployment? gp = null,
        DateOnly? termTo = null)
    {
        var first = FirstNames[_personIndex % FirstNames.Length];
        var last = Surnames[_personIndex / FirstNames.Length % Surnames.Length];
        _personIndex++;
        var person = Person.Create(new PersonDetails($"{first} {last}", title ?? (representation?.DisplayName() ?? "Representant"),
            organisation is null ? null : _parties[organisation].Id,
            $"{first.ToLowerInvariant()}.{Slug(last)}{_personIndex}@demo.example", $"+47 400 00 {_personIndex:000}", gp), _now);
        db.Persons.Add(person);
        var member = CommitteeMember.Create(committee.Id, new MemberDetails(person.Id, side, role, TermFrom, termTo ?? TermTo,
            representation, deputyFor?.Id, committee.AppointedBy ?? "Partane"), _now);
        db.CommitteeMembers.Add(member);
        return member;
    }

    /// <summary>A voting member with a personal deputy from the same organisation and side.</summary>
    private CommitteeMember SeatWithDeputy(Committee committee, string? organisation, CommitteeSide side, Representation? representation = null, string? title = null)
    {
        var member = Seat(committee, organisation, side, representation: representation, title: title);
        Seat(committee, organisation, side, MemberRole.Deputy, representation, deputyFor: member, title: title);
        return member;
    }

    private IEnumerable<Guid> Ids(IEnumerable<string> names) => names.Select(n => _parties[n].Id);

    private async Task ComposeSsuAsync(Committee ssu, CancellationToken ct)
    {
        // R19: «1 kommunal representant … utpeika frå kvart utvalsområde»; Bergen kommune may appoint two.
        foreach (var (area, municipalities) in DemoData.Areas)
        {
            ssu.AddQuota(area, CommitteeSide.Municipal, 1, area == "Bergen kommune" ? 2 : 1, Ids(municipalities));
        }

        ssu.AddQuota("Helse Bergen HF", CommitteeSide.SpecialistService, 3, 3, Ids(["Helse Bergen HF"]));
        ssu.AddQuota("Haraldsplass Diakonale Sykehus AS", CommitteeSide.SpecialistService, 1, 1, Ids(["Haraldsplass Diakonale Sykehus AS"]));
        ssu.AddQuota("Private-ideelle organisasjonar innan psykisk helsevern", CommitteeSide.SpecialistService, 1, 1, Ids(PrivateMentalHealth));

        var bergenChief = SeatWithDeputy(ssu, "Bergen kommune", CommitteeSide.Municipal, title: "Kommunedirektør");
        SeatWithDeputy(ssu, "Bergen kommune", CommitteeSide.Municipal, title: "Direktør for helse og omsorg");
        SeatWithDeputy(ssu, "Alver kommune", CommitteeSide.Municipal, title: "Kommunalsjef helse");
        SeatWithDeputy(ssu, "Voss herad", CommitteeSide.Municipal, title: "Kommunalsjef");
        SeatWithDeputy(ssu, "Askøy kommune", CommitteeSide.Municipal, title: "Kommunalsjef helse og velferd");
        var trustDirector = SeatWithDeputy(ssu, "Helse Bergen HF", CommitteeSide.SpecialistService, title: "Direktør for samhandling");
        SeatWithDeputy(ssu, "Helse Bergen HF", CommitteeSide.SpecialistService, title: "Klinikkdirektør somatikk");
        SeatWithDeputy(ssu, "Helse Bergen HF", CommitteeSide.SpecialistService, title: "Klinikkdirektør psykisk helsevern");
        SeatWithDeputy(ssu, "Haraldsplass Diakonale Sykehus AS", CommitteeSide.SpecialistService, title: "Administrerande direktør");
        SeatWithDeputy(ssu, "Solli distriktspsykiatriske senter", CommitteeSide.SpecialistService, title: "Direktør");
        SeatWithDeputy(ssu, null, CommitteeSide.Municipal, Representation.UserRepresentative);
        SeatWithDeputy(ssu, null, CommitteeSide.SpecialistService, Representation.UserRepresentative);

        Seat(ssu, null, CommitteeSide.Municipal, MemberRole.Observer, Representation.Ks);
        Seat(ssu, null, CommitteeSide.Municipal, MemberRole.Observer, Representation.EmployeeOrganisations);
        Seat(ssu, null, CommitteeSide.Municipal, MemberRole.Observer, Representation.GeneralPractitioner, gp: GpEmployment.SelfEmployed,
            title: "Fastlege");
        Seat(ssu, "Bergen kommune", CommitteeSide.Municipal, MemberRole.Observer, Representation.MunicipalChiefMedicalOfficer);
        Seat(ssu, "Helse Bergen HF", CommitteeSide.SpecialistService, MemberRole.Observer, Representation.Secretariat);
        await db.SaveChangesAsync(ct);

        // R17: leadership alternates; last year the specialist service led, this year a kommune does.
        ssu.SetLeadership(_today.Year - 1, trustDirector.Id, bergenChief.Id, null);
        ssu.SetLeadership(_today.Year, bergenChief.Id, trustDirector.Id, null);
        await db.SaveChangesAsync(ct);
    }

    private async Task ComposePartnershipAsync(Committee partnership, CancellationToken ct)
    {
        var mayor = Seat(partnership, "Bergen kommune", CommitteeSide.Municipal, title: "Ordførar");
        Seat(partnership, "Alver kommune", CommitteeSide.Municipal, title: "Ordførar");
        var chairOfBoard = Seat(partnership, "Helse Bergen HF", CommitteeSide.SpecialistService, title: "Styreleiar");
        Seat(partnership, "Helse Bergen HF", CommitteeSide.SpecialistService, title: "Administrerande direktør");
        Seat(partnership, null, CommitteeSide.Municipal, MemberRole.Observer, Representation.UserRepresentative);
        Seat(partnership, null, CommitteeSide.SpecialistService, MemberRole.Observer, Representation.UserRepresentative);
        Seat(partnership, null, CommitteeSide.Municipal, MemberRole.Observer, Representation.GeneralPractitioner, gp: GpEmployment.SelfEmployed, title: "Fastlege");
        Seat(partnership, null, CommitteeSide.Municipal, MemberRole.Observer, Representation.Ks);
        await db.SaveChangesAsync(ct);

        // R17: «Vertskap og møteleiing alternerer annakvart år».
        partnership.SetLeadership(_today.Year - 1, chairOfBoard.Id, mayor.Id, CommitteeSide.SpecialistService);
        partnership.SetLeadership(_today.Year, mayor.Id, chairOfBoard.Id, CommitteeSide.Municipal);
        await db.SaveChangesAsync(ct);
    }

    private async Task ComposeSecretariatAsync(Committee secretariat, CancellationToken ct)
    {
        // 004 § 5.5.2: one kommunal representative from each områdeutval; Helse Bergen 2, Haraldsplass 1.
        CommitteeMember? municipalLead = null;
        foreach (var (area, municipalities) in DemoData.Areas)
        {
            secretariat.AddQuota(area, CommitteeSide.Municipal, 1, 1, Ids(municipalities));
            var member = Seat(secretariat, municipalities[0], CommitteeSide.Municipal, title: "Samhandlingsrådgjevar");
            municipalLead ??= member;
        }

        secretariat.AddQuota("Helse Bergen HF", CommitteeSide.SpecialistService, 2, 2, Ids(["Helse Bergen HF"]));
        secretariat.AddQuota("Haraldsplass Diakonale Sykehus AS", CommitteeSide.SpecialistService, 1, 1, Ids(["Haraldsplass Diakonale Sykehus AS"]));
        var trustLead = Seat(secretariat, "Helse Bergen HF", CommitteeSide.SpecialistService, title: "Seniorrådgjevar samhandling");
        Seat(secretariat, "Helse Bergen HF", CommitteeSide.SpecialistService, title: "Rådgjevar");
        Seat(secretariat, "Haraldsplass Diakonale Sykehus AS", CommitteeSide.SpecialistService, title: "Rådgjevar");
        Seat(secretariat, null, CommitteeSide.SpecialistService, MemberRole.Observer, Representation.UserRepresentative);
        await db.SaveChangesAsync(ct);

        // «Sekretariatet skal leiast i fellesskap av 1 representant frå Helse Bergen og 1 kommunal representant».
        secretariat.SetLeadership(_today.Year, trustLead.Id, municipalLead!.Id, null);
        await db.SaveChangesAsync(ct);
    }

    private async Task ComposeAreaCommitteesAsync(Guid agreementId, Committee ssu, CancellationToken ct)
    {
        foreach (var (area, municipalities) in DemoData.Areas)
        {
            var ou = Body(agreementId, $"Områdeutval {area}", $"OU {ShortArea(area)}", CommitteeKind.AreaCommittee,
                mandate: "Områdeutvala skal handsame og følgje opp saker som gjeld det enkelte utvalsområdet.",
                tasks: "Bidra til god dialog om lokale samhandlingssaker. Ha oversikt over samhandlingsavvik og nytte oversikta i lokalt forbetringsarbeid.",
                appointedBy: "Kommunane i området og spesialisthelsetenesta");
            ou.SetAreaMunicipalities(Ids(municipalities));
            var isBergen = area == "Bergen kommune";
            var isGap = ou.Name == GapAreaName;

            // R20: «Ein representant frå kvar kommune»; Bergen kommune «inntil 6».
            CommitteeMember? chair = null;
            foreach (var municipality in municipalities)
            {
                ou.AddQuota(municipality, CommitteeSide.Municipal, 1, isBergen ? 6 : 1, Ids([municipality]));
                if (isGap && municipality == GapMunicipality)
                {
                    continue;
                }

                foreach (var _ in Enumerable.Range(0, isBergen ? 3 : 1))
                {
                    var member = Seat(ou, municipality, CommitteeSide.Municipal, title: isBergen ? "Etatsdirektør" : "Kommunalsjef");
                    chair ??= member;
                }
            }

            var specialist = area == "Voss lokalsjukehusområde" ? DemoData.VossInstitution : "Haraldsplass Diakonale Sykehus AS";
            var deputyChair = Seat(ou, "Helse Bergen HF", CommitteeSide.SpecialistService, title: "Avdelingsdirektør");
            Seat(ou, specialist, CommitteeSide.SpecialistService, title: "Fagdirektør");
            Seat(ou, null, CommitteeSide.Municipal, representation: Representation.GeneralPractitioner, gp: GpEmployment.SelfEmployed, title: "Fastlege");
            if (!isGap)
            {
                // The deliberate gap: Bergensregionen has no kommuneoverlege yet (R20).
                Seat(ou, null, CommitteeSide.Municipal, representation: Representation.MunicipalChiefMedicalOfficer, title: "Kommuneoverlege");
            }

            Seat(ou, null, CommitteeSide.Municipal, representation: Representation.UserRepresentative);
            Seat(ou, null, CommitteeSide.SpecialistService, representation: Representation.UserRepresentative);
            Seat(ou, null, CommitteeSide.SpecialistService, representation: Representation.EmployeeOrganisations, title: "Tillitsvald");
            Seat(ou, "Helse Bergen HF", CommitteeSide.SpecialistService, MemberRole.Observer, Representation.Secretariat);
            await db.SaveChangesAsync(ct);

            ou.SetLeadership(_today.Year, chair!.Id, deputyChair.Id, null);
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task ComposeProfessionalCommitteesAsync(Guid agreementId, Committee ssu, CancellationToken ct)
    {
        foreach (var (name, shortName) in new[] { ("Medisinsk fagleg utval", "MFU"), ("Felles underutval for akuttmedisin og beredskap", "AMB") })
        {
            var body = Body(agreementId, name, shortName, CommitteeKind.ProfessionalCommittee,
                mandate: "Faglege samarbeidsutval skal utvikle konkrete prosedyrar og tenestemodellar.",
                tasks: "Rapportere til SSU. Utarbeide prosedyrar og pasientforløp innan eige fagområde.",
                appointedBy: "SSU", appointedByCommittee: ssu.Id);
            var chair = Seat(body, "Bergen kommune", CommitteeSide.Municipal, title: "Kommuneoverlege");
            Seat(body, "Alver kommune", CommitteeSide.Municipal, title: "Fagleiar");
            var deputy = Seat(body, "Helse Bergen HF", CommitteeSide.SpecialistService, title: "Overlege");
            Seat(body, "Haraldsplass Diakonale Sykehus AS", CommitteeSide.SpecialistService, title: "Overlege");
            // R18: «Alle faglege samarbeidsutval skal minimum ha 1 fastlege og 1 brukarrepresentant».
            Seat(body, null, CommitteeSide.Municipal, representation: Representation.GeneralPractitioner, gp: GpEmployment.SelfEmployed, title: "Fastlege");
            Seat(body, null, CommitteeSide.SpecialistService, representation: Representation.UserRepresentative);
            await db.SaveChangesAsync(ct);
            body.SetLeadership(_today.Year, chair.Id, deputy.Id, null);
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task SeedSsuMeetingsAsync(Committee ssu, CancellationToken ct)
    {
        // Three meetings held so far this year and a fourth planned: SSU needs four (R16), so the panel warns.
        var start = new DateOnly(_today.Year, 1, 1);
        var step = Math.Max(1, (_today.DayNumber - start.DayNumber) / 4);
        var number = 0;
        string[][] agendas =
        [
            ["Årleg felles handlingsplan", "Rapport frå områdeutvala", "Samhandlingsavvik første kvartal"],
            ["Gjennomgang av tenesteavtale 5: utskrivingsklare pasientar", "Oppnemning av arbeidsgruppe for digital heimeoppfølging"],
            ["Planlegging av partnarskapsmøtet", "Årleg gjennomgang av avtaleverket", "Orientering frå Medisinsk fagleg utval"],
        ];
        for (var i = 0; i < agendas.Length; i++)
        {
            var date = Clamp(start.AddDays(step * (i + 1)));
            var meeting = Meeting.Plan(ssu.Id, new MeetingDetails(date, new TimeOnly(9, 0), new TimeOnly(12, 0),
                i == 1 ? null : "Haukeland universitetssjukehus, møterom Samhandling", IsDigital: i == 1), _now);
            foreach (var title in agendas[i])
            {
                meeting.AddAgendaItem(++number, new AgendaItemDetails(title, "Saksframlegg frå samarbeidssekretariatet."), _now);
            }

            meeting.MarkHeld(_today);
            meeting.SaveMinutesDraft(string.Join("\n\n", agendas[i].Select((t, n) =>
                $"Sak {ssu.ShortName} {number - agendas[i].Length + n + 1}/{date.Year}: {t}\nVedtak: SSU tok saka til orientering og slutta seg til tilrådinga.")));
            if (i < 2)
            {
                meeting.ApproveMinutes(Clamp(date.AddDays(1)), "Leiar i SSU", _today);
                meeting.PublishMinutes(_today);
            }

            db.Meetings.Add(meeting);
        }

        var planned = Meeting.Plan(ssu.Id, new MeetingDetails(Clamp(_today.AddDays(14), allowFuture: true), new TimeOnly(9, 0), new TimeOnly(12, 0),
            "Haukeland universitetssjukehus, møterom Samhandling", false), _now);
        planned.AddAgendaItem(++number, new AgendaItemDetails("Budsjett og handlingsplan for neste år"), _now);
        db.Meetings.Add(planned);
        await db.SaveChangesAsync(ct);
    }

    private async Task SeedPartnershipMeetingAsync(Committee partnership, CancellationToken ct)
    {
        var date = Clamp(new DateOnly(_today.Year, 1, 1).AddDays(Math.Max(1, (_today.DayOfYear - 1) / 2)));
        var meeting = Meeting.Plan(partnership.Id, new MeetingDetails(date, new TimeOnly(10, 0), new TimeOnly(15, 0), "Bergen rådhus", false), _now);
        meeting.AddAgendaItem(1, new AgendaItemDetails("Mål og rammer for helsefellesskapet"), _now);
        meeting.MarkHeld(_today);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Keeps a demo date inside this calendar year and, unless planned, not after today.</summary>
    private DateOnly Clamp(DateOnly date, bool allowFuture = false)
    {
        var latest = allowFuture ? new DateOnly(_today.Year, 12, 31) : _today;
        return date > latest ? latest : date < new DateOnly(_today.Year, 1, 1) ? new DateOnly(_today.Year, 1, 1) : date;
    }

    private static string ShortArea(string area) => area switch
    {
        "Nordhordland" => "NH",
        "Bergen kommune" => "BK",
        "Voss lokalsjukehusområde" => "VLO",
        _ => "BR",
    };

    private static string Slug(string name) =>
        new string(name.ToLowerInvariant().Replace('ø', 'o').Replace('æ', 'a').Replace('å', 'a').Where(char.IsAsciiLetter).ToArray());
}
