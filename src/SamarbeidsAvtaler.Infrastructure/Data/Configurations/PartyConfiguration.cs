using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SamarbeidsAvtaler.Domain.Parties;

namespace SamarbeidsAvtaler.Infrastructure.Data.Configurations;

internal sealed class PartyConfiguration : IEntityTypeConfiguration<Party>
{
    public void Configure(EntityTypeBuilder<Party> builder)
    {
        builder.ToTable("parties");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.Name).HasMaxLength(Party.NameMaxLength);
        builder.Property(p => p.OrganisationNumber).HasMaxLength(9).IsFixedLength(false);
        builder.Property(p => p.HprNumber).HasMaxLength(9);
        builder.Property(p => p.Profession).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Specialty).HasMaxLength(Party.SpecialtyMaxLength);
        builder.Property(p => p.StreetAddress).HasMaxLength(Party.StreetAddressMaxLength);
        builder.Property(p => p.PostalCode).HasMaxLength(4);
        builder.Property(p => p.PostalCity).HasMaxLength(Party.PostalCityMaxLength);
        builder.Property(p => p.ContactName).HasMaxLength(Party.ContactNameMaxLength);
        builder.Property(p => p.ContactEmail).HasMaxLength(Party.ContactEmailMaxLength);

        // xmin: PostgreSQL's row version, for optimistic concurrency on edits.
        builder.Property<uint>("Version").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();

        builder.HasIndex(p => p.OrganisationNumber).IsUnique();
        builder.HasIndex(p => p.HprNumber).IsUnique();
        builder.HasIndex(p => new { p.Kind, p.Name });
        builder.HasOne<Party>().WithMany().HasForeignKey(p => p.ParentPartyId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(p => p.Members).WithOne().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class MunicipalGroupMemberConfiguration : IEntityTypeConfiguration<MunicipalGroupMember>
{
    public void Configure(EntityTypeBuilder<MunicipalGroupMember> builder)
    {
        builder.ToTable("municipal_group_members");
        builder.HasKey(m => new { m.GroupId, m.MunicipalityId });
        builder.HasOne<Party>().WithMany().HasForeignKey(m => m.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}
