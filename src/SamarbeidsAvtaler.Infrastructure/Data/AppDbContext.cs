using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Auditing;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Domain.Committees.Fees;
using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Domain.Parties;
using SamarbeidsAvtaler.Infrastructure.Auditing;
using SamarbeidsAvtaler.Infrastructure.Identity;

namespace SamarbeidsAvtaler.Infrastructure.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options, IAuditActor? actor = null, TimeProvider? clock = null)
    : IdentityDbContext<AppUser, AppRole, Guid>(options)
{
    /// <summary>
    /// Who the audit trail names for changes saved through this context. A feature service sets it to
    /// the signed-in user when it opens a context, since a circuit has no HttpContext to ask.
    /// </summary>
    public IAuditActor Actor { get; set; } = actor ?? SystemAuditActor.Instance;

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public DbSet<Party> Parties => Set<Party>();
    public DbSet<MunicipalGroupMember> MunicipalGroupMembers => Set<MunicipalGroupMember>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<AgreementParty> AgreementParties => Set<AgreementParty>();
    public DbSet<AgreementSection> AgreementSections => Set<AgreementSection>();
    public DbSet<AgreementStatutoryArea> AgreementStatutoryAreas => Set<AgreementStatutoryArea>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<AttachmentContent> AttachmentContents => Set<AttachmentContent>();
    public DbSet<StatutoryArea> StatutoryAreas => Set<StatutoryArea>();
    public DbSet<SignedDocument> SignedDocuments => Set<SignedDocument>();
    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();
    public DbSet<Person> Persons => Set<Person>();
    public DbSet<Committee> Committees => Set<Committee>();
    public DbSet<CommitteeMember> CommitteeMembers => Set<CommitteeMember>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<AgendaItemDocument> AgendaItemDocuments => Set<AgendaItemDocument>();
    public DbSet<FeeRateEntry> FeeRates => Set<FeeRateEntry>();
    public DbSet<FeeClaim> FeeClaims => Set<FeeClaim>();
    public DbSet<FeeClaimActivity> FeeClaimActivities => Set<FeeClaimActivity>();
    public DbSet<Deviation> Deviations => Set<Deviation>();
    public DbSet<DeviationEvent> DeviationEvents => Set<DeviationEvent>();
    public DbSet<Dispute> Disputes => Set<Dispute>();
    public DbSet<DisputeStep> DisputeSteps => Set<DisputeStep>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        IdentityTableNames.Apply(builder);
        SnakeCaseNames.Apply(builder);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AuditTrail.Record(this, Actor, _clock.GetUtcNow());
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AuditTrail.Record(this, Actor, _clock.GetUtcNow());
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}

/// <summary>Short plural table names for the Identity tables instead of AspNetUsers and friends.</summary>
internal static class IdentityTableNames
{
    public static void Apply(ModelBuilder builder)
    {
        builder.Entity<AppUser>().ToTable("users");
        builder.Entity<AppRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
    }
}

/// <summary>PostgreSQL convention: lower snake_case for every column, key, index and constraint name.</summary>
internal static class SnakeCaseNames
{
    public static void Apply(ModelBuilder builder)
    {
        // Owned types stored as JSON keep their property names inside the document.
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => !e.IsMappedToJson()))
        {
            foreach (var property in entity.GetProperties())
            {
                // An owned type split into its owner's table shares the owner's key column.
                var ownership = entity.FindOwnership();
                var name = ownership is not null && property.IsPrimaryKey()
                    ? ownership.PrincipalKey.Properties[ownership.Properties.ToList().IndexOf(property)].GetColumnName()
                    : property.GetColumnName();
                if (name != "xmin")
                {
                    property.SetColumnName(ToSnakeCase(name));
                }
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName(ToSnakeCase(key.GetName()!));
            }

            foreach (var foreignKey in entity.GetForeignKeys())
            {
                foreignKey.SetConstraintName(ToSnakeCase(foreignKey.GetConstraintName()!));
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(ToSnakeCase(index.GetDatabaseName()!));
            }
        }
    }

    public static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_' && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
