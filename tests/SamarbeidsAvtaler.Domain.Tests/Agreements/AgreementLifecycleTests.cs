using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Parties;
using static SamarbeidsAvtaler.Testing.AgreementScenarios;

namespace SamarbeidsAvtaler.Domain.Tests.Agreements;

public sealed class AgreementLifecycleTests
{
    private static Signature Paper(string name = "Signe Signatar", DateOnly? on = null) => new(name, "Direktør", on ?? Today, SignatureMethod.Paper, null);

    [Fact]
    public void Draft_goes_to_awaiting_signature_then_active_when_the_last_party_signs()
    {
        var agreement = OperatingDraft(Rhf(), Specialist());
        agreement.SendForSignature(Now);
        agreement.Status.Should().Be(AgreementStatus.AwaitingSignature);

        agreement.RegisterSignature(agreement.Parties[0].Id, Paper(on: new DateOnly(2026, 11, 1)), Today).Should().BeFalse();
        agreement.Status.Should().Be(AgreementStatus.AwaitingSignature);
        agreement.RegisterSignature(agreement.Parties[1].Id, Paper(on: new DateOnly(2026, 11, 3)), Today).Should().BeTrue();

        agreement.Status.Should().Be(AgreementStatus.Active);
        agreement.SignedOn.Should().Be(new DateOnly(2026, 11, 3));
    }

    [Fact]
    public void Refused_transitions_say_why()
    {
        var draft = OperatingDraft(Rhf(), Specialist());
        ((Action)(() => draft.RegisterSignature(draft.Parties[0].Id, Paper(), Today))).Should().Throw<AgreementRuleException>().WithMessage("*venter på signering*«Utkast»*");
        ((Action)(() => draft.GiveNotice(draft.Parties[0].PartyId, "X", Today, Today))).Should().Throw<AgreementRuleException>().WithMessage("*Bare en gjeldende avtale kan sies opp*");
        ((Action)(() => draft.CreateNewVersion("Endring", draft.ValidFrom, Now))).Should().Throw<AgreementRuleException>().WithMessage("*Bare en gjeldende avtale kan få en ny versjon*");
        ((Action)(() => draft.RegisterReview(Today, Today))).Should().Throw<AgreementRuleException>();

        var active = OperatingDraft(Rhf(), Specialist()).SignedByAll();
        ((Action)(() => active.SendForSignature(Now))).Should().Throw<AgreementRuleException>().WithMessage("*Bare et utkast kan sendes til signering*");
        ((Action)(() => active.RegisterSignature(active.Parties[0].Id, Paper(), Today))).Should().Throw<AgreementRuleException>();
    }

    [Fact]
    public void A_party_signs_once_and_never_in_the_future_and_electronic_signatures_carry_a_reference()
    {
        var agreement = OperatingDraft(Rhf(), Specialist());
        agreement.SendForSignature(Now);
        var party = agreement.Parties[0].Id;

        ((Action)(() => agreement.RegisterSignature(party, Paper(on: Today.AddDays(1)), Today))).Should().Throw<AgreementRuleException>().WithMessage("*frem i tid*");
        ((Action)(() => agreement.RegisterSignature(party, new Signature("Signe", null, Today, SignatureMethod.Electronic, null), Today)))
            .Should().Throw<AgreementRuleException>().WithMessage("*referansen*");
        agreement.RegisterSignature(party, new Signature("Signe", null, Today, SignatureMethod.Electronic, "POSTEN-123"), Today);
        ((Action)(() => agreement.RegisterSignature(party, Paper(), Today))).Should().Throw<AgreementRuleException>().WithMessage("*allerede signert*");
    }

    [Fact]
    public void Sending_for_signature_lists_what_is_missing()
    {
        var empty = Agreement.CreateDraft(new AgreementDetails(AgreementKind.OperatingAgreement, "Tom", DocumentLanguage.Bokmal, new DateOnly(2026, 1, 1),
            PracticePosition: FullPosition()), NextReference(AgreementKind.OperatingAgreement), Now);

        empty.SignatureBlockers().Should().Contain(b => b.Contains("ett RHF og én avtalespesialist")).And.Contain(b => b.Contains("minst ett avsnitt"));
        ((Action)(() => empty.SendForSignature(Now))).Should().Throw<AgreementRuleException>();
        empty.Status.Should().Be(AgreementStatus.Draft);
    }

    [Fact]
    public void Inpatient_supervision_needs_an_agreed_compensation()
    {
        var agreement = SpecialistCooperationDraft(Trust(), Specialist());
        agreement.SetCooperationForms([(CooperationForm.InpatientSupervision, "Tilsyn på sengepost")]);

        agreement.SignatureBlockers().Should().ContainSingle().Which.Should().Contain("godtgjøring");
    }

