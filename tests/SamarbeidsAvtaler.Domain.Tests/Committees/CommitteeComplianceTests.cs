using SamarbeidsAvtaler.Domain.Committees;
using static SamarbeidsAvtaler.Domain.Tests.Committees.CommitteeBuilder;

namespace SamarbeidsAvtaler.Domain.Tests.Committees;

/// <summary>The committee panel's findings (R15–R20), one rule at a time, named after the rule.</summary>
public sealed class CommitteeComplianceTests
{
    private static IReadOnlyList<ComplianceFinding> Check(CommitteeBuilder committee, int year = 2026, DateOnly? today = null) =>
        CommitteeCompliance.Check(committee.Build(), year, today ?? Today);

    private static ComplianceFinding Finding(IEnumerable<ComplianceFinding> findings, string rule, string title) =>
        findings.Should().ContainSingle(f => f.Rule == rule && f.Title == title, $"a {rule} finding titled «{title}»").Subject;

    private static IEnumerable<ComplianceFinding> Problems(IEnumerable<ComplianceFinding> findings) =>
        findings.Where(f => f.Level != ComplianceLevel.Fulfilled);

    [Fact]
    public void R19_an_ssu_composed_per_the_seed_fulfils_every_rule()
    {
        var findings = Check(Ssu());

        Problems(findings).Should().BeEmpty();
        findings.Select(f => f.Rule).Distinct().Should().BeEquivalentTo("R16", "R17", "R19", "R15");
        Finding(findings, "R19", "Sammensetningen følger avtalen").Detail
            .Should().Be("SSU har 11 stemmeberettigede medlemmer fordelt slik avtalen sier, og representasjonen avtalen krever er på plass.");
    }

    // R16

    [Fact]
    public void R16_ssu_with_three_held_meetings_in_a_past_year_is_a_breach()
    {
        var ssu = Ssu().WithoutMeetings().WithMeetings(new DateOnly(2026, 2, 10), new DateOnly(2026, 5, 12), new DateOnly(2026, 9, 8), new DateOnly(2025, 11, 24));

        var finding = Finding(Check(ssu, 2026), "R16", "Møter i 2026");

        finding.Level.Should().Be(ComplianceLevel.Breach);
        finding.Detail.Should().Be("SSU har holdt 3 av minst 4 møter i 2026.");
        finding.SeedQuote.Should().Be("SSU skal minimum møtast 4 gonger i året");
    }

    [Fact]
    public void R16_ssu_short_of_four_meetings_in_the_current_year_is_a_warning_so_far()
    {
        var ssu = Ssu().WithMeetings(new DateOnly(2027, 1, 12), new DateOnly(2027, 2, 16), new DateOnly(2027, 3, 9));

        var finding = Finding(Check(ssu, 2027), "R16", "Møter i 2027");

        finding.Level.Should().Be(ComplianceLevel.Warning);
        finding.Detail.Should().Be("SSU har holdt 3 av minst 4 møter så langt i år.");
    }

    [Fact]
    public void R16_ssu_with_four_meetings_in_the_year_is_fulfilled()
    {
        var finding = Finding(Check(Ssu(), 2026), "R16", "Møter i 2026");

        finding.Level.Should().Be(ComplianceLevel.Fulfilled);
        finding.Detail.Should().Be("SSU har holdt 4 møter i 2026 (minst 4 i året).");
    }

    [Fact]
    public void R16_partnership_meeting_not_held_in_a_past_year_is_a_breach_and_once_is_enough()
    {
        var notHeld = Finding(Check(PartnershipMeeting(), 2025), "R16", "Møter i 2025");
        var heldOnce = Finding(Check(PartnershipMeeting(), 2026), "R16", "Møter i 2026");

        notHeld.Level.Should().Be(ComplianceLevel.Breach);
        notHeld.Detail.Should().Be("Partnerskapsmøtet er ikke holdt i 2025. Det skal holdes minst én gang i året.");
        notHeld.SeedQuote.Should().Be("Partnarskapsmøte vert gjennomført (minimum) 1 gong årleg");
        heldOnce.Level.Should().Be(ComplianceLevel.Fulfilled);
        heldOnce.Detail.Should().Be("Partnerskapsmøtet er holdt 1 gang i 2026.");
    }

