using SamarbeidsAvtaler.Domain.Committees;

namespace SamarbeidsAvtaler.Domain.Tests.Committees;

/// <summary>Invented party ids for the organisations of Helse Bergen's helsefellesskap (seed 004); the GUIDs are made up.</summary>
internal static class Orgs
{
    public static readonly Guid HelseBergen = Id(1);
    public static readonly Guid Haraldsplass = Id(2);
    public static readonly Guid Olaviken = Id(3);
    public static readonly Guid Solli = Id(4);

    // Områdeutvala's kommuner (a few per area are enough for the rules).
    public static readonly Guid Alver = Id(101);
    public static readonly Guid Austrheim = Id(102);
    public static readonly Guid Bergen = Id(103);
    public static readonly Guid Voss = Id(104);
    public static readonly Guid Askoy = Id(105);
    public static readonly Guid Bjornafjorden = Id(106);

    private static Guid Id(int n) => new($"00000000-0000-4000-8000-{n:D12}");
}

/// <summary>
/// Bodies composed exactly as seed 004 § 5 says, to be broken one rule at a time by a test. "Today" is 15.03.2027;
/// every term runs 01.01.2025–31.12.2028 (4 years) unless a test says otherwise.
/// </summary>
internal sealed class CommitteeBuilder
{
    public static readonly DateOnly Today = new(2027, 3, 15);
    public static readonly DateOnly TermStart = new(2025, 1, 1);
    public static readonly DateOnly TermEnd = new(2028, 12, 31);

    private readonly List<MemberSnapshot> _members = [];
    private readonly List<SeatQuota> _quotas = [];
    private readonly List<LeadershipYear> _leadership = [];
    private readonly List<DateOnly> _meetings = [];
    private readonly CommitteeKind _kind;
    private readonly string _name;
    private readonly bool _personalDeputies;
    private int _termYears = 4;

    private CommitteeBuilder(CommitteeKind kind, string name, bool personalDeputies)
    {
        _kind = kind;
        _name = name;
        _personalDeputies = personalDeputies;
    }

    public Guid Id { get; } = Guid.NewGuid();

    public IReadOnlyList<MemberSnapshot> Members => _members;

    /// <summary>
    /// SSU per R19 (004 § 5.2.2): one kommunal representative from each of the four areas (Bergen one of its two
    /// allowed), Helse Bergen 3, Haraldsplass 1, private non-profit mental health 1, one user representative from each
    /// side, a personal deputy for every voting member, and the five observers. Leadership alternates 2025–2027 and
    /// four meetings were held in 2026.
    /// </summary>
    public static CommitteeBuilder Ssu()
    {
        var ssu = new CommitteeBuilder(CommitteeKind.StrategicCommittee, "Strategisk samarbeidsutval (SSU)", personalDeputies: true)
            .WithQuota("Nordhordland", CommitteeSide.Municipal, 1, 1, Orgs.Alver, Orgs.Austrheim)
            .WithQuota("Bergen kommune", CommitteeSide.Municipal, 1, 2, Orgs.Bergen)
            .WithQuota("Voss lokalsjukehusområde", CommitteeSide.Municipal, 1, 1, Orgs.Voss)
            .WithQuota("Bergensregionen", CommitteeSide.Municipal, 1, 1, Orgs.Askoy, Orgs.Bjornafjorden)
            .WithQuota("Helse Bergen HF", CommitteeSide.SpecialistService, 3, 3, Orgs.HelseBergen)
            .WithQuota("Haraldsplass Diakonale Sykehus AS", CommitteeSide.SpecialistService, 1, 1, Orgs.Haraldsplass)
            .WithQuota("Private ideelle innen psykisk helsevern", CommitteeSide.SpecialistService, 1, 1, Orgs.Olaviken, Orgs.Solli)
            .WithVoting("Nora Nordhordland", CommitteeSide.Municipal, Orgs.Alver)
            .WithVoting("Bente Bergen", CommitteeSide.Municipal, Orgs.Bergen)
            .WithVoting("Vidar Voss", CommitteeSide.Municipal, Orgs.Voss)
            .WithVoting("Åse Askøy", CommitteeSide.Municipal, Orgs.Askoy)
            .WithVoting("Siri Somatikk", CommitteeSide.SpecialistService, Orgs.HelseBergen)
            .WithVoting("Peder Psykiatri", CommitteeSide.SpecialistService, Orgs.HelseBergen)
            .WithVoting("Sara Samhandling", CommitteeSide.SpecialistService, Orgs.HelseBergen)
            .WithVoting("Harald Haraldsplass", CommitteeSide.SpecialistService, Orgs.Haraldsplass)
            .WithVoting("Olga Olaviken", CommitteeSide.SpecialistService, Orgs.Olaviken)
            .WithVoting("Kari Brukar-Kommune", CommitteeSide.Municipal, representation: Representation.UserRepresentative)
            .WithVoting("Sverre Brukar-Sjukehus", CommitteeSide.SpecialistService, representation: Representation.UserRepresentative)
            .With(Observer("Knut KS", CommitteeSide.Municipal, Representation.Ks))
            .With(Observer("Tove Tillitsvalgt", CommitteeSide.Municipal, Representation.EmployeeOrganisations))
            .With(Observer("Frida Fastlege", CommitteeSide.Municipal, Representation.GeneralPractitioner))
            .With(Observer("Otto Overlege", CommitteeSide.Municipal, Representation.MunicipalChiefMedicalOfficer))
            .With(Observer("Siv Sekretariat", CommitteeSide.SpecialistService, Representation.Secretariat))
            .WithLeadership(2025, CommitteeSide.Municipal, CommitteeSide.SpecialistService)
            .WithLeadership(2026, CommitteeSide.SpecialistService, CommitteeSide.Municipal)
            .WithLeadership(2027, CommitteeSide.Municipal, CommitteeSide.SpecialistService);
        return ssu.WithMeetings(new DateOnly(2026, 2, 10), new DateOnly(2026, 5, 12), new DateOnly(2026, 9, 8), new DateOnly(2026, 11, 24));
    }

