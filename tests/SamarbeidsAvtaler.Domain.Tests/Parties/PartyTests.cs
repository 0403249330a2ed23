using SamarbeidsAvtaler.Domain.Parties;

namespace SamarbeidsAvtaler.Domain.Tests.Parties;

public class PartyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 9, 30, 0, TimeSpan.Zero);

    private static PartyDetails SpecialistDetails() => new(
        PartyKind.Specialist, "Demo Spesialistsen", HprNumber: "9900101", Profession: Profession.Physician,
        Specialty: "Øyesykdommer", DateOfBirth: new DateOnly(1968, 3, 14));

    [Fact]
    public void Create_sets_identity_kind_creation_time_and_active()
    {
        var party = Party.Create(new PartyDetails(PartyKind.HealthTrust, "Helse Bergen HF"), Now);

        party.Id.Should().NotBeEmpty();
        party.Id.Version.Should().Be(7, "time-ordered ids keep the primary key index compact");
        party.Kind.Should().Be(PartyKind.HealthTrust);
        party.CreatedAt.Should().Be(Now);
        party.IsActive.Should().BeTrue();
        party.Members.Should().BeEmpty();
    }

    [Fact]
    public void Create_refuses_invalid_details_with_the_field_errors()
    {
        var act = () => Party.Create(new PartyDetails(PartyKind.Municipality, " ", PostalCode: "12"), Now);

        act.Should().Throw<DomainValidationException>()
            .Which.Errors.Select(e => e.Field).Should().BeEquivalentTo("Name", "PostalCode");
    }

    [Fact]
    public void Values_are_trimmed_and_blank_optional_values_become_null()
    {
        var party = Party.Create(new PartyDetails(PartyKind.Institution, "  Betanien sykehus AS  ",
            OrganisationNumber: " 991 324 968 ", StreetAddress: "  Vilhelm Bjerknes' vei 11 ", PostalCode: " 5081 ",
            PostalCity: " Bergen ", ContactName: "   ", ContactEmail: " post@betanien.example "), Now);

        party.Name.Should().Be("Betanien sykehus AS");
        party.OrganisationNumber.Should().Be("991324968");
        party.StreetAddress.Should().Be("Vilhelm Bjerknes' vei 11");
        party.PostalCode.Should().Be("5081");
        party.PostalCity.Should().Be("Bergen");
        party.ContactName.Should().BeNull();
        party.ContactEmail.Should().Be("post@betanien.example");
    }

    [Fact]
    public void Specialist_fields_are_trimmed_and_hpr_normalised()
    {
        var party = Party.Create(SpecialistDetails() with { HprNumber = " 9 900 101 ", Specialty = "  Øyesykdommer " }, Now);

        party.HprNumber.Should().Be("9900101");
        party.Specialty.Should().Be("Øyesykdommer");
        party.Profession.Should().Be(Profession.Physician);
        party.DateOfBirth.Should().Be(new DateOnly(1968, 3, 14));
    }

    [Fact]
    public void Specialist_never_keeps_an_organisation_number()
    {
        var party = Party.Create(SpecialistDetails() with { OrganisationNumber = "991324968" }, Now);

        party.OrganisationNumber.Should().BeNull();

        party.Update(SpecialistDetails() with { OrganisationNumber = "991 324 968" });

        party.OrganisationNumber.Should().BeNull();
    }

    [Fact]
    public void Organisation_never_keeps_specialist_fields()
    {
        var party = Party.Create(new PartyDetails(PartyKind.HealthTrust, "Helse Bergen HF", HprNumber: "9900101",
            Profession: Profession.Physician, Specialty: "Øyesykdommer", DateOfBirth: new DateOnly(1968, 3, 14)), Now);

        party.HprNumber.Should().BeNull();
        party.Profession.Should().BeNull();
        party.Specialty.Should().BeNull();
        party.DateOfBirth.Should().BeNull();
    }

    [Fact]
    public void Update_changes_the_details_but_keeps_id_and_creation_time()
    {
        var parent = Guid.CreateVersion7();
        var party = Party.Create(new PartyDetails(PartyKind.HealthTrust, "Helse Bergen HF"), Now);
        var id = party.Id;

        party.Update(new PartyDetails(PartyKind.HealthTrust, "Helse Bergen HF, Haukeland", PostalCity: "Bergen", ParentPartyId: parent));

        party.Id.Should().Be(id);
        party.CreatedAt.Should().Be(Now);
        party.Name.Should().Be("Helse Bergen HF, Haukeland");
        party.PostalCity.Should().Be("Bergen");
        party.ParentPartyId.Should().Be(parent);
    }

    [Theory]
    [InlineData(PartyKind.RegionalHealthAuthority)]
    [InlineData(PartyKind.Institution)]
    [InlineData(PartyKind.MunicipalGroup)]
    public void Kind_cannot_change_on_update(PartyKind otherKind)
    {
        var party = Party.Create(new PartyDetails(PartyKind.HealthTrust, "Helse Bergen HF"), Now);

        var act = () => party.Update(new PartyDetails(otherKind, "Helse Bergen HF"));

        act.Should().Throw<DomainValidationException>()
            .Which.Errors.Should().Equal(new FieldError("Kind", "Typen til en part kan ikke endres."));
        party.Kind.Should().Be(PartyKind.HealthTrust);
    }

    [Fact]
    public void Update_with_invalid_details_throws_and_leaves_the_party_unchanged()
    {
        var party = Party.Create(new PartyDetails(PartyKind.HealthTrust, "Helse Bergen HF", PostalCode: "5021"), Now);

        var act = () => party.Update(new PartyDetails(PartyKind.HealthTrust, "Helse Bergen HF", PostalCode: "50210"));

        act.Should().Throw<DomainValidationException>().Which.Errors.Should().ContainSingle(e => e.Field == "PostalCode");
        party.PostalCode.Should().Be("5021");
    }

    [Fact]
    public void Deactivate_and_reactivate_toggle_active()
    {
        var party = Party.Create(new PartyDetails(PartyKind.Municipality, "Bergen kommune"), Now);

        party.Deactivate();
        party.IsActive.Should().BeFalse();

        party.Reactivate();
        party.IsActive.Should().BeTrue();
    }

    [Fact]
    public void SetMembers_replaces_the_kommuner_of_a_kommunegruppe_without_duplicates()
    {
        var group = Party.Create(new PartyDetails(PartyKind.MunicipalGroup, "Områdeutval Voss"), Now);
        var voss = Guid.CreateVersion7();
        var ulvik = Guid.CreateVersion7();
        var vaksdal = Guid.CreateVersion7();

        group.SetMembers([voss, ulvik, voss]);
        group.Members.Select(m => m.MunicipalityId).Should().BeEquivalentTo([voss, ulvik]);
        group.Members.Should().OnlyContain(m => m.GroupId == group.Id);

        var ulvikMember = group.Members.Single(m => m.MunicipalityId == ulvik);
        group.SetMembers([ulvik, vaksdal]);
        group.Members.Select(m => m.MunicipalityId).Should().BeEquivalentTo([ulvik, vaksdal]);
        group.Members.Should().Contain(m => ReferenceEquals(m, ulvikMember), "a kept member is not removed and re-added");

        group.SetMembers([]);
        group.Members.Should().BeEmpty();
    }

    [Theory]
    [InlineData(PartyKind.RegionalHealthAuthority)]
    [InlineData(PartyKind.HealthTrust)]
    [InlineData(PartyKind.Institution)]
    [InlineData(PartyKind.Municipality)]
    public void SetMembers_is_refused_for_anything_but_a_kommunegruppe(PartyKind kind)
    {
        var party = Party.Create(new PartyDetails(kind, "Bergen kommune"), Now);

        var act = () => party.SetMembers([Guid.CreateVersion7()]);

        act.Should().Throw<InvalidOperationException>();
        party.Members.Should().BeEmpty();
    }

    [Fact]
    public void SetMembers_is_refused_for_a_specialist()
    {
        var party = Party.Create(SpecialistDetails(), Now);

        var act = () => party.SetMembers([Guid.CreateVersion7()]);

        act.Should().Throw<InvalidOperationException>();
    }
}