    [Fact]
    public void R16_meetings_are_counted_only_for_ssu_and_the_partnership_meeting()
    {
        Check(AreaCommittee()).Should().NotContain(f => f.Rule == "R16");
        Check(ProfessionalCommittee()).Should().NotContain(f => f.Rule == "R16");
    }

    // R17

    [Fact]
    public void R17_ssu_chair_and_deputy_from_the_same_side_is_a_breach()
    {
        var ssu = Ssu().WithLeadership(2026, CommitteeSide.SpecialistService, CommitteeSide.SpecialistService);

        var finding = Finding(Check(ssu), "R17", "Leder og nestleder 2026");

        finding.Level.Should().Be(ComplianceLevel.Breach);
        finding.Detail.Should().Be("Leder og nestleder i 2026 er begge fra spesialisthelsetjenesten. De skal representere hver sin side.");
    }

    [Fact]
    public void R17_ssu_leadership_not_recorded_for_the_year_is_a_warning()
    {
        var ssu = Ssu().WithLeadership(2026, CommitteeSide.SpecialistService, null);

        var finding = Finding(Check(ssu), "R17", "Leder og nestleder 2026");

        finding.Level.Should().Be(ComplianceLevel.Warning);
        finding.Detail.Should().Be("Nestleder for 2026 er ikke registrert.");
    }

    [Fact]
    public void R17_ssu_chair_side_must_switch_from_last_year()
    {
        var ssu = Ssu().WithLeadership(2026, CommitteeSide.Municipal, CommitteeSide.SpecialistService);

        var findings = Check(ssu);

        var alternation = Finding(findings, "R17", "Ledervervet 2026");
        alternation.Level.Should().Be(ComplianceLevel.Breach);
        alternation.Detail.Should().Be(
            "Ledervervet i 2026 ligger hos kommunene, som i 2025. Det skal veksle hvert år mellom kommunene og spesialisthelsetjenesten.");
        alternation.SeedQuote.Should().StartWith("Leiinga alternerer annakvart år");
        Finding(findings, "R17", "Leder og nestleder 2026").Level.Should().Be(ComplianceLevel.Fulfilled);
        Finding(Check(Ssu()), "R17", "Ledervervet 2026").Level.Should().Be(ComplianceLevel.Fulfilled);
    }

    [Fact]
    public void R17_partnership_meeting_host_and_chair_alternate_every_year()
    {
        var meeting = PartnershipMeeting().WithLeadership(2027, CommitteeSide.SpecialistService, null, host: CommitteeSide.Municipal);

        var findings = Check(meeting, 2027);

        var host = Finding(findings, "R17", "Vertskap 2027");
        host.Level.Should().Be(ComplianceLevel.Breach);
        host.Detail.Should().Be(
            "Vertskapet i 2027 ligger hos kommunene, som i 2026. Det skal veksle hvert år mellom kommunene og spesialisthelsetjenesten.");
        host.SeedQuote.Should().Be("Vertskap og møteleiing alternerer annakvart år mellom kommunane og spesialisthelsetenesta");
        var chair = Finding(findings, "R17", "Møteledelse 2027");
        chair.Level.Should().Be(ComplianceLevel.Fulfilled);
        chair.Detail.Should().Be("Møteledelsen i 2027 ligger hos spesialisthelsetjenesten, etter kommunene i 2026.");
    }

    [Fact]
    public void R17_partnership_meeting_host_not_recorded_is_a_warning()
    {
        var finding = Finding(Check(PartnershipMeeting(), 2027), "R17", "Vertskap 2027");

        finding.Level.Should().Be(ComplianceLevel.Warning);
        finding.Detail.Should().Be("Vertskapet for 2027 er ikke registrert.");
    }

    // R20 and 004 § 5.5.3: leadership

    [Fact]
    public void R20_area_committee_chair_is_municipal_and_deputy_from_specialist_service()
    {
        var fine = Finding(Check(AreaCommittee()), "R20", "Leder og nestleder 2026");
        var reversed = Finding(
            Check(AreaCommittee().WithLeadership(2026, CommitteeSide.SpecialistService, CommitteeSide.Municipal)), "R20", "Leder og nestleder 2026");

        fine.Level.Should().Be(ComplianceLevel.Fulfilled);
        reversed.Level.Should().Be(ComplianceLevel.Breach);
        reversed.Detail.Should().Be("Områdeutvalget skal ha leder fra kommunene og nestleder fra spesialisthelsetjenesten, "
            + "men i 2026 er lederen fra spesialisthelsetjenesten og nestlederen fra kommunene.");
        reversed.SeedQuote.Should().Be("Områdeutvala skal ha kommunal leiar og nestleiar frå spesialisthelsetenesta");
    }

