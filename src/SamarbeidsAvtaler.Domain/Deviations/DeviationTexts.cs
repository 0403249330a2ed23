namespace SamarbeidsAvtaler.Domain.Deviations;

/// <summary>Norwegian names of the deviation and dispute enums, for labels and lists.</summary>
public static class DeviationTexts
{
    public static string DisplayName(this DeviationCategory category) => category switch
    {
        DeviationCategory.DischargeWithoutEpicrisisAndMedicationList => "Utskrivning uten epikrise og medisinliste",
        DeviationCategory.DischargeOutsideAgreedHours => "Utskrivning utenfor avtalt tid",
        DeviationCategory.Admission => "Innleggelse",
        DeviationCategory.InformationExchange => "Informasjonsutveksling",
        DeviationCategory.Ict => "IKT",
        DeviationCategory.Medication => "Legemidler",
        DeviationCategory.Other => "Annet",
        _ => category.ToString(),
    };

    public static string DisplayName(this DeviationStatus status) => status switch
    {
        DeviationStatus.Registered => "Registrert",
        DeviationStatus.SentToOtherParty => "Sendt til motparten",
        DeviationStatus.Answered => "Besvart",
        DeviationStatus.Closed => "Lukket",
        DeviationStatus.SentToMunicipalityAndSpecialistService => "Sendt til kommunen og spesialisthelsetjenesten",
        _ => status.ToString(),
    };

    public static string DisplayName(this EscalationStep step) => step switch
    {
        EscalationStep.ServiceLevel => "Forsøk på løsning på tjenestenivå",
        EscalationStep.DisagreementProtocol => "Protokoll for uenighet til samarbeidssekretariatet",
        EscalationStep.StrategicCommittee => "Strategisk samarbeidsutvalg (drøfting og anbefaling)",
        EscalationStep.NationalDisputeBoard => "Nasjonal tvisteløsningsnemnd",
        _ => step.ToString(),
    };

    public static string DisplayName(this StatementForce force) => force switch
    {
        StatementForce.Advisory => "Rådgivende",
        StatementForce.Binding => "Bindende",
        _ => force.ToString(),
    };
}
