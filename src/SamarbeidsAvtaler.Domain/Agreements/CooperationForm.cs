namespace SamarbeidsAvtaler.Domain.Agreements;

/// <summary>The samarbeidsformer an avtalespesialist–HF agreement chooses from (000).</summary>
public enum CooperationForm
{
    DivisionOfWork = 1,
    ProfessionalCooperation = 2,
    CapacityInformation = 3,
    SharedProcedures = 4,
    CompetenceDevelopment = 5,
    ContactRoutines = 6,
    HolidayCover = 7,
    WaitingListCooperation = 8,
    InpatientSupervision = 9,
}

public static class CooperationFormExtensions
{
    public static string DisplayName(this CooperationForm form) => form switch
    {
        CooperationForm.DivisionOfWork => "Arbeidsdeling og pasientflyt",
        CooperationForm.ProfessionalCooperation => "Faglig samarbeid",
        CooperationForm.CapacityInformation => "Kapasitetsinformasjon",
        CooperationForm.SharedProcedures => "Felles prosedyrer og retningslinjer",
        CooperationForm.CompetenceDevelopment => "Kompetanseutvikling",
        CooperationForm.ContactRoutines => "Kontaktrutiner og møtefrekvens",
        CooperationForm.HolidayCover => "Fraværsdekning i ferier",
        CooperationForm.WaitingListCooperation => "Samarbeid om fristpasienter og ventelister",
        CooperationForm.InpatientSupervision => "Tilsyn med inneliggende pasienter",
        _ => form.ToString(),
    };

    /// <summary>Work outside the fee schedule needs an agreed compensation (000).</summary>
    public static bool RequiresCompensation(this CooperationForm form) => form == CooperationForm.InpatientSupervision;
}
