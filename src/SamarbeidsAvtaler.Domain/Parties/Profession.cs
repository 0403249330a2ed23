namespace SamarbeidsAvtaler.Domain.Parties;

/// <summary>An avtalespesialist is a legespesialist or a psykologspesialist (DOMAIN.md section 1).</summary>
public enum Profession
{
    Physician = 1,
    Psychologist = 2,
}

public static class ProfessionExtensions
{
    public static string DisplayName(this Profession profession) => profession switch
    {
        Profession.Physician => "Lege",
        Profession.Psychologist => "Psykolog",
        _ => profession.ToString(),
    };
}
