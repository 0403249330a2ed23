using SamarbeidsAvtaler.Domain;

namespace SamarbeidsAvtaler.Web.Features.Deviations;

/// <summary>How the register writes its times.</summary>
public static class DeviationFormat
{
    /// <summary>A Norwegian wall-clock time as reported: "03.03.2026 kl. 18:30".</summary>
    public static string Time(DateTime local) => local.ToString("dd.MM.yyyy 'kl.' HH:mm", Norwegian.Culture);
}
