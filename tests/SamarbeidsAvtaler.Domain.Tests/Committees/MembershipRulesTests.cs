using SamarbeidsAvtaler.Domain.Committees;
using static SamarbeidsAvtaler.Domain.Tests.Committees.CommitteeBuilder;

namespace SamarbeidsAvtaler.Domain.Tests.Committees;

/// <summary>What is refused when a membership is saved (R15, R19, R20): where the seed counts, a breach is refused.</summary>
public sealed class MembershipRulesTests
{
    private static IReadOnlyList<FieldError> Validate(CommitteeBuilder committee, MemberSnapshot candidate) =>
        MembershipRules.Validate(committee.Build(), candidate);

    private static MemberSnapshot NewMember(string name = "Nils Ny", CommitteeSide side = CommitteeSide.Municipal, Guid? organisation = null,
        MemberRole role = MemberRole.Member, Representation? representation = null, Guid? deputyFor = null, DateOnly? from = null, DateOnly? to = null) =>
        Member(name, side, organisation, role, representation, deputyFor, from ?? new DateOnly(2029, 1, 1), to ?? new DateOnly(2032, 12, 31));

    [Fact]
    public void A_new_member_of_a_full_term_is_accepted()
    {
        Validate(Ssu(), NewMember(organisation: Orgs.Voss)).Should().BeEmpty();
    }

    // R15

    [Fact]
    public void R15_term_longer_than_four_years_is_refused()
    {
        var errors = Validate(Ssu(), NewMember(to: new DateOnly(2033, 1, 1)));

        errors.Should().Equal(new FieldError("TermTo", "En periode kan være høyst 4 år (R15: «Representantane i SSU er vald inn for 4 år om gongen»)."));
    }

    [Fact]
    public void R15_term_of_exactly_four_years_ends_the_day_before_the_same_date_four_years_on()
    {
        Validate(Ssu(), NewMember(from: new DateOnly(2029, 3, 1), to: new DateOnly(2033, 2, 28))).Should().BeEmpty();
        Validate(Ssu(), NewMember(from: new DateOnly(2029, 3, 1), to: new DateOnly(2033, 3, 1))).Should().ContainSingle(e => e.Field == "TermTo");
        CommitteeTerms.LatestTermTo(Ssu().Build(), NewMember(from: new DateOnly(2029, 3, 1))).Should().Be(new DateOnly(2033, 2, 28));
    }

    [Fact]
    public void R15_area_committee_cites_its_own_paragraph()
    {
        Validate(AreaCommittee(), NewMember(to: new DateOnly(2033, 6, 30))).Should().Equal(
            new FieldError("TermTo", "En periode kan være høyst 4 år (R15: «Representantane i områdeutvala er vald inn for 4 år om gongen»)."));
    }

    [Fact]
    public void R15_fastlege_term_at_most_four_years()
    {
        var committee = ProfessionalCommittee().WithTermYears(6);
        var fiveYears = new DateOnly(2033, 12, 31);

        var fastlege = Validate(committee, NewMember(representation: Representation.GeneralPractitioner, to: fiveYears));
        var other = Validate(committee, NewMember(representation: Representation.UserRepresentative, to: fiveYears));

        fastlege.Should().Equal(new FieldError("TermTo",
            "En fastlege kan velges for høyst 4 år om gangen (R15: «Representanter bør velges for en tidsbegrenset periode på inntil 4 år»)."));
        other.Should().BeEmpty();
        MembershipRules.Validate(committee.Build(), NewMember(representation: Representation.GeneralPractitioner, to: fiveYears), GpEmployment.Salaried)
            .Should().ContainSingle(e => e.Field == "TermTo", "a salaried fastlege is held to the same 4 years");
    }

    [Fact]
    public void Term_to_before_term_from_is_refused()
    {
        Validate(Ssu(), NewMember(from: new DateOnly(2029, 1, 1), to: new DateOnly(2028, 12, 31)))
            .Should().Equal(new FieldError("TermTo", "Periode til kan ikke være før periode fra."));
    }

    [Fact]
    public void Dates_outside_the_register_range_are_refused()
    {
        var errors = Validate(Ssu(), NewMember(from: new DateOnly(1, 1, 1), to: new DateOnly(9999, 12, 31)));

        errors.Should().Equal(
            new FieldError("TermFrom", "Periode fra må være en dato mellom 01.01.1900 og 31.12.2199."),
            new FieldError("TermTo", "Periode til må være en dato mellom 01.01.1900 og 31.12.2199."));
    }

    // One membership per person at a time