    [Fact]
    public void R20_area_committee_does_not_alternate_its_leadership()
    {
        // 2026 and 2027 both have a kommunal leader: right for an områdeutval, which has no alternation rule.
        Check(AreaCommittee(), 2027).Should().NotContain(f => f.Rule == "R17");
    }

    [Fact]
    public void Secretariat_is_led_by_one_from_each_side()
    {
        var fine = Finding(Check(Secretariat(), 2027), "004 § 5.5.3", "Leder og nestleder 2027");
        var bothMunicipal = Finding(Check(Secretariat().WithLeadership(2027, CommitteeSide.Municipal, CommitteeSide.Municipal), 2027),
            "004 § 5.5.3", "Leder og nestleder 2027");

        fine.Level.Should().Be(ComplianceLevel.Fulfilled);
        bothMunicipal.Level.Should().Be(ComplianceLevel.Breach);
        bothMunicipal.SeedQuote.Should().Be("Sekretariatet skal leiast i fellesskap av 1 representant frå Helse Bergen og 1 kommunal representant");
    }

    // R19: SSU composition

    [Fact]
    public void R19_ssu_needs_one_representative_per_area_and_bergen_may_have_two()
    {
        var withoutNordhordland = Check(Ssu().Without("Nora Nordhordland"));
        var twoFromBergen = Check(Ssu().WithVoting("Bjarne Bergen", CommitteeSide.Municipal, Orgs.Bergen));
        var threeFromBergen = Check(Ssu()
            .WithVoting("Bjarne Bergen", CommitteeSide.Municipal, Orgs.Bergen)
            .WithVoting("Borghild Bergen", CommitteeSide.Municipal, Orgs.Bergen));

        var missing = Finding(withoutNordhordland, "R19", "For få representanter: Nordhordland");
        missing.Level.Should().Be(ComplianceLevel.Breach);
        missing.Detail.Should().Be("Nordhordland har 0 av minst 1 representant blant de stemmeberettigede medlemmene.");
        missing.SeedQuote.Should().Contain("utpeika frå kvart utvalsområde");
        Problems(twoFromBergen).Should().BeEmpty();
        var tooMany = Finding(threeFromBergen, "R19", "For mange representanter: Bergen kommune");
        tooMany.Level.Should().Be(ComplianceLevel.Breach);
        tooMany.Detail.Should().Be("Bergen kommune har 3 representanter (Bente Bergen, Bjarne Bergen, Borghild Bergen), men avtalen gir høyst 2.");
    }

    [Fact]
    public void R19_ssu_specialist_service_seats_are_helse_bergen_three_haraldsplass_one_and_private_mental_health_one()
    {
        var findings = Check(Ssu().Without("Sara Samhandling").WithVoting("Hugo Haraldsplass", CommitteeSide.SpecialistService, Orgs.Haraldsplass));

        Finding(findings, "R19", "For få representanter: Helse Bergen HF").Detail
            .Should().Be("Helse Bergen HF har 2 av minst 3 representanter blant de stemmeberettigede medlemmene.");
        Finding(findings, "R19", "For mange representanter: Haraldsplass Diakonale Sykehus AS").Level.Should().Be(ComplianceLevel.Breach);
        findings.Should().NotContain(f => f.Title == "Sammensetningen følger avtalen");
    }

    [Fact]
    public void R19_observers_and_deputies_never_count_as_voting()
    {
        var ssu = Ssu().Without("Nora Nordhordland")
            .With(Observer("Oskar Observatør", CommitteeSide.Municipal, organisation: Orgs.Alver))
            .With(Member("Ine Innkalt", CommitteeSide.Municipal, Orgs.Austrheim, MemberRole.ObserverOnItem));

        var findings = Check(ssu);

        Finding(findings, "R19", "For få representanter: Nordhordland").Level.Should().Be(ComplianceLevel.Breach);
        MemberRole.Observer.IsVoting().Should().BeFalse();
        MemberRole.ObserverOnItem.IsVoting().Should().BeFalse();
        MemberRole.Deputy.IsVoting().Should().BeFalse();
    }

