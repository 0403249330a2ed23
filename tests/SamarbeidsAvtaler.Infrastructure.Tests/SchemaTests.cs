using SamarbeidsAvtaler.Testing;

namespace SamarbeidsAvtaler.Infrastructure.Tests;

public class SchemaTests
{
    [Fact]
    public async Task Migrated_database_has_every_table_column_and_index_of_the_EF_model_with_the_same_type_nullability_and_uniqueness()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();

        var differences = await SchemaComparison.FindDifferencesAsync(db);

        differences.Should().BeEmpty("the SQL migrations must build exactly the schema the EF model expects:{0}{1}",
            Environment.NewLine, string.Join(Environment.NewLine, differences));
    }

    // Proves the comparison above would notice drift: each sabotage must be reported, and nothing else.
    [Theory]
    [InlineData("ALTER TABLE parties DROP COLUMN specialty", "parties.specialty: column missing in database")]
    [InlineData("ALTER TABLE parties ADD COLUMN nickname text", "parties.nickname: column in database but not in model")]
    [InlineData("ALTER TABLE parties ALTER COLUMN name TYPE text",
        "parties.name: type is text in database, character varying(200) in model")]
    [InlineData("ALTER TABLE parties ALTER COLUMN postal_city SET NOT NULL",
        "parties.postal_city: not nullable in database, nullable in model")]
    [InlineData("ALTER TABLE users ALTER COLUMN display_name DROP NOT NULL",
        "users.display_name: nullable in database, not nullable in model")]
    [InlineData("ALTER TABLE audit_entries DROP COLUMN changes", "audit_entries.changes: column missing in database")]
    [InlineData("ALTER TABLE audit_entries ALTER COLUMN changes TYPE json",
        "audit_entries.changes: type is json in database, jsonb in model")]
    [InlineData("DROP TABLE user_tokens", "user_tokens: table missing in database")]
    [InlineData("CREATE TABLE stray (id int)", "stray: table in database but not in model")]
    [InlineData("DROP INDEX ix_parties_hpr_number", "parties: index ix_parties_hpr_number missing in database")]
    [InlineData("DROP INDEX ix_parties_hpr_number; CREATE INDEX ix_parties_hpr_number ON parties (hpr_number)",
        "parties: index ix_parties_hpr_number is not unique in database, unique in model")]
    [InlineData("DROP INDEX ix_parties_kind_name; CREATE INDEX ix_parties_kind_name ON parties (name, kind)",
        "parties: index ix_parties_kind_name is on (name, kind) in database, (kind, name) in model")]
    public async Task Schema_comparison_reports_drift_between_database_and_model(string sabotage, string expected)
    {
        await using var database = await TestDatabase.CreateAsync();
        await Sql.ExecuteAsync(database.ConnectionString, sabotage);
        await using var db = database.CreateDbContext();

        var differences = await SchemaComparison.FindDifferencesAsync(db);

        differences.Should().Equal(expected);
    }
}
