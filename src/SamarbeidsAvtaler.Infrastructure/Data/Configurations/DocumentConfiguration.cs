using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Auditing;

namespace SamarbeidsAvtaler.Infrastructure.Data.Configurations;

internal sealed class SignedDocumentConfiguration : IEntityTypeConfiguration<SignedDocument>
{
    public void Configure(EntityTypeBuilder<SignedDocument> builder)
    {
        builder.ToTable("signed_documents");
        builder.HasKey(d => d.AgreementId);
        builder.Property(d => d.PdfSha256).HasMaxLength(64);
        builder.Property(d => d.ContentSha256).HasMaxLength(64);
        builder.HasOne<Agreement>().WithOne().HasForeignKey<SignedDocument>(d => d.AgreementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.PdfSha256).IsUnique();
    }
}

internal sealed class AccessLogEntryConfiguration : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> builder)
    {
        builder.ToTable("access_log");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).UseIdentityAlwaysColumn();
        builder.Property(a => a.UserName).HasMaxLength(200);
        builder.Property(a => a.ReferenceNumber).HasMaxLength(20);
        builder.Property(a => a.Action).HasMaxLength(40);
        builder.Property(a => a.CaseKind).HasMaxLength(10);
        builder.HasIndex(a => a.OccurredAt);
        builder.HasIndex(a => new { a.CaseId, a.OccurredAt });
        builder.HasIndex(a => new { a.AgreementId, a.OccurredAt });
        builder.HasIndex(a => new { a.UserId, a.OccurredAt });
    }
}
