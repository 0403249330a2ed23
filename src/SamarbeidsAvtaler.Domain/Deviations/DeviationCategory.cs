namespace SamarbeidsAvtaler.Domain.Deviations;

/// <summary>What kind of breach a deviation reports: the typical breaches of seed 003 (R26, issue 10 § 1).</summary>
public enum DeviationCategory
{
    /// <summary>Discharged without epikrise and medisinliste: the patient was then not utskrivningsklar (R26).</summary>
    DischargeWithoutEpicrisisAndMedicationList = 1,

    /// <summary>Discharged outside the hours agreed in the tjenesteavtale (R26, <see cref="DischargeHours"/>).</summary>
    DischargeOutsideAgreedHours = 2,
    Admission = 3,
    InformationExchange = 4,
    Ict = 5,
    Medication = 6,
    Other = 7,
}