    [Fact]
    public void R19_a_deputy_does_not_fill_the_seat_of_a_missing_member()
    {
        // Nora's personal deputy (from Alver) stays when Nora leaves; the area is still unrepresented.
        var findings = Check(Ssu().Without("Nora Nordhordland"));

        findings.Should().ContainSingle(f => f.Title == "For få representanter: Nordhordland");
    }

    [Fact]
    public void R19_ssu_needs_one_user_representative_from_each_side_among_the_voting_members()
    {
        var observerOnly = Check(Ssu()
            .Without("Kari Brukar-Kommune")
            .With(Observer("Kristin Brukar", CommitteeSide.Municipal, Representation.UserRepresentative)));
        var twoFromHospitals = Check(Ssu().WithVoting("Svein Brukar", CommitteeSide.SpecialistService, representation: Representation.UserRepresentative));

        var missing = Finding(observerOnly, "R19", "Mangler brukerrepresentant fra kommunene");
        missing.Level.Should().Be(ComplianceLevel.Breach);
        missing.Detail.Should().Be("SSU skal ha 1 brukerrepresentant fra kommunene blant medlemmene; det er ingen.");
        missing.SeedQuote.Should().Be("2 brukarrepresentantar (1 frå kommunane og 1 frå spesialisthelsetenesta)");
        Finding(twoFromHospitals, "R19", "Mer enn én brukerrepresentant fra spesialisthelsetjenesten").Detail
            .Should().Be("SSU skal ha 1 brukerrepresentant fra spesialisthelsetjenesten blant medlemmene; det er 2: Sverre Brukar-Sjukehus, Svein Brukar.");
    }

    [Fact]
    public void R19_user_representatives_do_not_take_the_seat_of_their_organisation()
    {
        // A user representative appointed through Helse Bergen's brukarutval fills the user seat, not one of Helse Bergen's three.
        var ssu = Ssu().Changing("Sverre Brukar-Sjukehus", m => m with { OrganisationPartyId = Orgs.HelseBergen });

        Problems(Check(ssu)).Should().BeEmpty();
    }

    [Fact]
    public void R19_a_missing_ssu_observer_is_a_warning_not_a_breach()
    {
        var finding = Finding(Check(Ssu().Without("Knut KS").Without("Frida Fastlege")), "R19", "Mangler observatører");

        finding.Level.Should().Be(ComplianceLevel.Warning);
        finding.Detail.Should().Be("SSU mangler observatører: representant fra KS, fastlege.");
        finding.SeedQuote.Should().StartWith("Observatørar med tale- og forslagrett");
    }

    [Fact]
    public void R19_members_are_counted_on_the_day_of_the_check()
    {
        var ssu = Ssu()
            .Changing("Vidar Voss", m => m with { TermTo = new DateOnly(2026, 12, 31) })
            .WithVoting("Vera Voss", CommitteeSide.Municipal, Orgs.Voss);
        var findings = CommitteeCompliance.Check(ssu.Build(), 2026, new DateOnly(2026, 6, 1));

        Finding(findings, "R19", "For mange representanter: Voss lokalsjukehusområde").Level.Should().Be(ComplianceLevel.Breach);
        Problems(CommitteeCompliance.Check(ssu.Build(), 2027, Today)).Where(f => f.Rule == "R19").Should().BeEmpty();
    }

    // R19: personal deputies

    [Fact]
    public void R19_a_voting_member_without_a_personal_deputy_is_a_breach_naming_them()
    {
        var ssu = Ssu();
        var bente = ssu["Bente Bergen"];
        ssu.Without($"Vara for {bente.PersonName}")
            .Changing("Vara for Vidar Voss", m => m with { TermTo = Today.AddDays(-1) });

        var finding = Finding(Check(ssu), "R19", "Personlige vararepresentanter");

        finding.Level.Should().Be(ComplianceLevel.Breach);
        finding.Detail.Should().Be("Mangler personlig vararepresentant: Bente Bergen, Vidar Voss.");
        finding.SeedQuote.Should().Be("Det skal utpeikast personlege vararepresentantar");
    }

