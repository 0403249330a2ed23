using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Parties;

namespace SamarbeidsAvtaler.Testing;

/// <summary>
/// Agreements in a given lifecycle state, built through the domain's own methods so every test
/// starts from a state the product can really reach. Nothing here touches a database.
/// </summary>
public static class AgreementScenarios
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    private static int _counter;

    public static string NextReference(AgreementKind kind) =>
        $"{kind.ReferencePrefix()}-2026-{9000 + Interlocked.Increment(ref _counter):D4}";

    public static PracticePosition FullPosition(Guid? municipalityId = null) =>
        new("Øyesykdommer", municipalityId, "Eksempelgata 1, 0150 Oslo", 100m, 37.5m, 44);

    public static Agreement OperatingDraft(Party rhf, Party specialist, string title = "Driftsavtale øyesykdommer", DateOnly? validFrom = null)
    {
        var agreement = Agreement.CreateDraft(
            new AgreementDetails(AgreementKind.OperatingAgreement, title, DocumentLanguage.Bokmal, validFrom ?? new DateOnly(2026, 1, 1),
                PracticePosition: FullPosition()),
            NextReference(AgreementKind.OperatingAgreement), Now);
        agreement.SetParties([(rhf, "Rita RHF-direktør", "Direktør"), (specialist, specialist.Name, "Avtalespesialist")]);
        agreement.AddSection("Formål", "Avtalen gir rett til å drive avtalepraksis med driftstilskudd.");
        return agreement;
    }

    public static Agreement SpecialistCooperationDraft(Party trust, params Party[] specialists)
    {
        var agreement = Agreement.CreateDraft(
            new AgreementDetails(AgreementKind.SpecialistCooperationAgreement, "Samarbeidsavtale om øyesykdommer", DocumentLanguage.Bokmal,
                new DateOnly(2026, 1, 1), MeetingFrequency: "To ganger i året"),
            NextReference(AgreementKind.SpecialistCooperationAgreement), Now);
        agreement.SetParties([(trust, "Hanne HF-direktør", "Administrerende direktør"), .. specialists.Select(s => (s, (string?)s.Name, (string?)"Avtalespesialist"))]);
        agreement.SetCooperationForms([(CooperationForm.ProfessionalCooperation, "Felles fagdager")]);
        agreement.AddSection("Samarbeid", "Partene samarbeider om pasientflyt.");
        return agreement;
    }

    public static Agreement MunicipalDraft(AgreementLevel level, Party municipality, Party trust, Guid? parent = null, int[]? areas = null, DateOnly? validFrom = null)
    {
        var agreement = Agreement.CreateDraft(
            new AgreementDetails(AgreementKind.MunicipalCooperationAgreement, $"{level.DisplayName()} {municipality.Name}", DocumentLanguage.Nynorsk,
                validFrom ?? new DateOnly(2022, 8, 1), Level: level, ParentAgreementId: parent,
                IsLegallyBinding: level == AgreementLevel.Supplementary ? true : null),
            NextReference(AgreementKind.MunicipalCooperationAgreement), Now);
        agreement.SetParties([(municipality, "Kari Kommunedirektør", "Kommunedirektør"), (trust, "Hanne HF-direktør", "Administrerende direktør")]);
        agreement.AddSection("Føremål", "Avtalen skal sikre samanhengande tenester.");
        if (areas is not null)
        {
            agreement.SetStatutoryAreas(areas);
        }

        return agreement;
    }

    /// <summary>Sends for signature and registers every party's signature on paper: the agreement becomes active.</summary>
    public static Agreement SignedByAll(this Agreement agreement, DateOnly? signedOn = null)
    {
        agreement.SendForSignature(Now);
        foreach (var party in agreement.Parties)
        {
            agreement.RegisterSignature(party.Id, new Signature(party.SignatoryName!, party.SignatoryTitle, signedOn ?? Today, SignatureMethod.Paper, null), Today);
        }

        return agreement;
    }

    public static Party Rhf(string name = "Helse Testøst RHF") =>
        Party.Create(new PartyDetails(PartyKind.RegionalHealthAuthority, name), Now);

    public static Party Trust(string name = "Helse Testby HF") =>
        Party.Create(new PartyDetails(PartyKind.HealthTrust, name), Now);

    public static Party Municipality(string name = "Testvik kommune") =>
        Party.Create(new PartyDetails(PartyKind.Municipality, name), Now);

    public static Party Specialist(string name = "Testa Spesialist", string? hpr = null) =>
        Party.Create(new PartyDetails(PartyKind.Specialist, name, HprNumber: hpr ?? Random.Shared.Next(800_000_000, 899_999_999).ToString(),
            Profession: Profession.Physician, Specialty: "Øyesykdommer", DateOfBirth: new DateOnly(1970, 1, 1)), Now);
}
