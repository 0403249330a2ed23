using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Testing;
using static SamarbeidsAvtaler.Testing.AgreementScenarios;

namespace SamarbeidsAvtaler.Domain.Tests.Agreements;

/// <summary>The agreement rules of DOMAIN.md section 5, one test (or more) per rule, named after it.</summary>
public sealed class AgreementRuleTests
{
    [Fact]
    public void R1_a_signed_agreement_is_immutable()
    {
        var agreement = OperatingDraft(Rhf(), Specialist()).SignedByAll();

        var edit = () => agreement.UpdateDraft(new AgreementDetails(AgreementKind.OperatingAgreement, "Ny tittel", DocumentLanguage.Bokmal,
            agreement.ValidFrom, PracticePosition: FullPosition()), Today);
        var addSection = () => agreement.AddSection("Nytt avsnitt", "Tekst");
        var removeSection = () => agreement.RemoveSection(agreement.Sections[0].Id);

        edit.Should().Throw<AgreementRuleException>().WithMessage("*Bare et utkast kan endres*ny versjon (R1)*");
        addSection.Should().Throw<AgreementRuleException>();
        removeSection.Should().Throw<AgreementRuleException>();
        agreement.Title.Should().Be("Driftsavtale øyesykdommer");
    }

    [Fact]
    public void R1_sending_for_signature_freezes_the_text()
    {
        var agreement = OperatingDraft(Rhf(), Specialist());
        agreement.SendForSignature(Now);

        var act = () => agreement.UpdateSection(agreement.Sections[0].Id, "Endret", "Endret tekst");

        act.Should().Throw<AgreementRuleException>();
    }

    [Fact]
    public void R1_a_change_is_a_new_version_that_replaces_the_old_with_a_date_and_a_summary()
    {
        var first = OperatingDraft(Rhf(), Specialist()).SignedByAll(new DateOnly(2026, 1, 1));

        var second = first.CreateNewVersion("Endret åpningstid", new DateOnly(2026, 6, 1), Now);

        second.Status.Should().Be(AgreementStatus.Draft);
        second.VersionNumber.Should().Be(2);
        second.PreviousVersionId.Should().Be(first.Id);
        second.ReferenceNumber.Should().Be(first.ReferenceNumber);
        second.ChangeSummary.Should().Be("Endret åpningstid");
        second.Parties.Select(p => p.PartyId).Should().Equal(first.Parties.Select(p => p.PartyId));
        second.Parties.Should().OnlyContain(p => p.Signature == null);
        second.Sections.Select(s => s.Heading).Should().Equal(first.Sections.Select(s => s.Heading));
        first.Status.Should().Be(AgreementStatus.Active, "the old version stays in force until the new one takes effect");

        second.SignedByAll(new DateOnly(2026, 6, 1));
        first.MarkReplacedBy(second);

        first.Status.Should().Be(AgreementStatus.Replaced);
        first.ReplacedByAgreementId.Should().Be(second.Id);
        first.ReplacedOn.Should().Be(new DateOnly(2026, 6, 1));
        second.Status.Should().Be(AgreementStatus.Active);
    }

    [Fact]
    public void R1_only_a_signed_successor_replaces_an_agreement()
    {
        var first = OperatingDraft(Rhf(), Specialist()).SignedByAll();
        var draft = first.CreateNewVersion("Endring", first.ValidFrom, Now);
        var unrelated = OperatingDraft(Rhf(), Specialist()).SignedByAll();

        ((Action)(() => first.MarkReplacedBy(draft))).Should().Throw<AgreementRuleException>();
        ((Action)(() => first.MarkReplacedBy(unrelated))).Should().Throw<AgreementRuleException>();
        ((Action)(() => first.CreateNewVersion(" ", first.ValidFrom, Now))).Should().Throw<AgreementRuleException>().WithMessage("*Beskriv*");
    }

    [Fact]
    public void R2_notice_given_15_March_leaves_the_agreement_in_force_through_15_March_a_year_later()
    {
        var municipality = Municipality();
        var agreement = MunicipalDraft(AgreementLevel.Overarching, municipality, Trust()).SignedByAll(new DateOnly(2022, 8, 1));

        agreement.GiveNotice(municipality.Id, "Kari Kommunedirektør", new DateOnly(2026, 3, 15), Today);

        agreement.Status.Should().Be(AgreementStatus.UnderNotice);
        agreement.LastDayInForce.Should().Be(new DateOnly(2027, 3, 15));
        agreement.EndsOn.Should().Be(new DateOnly(2027, 3, 16), "ended from the day after the last day in force");
        agreement.NoticeGivenByPartyId.Should().Be(municipality.Id);
        agreement.EndIfDue(new DateOnly(2027, 3, 15)).Should().BeFalse();
        agreement.EndIfDue(new DateOnly(2027, 3, 16)).Should().BeTrue();
        agreement.Status.Should().Be(AgreementStatus.Ended);
    }

    [Fact]
    public void R2_other_kinds_end_after_their_agreed_notice_period()
    {
        var specialist = Specialist();
        var agreement = OperatingDraft(Rhf(), specialist);
        agreement.UpdateDraft(new AgreementDetails(AgreementKind.OperatingAgreement, agreement.Title, DocumentLanguage.Bokmal, agreement.ValidFrom,
            NoticePeriodMonths: 3, PracticePosition: FullPosition()), Today);
        agreement.SignedByAll();

        agreement.GiveNotice(specialist.Id, specialist.Name, new DateOnly(2026, 11, 1), Today);

        agreement.LastDayInForce.Should().Be(new DateOnly(2027, 2, 1));
        agreement.EndsOn.Should().Be(new DateOnly(2027, 2, 2));
    }

