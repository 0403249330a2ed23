using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SamarbeidsAvtaler.Domain.Committees;
using SamarbeidsAvtaler.Domain.Committees.Fees;
using SamarbeidsAvtaler.Domain.Parties;

namespace SamarbeidsAvtaler.Infrastructure.Data.Configurations;

internal sealed class FeeRateEntryConfiguration : IEntityTypeConfiguration<FeeRateEntry>
{
    public void Configure(EntityTypeBuilder<FeeRateEntry> builder)
    {
        builder.ToTable("fee_rates");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.HourlyRate).HasPrecision(10, 2);
        builder.Property(r => r.Note).HasMaxLength(FeeRateEntry.NoteMaxLength);
        builder.Property<uint>("Version").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasIndex(r => r.ValidFrom).IsUnique();
    }
}

internal sealed class FeeClaimConfiguration : IEntityTypeConfiguration<FeeClaim>
{
    public void Configure(EntityTypeBuilder<FeeClaim> builder)
    {
        builder.ToTable("fee_claims");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property<uint>("Version").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.Ignore(c => c.IsDraft);
        builder.Ignore(c => c.FrozenTotal);

        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Party>().WithMany().HasForeignKey(c => c.PayingMunicipalityPartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.PersonId, c.PeriodFrom });
        builder.HasIndex(c => new { c.PayingMunicipalityPartyId, c.PeriodFrom });
        builder.HasIndex(c => c.PeriodFrom);

        builder.HasMany(c => c.Activities).WithOne().HasForeignKey(a => a.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(nameof(FeeClaim.Activities)).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class FeeClaimActivityConfiguration : IEntityTypeConfiguration<FeeClaimActivity>
{
    public void Configure(EntityTypeBuilder<FeeClaimActivity> builder)
    {
        builder.ToTable("fee_claim_activities");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
        // Norwegian wall-clock times: the fee counts the time that passed in Norway, daylight saving included.
        builder.Property(a => a.StartsAt).HasColumnType("timestamp without time zone");
        builder.Property(a => a.EndsAt).HasColumnType("timestamp without time zone");
        builder.Property(a => a.Description).HasMaxLength(FeeActivity.DescriptionMaxLength);
        builder.Property(a => a.FrozenHourlyRate).HasPrecision(10, 2);
        builder.Property(a => a.FrozenAmount).HasPrecision(12, 2);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => new { a.ClaimId, a.StartsAt });
        builder.HasIndex(a => a.MeetingId);
    }
}