    [Fact]
    public void Party_kinds_must_fit_the_agreement_kind()
    {
        var agreement = OperatingDraft(Rhf(), Specialist());

        var act = () => agreement.SetParties([(Municipality(), "K", null), (Specialist(), "S", null)]);

        act.Should().Throw<AgreementRuleException>().WithMessage("*kan ikke være part*");
    }

    [Fact]
    public void Agreement_ends_by_itself_after_its_valid_to_date()
    {
        var agreement = OperatingDraft(Rhf(), Specialist());
        agreement.UpdateDraft(new AgreementDetails(AgreementKind.OperatingAgreement, agreement.Title, DocumentLanguage.Bokmal, new DateOnly(2025, 1, 1),
            ValidTo: new DateOnly(2026, 6, 30), PracticePosition: FullPosition()), Today);
        agreement.SignedByAll(new DateOnly(2024, 12, 1));

        agreement.EndIfDue(new DateOnly(2026, 6, 30)).Should().BeFalse();
        agreement.EndIfDue(new DateOnly(2026, 7, 1)).Should().BeTrue();
        agreement.Status.Should().Be(AgreementStatus.Ended);
    }

    [Fact]
    public void Sections_are_ordered_and_can_be_moved_and_removed_while_a_draft()
    {
        var agreement = OperatingDraft(Rhf(), Specialist());
        var second = agreement.AddSection("To", "b");
        var third = agreement.AddSection("Tre", "c");

        agreement.MoveSection(third.Id, -1);
        agreement.Sections.OrderBy(s => s.Position).Select(s => s.Heading).Should().Equal("Formål", "Tre", "To");
        agreement.RemoveSection(agreement.Sections.Single(s => s.Heading == "Formål").Id);
        agreement.Sections.OrderBy(s => s.Position).Select(s => (s.Heading, s.Position)).Should().Equal(("Tre", 1), ("To", 2));
        ((Action)(() => agreement.AddSection(" ", "x"))).Should().Throw<DomainValidationException>();
        second.Heading.Should().Be("To");
    }
}

public sealed class StatutoryAreaTests
{
    [Fact]
    public void Eleven_points_before_1_August_2022_and_thirteen_from_then()
    {
        StatutoryAreaCatalogue.ValidOn(new DateOnly(2022, 7, 31)).Select(a => a.Number).Should().Equal(Enumerable.Range(1, 11));
        StatutoryAreaCatalogue.ValidOn(new DateOnly(2022, 8, 1)).Select(a => a.Number).Should().Equal(Enumerable.Range(1, 13));
        StatutoryAreaCatalogue.All.Single(a => a.Number == 12).Title.Should().Be("Planlegging og utvikling av tjenester");
    }

    [Fact]
    public void A_service_agreement_covers_only_points_in_force_on_its_valid_from_date()
    {
        var before = MunicipalDraft(AgreementLevel.Service, Municipality(), Trust(), parent: Guid.NewGuid(), validFrom: new DateOnly(2022, 7, 1));

        ((Action)(() => before.SetStatutoryAreas([1, 12]))).Should().Throw<AgreementRuleException>().WithMessage("*punkt 12*");
        before.SetStatutoryAreas([1, 11]);
        before.StatutoryAreas.Select(a => a.AreaNumber).Should().Equal(1, 11);

        var supplementary = MunicipalDraft(AgreementLevel.Supplementary, Municipality(), Trust(), parent: Guid.NewGuid());
        ((Action)(() => supplementary.SetStatutoryAreas([1]))).Should().Throw<AgreementRuleException>().WithMessage("*tjenesteavtale*");
    }

    [Fact]
    public void A_service_agreement_without_points_cannot_be_sent_for_signature()
    {
        var service = MunicipalDraft(AgreementLevel.Service, Municipality(), Trust(), parent: Guid.NewGuid());

        service.SignatureBlockers().Should().ContainSingle().Which.Should().Contain("§ 6-2");
    }

    [Fact]
    public void Kinds_accept_only_their_party_kinds()
    {
        AgreementKind.OperatingAgreement.Allows(PartyKind.Municipality).Should().BeFalse();
        AgreementKind.MunicipalCooperationAgreement.Allows(PartyKind.MunicipalGroup).Should().BeTrue();
        AgreementKind.SpecialistCooperationAgreement.Allows(PartyKind.Institution).Should().BeTrue();
        AgreementKind.SpecialistCooperationAgreement.Allows(PartyKind.RegionalHealthAuthority).Should().BeFalse();
    }
}
