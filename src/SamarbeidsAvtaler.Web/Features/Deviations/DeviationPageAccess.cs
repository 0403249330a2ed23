namespace SamarbeidsAvtaler.Web.Features.Deviations;

/// <summary>The roles that may open the deviation pages; the service still filters every case (<see cref="DeviationAccess"/>).</summary>
public static class DeviationPageAccess
{
    public const string Roles = Domain.Users.Roles.Caseworker + "," + Domain.Users.Roles.Administrator + "," + Domain.Users.Roles.Secretariat + ","
        + Domain.Users.Roles.CooperationManager + "," + Domain.Users.Roles.Municipality;
}
