using SamarbeidsAvtaler.Domain.Agreements;
using static SamarbeidsAvtaler.Testing.AgreementScenarios;

namespace SamarbeidsAvtaler.Domain.Tests.Agreements;

/// <summary>R1–R4 at their edges, as corrected after the domain review (issue 8), named after the rule.</summary>
public sealed class AgreementRuleEdgeTests
{
    private static Agreement SignAllOn(Agreement agreement, DateOnly signedOn, DateOnly today)
    {
        agreement.SendForSignature(Now);
        foreach (var party in agreement.Parties)
        {
            agreement.RegisterSignature(party.Id, new Signature(party.SignatoryName!, null, signedOn, SignatureMethod.Paper, null), today);
        }

        return agreement;
    }

    [Fact]
    public void R1_old_version_stays_in_force_until_the_day_before_the_new_valid_from()
    {
        var first = OperatingDraft(Rhf(), Specialist()).SignedByAll(new DateOnly(2026, 1, 1));
        var second = first.CreateNewVersion("Ny åpningstid", new DateOnly(2027, 1, 1), Now);

        SignAllOn(second, Today, Today);

        second.Status.Should().Be(AgreementStatus.Signed, "fully signed, but its valid-from is still to come");
        second.StatusText.Should().Be("Signert, gjelder fra 01.01.2027");
        second.IsInForce.Should().BeFalse();
        first.Status.Should().Be(AgreementStatus.Active, "the old version is in force until the day before the new one's valid-from");

        second.TakeEffectIfDue(new DateOnly(2026, 12, 31)).Should().BeFalse();
        second.TakeEffectIfDue(new DateOnly(2027, 1, 1)).Should().BeTrue();
        first.MarkReplacedBy(second);

        second.Status.Should().Be(AgreementStatus.Active);
        first.Status.Should().Be(AgreementStatus.Replaced);
        first.ReplacedOn.Should().Be(new DateOnly(2027, 1, 1), "replaced from the new one's valid-from: no gap, no overlap");
    }

    [Fact]
    public void R1_a_fully_signed_agreement_with_a_future_valid_from_is_not_in_force_before_that_date()
    {
        var agreement = SignAllOn(OperatingDraft(Rhf(), Specialist(), validFrom: new DateOnly(2027, 3, 1)), Today, Today);

        agreement.Status.Should().Be(AgreementStatus.Signed);
        agreement.SignedOn.Should().Be(Today);
        ((Action)(() => agreement.GiveNotice(agreement.Parties[0].PartyId, "Noen", Today, Today))).Should().Throw<AgreementRuleException>();
        ((Action)(() => agreement.MarkReplacedBy(agreement))).Should().Throw<AgreementRuleException>();
        agreement.TakeEffectIfDue(new DateOnly(2027, 3, 1)).Should().BeTrue();
        agreement.Status.Should().Be(AgreementStatus.Active);
    }

    [Fact]
    public void R1_a_new_version_of_an_agreement_under_notice_asks_whether_the_notice_is_withdrawn()
    {
        var municipality = Municipality();
        var first = MunicipalDraft(AgreementLevel.Overarching, municipality, Trust()).SignedByAll(new DateOnly(2022, 8, 1));
        first.GiveNotice(municipality.Id, "Kari Kommunedirektør", new DateOnly(2026, 3, 15), Today);

        var unanswered = () => first.CreateNewVersion("Revidert", new DateOnly(2026, 12, 1), Now);
        unanswered.Should().Throw<AgreementRuleException>().WithMessage("*sagt opp*trekkes tilbake*");

        var carried = first.CreateNewVersion("Revidert", new DateOnly(2026, 11, 1), Now, withdrawNotice: false);
        carried.NoticeWithdrawn.Should().BeFalse();
        carried.NoticeGivenOn.Should().Be(new DateOnly(2026, 3, 15));
        carried.SignedByAll();
        carried.Status.Should().Be(AgreementStatus.UnderNotice, "the notice runs on in the new version");
        carried.LastDayInForce.Should().Be(new DateOnly(2027, 3, 15));

        var withdrawn = first.CreateNewVersion("Revidert", new DateOnly(2026, 11, 1), Now, withdrawNotice: true);
        withdrawn.NoticeWithdrawn.Should().BeTrue();
        withdrawn.NoticeGivenOn.Should().BeNull();
        withdrawn.SignedByAll();
        withdrawn.Status.Should().Be(AgreementStatus.Active);
    }

