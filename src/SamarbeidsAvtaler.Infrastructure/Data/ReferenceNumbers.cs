using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SamarbeidsAvtaler.Domain.Agreements;

namespace SamarbeidsAvtaler.Infrastructure.Data;

/// <summary>
/// Hands out reference numbers such as DA-2026-0042: one counter per kind and year, bumped with a
/// single upsert inside the caller's transaction, so two caseworkers never get the same number.
/// </summary>
public static class ReferenceNumbers
{
    public static Task<string> NextAsync(AppDbContext db, AgreementKind kind, int year, CancellationToken cancellationToken = default) =>
        NextAsync(db, kind.ReferencePrefix(), year, cancellationToken);

    /// <summary>The next number for a prefix of up to eight letters, such as "AVVIK" for deviation cases.</summary>
    public static async Task<string> NextAsync(AppDbContext db, string prefix, int year, CancellationToken cancellationToken = default)
    {
        var next = await db.Database.SqlQuery<int>($"""
            INSERT INTO reference_counters (prefix, year, last_value) VALUES ({prefix}, {year}, 1)
            ON CONFLICT (prefix, year) DO UPDATE SET last_value = reference_counters.last_value + 1
            RETURNING last_value AS "Value"
            """).ToListAsync(cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}-{year}-{next[0]:D4}");
    }
}

/// <summary>The last reference number handed out per prefix and year; written only by <see cref="ReferenceNumbers"/>.</summary>
public class ReferenceCounter
{
    public string Prefix { get; private set; } = string.Empty;
    public int Year { get; private set; }
    public int LastValue { get; private set; }
}

internal sealed class ReferenceCounterConfiguration : IEntityTypeConfiguration<ReferenceCounter>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<ReferenceCounter> builder)
    {
        builder.ToTable("reference_counters");
        builder.HasKey(c => new { c.Prefix, c.Year });
        builder.Property(c => c.Prefix).HasMaxLength(8);
    }
}