    [Fact]
    public void The_same_person_with_an_overlapping_term_is_refused()
    {
        var ssu = Ssu();
        var vidar = ssu["Vidar Voss"];

        var overlapping = Validate(ssu, vidar with { Id = Guid.NewGuid(), TermFrom = new DateOnly(2028, 12, 31), TermTo = new DateOnly(2032, 12, 30) });
        var next = Validate(ssu, vidar with { Id = Guid.NewGuid(), TermFrom = new DateOnly(2029, 1, 1), TermTo = new DateOnly(2032, 12, 31) });

        overlapping.Should().Equal(new FieldError("PersonId", "Personen er allerede medlem av utvalget i denne perioden."));
        next.Should().BeEmpty();
    }

    [Fact]
    public void Editing_an_existing_member_does_not_count_them_twice()
    {
        // Helse Bergen's three seats are full; Siri's own membership is left out of the counts when she is edited.
        var ssu = Ssu();
        var siri = ssu["Siri Somatikk"];

        Validate(ssu, siri with { TermTo = new DateOnly(2028, 6, 30) }).Should().BeEmpty();
    }

    // Roles and personal deputies (R19)

    [Theory]
    [InlineData(MemberRole.Chair)]
    [InlineData(MemberRole.DeputyChair)]
    public void Chair_and_deputy_chair_are_set_per_year_not_as_a_membership_role(MemberRole role)
    {
        Validate(Ssu(), NewMember(role: role)).Should().ContainSingle(e => e.Field == "Role")
            .Which.Message.Should().Contain("for ett år om gangen");
    }

    [Fact]
    public void A_deputy_must_stand_in_for_a_voting_member_of_the_same_body()
    {
        var ssu = Ssu();

        var nobody = Validate(ssu, NewMember(role: MemberRole.Deputy));
        var unknown = Validate(ssu, NewMember(role: MemberRole.Deputy, deputyFor: Guid.NewGuid()));
        var observer = Validate(ssu, NewMember(role: MemberRole.Deputy, deputyFor: ssu["Knut KS"].Id));

        nobody.Should().Equal(new FieldError("DeputyForMemberId", "Velg hvilket medlem vararepresentanten er personlig vara for."));
        unknown.Should().Equal(new FieldError("DeputyForMemberId",
            "En vararepresentant må være personlig vara for et stemmeberettiget medlem av det samme utvalget."));
        observer.Should().Equal(unknown);
    }

    [Fact]
    public void A_member_has_at_most_one_personal_deputy_at_a_time()
    {
        var ssu = Ssu();
        var bente = ssu["Bente Bergen"];
        ssu.Changing("Vara for Bente Bergen", d => d with { TermTo = new DateOnly(2026, 12, 31) });

        var whileTheOtherServes = Validate(ssu, NewMember("Ny Vara", role: MemberRole.Deputy, deputyFor: bente.Id,
            from: new DateOnly(2026, 6, 1), to: new DateOnly(2028, 12, 31)));
        var afterwards = Validate(ssu, NewMember("Ny Vara", role: MemberRole.Deputy, deputyFor: bente.Id,
            from: new DateOnly(2027, 1, 1), to: new DateOnly(2028, 12, 31)));

        whileTheOtherServes.Should().Equal(new FieldError("DeputyForMemberId",
            "Bente Bergen har allerede personlig vararepresentant i perioden: Vara for Bente Bergen (01.01.2025–31.12.2026)."));
        afterwards.Should().BeEmpty();
    }

    [Fact]
    public void A_deputy_serves_while_their_member_does()
    {
        var ssu = Ssu();

        Validate(ssu, NewMember(role: MemberRole.Deputy, deputyFor: ssu["Bente Bergen"].Id, from: new DateOnly(2029, 1, 1)))
            .Should().Equal(new FieldError("DeputyForMemberId", "Bente Bergen er ikke medlem av utvalget i perioden 01.01.2029–31.12.2032."));
    }

    [Fact]
    public void Only_a_deputy_names_whom_they_stand_in_for()
    {
        var ssu = Ssu();

        Validate(ssu, NewMember(deputyFor: ssu["Bente Bergen"].Id))
            .Should().Equal(new FieldError("DeputyForMemberId", "Bare en vararepresentant kan være personlig vara for et medlem."));
    }

    // Counts the seed gives (R19, R20)

