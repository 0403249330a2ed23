using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Parties;

namespace SamarbeidsAvtaler.Infrastructure.Data.Configurations;

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.ToTable("agreements");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.ReferenceNumber).HasMaxLength(20);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Title).HasMaxLength(Agreement.TitleMaxLength);
        builder.Property(a => a.Language).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ChangeSummary).HasMaxLength(Agreement.TextMaxLength);
        builder.Property(a => a.Replaces).HasMaxLength(Agreement.TextMaxLength);
        builder.Property(a => a.MeetingFrequency).HasMaxLength(Agreement.TextMaxLength);
        builder.Property(a => a.ContactRoutines).HasMaxLength(Agreement.TextMaxLength);
        builder.Property(a => a.Compensation).HasMaxLength(Agreement.TextMaxLength);
        builder.Property(a => a.NoticeGivenByName).HasMaxLength(Agreement.NameMaxLength);
        builder.Property(a => a.RhfNotifiedOfNoticeBy).HasMaxLength(Agreement.NameMaxLength);
        builder.Property(a => a.DirectorateNotifiedOfNoticeBy).HasMaxLength(Agreement.NameMaxLength);
        builder.Property<uint>("Version").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();

        builder.OwnsOne(a => a.PracticePosition, position =>
        {
            position.Property(p => p.Specialty).HasColumnName("practice_specialty").HasMaxLength(Party.SpecialtyMaxLength);
            position.Property(p => p.MunicipalityId).HasColumnName("practice_municipality_id");
            position.Property(p => p.Address).HasColumnName("practice_address").HasMaxLength(Party.StreetAddressMaxLength);
            position.Property(p => p.SharePercent).HasColumnName("practice_share_percent").HasPrecision(5, 2);
            position.Property(p => p.HoursPerWeek).HasColumnName("practice_hours_per_week").HasPrecision(5, 2);
            position.Property(p => p.WeeksPerYear).HasColumnName("practice_weeks_per_year");
            position.Property(p => p.Staffing).HasColumnName("practice_staffing").HasMaxLength(Agreement.TextMaxLength);
            position.Property(p => p.PracticeProfile).HasColumnName("practice_profile").HasMaxLength(Agreement.TextMaxLength);
            position.Property(p => p.NormFigures).HasColumnName("practice_norm_figures").HasMaxLength(Agreement.TextMaxLength);
            position.HasOne<Party>().WithMany().HasForeignKey(p => p.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.HasOne<Agreement>().WithMany().HasForeignKey(a => a.PreviousVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(a => a.ParentAgreementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(a => a.ReplacedByAgreementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Party>().WithMany().HasForeignKey(a => a.NoticeGivenByPartyId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(a => a.Parties).WithOne().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Sections).WithOne().HasForeignKey(s => s.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.CooperationForms).WithOne().HasForeignKey(f => f.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.StatutoryAreas).WithOne().HasForeignKey(s => s.AgreementId).OnDelete(DeleteBehavior.Cascade);
        foreach (var navigation in new[] { nameof(Agreement.Parties), nameof(Agreement.Sections), nameof(Agreement.CooperationForms), nameof(Agreement.StatutoryAreas) })
        {
            builder.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);
        }

        builder.HasIndex(a => new { a.ReferenceNumber, a.VersionNumber }).IsUnique();
        builder.HasIndex(a => new { a.Status, a.Kind });
        builder.HasIndex(a => a.ValidFrom);
        builder.HasIndex(a => a.NextReviewDate);
        builder.HasIndex(a => a.EndsOn);
        builder.HasIndex(a => a.ValidTo).HasFilter("valid_to IS NOT NULL");
        builder.HasIndex(a => a.CreatedAt);
    }
}

internal sealed class AgreementPartyConfiguration : IEntityTypeConfiguration<AgreementParty>
{
    public void Configure(EntityTypeBuilder<AgreementParty> builder)
    {
        builder.ToTable("agreement_parties");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.SignatoryName).HasMaxLength(200);
        builder.Property(p => p.SignatoryTitle).HasMaxLength(200);
        builder.OwnsOne(p => p.Signature, signature =>
        {
            signature.Property(s => s.SignedByName).HasColumnName("signed_by_name").HasMaxLength(200);
            signature.Property(s => s.SignedByTitle).HasColumnName("signed_by_title").HasMaxLength(200);
            signature.Property(s => s.SignedOn).HasColumnName("signed_on");
            signature.Property(s => s.Method).HasColumnName("signature_method").HasConversion<string>().HasMaxLength(20);
            signature.Property(s => s.ExternalReference).HasColumnName("signature_reference").HasMaxLength(200);
        });
        builder.Navigation(p => p.Signature).IsRequired(false);
        builder.HasOne<Party>().WithMany().HasForeignKey(p => p.PartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.AgreementId, p.PartyId }).IsUnique();
        builder.HasIndex(p => p.PartyId);
    }
}

internal sealed class AgreementSectionConfiguration : IEntityTypeConfiguration<AgreementSection>
{
    public void Configure(EntityTypeBuilder<AgreementSection> builder)
    {
        builder.ToTable("agreement_sections");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Heading).HasMaxLength(AgreementSection.HeadingMaxLength);
        builder.Property(s => s.Body).HasMaxLength(AgreementSection.BodyMaxLength);
        // Two users editing the same section: the second save is refused instead of silently winning.
        builder.Property<uint>("Version").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasIndex(s => new { s.AgreementId, s.Position });
    }
}

internal sealed class AgreementCooperationFormConfiguration : IEntityTypeConfiguration<AgreementCooperationForm>
{
    public void Configure(EntityTypeBuilder<AgreementCooperationForm> builder)
    {
        builder.ToTable("agreement_cooperation_forms");
        builder.HasKey(f => new { f.AgreementId, f.Form });
        builder.Property(f => f.Form).HasConversion<string>().HasMaxLength(40);
        builder.Property(f => f.Description).HasMaxLength(Agreement.TextMaxLength);
    }
}

internal sealed class StatutoryAreaConfiguration : IEntityTypeConfiguration<StatutoryArea>
{
    public void Configure(EntityTypeBuilder<StatutoryArea> builder)
    {
        builder.ToTable("statutory_areas");
        builder.HasKey(a => a.Number);
        builder.Property(a => a.Number).ValueGeneratedNever();
        builder.Property(a => a.Title).HasMaxLength(300);
    }
}

internal sealed class AgreementStatutoryAreaConfiguration : IEntityTypeConfiguration<AgreementStatutoryArea>
{
    public void Configure(EntityTypeBuilder<AgreementStatutoryArea> builder)
    {
        builder.ToTable("agreement_statutory_areas");
        builder.HasKey(a => new { a.AgreementId, a.AreaNumber });
        builder.HasOne<StatutoryArea>().WithMany().HasForeignKey(a => a.AreaNumber).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.AreaNumber);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.ToTable("attachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.FileName).HasMaxLength(Attachment.FileNameMaxLength);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.Description).HasMaxLength(Agreement.TextMaxLength);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(a => a.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.AgreementId);
    }
}

internal sealed class AttachmentContentConfiguration : IEntityTypeConfiguration<AttachmentContent>
{
    public void Configure(EntityTypeBuilder<AttachmentContent> builder)
    {
        builder.ToTable("attachment_contents");
        builder.HasKey(c => c.AttachmentId);
        builder.HasOne<Attachment>().WithOne().HasForeignKey<AttachmentContent>(c => c.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