    [Fact]
    public void R2_notice_must_come_from_a_party_and_not_be_dated_in_the_future()
    {
        var agreement = OperatingDraft(Rhf(), Specialist()).SignedByAll();
        var outsider = Rhf("Helse Annet RHF");

        ((Action)(() => agreement.GiveNotice(outsider.Id, "Noen", Today, Today))).Should().Throw<AgreementRuleException>().WithMessage("*en av partene*");
        ((Action)(() => agreement.GiveNotice(agreement.Parties[0].PartyId, "Noen", Today.AddDays(1), Today))).Should().Throw<AgreementRuleException>();
        agreement.Status.Should().Be(AgreementStatus.Active);
    }

    [Fact]
    public void R3_annual_review_due_by_31_December_and_revision_every_second_year()
    {
        ReviewRules.AnnualReviewDeadline(new DateOnly(2026, 3, 1)).Should().Be(new DateOnly(2026, 12, 31));
        ReviewRules.RevisionDeadline(new DateOnly(2022, 8, 1)).Should().Be(new DateOnly(2024, 8, 1));

        var agreement = MunicipalDraft(AgreementLevel.Overarching, Municipality(), Trust(), validFrom: new DateOnly(2026, 2, 1));
        agreement.NextReviewDate.Should().Be(new DateOnly(2026, 12, 31), "a kommune–HF agreement is reviewed by December each year");
        agreement.SignedByAll();

        agreement.RegisterReview(new DateOnly(2026, 11, 20), Today);

        agreement.NextReviewDate.Should().Be(new DateOnly(2027, 12, 31));
    }

    [Fact]
    public void R4_level_2_and_3_hang_under_a_level_1_which_prevails()
    {
        LevelRules.MayHangUnder(AgreementLevel.Service, AgreementLevel.Overarching).Should().BeTrue();
        LevelRules.MayHangUnder(AgreementLevel.Supplementary, AgreementLevel.Overarching).Should().BeTrue();
        LevelRules.MayHangUnder(AgreementLevel.Supplementary, AgreementLevel.Service).Should().BeTrue();
        LevelRules.MayHangUnder(AgreementLevel.Service, AgreementLevel.Service).Should().BeFalse();
        LevelRules.MayHangUnder(AgreementLevel.Overarching, AgreementLevel.Service).Should().BeFalse();
        LevelRules.MayHangUnder(AgreementLevel.Service, AgreementLevel.Supplementary).Should().BeFalse();
        LevelRules.Prevailing(AgreementLevel.Supplementary, AgreementLevel.Overarching).Should().Be(AgreementLevel.Overarching);

        var orphan = new AgreementDetails(AgreementKind.MunicipalCooperationAgreement, "Tjenesteavtale", DocumentLanguage.Nynorsk,
            new DateOnly(2022, 8, 1), Level: AgreementLevel.Service);
        orphan.Validate(Today).Should().ContainSingle(e => e.Field == "ParentAgreementId").Which.Message.Should().Contain("R4");
    }

    [Fact]
    public void R5_a_supplementary_agreement_states_whether_it_is_legally_binding()
    {
        var silent = new AgreementDetails(AgreementKind.MunicipalCooperationAgreement, "Særavtale", DocumentLanguage.Nynorsk,
            new DateOnly(2023, 1, 1), Level: AgreementLevel.Supplementary, ParentAgreementId: Guid.NewGuid());

        silent.Validate(Today).Should().ContainSingle(e => e.Field == "IsLegallyBinding").Which.Message.Should().Contain("R5");
        (silent with { IsLegallyBinding = false }).Validate(Today).Should().BeEmpty();

        var attachment = new Attachment(Guid.NewGuid(), "rutine.pdf", "application/pdf", 10, new string('0', 64), isBinding: true, null, Now);
        attachment.IsBinding.Should().BeTrue("an attachment says whether breaking it is a breach");
    }

    [Fact]
    public void R6_no_operating_agreement_is_blocked_for_want_of_a_cooperation_agreement()
    {
        var agreement = OperatingDraft(Rhf(), Specialist());

        agreement.SignatureBlockers().Should().BeEmpty("a driftsavtale needs no samarbeidsavtale (000)");
        agreement.SignedByAll().Status.Should().Be(AgreementStatus.Active);
    }

    [Theory]
    [InlineData(100, 37.5, 44, true)]
    [InlineData(50, 18.75, 44, true)]
    [InlineData(100, 37, 44, false)]
    [InlineData(100, 37.5, 43, false)]
    public void R7_a_full_position_is_37_5_hours_a_week_for_44_weeks(decimal share, decimal hours, int weeks, bool meets)
    {
        var position = new PracticePosition("Psykiatri", null, null, share, hours, weeks);

        position.MeetsActivityRequirement.Should().Be(meets);
        PracticePosition.FullTimeHoursPerWeek.Should().Be(37.5m);
        PracticePosition.FullTimeWeeksPerYear.Should().Be(44);
        PracticePosition.FreeWeeksPerYear.Should().Be(8);
    }

    [Fact]
    public void R7_too_few_hours_for_the_share_is_refused_with_the_required_hours()
    {
        var position = new PracticePosition("Psykiatri", null, null, 100m, 30m, 44);

        position.Validate().Should().ContainSingle().Which.Message.Should().Be("En hjemmel på 100 % krever minst 37,5 timer per uke (37,5 timer for full hjemmel, R7).");
        (position with { SharePercent = 0 }).Validate().Should().Contain(e => e.Field == "SharePercent");
        (position with { HoursPerWeek = 37.5m, WeeksPerYear = 40 }).Validate().Should().Contain(e => e.Message.Contains("44 uker"));
    }
}