    [Fact]
    public void R19_every_voting_member_with_a_personal_deputy_is_fulfilled_and_bodies_without_deputies_are_not_checked()
    {
        Finding(Check(Ssu()), "R19", "Personlige vararepresentanter").Detail
            .Should().Be("Alle 11 stemmeberettigede medlemmer har personlig vararepresentant.");
        Check(AreaCommittee()).Should().NotContain(f => f.Title == "Personlige vararepresentanter");
    }

    // R20: områdeutval composition

    [Fact]
    public void R20_an_area_committee_composed_per_the_seed_fulfils_its_composition()
    {
        Finding(Check(AreaCommittee()), "R20", "Sammensetningen følger avtalen").Level.Should().Be(ComplianceLevel.Fulfilled);
    }

    [Theory]
    [InlineData("Finn Fastlege", "Mangler fastlege", "1 fastlege")]
    [InlineData("Oda Overlege", "Mangler kommuneoverlege", "1 kommuneoverlege")]
    [InlineData("Tor Tillitsvalgt", "Mangler representant fra hovedsammenslutningene", "1 representant frå hovudsamanslutningane")]
    [InlineData("Stine Brukar-Sjukehus", "Mangler brukerrepresentant fra spesialisthelsetjenesten",
        "2 brukarrepresentantar (1 frå kommunane og 1 frå spesialisthelsetenesta)")]
    public void R20_area_committee_missing_a_counted_group_is_a_breach(string removed, string title, string quote)
    {
        var finding = Finding(Check(AreaCommittee().Without(removed)), "R20", title);

        finding.Level.Should().Be(ComplianceLevel.Breach);
        finding.SeedQuote.Should().Be(quote);
    }

    [Fact]
    public void R20_area_committee_with_two_fastleger_is_a_breach()
    {
        var area = AreaCommittee().With(Member("Fredrik Fastlege", CommitteeSide.Municipal, representation: Representation.GeneralPractitioner));

        Finding(Check(area), "R20", "Mer enn én fastlege").Detail
            .Should().Be("Områdeutvalget skal ha 1 fastlege blant medlemmene; det er 2: Finn Fastlege, Fredrik Fastlege.");
    }

    [Fact]
    public void R20_a_fastlege_as_observer_does_not_fill_the_area_committee_seat()
    {
        var area = AreaCommittee().Without("Finn Fastlege").With(Observer("Finn Fastlege", CommitteeSide.Municipal, Representation.GeneralPractitioner));

        Finding(Check(area), "R20", "Mangler fastlege").Level.Should().Be(ComplianceLevel.Breach);
    }

    // R18

    [Fact]
    public void R18_professional_committee_needs_a_fastlege_and_a_user_representative()
    {
        var fine = Check(ProfessionalCommittee());
        var without = Check(ProfessionalCommittee().Without("Gro Fastlege").Without("Brit Brukar"));

        Finding(fine, "R18", "Sammensetningen følger avtalen").Level.Should().Be(ComplianceLevel.Fulfilled);
        var fastlege = Finding(without, "R18", "Mangler fastlege");
        fastlege.Level.Should().Be(ComplianceLevel.Breach);
        fastlege.Detail.Should().Be("Det faglige samarbeidsutvalget skal ha minst 1 fastlege blant medlemmene; det er ingen.");
        fastlege.SeedQuote.Should().Be("Alle faglege samarbeidsutval skal minimum ha 1 fastlege og 1 brukarrepresentant");
        Finding(without, "R18", "Mangler brukerrepresentant").Level.Should().Be(ComplianceLevel.Breach);
    }

    [Fact]
    public void R18_every_body_has_user_representation_and_a_fastlege_as_far_as_possible()
    {
        var fine = Check(PartnershipMeeting());
        var without = Check(PartnershipMeeting().Without("Bodil Brukar").Without("Frode Fastlege"));

        Problems(fine).Where(f => f.Rule is "R18" or "004 § 5.1.2").Should().BeEmpty();
        var user = Finding(without, "R18", "Mangler brukerrepresentant");
        user.Level.Should().Be(ComplianceLevel.Breach);
        user.Detail.Should().Be("Partnerskapsmøtet har ingen brukerrepresentant, verken som medlem eller observatør.");
        var fastlege = Finding(without, "R18", "Mangler fastlege");
        fastlege.Level.Should().Be(ComplianceLevel.Warning, "the seed asks for a fastlege only «så langt det er mogleg»");
        fastlege.SeedQuote.Should().StartWith("Så langt det er mogleg");
    }

