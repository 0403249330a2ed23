using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Domain.Deviations;
using SamarbeidsAvtaler.Domain.Parties;

namespace SamarbeidsAvtaler.Infrastructure.Data.Configurations;

internal sealed class DisputeConfiguration : IEntityTypeConfiguration<Dispute>
{
    public void Configure(EntityTypeBuilder<Dispute> builder)
    {
        builder.ToTable("disputes");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.CaseNumber).HasMaxLength(20);
        builder.Property(d => d.Title).HasMaxLength(DeviationReport.TitleMaxLength);
        builder.Property(d => d.Question).HasMaxLength(DeviationReport.DescriptionMaxLength);
        builder.Property(d => d.CurrentStep).HasConversion<string>().HasMaxLength(40);
        builder.Property(d => d.RaisedByName).HasMaxLength(200);
        builder.Property(d => d.Resolution).HasMaxLength(DeviationReport.DescriptionMaxLength);
        builder.Property(d => d.LossClaimAmount).HasPrecision(14, 2);
        builder.Property(d => d.LossClaimDescription).HasMaxLength(Dispute.LossDescriptionMaxLength);
        builder.Property<uint>("Version").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();

        builder.HasOne<Party>().WithMany().HasForeignKey(d => d.RaisingPartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Party>().WithMany().HasForeignKey(d => d.OtherPartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(d => d.AgreementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.CaseNumber).IsUnique();
        builder.HasIndex(d => d.RaisingPartyId);
        builder.HasIndex(d => d.OtherPartyId);
        builder.HasIndex(d => d.AgreementId);

        builder.HasMany(d => d.Steps).WithOne().HasForeignKey(s => s.DisputeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(nameof(Dispute.Steps)).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DisputeStepConfiguration : IEntityTypeConfiguration<DisputeStep>
{
    public void Configure(EntityTypeBuilder<DisputeStep> builder)
    {
        builder.ToTable("dispute_steps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Step).HasConversion<string>().HasMaxLength(40);
        builder.Property(s => s.ActorName).HasMaxLength(200);
        builder.Property(s => s.Comment).HasMaxLength(DeviationReport.DescriptionMaxLength);
        builder.Property(s => s.Statement).HasMaxLength(DeviationReport.DescriptionMaxLength);
        builder.Property(s => s.StatementForce).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(s => s.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.DisputeId, s.Step }).IsUnique();
        builder.HasIndex(s => s.AgendaItemId);
    }
}