    /// <summary>
    /// Områdeutval Nordhordland per R20 (004 § 5.3.2): one representative per kommune, Helse Bergen (1–2, an invented
    /// proportional share), 1 fastlege, 1 kommuneoverlege, 2 user representatives, 1 from hovudsamanslutningane.
    /// </summary>
    public static CommitteeBuilder AreaCommittee() =>
        new CommitteeBuilder(CommitteeKind.AreaCommittee, "Områdeutval Nordhordland", personalDeputies: false)
            .WithQuota("Alver kommune", CommitteeSide.Municipal, 1, 1, Orgs.Alver)
            .WithQuota("Austrheim kommune", CommitteeSide.Municipal, 1, 1, Orgs.Austrheim)
            .WithQuota("Helse Bergen HF", CommitteeSide.SpecialistService, 1, 2, Orgs.HelseBergen)
            .With(Member("Alf Alver", CommitteeSide.Municipal, Orgs.Alver))
            .With(Member("Aud Austrheim", CommitteeSide.Municipal, Orgs.Austrheim))
            .With(Member("Hilde Helse-Bergen", CommitteeSide.SpecialistService, Orgs.HelseBergen))
            .With(Member("Finn Fastlege", CommitteeSide.Municipal, representation: Representation.GeneralPractitioner))
            .With(Member("Oda Overlege", CommitteeSide.Municipal, representation: Representation.MunicipalChiefMedicalOfficer))
            .With(Member("Kjell Brukar-Kommune", CommitteeSide.Municipal, representation: Representation.UserRepresentative))
            .With(Member("Stine Brukar-Sjukehus", CommitteeSide.SpecialistService, representation: Representation.UserRepresentative))
            .With(Member("Tor Tillitsvalgt", CommitteeSide.Municipal, representation: Representation.EmployeeOrganisations))
            .WithLeadership(2026, CommitteeSide.Municipal, CommitteeSide.SpecialistService)
            .WithLeadership(2027, CommitteeSide.Municipal, CommitteeSide.SpecialistService);

    /// <summary>A faglig samarbeidsutval (004 § 5.4) with its fastlege and user representative.</summary>
    public static CommitteeBuilder ProfessionalCommittee() =>
        new CommitteeBuilder(CommitteeKind.ProfessionalCommittee, "Medisinsk fagleg utval", personalDeputies: false)
            .With(Member("Mona Kommune", CommitteeSide.Municipal, Orgs.Bergen))
            .With(Member("Henrik Sjukehus", CommitteeSide.SpecialistService, Orgs.HelseBergen))
            .With(Member("Gro Fastlege", CommitteeSide.Municipal, representation: Representation.GeneralPractitioner))
            .With(Member("Brit Brukar", CommitteeSide.Municipal, representation: Representation.UserRepresentative));

    /// <summary>The partnerskapsmøte (004 § 5.1.2): political and administrative leaders, with observers; hosted by the kommunene in 2026.</summary>
    public static CommitteeBuilder PartnershipMeeting() =>
        new CommitteeBuilder(CommitteeKind.PartnershipMeeting, "Partnarskapsmøte", personalDeputies: false)
            .With(Member("Ordfører Olsen", CommitteeSide.Municipal, Orgs.Bergen))
            .With(Member("Styreleder Storm", CommitteeSide.SpecialistService, Orgs.HelseBergen))
            .With(Observer("Frode Fastlege", CommitteeSide.Municipal, Representation.GeneralPractitioner))
            .With(Observer("Bodil Brukar", CommitteeSide.Municipal, Representation.UserRepresentative))
            .WithLeadership(2026, CommitteeSide.Municipal, null, host: CommitteeSide.Municipal)
            .WithMeetings(new DateOnly(2026, 10, 20));