    [Fact]
    public void R18_the_secretariat_is_composed_by_its_own_paragraph_without_user_representatives()
    {
        // 004 § 5.5.2 lists the secretariat's members in full; it is a coordinating organ, not a body at one of the three levels.
        Problems(Check(Secretariat(), 2027)).Should().BeEmpty();
    }

    // R15

    [Fact]
    public void R15_terms_ending_within_90_days_warn_with_names_and_end_dates()
    {
        var ssu = Ssu()
            .Changing("Vidar Voss", m => m with { TermTo = new DateOnly(2027, 6, 13) })          // 90 days after today
            .Changing("Olga Olaviken", m => m with { TermTo = new DateOnly(2027, 4, 30) })
            .Changing("Åse Askøy", m => m with { TermTo = new DateOnly(2027, 6, 14) });          // 91 days: not yet

        var finding = Finding(Check(ssu), "R15", "Perioder som snart går ut");

        finding.Level.Should().Be(ComplianceLevel.Warning);
        finding.Detail.Should().Be("2 perioder går ut innen 90 dager: Olga Olaviken (30.04.2027), Vidar Voss (13.06.2027).");
    }

    [Fact]
    public void R15_a_term_already_renewed_does_not_warn()
    {
        var ssu = Ssu().Changing("Vidar Voss", m => m with { TermTo = new DateOnly(2027, 4, 30) });
        var vidar = ssu["Vidar Voss"];
        ssu.With(vidar with { Id = Guid.NewGuid(), TermFrom = new DateOnly(2027, 5, 1), TermTo = new DateOnly(2031, 4, 30) });

        Check(ssu).Should().NotContain(f => f.Title == "Perioder som snart går ut");
    }

    [Fact]
    public void R15_ssu_term_longer_than_four_years_is_a_breach()
    {
        var ssu = Ssu().Changing("Siri Somatikk", m => m with { TermTo = new DateOnly(2029, 1, 1) });

        var finding = Finding(Check(ssu), "R15", "Periode lengre enn 4 år");

        finding.Level.Should().Be(ComplianceLevel.Breach);
        finding.Detail.Should().Be("Medlemmene velges for høyst 4 år om gangen: Siri Somatikk (01.01.2025–01.01.2029).");
        finding.SeedQuote.Should().Be("Representantane i SSU er vald inn for 4 år om gongen");
        Finding(Check(Ssu()), "R15", "Periodene følger avtalen").Level.Should().Be(ComplianceLevel.Fulfilled);
    }

    [Fact]
    public void R15_fastlege_term_longer_than_four_years_is_a_breach_even_where_the_body_allows_longer()
    {
        var committee = ProfessionalCommittee().WithTermYears(6)
            .Changing("Gro Fastlege", m => m with { TermTo = new DateOnly(2029, 12, 31) })
            .Changing("Mona Kommune", m => m with { TermTo = new DateOnly(2029, 12, 31) });

        var findings = Check(committee);

        var finding = Finding(findings, "R15", "Fastlege valgt for mer enn 4 år");
        finding.Level.Should().Be(ComplianceLevel.Breach);
        finding.Detail.Should().Be("En fastlege kan velges for høyst 4 år om gangen: Gro Fastlege (01.01.2025–31.12.2029).");
        finding.SeedQuote.Should().Be("Representanter bør velges for en tidsbegrenset periode på inntil 4 år");
        findings.Should().NotContain(f => f.Title == "Periode lengre enn 6 år");
    }

    [Fact]
    public void R15_a_term_that_has_ended_is_history_and_not_checked()
    {
        var ssu = Ssu().With(Member("Gunnar Gammel", CommitteeSide.Municipal, from: new DateOnly(2015, 1, 1), to: new DateOnly(2020, 12, 31)));

        Check(ssu).Where(f => f.Rule == "R15").Should().OnlyContain(f => f.Level == ComplianceLevel.Fulfilled);
    }
}