    [Fact]
    public void R2_notice_given_on_29_february_ends_after_28_february_next_year()
    {
        var municipality = Municipality();
        var agreement = MunicipalDraft(AgreementLevel.Overarching, municipality, Trust()).SignedByAll(new DateOnly(2022, 8, 1));

        agreement.GiveNotice(municipality.Id, "Kari Kommunedirektør", new DateOnly(2028, 2, 29), new DateOnly(2028, 3, 1));

        agreement.LastDayInForce.Should().Be(new DateOnly(2029, 2, 28));
        agreement.EndsOn.Should().Be(new DateOnly(2029, 3, 1));
        agreement.NoticeLastDayInForce(new DateOnly(2026, 3, 15)).Should().Be(new DateOnly(2027, 3, 15));
    }

    [Fact]
    public void R2_a_notice_date_cannot_lie_in_the_future_nor_before_the_agreement_was_in_force()
    {
        var municipality = Municipality();
        var agreement = MunicipalDraft(AgreementLevel.Overarching, municipality, Trust()).SignedByAll(new DateOnly(2022, 8, 1));

        ((Action)(() => agreement.GiveNotice(municipality.Id, "Kari", Today.AddDays(1), Today))).Should().Throw<AgreementRuleException>().WithMessage("*frem i tid*");
        ((Action)(() => agreement.GiveNotice(municipality.Id, "Kari", new DateOnly(2022, 7, 31), Today))).Should().Throw<AgreementRuleException>()
            .WithMessage("*før avtalen trådte i kraft (01.08.2022)*");
        ((Action)(() => agreement.GiveNotice(municipality.Id, "Kari", new DateOnly(1, 1, 1), Today))).Should().Throw<AgreementRuleException>().WithMessage("*01.01.1900*");
        agreement.Status.Should().Be(AgreementStatus.Active);
    }

    [Fact]
    public void R2_the_trust_notifies_its_RHF_and_the_RHF_notifies_the_directorate()
    {
        var municipality = Municipality();
        var agreement = MunicipalDraft(AgreementLevel.Overarching, municipality, Trust()).SignedByAll(new DateOnly(2022, 8, 1));
        agreement.MissingNoticeNotifications().Should().BeEmpty("no notice, nothing to notify");
        agreement.GiveNotice(municipality.Id, "Kari Kommunedirektør", new DateOnly(2026, 3, 15), Today);

        agreement.MissingNoticeNotifications().Should().Equal(NoticeNotification.RhfByTrust, NoticeNotification.DirectorateByRhf);
        ((Action)(() => agreement.RecordNoticeNotification(NoticeNotification.DirectorateByRhf, new DateOnly(2026, 3, 20), "Rita RHF", Today)))
            .Should().Throw<AgreementRuleException>().WithMessage("*først*HF har varslet RHF*");
        ((Action)(() => agreement.RecordNoticeNotification(NoticeNotification.RhfByTrust, new DateOnly(2026, 3, 1), "Hanne HF", Today)))
            .Should().Throw<AgreementRuleException>().WithMessage("*før oppsigelsen*");

        agreement.RecordNoticeNotification(NoticeNotification.RhfByTrust, new DateOnly(2026, 3, 18), "Hanne HF", Today);
        agreement.MissingNoticeNotifications().Should().Equal(NoticeNotification.DirectorateByRhf);
        ((Action)(() => agreement.RecordNoticeNotification(NoticeNotification.DirectorateByRhf, new DateOnly(2026, 3, 17), "Rita RHF", Today)))
            .Should().Throw<AgreementRuleException>().WithMessage("*før RHF selv ble varslet*");
        agreement.RecordNoticeNotification(NoticeNotification.DirectorateByRhf, new DateOnly(2026, 3, 25), "Rita RHF", Today);

        agreement.MissingNoticeNotifications().Should().BeEmpty();
        agreement.RhfNotifiedOfNoticeBy.Should().Be("Hanne HF");
        agreement.DirectorateNotifiedOfNoticeOn.Should().Be(new DateOnly(2026, 3, 25));

        var operating = OperatingDraft(Rhf(), Specialist()).SignedByAll();
        operating.GiveNotice(operating.Parties[0].PartyId, "Rita", Today, Today);
        operating.MissingNoticeNotifications().Should().BeEmpty("the chain of 004 is for kommune–HF agreements");
    }