    /// <summary>The samarbeidssekretariat (004 § 5.5.2): one kommunal representative per area, Helse Bergen 2, Haraldsplass 1.</summary>
    public static CommitteeBuilder Secretariat() =>
        new CommitteeBuilder(CommitteeKind.Secretariat, "Samarbeidssekretariatet", personalDeputies: false)
            .WithQuota("Helse Bergen", CommitteeSide.SpecialistService, 2, 2, Orgs.HelseBergen)
            .WithQuota("Haraldsplass Diakonale Sykehus", CommitteeSide.SpecialistService, 1, 1, Orgs.Haraldsplass)
            .With(Member("Nils Nordhordland", CommitteeSide.Municipal, Orgs.Alver))
            .With(Member("Hanna Helse-Bergen", CommitteeSide.SpecialistService, Orgs.HelseBergen))
            .With(Member("Hans Helse-Bergen", CommitteeSide.SpecialistService, Orgs.HelseBergen))
            .With(Member("Hedda Haraldsplass", CommitteeSide.SpecialistService, Orgs.Haraldsplass))
            .WithLeadership(2027, CommitteeSide.SpecialistService, CommitteeSide.Municipal);

    public static MemberSnapshot Member(string name, CommitteeSide side, Guid? organisation = null, MemberRole role = MemberRole.Member,
        Representation? representation = null, Guid? deputyFor = null, DateOnly? from = null, DateOnly? to = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), name, organisation, side, role, representation, deputyFor, from ?? TermStart, to ?? TermEnd);

    public static MemberSnapshot Observer(string name, CommitteeSide side, Representation? representation = null, Guid? organisation = null) =>
        Member(name, side, organisation, MemberRole.Observer, representation);

    public static MemberSnapshot DeputyFor(MemberSnapshot member, string? name = null, DateOnly? from = null, DateOnly? to = null) =>
        Member(name ?? $"Vara for {member.PersonName}", member.Side, member.OrganisationPartyId, MemberRole.Deputy,
            member.Representation, member.Id, from ?? member.TermFrom, to ?? member.TermTo);

    /// <summary>The membership of the person with this name.</summary>
    public MemberSnapshot this[string name] => _members.Single(m => m.PersonName == name);

    public CommitteeBuilder With(params MemberSnapshot[] members)
    {
        _members.AddRange(members);
        return this;
    }

    /// <summary>A voting member, with a personal deputy where the body has them.</summary>
    public CommitteeBuilder WithVoting(string name, CommitteeSide side, Guid? organisation = null, Representation? representation = null)
    {
        var member = Member(name, side, organisation, representation: representation);
        _members.Add(member);
        if (_personalDeputies)
        {
            _members.Add(DeputyFor(member));
        }

        return this;
    }

    /// <summary>Removes the person's membership (and nothing else: their deputy stays).</summary>
    public CommitteeBuilder Without(string name)
    {
        _members.Remove(this[name]);
        return this;
    }

    /// <summary>Replaces the person's membership with an edited copy.</summary>
    public CommitteeBuilder Changing(string name, Func<MemberSnapshot, MemberSnapshot> change)
    {
        var index = _members.IndexOf(this[name]);
        _members[index] = change(_members[index]);
        return this;
    }

    public CommitteeBuilder WithQuota(string label, CommitteeSide side, int min, int max, params Guid[] parties)
    {
        _quotas.Add(new SeatQuota(label, side, min, max, parties));
        return this;
    }

    public CommitteeBuilder WithLeadership(int year, CommitteeSide? chair, CommitteeSide? deputyChair, CommitteeSide? host = null)
    {
        _leadership.RemoveAll(l => l.Year == year);
        _leadership.Add(new LeadershipYear(year, chair, deputyChair, host));
        return this;
    }

    public CommitteeBuilder WithMeetings(params DateOnly[] dates)
    {
        _meetings.AddRange(dates);
        return this;
    }

    public CommitteeBuilder WithoutMeetings()
    {
        _meetings.Clear();
        return this;
    }

    public CommitteeBuilder WithTermYears(int years)
    {
        _termYears = years;
        return this;
    }

    public CommitteeSnapshot Build() =>
        new(Id, _name, _kind, _personalDeputies, _termYears, [.. _members], [.. _quotas], [.. _leadership], [.. _meetings]);
}
