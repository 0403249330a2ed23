namespace SamarbeidsAvtaler.Domain.Committees;

/// <summary>
/// The seed's words behind each committee rule, as written there (nynorsk in 004, bokmål in 001), without
/// quotation marks. Bullets of one list are joined with "; ". Shown beside a finding so a reader can check it.
/// </summary>
public static class SeedQuotes
{
    // R15 (004 § 5.2.3, § 5.3.3; 001).
    public const string SsuTerm = "Representantane i SSU er vald inn for 4 år om gongen";
    public const string AreaTerm = "Representantane i områdeutvala er vald inn for 4 år om gongen";
    public const string GeneralPractitionerTerm = "Representanter bør velges for en tidsbegrenset periode på inntil 4 år";

    // R16 (004 § 5.2.3, § 5.1.3).
    public const string SsuMeetings = "SSU skal minimum møtast 4 gonger i året";
    public const string PartnershipMeetings = "Partnarskapsmøte vert gjennomført (minimum) 1 gong årleg";

    // R17 (004 § 5.2.3, § 5.1.3).
    public const string SsuLeadership =
        "Leiinga alternerer annakvart år mellom kommunane og spesialisthelsetenesta, der leiar og nestleiar skal representere dei to nivåa";
    public const string PartnershipHostAndChair = "Vertskap og møteleiing alternerer annakvart år mellom kommunane og spesialisthelsetenesta";

    // R18 (004 § 5.4, § 5.6, § 5.7).
    public const string ProfessionalCommitteeMembers = "Alle faglege samarbeidsutval skal minimum ha 1 fastlege og 1 brukarrepresentant";
    public const string UserRepresentation = "Det skal vere brukarrepresentasjon i alle samarbeidsorgan på alle nivå i helsefellesskapet";
    public const string GeneralPractitionerRepresentation =
        "Så langt det er mogleg skal det vere representasjon frå fastlegar i alle samarbeidsorgan på alle nivå i helsefellesskapet";

    // R19 (004 § 5.2.2).
    public const string SsuMunicipalSeats =
        "1 kommunal representant (…), utpeika frå kvart utvalsområde; Bergen kommune kan utpeike to representantar";
    public const string SsuSpecialistSeats =
        "5 representantar (overordna administrativ leiing) utpeika av spesialisthelsetenesta etter følgjande fordeling: Helse Bergen HF (3) (…); Haraldsplass Diakonale Sykehus AS (1); private-ideelle organisasjonar innan psykisk helsevern (1)";
    public const string UserRepresentatives = "2 brukarrepresentantar (1 frå kommunane og 1 frå spesialisthelsetenesta)";
    public const string PersonalDeputies = "Det skal utpeikast personlege vararepresentantar";
    public const string SsuObservers =
        "Observatørar med tale- og forslagrett: 1 representant frå KS; 1 representant hovudsamanslutningane; 1 fastlege; 1 kommuneoverlege; Samarbeidssekretariatet";

    // R20 (004 § 5.3.2, § 5.3.3).
    public const string AreaMunicipalSeats =
        "Ein representant frå kvar kommune; Bergen kommune kan vere representert med inntil 6 representantar i eige områdeutval";
    public const string AreaSpecialistSeats =
        "Det skal vere forholdsmessig representasjon frå spesialisthelsetenesta i tråd med sektoransvaret for kvart utvalsområde";
    public const string OneGeneralPractitioner = "1 fastlege";
    public const string OneMunicipalChiefMedicalOfficer = "1 kommuneoverlege";
    public const string OneFromEmployeeOrganisations = "1 representant frå hovudsamanslutningane";
    public const string AreaLeadership = "Områdeutvala skal ha kommunal leiar og nestleiar frå spesialisthelsetenesta";

    // Samarbeidssekretariatet (004 § 5.5.2, § 5.5.3).
    public const string SecretariatMunicipalSeats = "Ein kommunal representant frå kvart områdeutval";
    public const string SecretariatSpecialistSeats =
        "3 representantar frå spesialisthelsetenesta etter følgjande fordeling: Helse Bergen (2) og Haraldsplass Diakonale Sykehus (1)";
    public const string SecretariatLeadership =
        "Sekretariatet skal leiast i fellesskap av 1 representant frå Helse Bergen og 1 kommunal representant";
}