    [Fact]
    public void R3_registered_old_agreement_is_due_by_the_coming_31_december()
    {
        var agreement = MunicipalDraft(AgreementLevel.Overarching, Municipality(), Trust(), validFrom: new DateOnly(2022, 8, 1));

        agreement.NextReviewDate.Should().Be(new DateOnly(2026, 12, 31), "registered on 22.11.2026: due by the coming 31 December, not overdue at once");
    }

    [Fact]
    public void R3_the_next_yearly_review_is_never_put_off_by_more_than_a_year()
    {
        AgreementDetails Details(DateOnly validFrom, DateOnly review) => new(AgreementKind.MunicipalCooperationAgreement, "Overordna avtale",
            DocumentLanguage.Nynorsk, validFrom, NextReviewDate: review, Level: AgreementLevel.Overarching);

        Details(new DateOnly(2022, 8, 1), new DateOnly(2028, 6, 30)).Validate(Today).Should().ContainSingle(e => e.Field == "NextReviewDate")
            .Which.Message.Should().Contain("31.12.2027").And.Contain("R3");
        Details(new DateOnly(2022, 8, 1), new DateOnly(2026, 12, 31)).Validate(Today).Should().BeEmpty("this year's review");
        Details(new DateOnly(2022, 8, 1), new DateOnly(2027, 12, 31)).Validate(Today).Should().BeEmpty("next year's review, when this year's is done");
        Details(new DateOnly(2028, 3, 1), new DateOnly(2029, 12, 31)).Validate(Today).Should().BeEmpty("in force from 2028: at most its second year's review");
    }

    [Fact]
    public void R3_revision_every_second_year_is_a_recommendation_beside_the_yearly_review()
    {
        var municipal = MunicipalDraft(AgreementLevel.Overarching, Municipality(), Trust(), validFrom: new DateOnly(2022, 8, 1));
        var operating = OperatingDraft(Rhf(), Specialist());

        municipal.RecommendedRevisionOn.Should().Be(new DateOnly(2024, 8, 1));
        municipal.NextReviewDate.Should().NotBe(municipal.RecommendedRevisionOn, "the binding yearly review is a date of its own");
        operating.RecommendedRevisionOn.Should().BeNull();
    }

    [Fact]
    public void R3_the_review_result_goes_to_the_partnership_meeting_with_its_date()
    {
        var agreement = MunicipalDraft(AgreementLevel.Overarching, Municipality(), Trust()).SignedByAll(new DateOnly(2022, 8, 1));

        ((Action)(() => agreement.RegisterReview(new DateOnly(2026, 11, 1), Today, new DateOnly(2026, 10, 1)))).Should().Throw<AgreementRuleException>()
            .WithMessage("*før gjennomgangen*");
        ((Action)(() => agreement.RegisterReview(new DateOnly(2026, 11, 1), Today, Today.AddDays(3)))).Should().Throw<AgreementRuleException>()
            .WithMessage("*frem i tid*");
        ((Action)(() => agreement.RegisterReview(new DateOnly(2022, 7, 1), Today))).Should().Throw<AgreementRuleException>().WithMessage("*trådte i kraft*");

        agreement.RegisterReview(new DateOnly(2026, 11, 1), Today, new DateOnly(2026, 11, 20));

        agreement.LastReviewedOn.Should().Be(new DateOnly(2026, 11, 1));
        agreement.ReviewReportedToPartnershipOn.Should().Be(new DateOnly(2026, 11, 20));
        agreement.NextReviewDate.Should().Be(new DateOnly(2027, 12, 31));
    }

