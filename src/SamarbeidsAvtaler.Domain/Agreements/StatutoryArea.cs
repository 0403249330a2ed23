namespace SamarbeidsAvtaler.Domain.Agreements;

/// <summary>
/// One of the minimum contents of the kommune–HF agreements in helse- og omsorgstjenesteloven § 6-2,
/// valid over a period: eleven points from 2012, thirteen from 1 August 2022 (DOMAIN.md section 4).
/// </summary>
public sealed record StatutoryArea(int Number, string Title, DateOnly ValidFrom, DateOnly? ValidTo = null)
{
    public bool IsValidOn(DateOnly date) => date >= ValidFrom && (ValidTo is null || date <= ValidTo);
}

/// <summary>The dated § 6-2 list. The migration seeds the same rows into statutory_areas; a test keeps them equal.</summary>
public static class StatutoryAreaCatalogue
{
    public static readonly DateOnly FirstAgreements = new(2012, 1, 1);
    public static readonly DateOnly ThirteenPointsFrom = new(2022, 8, 1);

    public static readonly IReadOnlyList<StatutoryArea> All =
    [
        new(1, "Ansvars- og oppgavefordeling", FirstAgreements),
        new(2, "Samarbeid ved innleggelse, utskrivning, habilitering, rehabilitering og lærings- og mestringstilbud", FirstAgreements),
        new(3, "Innleggelse i sykehus", FirstAgreements),
        new(4, "Døgnopphold for øyeblikkelig hjelp (§ 3-5)", FirstAgreements),
        new(5, "Utskrivningsklare pasienter", FirstAgreements),
        new(6, "Kunnskapsoverføring, informasjonsutveksling, faglige nettverk og hospitering", FirstAgreements),
        new(7, "Forskning, utdanning, praksis og læretid", FirstAgreements),
        new(8, "Jordmortjenester", FirstAgreements),
        new(9, "IKT-løsninger lokalt", FirstAgreements),
        new(10, "Forebygging", FirstAgreements),
        new(11, "Beredskapsplaner og den akuttmedisinske kjeden", FirstAgreements),
        new(12, "Planlegging og utvikling av tjenester", ThirteenPointsFrom),
        new(13, "Tjenester til barn og unge med behov for sammensatte tjenester", ThirteenPointsFrom),
    ];

    public static IReadOnlyList<StatutoryArea> ValidOn(DateOnly date) => All.Where(a => a.IsValidOn(date)).ToList();
}
