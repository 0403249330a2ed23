using SamarbeidsAvtaler.Domain.Parties;

namespace SamarbeidsAvtaler.Domain.Tests.Parties;

public class PartyValidationTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);

    private static PartyDetails Organisation(PartyKind kind = PartyKind.HealthTrust) => new(kind, "Helse Bergen HF");

    private static PartyDetails Specialist() => new(
        PartyKind.Specialist, "Demo Spesialistsen", HprNumber: "9900101", Profession: Profession.Physician,
        Specialty: "Øyesykdommer", DateOfBirth: new DateOnly(1968, 3, 14));

    private static IReadOnlyList<FieldError> Validate(PartyDetails details) => PartyValidation.Validate(details, Today);

    [Theory]
    [InlineData(PartyKind.RegionalHealthAuthority)]
    [InlineData(PartyKind.HealthTrust)]
    [InlineData(PartyKind.Institution)]
    [InlineData(PartyKind.Municipality)]
    [InlineData(PartyKind.MunicipalGroup)]
    public void Organisation_with_only_a_name_is_valid(PartyKind kind)
    {
        Validate(Organisation(kind)).Should().BeEmpty();
    }

    [Fact]
    public void Complete_specialist_is_valid()
    {
        Validate(Specialist()).Should().BeEmpty();
    }

    [Fact]
    public void Fully_filled_organisation_is_valid()
    {
        var details = new PartyDetails(PartyKind.RegionalHealthAuthority, "Helse Sør-Øst RHF", OrganisationNumber: "991 324 968",
            StreetAddress: "Postboks 404", PostalCode: "2303", PostalCity: "Hamar", ContactName: "Ola Nordmann",
            ContactEmail: "postmottak@helse-sorost.example");

        Validate(details).Should().BeEmpty();
    }

    [Fact]
    public void Undefined_kind_is_the_only_error_reported()
    {
        Validate(new PartyDetails((PartyKind)99, "")).Should().Equal(new FieldError("Kind", "Velg type part."));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Name_is_required(string name)
    {
        Validate(Organisation() with { Name = name }).Should().Equal(new FieldError("Name", "Navn må fylles ut."));
    }

    [Fact]
    public void Name_longer_than_200_characters_is_refused()
    {
        Validate(Organisation() with { Name = new string('a', Party.NameMaxLength + 1) })
            .Should().Equal(new FieldError("Name", "Navn kan ha høyst 200 tegn."));
    }

    [Fact]
    public void Name_of_exactly_200_characters_is_accepted_even_with_surrounding_spaces()
    {
        // The name is stored trimmed, so only the trimmed length counts.
        Validate(Organisation() with { Name = $"  {new string('a', Party.NameMaxLength)}  " }).Should().BeEmpty();
    }

    [Fact]
    public void Specialist_without_hpr_profession_specialty_and_birth_date_gets_one_error_each()
    {
        var details = new PartyDetails(PartyKind.Specialist, "Demo Spesialistsen");

        Validate(details).Should().BeEquivalentTo(new[]
        {
            new FieldError("HprNumber", "HPR-nummer må fylles ut."),
            new FieldError("Profession", "Velg profesjon."),
            new FieldError("Specialty", "Spesialitet må fylles ut."),
            new FieldError("DateOfBirth", "Fødselsdato må fylles ut."),
        });
    }

    [Theory]
    [InlineData("0123456")]
    [InlineData("123456")]
    [InlineData("1234567890")]
    [InlineData("12345x7")]
    public void Specialist_with_invalid_hpr_number_is_refused(string hpr)
    {
        Validate(Specialist() with { HprNumber = hpr })
            .Should().Equal(new FieldError("HprNumber", "HPR-nummeret er ikke gyldig. Det skal ha 7–9 siffer."));
    }

    [Fact]
    public void Specialist_with_undefined_profession_is_refused()
    {
        Validate(Specialist() with { Profession = (Profession)7 }).Should().Equal(new FieldError("Profession", "Velg profesjon."));
    }

    [Fact]
    public void Specialty_longer_than_100_characters_is_refused()
    {
        Validate(Specialist() with { Specialty = new string('x', Party.SpecialtyMaxLength + 1) })
            .Should().Equal(new FieldError("Specialty", "Spesialitet kan ha høyst 100 tegn."));
    }

    [Fact]
    public void Birth_date_in_the_future_is_refused()
    {
        Validate(Specialist() with { DateOfBirth = Today.AddDays(1) })
            .Should().Equal(new FieldError("DateOfBirth", "Fødselsdatoen må være en dato i fortiden."));
    }

    [Fact]
    public void Birth_date_before_1900_is_refused()
    {
        Validate(Specialist() with { DateOfBirth = new DateOnly(1899, 12, 31) })
            .Should().ContainSingle(e => e.Field == "DateOfBirth");
        Validate(Specialist() with { DateOfBirth = new DateOnly(1900, 1, 1) }).Should().BeEmpty();
    }

    [Fact]
    public void Birth_date_rule_uses_the_real_date_when_no_today_is_given()
    {
        // Norway's date, not the machine's: between 23:00 and 01:00 UTC the two differ.
        var tomorrow = TimeProvider.System.Today().AddDays(1);

        PartyValidation.Validate(Specialist() with { DateOfBirth = tomorrow }).Should().ContainSingle(e => e.Field == "DateOfBirth");
    }

    [Theory]
    [InlineData("0150")]
    [InlineData(" 5003 ")]
    [InlineData("")]
    [InlineData(null)]
    public void Postal_code_of_four_digits_or_none_is_accepted(string? code)
    {
        Validate(Organisation() with { PostalCode = code }).Should().BeEmpty();
    }

    [Theory]
    [InlineData("150")]
    [InlineData("01500")]
    [InlineData("5OO3")]
    [InlineData("50 03")]
    public void Postal_code_that_is_not_four_digits_is_refused(string code)
    {
        Validate(Organisation() with { PostalCode = code }).Should().Equal(new FieldError("PostalCode", "Postnummer skal ha 4 siffer."));
    }

    [Theory]
    [InlineData("post@helse-bergen.example")]
    [InlineData(" ola.nordmann@kommune.no ")]
    [InlineData("")]
    [InlineData(null)]
    public void Valid_or_absent_email_is_accepted(string? email)
    {
        Validate(Organisation() with { ContactEmail = email }).Should().BeEmpty();
    }

    [Theory]
    [InlineData("post")]
    [InlineData("post@")]
    [InlineData("@helse-bergen.no")]
    [InlineData("post@localhost")]
    [InlineData("post@@helse-bergen.no")]
    [InlineData("Ola <post@helse-bergen.no>")]
    [InlineData("ola nordmann@helse-bergen.no")]
    public void Malformed_email_is_refused(string email)
    {
        Validate(Organisation() with { ContactEmail = email }).Should().Equal(new FieldError("ContactEmail", "E-postadressen er ikke gyldig."));
    }

    [Fact]
    public void Email_longer_than_254_characters_is_refused()
    {
        var email = new string('a', 250) + "@b.no";

        Validate(Organisation() with { ContactEmail = email })
            .Should().Equal(new FieldError("ContactEmail", "E-postadressen kan ha høyst 254 tegn."));
    }

    [Fact]
    public void Over_long_address_city_and_contact_name_are_refused()
    {
        var details = Organisation() with
        {
            StreetAddress = new string('a', Party.StreetAddressMaxLength + 1),
            PostalCity = new string('b', Party.PostalCityMaxLength + 1),
            ContactName = new string('c', Party.ContactNameMaxLength + 1),
        };

        Validate(details).Should().BeEquivalentTo(new[]
        {
            new FieldError("StreetAddress", "Adresse kan ha høyst 200 tegn."),
            new FieldError("PostalCity", "Poststed kan ha høyst 100 tegn."),
            new FieldError("ContactName", "Kontaktperson kan ha høyst 200 tegn."),
        });
    }

    [Theory]
    [InlineData("991324967")]
    [InlineData("99132496")]
    [InlineData("abc")]
    public void Organisation_with_invalid_organisation_number_is_refused(string number)
    {
        Validate(Organisation() with { OrganisationNumber = number }).Should().Equal(new FieldError(
            "OrganisationNumber", "Organisasjonsnummeret er ikke gyldig. Det skal ha 9 siffer og riktig kontrollsiffer."));
    }

    [Fact]
    public void Organisation_number_is_optional_for_an_organisation()
    {
        // Not every kommunegruppe or institution in the register has one to hand.
        Validate(Organisation() with { OrganisationNumber = "  " }).Should().BeEmpty();
    }

    [Fact]
    public void Organisation_number_is_ignored_for_a_specialist()
    {
        // A person has no organisation number; whatever the form sent is dropped, not validated.
        Validate(Specialist() with { OrganisationNumber = "not a number" }).Should().BeEmpty();
    }

    [Fact]
    public void Specialist_fields_are_not_required_of_an_organisation()
    {
        Validate(Organisation() with { HprNumber = "0", Profession = (Profession)42 }).Should().BeEmpty();
    }
}
