using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace SamarbeidsAvtaler.Web.Features.Parties;

/// <summary>Maps a unique-index violation from PostgreSQL to the form field it concerns.</summary>
public static class UniqueViolation
{
    public static string? FieldFor(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg
            ? pg.ConstraintName switch
            {
                "ix_parties_organisation_number" => nameof(PartyForm.OrganisationNumber),
                "ix_parties_hpr_number" => nameof(PartyForm.HprNumber),
                _ => null,
            }
            : null;
}
