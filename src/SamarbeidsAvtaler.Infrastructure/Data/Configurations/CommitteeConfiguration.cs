using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SamarbeidsAvtaler.Domain.Agreements;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Domain.Parties;

namespace SamarbeidsAvtaler.Infrastructure.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("persons");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(Person.NameMaxLength);
        builder.Property(p => p.Title).HasMaxLength(Person.TitleMaxLength);
        builder.Property(p => p.Email).HasMaxLength(Person.EmailMaxLength);
        builder.Property(p => p.Phone).HasMaxLength(Person.PhoneMaxLength);
        builder.Property(p => p.GpEmployment).HasConversion<string>().HasMaxLength(20);
        builder.Property<uint>("Version").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasOne<Party>().WithMany().HasForeignKey(p => p.OrganisationPartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.Name);
    }
}

internal sealed class CommitteeEntityConfiguration : IEntityTypeConfiguration<Committee>
{
    public void Configure(EntityTypeBuilder<Committee> builder)
    {
        builder.ToTable("committees");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(Committee.NameMaxLength);
        builder.Property(c => c.ShortName).HasMaxLength(Committee.ShortNameMaxLength);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.Mandate).HasMaxLength(Committee.TextMaxLength);
        builder.Property(c => c.Tasks).HasMaxLength(Committee.TextMaxLength);
        builder.Property(c => c.AppointedBy).HasMaxLength(Committee.AppointedByMaxLength);
        builder.Property<uint>("Version").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.Ignore(c => c.IsActive);

        builder.HasOne<Agreement>().WithMany().HasForeignKey(c => c.OverarchingAgreementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Committee>().WithMany().HasForeignKey(c => c.AppointedByCommitteeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Committee>().WithMany().HasForeignKey(c => c.ReportsToCommitteeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.OverarchingAgreementId, c.Name }).IsUnique();

        builder.HasMany(c => c.AreaMunicipalities).WithOne().HasForeignKey(m => m.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Quotas).WithOne().HasForeignKey(q => q.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Leadership).WithOne().HasForeignKey(l => l.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        foreach (var navigation in new[] { nameof(Committee.AreaMunicipalities), nameof(Committee.Quotas), nameof(Committee.Leadership) })
        {
            builder.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);
        }
    }
}

internal sealed class CommitteeAreaMunicipalityConfiguration : IEntityTypeConfiguration<CommitteeAreaMunicipality>
{
    public void Configure(EntityTypeBuilder<CommitteeAreaMunicipality> builder)
    {
        builder.ToTable("committee_area_municipalities");
        builder.HasKey(m => new { m.CommitteeId, m.MunicipalityId });
        builder.HasOne<Party>().WithMany().HasForeignKey(m => m.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommitteeSeatQuotaConfiguration : IEntityTypeConfiguration<CommitteeSeatQuota>
{
    public void Configure(EntityTypeBuilder<CommitteeSeatQuota> builder)
    {
        builder.ToTable("committee_seat_quotas");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.Label).HasMaxLength(CommitteeSeatQuota.LabelMaxLength);
        builder.Property(q => q.Side).HasConversion<string>().HasMaxLength(20);
        builder.Property(q => q.PartyIds).HasColumnType("uuid[]");
    }
}

internal sealed class CommitteeLeadershipConfiguration : IEntityTypeConfiguration<CommitteeLeadership>
{
    public void Configure(EntityTypeBuilder<CommitteeLeadership> builder)
    {
        builder.ToTable("committee_leadership");
        builder.HasKey(l => new { l.CommitteeId, l.Year });
        builder.Property(l => l.HostSide).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<CommitteeMember>().WithMany().HasForeignKey(l => l.ChairMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CommitteeMember>().WithMany().HasForeignKey(l => l.DeputyChairMemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommitteeMemberConfiguration : IEntityTypeConfiguration<CommitteeMember>
{
    public void Configure(EntityTypeBuilder<CommitteeMember> builder)
    {
        builder.ToTable("committee_members");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Side).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Representation).HasConversion<string>().HasMaxLength(40);
        builder.Property(m => m.AppointedBy).HasMaxLength(CommitteeMember.AppointedByMaxLength);
        builder.Property<uint>("Version").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasOne<Committee>().WithMany().HasForeignKey(m => m.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CommitteeMember>().WithMany().HasForeignKey(m => m.DeputyForMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.CommitteeId, m.TermTo });
        builder.HasIndex(m => m.PersonId);
    }
}
