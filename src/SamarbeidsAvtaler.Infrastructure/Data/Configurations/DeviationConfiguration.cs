using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Domain.Parties;

namespace SamarbeidsAvtaler.Infrastructure.Data.Configurations;

internal sealed class DeviationConfiguration : IEntityTypeConfiguration<Deviation>
{
    public void Configure(EntityTypeBuilder<Deviation> builder)
    {
        builder.ToTable("deviations");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.CaseNumber).HasMaxLength(20);
        builder.Property(d => d.Category).HasConversion<string>().HasMaxLength(60);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(50);
        // Norwegian wall-clock time, compared with the agreed discharge hours as it was reported.
        builder.Property(d => d.OccurredAt).HasColumnType("timestamp without time zone");
        builder.Property(d => d.Title).HasMaxLength(DeviationReport.TitleMaxLength);
        builder.Property(d => d.Description).HasMaxLength(DeviationReport.DescriptionMaxLength);
        builder.Property(d => d.ReporterCaseReference).HasMaxLength(DeviationReport.CaseReferenceMaxLength);
        builder.Property(d => d.ReportedByName).HasMaxLength(200);
        builder.Property(d => d.Explanation).HasMaxLength(DeviationReport.DescriptionMaxLength);
        builder.Property(d => d.Measures).HasMaxLength(DeviationReport.DescriptionMaxLength);
        builder.Property(d => d.Recommendation).HasMaxLength(DeviationReport.DescriptionMaxLength);
        builder.Property<uint>("Version").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();

        builder.HasOne<Party>().WithMany().HasForeignKey(d => d.ReportingPartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Party>().WithMany().HasForeignKey(d => d.OtherPartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(d => d.AgreementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.CaseNumber).IsUnique();
        builder.HasIndex(d => new { d.ReportingPartyId, d.OccurredAt });
        builder.HasIndex(d => new { d.OtherPartyId, d.OccurredAt });
        builder.HasIndex(d => d.AgreementId);
        builder.HasIndex(d => d.OccurredAt);
        builder.HasIndex(d => new { d.Status, d.AnswerDueOn });

        builder.HasMany(d => d.Events).WithOne().HasForeignKey(e => e.DeviationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(nameof(Deviation.Events)).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DeviationEventConfiguration : IEntityTypeConfiguration<DeviationEvent>
{
    public void Configure(EntityTypeBuilder<DeviationEvent> builder)
    {
        builder.ToTable("deviation_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(50);
        builder.Property(e => e.ActorName).HasMaxLength(200);
        builder.Property(e => e.Comment).HasMaxLength(DeviationReport.DescriptionMaxLength);
        builder.HasIndex(e => new { e.DeviationId, e.OccurredAt });
    }
}
