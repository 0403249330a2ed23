namespace SamarbeidsAvtaler.Domain.Committees.Fees;

/// <summary>What a fastlege representative spent time on, as seed 001 names it for the fee (R21).</summary>
public enum FeeActivityKind
{
    Meeting = 1,
    PreparatoryMeeting = 2,
    Travel = 3,
    CasePreparation = 4,
}

public static class FeeTexts
{
    public static string DisplayName(this FeeActivityKind kind) => kind switch
    {
        FeeActivityKind.Meeting => "Møte",
        FeeActivityKind.PreparatoryMeeting => "Formøte",
        FeeActivityKind.Travel => "Reisetid",
        FeeActivityKind.CasePreparation => "Saksforberedelse",
        _ => kind.ToString(),
    };
}