    [Fact]
    public void R4_child_party_must_be_party_of_parent()
    {
        var inParent = Guid.NewGuid();
        var memberOfParentGroup = Guid.NewGuid();
        var parentGroup = Guid.NewGuid();
        var outsider = Guid.NewGuid();
        var coveredGroup = Guid.NewGuid();
        var groups = new Dictionary<Guid, IReadOnlyCollection<Guid>>
        {
            [parentGroup] = [memberOfParentGroup],
            [coveredGroup] = [inParent, memberOfParentGroup],
        };

        LevelRules.PartiesOutsideParent([inParent, memberOfParentGroup, coveredGroup, outsider], [inParent, parentGroup], groups)
            .Should().Equal(outsider);
    }

    [Fact]
    public void R4_a_level_2_or_3_agreement_hangs_under_a_signed_parent_that_has_not_ended()
    {
        var municipality = Municipality();
        var trust = Trust();
        var draftParent = MunicipalDraft(AgreementLevel.Overarching, municipality, trust);
        var signedParent = MunicipalDraft(AgreementLevel.Overarching, municipality, trust).SignedByAll(new DateOnly(2022, 8, 1));
        var endedParent = MunicipalDraft(AgreementLevel.Overarching, municipality, trust, validFrom: new DateOnly(2020, 1, 1)).SignedByAll(new DateOnly(2020, 1, 1));
        endedParent.GiveNotice(municipality.Id, "Kari", new DateOnly(2024, 1, 10), Today);
        endedParent.EndIfDue(Today).Should().BeTrue();

        LevelRules.ParentProblem(AgreementLevel.Service, draftParent).Should().Contain("signert").And.Contain("Utkast");
        LevelRules.ParentProblem(AgreementLevel.Service, endedParent).Should().Contain("Avsluttet");
        LevelRules.ParentProblem(AgreementLevel.Service, signedParent).Should().BeNull();
        LevelRules.ParentProblem(AgreementLevel.Overarching, signedParent).Should().Contain("R4");
    }

    [Fact]
    public void R4_a_level_1_agreement_may_itself_cover_a_statutory_point()
    {
        var overarching = MunicipalDraft(AgreementLevel.Overarching, Municipality(), Trust(), areas: [1]);
        overarching.StatutoryAreas.Select(a => a.AreaNumber).Should().Equal(1);

        var supplementary = MunicipalDraft(AgreementLevel.Supplementary, Municipality(), Trust(), parent: overarching.Id);
        ((Action)(() => supplementary.SetStatutoryAreas([2]))).Should().Throw<AgreementRuleException>().WithMessage("*nivå 1*nivå 2*");
    }

    [Fact]
    public void Dates_out_of_range_are_refused_with_a_message_on_every_date_field()
    {
        var details = new AgreementDetails(AgreementKind.OperatingAgreement, "Driftsavtale", DocumentLanguage.Bokmal, new DateOnly(9999, 12, 31),
            ValidTo: new DateOnly(9999, 12, 31), PracticePosition: FullPosition());
        details.Validate(Today).Should().Contain(e => e.Field == "ValidFrom" && e.Message.Contains("31.12.2199"))
            .And.Contain(e => e.Field == "ValidTo");

        var agreement = OperatingDraft(Rhf(), Specialist());
        agreement.SendForSignature(Now);
        ((Action)(() => agreement.RegisterSignature(agreement.Parties[0].Id, new Signature("Signe", null, new DateOnly(1, 1, 1), SignatureMethod.Paper, null), Today)))
            .Should().Throw<AgreementRuleException>().WithMessage("Signeringsdatoen må være en dato mellom*");

        var active = OperatingDraft(Rhf(), Specialist()).SignedByAll();
        ((Action)(() => active.RegisterReview(new DateOnly(9999, 12, 31), Today))).Should().Throw<AgreementRuleException>();
        ((Action)(() => active.CreateNewVersion("Endring", new DateOnly(9999, 12, 31), Now))).Should().Throw<AgreementRuleException>();
    }
}