    [Fact]
    public void R19_a_fourth_helse_bergen_member_is_refused_but_a_successor_after_a_term_ends_is_accepted()
    {
        var ssu = Ssu().Changing("Sara Samhandling", m => m with { TermTo = new DateOnly(2027, 6, 30) });

        var fourth = Validate(ssu, NewMember(side: CommitteeSide.SpecialistService, organisation: Orgs.HelseBergen,
            from: new DateOnly(2027, 6, 1), to: new DateOnly(2028, 12, 31)));
        var successor = Validate(ssu, NewMember(side: CommitteeSide.SpecialistService, organisation: Orgs.HelseBergen,
            from: new DateOnly(2027, 7, 1), to: new DateOnly(2028, 12, 31)));

        fourth.Should().Equal(new FieldError("OrganisationPartyId",
            "Helse Bergen HF kan ha høyst 3 representanter blant de stemmeberettigede medlemmene, og har allerede 3 i perioden (R19)."));
        successor.Should().BeEmpty();
    }

    [Fact]
    public void R19_bergen_kommune_may_appoint_two_representatives_but_not_three()
    {
        var second = NewMember("Bjarne Bergen", organisation: Orgs.Bergen, from: TermStart, to: TermEnd);
        var ssu = Ssu();

        Validate(ssu, second).Should().BeEmpty();
        Validate(ssu.With(second), NewMember("Borghild Bergen", organisation: Orgs.Bergen, from: TermStart, to: TermEnd))
            .Should().ContainSingle(e => e.Field == "OrganisationPartyId")
            .Which.Message.Should().StartWith("Bergen kommune kan ha høyst 2 representanter");
    }

    [Fact]
    public void R19_observers_and_deputies_never_count_against_a_quota()
    {
        var ssu = Ssu();

        Validate(ssu, NewMember(side: CommitteeSide.SpecialistService, organisation: Orgs.HelseBergen, role: MemberRole.Observer, from: TermStart, to: TermEnd))
            .Should().BeEmpty();
        Validate(ssu, NewMember(side: CommitteeSide.SpecialistService, organisation: Orgs.HelseBergen, role: MemberRole.ObserverOnItem,
            from: TermStart, to: TermEnd)).Should().BeEmpty();
    }

    [Fact]
    public void R19_ssu_refuses_a_second_user_representative_from_the_same_side()
    {
        var ssu = Ssu();

        var sameSide = Validate(ssu, NewMember("Kristin Brukar", representation: Representation.UserRepresentative, from: TermStart, to: TermEnd));
        var asObserver = Validate(ssu, NewMember("Kristin Brukar", role: MemberRole.Observer, representation: Representation.UserRepresentative,
            from: TermStart, to: TermEnd));

        sameSide.Should().Equal(new FieldError("Representation",
            "SSU kan ha høyst 1 brukerrepresentant fra kommunene blant medlemmene, og har allerede Kari Brukar-Kommune i perioden "
            + "(R19: «2 brukarrepresentantar (1 frå kommunane og 1 frå spesialisthelsetenesta)»)."));
        asObserver.Should().BeEmpty();
    }

    [Theory]
    [InlineData(Representation.GeneralPractitioner, "1 fastlege", "Finn Fastlege")]
    [InlineData(Representation.MunicipalChiefMedicalOfficer, "1 kommuneoverlege", "Oda Overlege")]
    [InlineData(Representation.EmployeeOrganisations, "1 representant fra hovedsammenslutningene", "Tor Tillitsvalgt")]
    [InlineData(Representation.UserRepresentative, "1 brukerrepresentant fra kommunene", "Kjell Brukar-Kommune")]
    public void R20_area_committee_refuses_a_second_of_a_counted_group(Representation representation, string group, string holder)
    {
        var errors = Validate(AreaCommittee(), NewMember(representation: representation, from: TermStart, to: TermEnd));

        errors.Should().ContainSingle(e => e.Field == "Representation")
            .Which.Message.Should().StartWith($"Områdeutvalget kan ha høyst {group} blant medlemmene, og har allerede {holder} i perioden (R20: «");
    }

    [Fact]
    public void R20_a_second_fastlege_in_a_body_without_that_count_is_accepted()
    {
        Validate(ProfessionalCommittee(), NewMember(representation: Representation.GeneralPractitioner, from: TermStart, to: TermEnd))
            .Should().BeEmpty();
    }

    [Fact]
    public void Shortfalls_are_never_refused_on_save()
    {
        // A body is composed one member at a time: the first member of an empty SSU is accepted, though every quota is short.
        var empty = Ssu();
        foreach (var member in empty.Members.ToList())
        {
            empty.Without(member.PersonName);
        }

        Validate(empty, NewMember(organisation: Orgs.Alver)).Should().BeEmpty();
    }
}
