using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SamarbeidsAvtaler.Domain.Committees;

namespace SamarbeidsAvtaler.Infrastructure.Data.Configurations;

internal sealed class MeetingEntityConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("meetings");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Location).HasMaxLength(Meeting.LocationMaxLength);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.MinutesText).HasMaxLength(Meeting.MinutesMaxLength);
        builder.Property(m => m.MinutesStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.MinutesApprovedBy).HasMaxLength(Meeting.NameMaxLength);
        builder.Property<uint>("Version").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasOne<Committee>().WithMany().HasForeignKey(m => m.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.CommitteeId, m.Date });

        builder.HasMany(m => m.AgendaItems).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Attendance).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(nameof(Meeting.AgendaItems)).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(nameof(Meeting.Attendance)).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.ToTable("agenda_items");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Title).HasMaxLength(AgendaItem.TitleMaxLength);
        builder.Property(i => i.Description).HasMaxLength(AgendaItem.DescriptionMaxLength);
        builder.Property<uint>("Version").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasOne<Committee>().WithMany().HasForeignKey(i => i.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.CommitteeId, i.Year, i.Number }).IsUnique();
        builder.HasMany(i => i.Documents).WithOne().HasForeignKey(d => d.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(nameof(AgendaItem.Documents)).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AgendaItemDocumentConfiguration : IEntityTypeConfiguration<AgendaItemDocument>
{
    public void Configure(EntityTypeBuilder<AgendaItemDocument> builder)
    {
        builder.ToTable("agenda_item_documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.FileName).HasMaxLength(AgendaItemDocument.FileNameMaxLength);
        builder.Property(d => d.ContentType).HasMaxLength(100);
    }
}

internal sealed class MeetingAttendanceConfiguration : IEntityTypeConfiguration<MeetingAttendance>
{
    public void Configure(EntityTypeBuilder<MeetingAttendance> builder)
    {
        builder.ToTable("meeting_attendance");
        builder.HasKey(a => new { a.MeetingId, a.MemberId });
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<CommitteeMember>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
