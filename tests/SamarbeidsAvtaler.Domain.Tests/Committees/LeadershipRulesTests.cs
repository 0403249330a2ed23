using SamarbeidsAvtaler.Domain.Committees;
using static SamarbeidsAvtaler.Domain.Tests.Committees.CommitteeBuilder;

namespace SamarbeidsAvtaler.Domain.Tests.Committees;

/// <summary>What is refused when a year's leader and deputy leader are saved (R17, R20, 004 § 5.5.3).</summary>
public sealed class LeadershipRulesTests
{
    [Fact]
    public void R17_ssu_chair_and_deputy_from_different_sides_are_accepted()
    {
        var ssu = Ssu();

        LeadershipRules.Validate(ssu.Build(), 2027, ssu["Bente Bergen"], ssu["Siri Somatikk"]).Should().BeEmpty();
    }

    [Fact]
    public void R17_ssu_chair_and_deputy_from_the_same_side_are_refused()
    {
        var ssu = Ssu();

        LeadershipRules.Validate(ssu.Build(), 2027, ssu["Bente Bergen"], ssu["Vidar Voss"]).Should().Equal(new FieldError("DeputyChairMemberId",
            "Leder og nestleder skal representere hver sin side, kommunene og spesialisthelsetjenesten (R17: «leiar og nestleiar skal representere dei to nivåa»)."));
    }

    [Fact]
    public void R17_alternation_is_not_refused_on_save()
    {
        // 2026's chair came from the specialist service; choosing one from there again is shown in the panel, not refused.
        var ssu = Ssu();

        LeadershipRules.Validate(ssu.Build(), 2027, ssu["Siri Somatikk"], ssu["Bente Bergen"]).Should().BeEmpty();
    }

    [Fact]
    public void R20_area_committee_chair_is_municipal_and_deputy_from_specialist_service()
    {
        var area = AreaCommittee();

        var reversed = LeadershipRules.Validate(area.Build(), 2027, area["Hilde Helse-Bergen"], area["Alf Alver"]);
        var right = LeadershipRules.Validate(area.Build(), 2027, area["Alf Alver"], area["Hilde Helse-Bergen"]);

        reversed.Should().Equal(
            new FieldError("ChairMemberId",
                "Områdeutvalget skal ha leder fra kommunene (R20: «Områdeutvala skal ha kommunal leiar og nestleiar frå spesialisthelsetenesta»)."),
            new FieldError("DeputyChairMemberId",
                "Områdeutvalget skal ha nestleder fra spesialisthelsetjenesten (R20: «Områdeutvala skal ha kommunal leiar og nestleiar frå spesialisthelsetenesta»)."));
        right.Should().BeEmpty();
    }

    [Fact]
    public void Secretariat_is_led_by_one_from_each_side()
    {
        var secretariat = Secretariat();

        LeadershipRules.Validate(secretariat.Build(), 2027, secretariat["Hanna Helse-Bergen"], secretariat["Hans Helse-Bergen"])
            .Should().ContainSingle(e => e.Field == "DeputyChairMemberId").Which.Message.Should().Contain("004 § 5.5.3");
        LeadershipRules.Validate(secretariat.Build(), 2027, secretariat["Hanna Helse-Bergen"], secretariat["Nils Nordhordland"])
            .Should().BeEmpty();
    }

    [Fact]
    public void Chair_and_deputy_must_be_different_people()
    {
        var ssu = Ssu();

        LeadershipRules.Validate(ssu.Build(), 2027, ssu["Bente Bergen"], ssu["Bente Bergen"])
            .Should().Equal(new FieldError("DeputyChairMemberId", "Leder og nestleder må være to forskjellige personer."));
    }

    [Fact]
    public void Chair_must_be_a_voting_member_of_the_body_in_office_that_year()
    {
        var ssu = Ssu().With(Member("Gunnar Gammel", CommitteeSide.Municipal, Orgs.Voss, from: new DateOnly(2021, 1, 1), to: new DateOnly(2024, 12, 31)));
        var committee = ssu.Build();

        LeadershipRules.Validate(committee, 2027, ssu["Knut KS"], null).Should().Equal(
            new FieldError("ChairMemberId", "Lederen må være et stemmeberettiget medlem, ikke vararepresentant eller observatør."));
        LeadershipRules.Validate(committee, 2027, ssu["Gunnar Gammel"], null).Should().Equal(
            new FieldError("ChairMemberId", "Lederen er ikke medlem av utvalget i 2027."));
        LeadershipRules.Validate(committee, 2027, null, Member("Ukjent Utenfor", CommitteeSide.SpecialistService)).Should().Equal(
            new FieldError("DeputyChairMemberId", "Nestlederen må være medlem av utvalget."));
        LeadershipRules.Validate(committee, 2024, ssu["Gunnar Gammel"], null).Should().BeEmpty();
    }
}
