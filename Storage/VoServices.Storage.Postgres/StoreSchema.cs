using VoServices.Tap.TapSchema;
using System.Text;

namespace VoServices.Storage.Postgres;

/// <summary>
/// The store's own objects besides TAP_SCHEMA: the private schema <c>voservices</c> (ingest bookkeeping, staging
/// tables; never granted to the reader role), the reader role, and the advisory lock keys that serialise
/// initialisation and publication between processes sharing one database.
/// </summary>
internal static class StoreSchema
{
    public const string Name = "voservices";

    /// <summary><c>voservices.published_tables</c>: positional columns and row count of each ingested table.</summary>
    public static readonly string PublishedTables = PostgresNames.Quote(Name) + ".\"published_tables\"";

    /// <summary><c>voservices.state</c>: one row whose generation grows with every change of TAP_SCHEMA.</summary>
    public static readonly string State = PostgresNames.Quote(Name) + ".\"state\"";

    /// <summary>Advisory lock held while creating objects or publishing a table (advisory locks are per database).</summary>
    public static readonly long CatalogLock = PostgresNames.Hash("voservices:catalog");

    /// <summary>Advisory lock serialising two ingests of the same table.</summary>
    public static long IngestLock(string tableName) => PostgresNames.Hash("voservices:ingest:" + tableName);

    /// <summary>Staging table of an ingest, in the private schema (quoted, qualified) and its bare name.</summary>
    public static (string Qualified, string Bare) Staging(string tableName)
    {
        var bare = "staging_" + ((ulong)PostgresNames.Hash(tableName)).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
        return (PostgresNames.Quote(Name) + "." + PostgresNames.Quote(bare), bare);
    }

    public static string CreateStatements() =>
        $"""
        CREATE SCHEMA IF NOT EXISTS {PostgresNames.Quote(Name)};
        CREATE TABLE IF NOT EXISTS {PublishedTables} (
            table_name text PRIMARY KEY, ra_column text NOT NULL, dec_column text NOT NULL,
            point_column text NOT NULL, row_count bigint NOT NULL, ingested_at timestamptz NOT NULL DEFAULT now());
        CREATE TABLE IF NOT EXISTS {State} (
            id boolean PRIMARY KEY DEFAULT true CHECK (id), generation bigint NOT NULL);
        INSERT INTO {State} (generation) VALUES (0) ON CONFLICT (id) DO NOTHING;
        """;

    /// <summary>
    /// Creates the NOLOGIN reader role unless it exists (roles are cluster-wide: two databases may race, hence the
    /// exception handler), makes the current user a member so that it may <c>SET ROLE</c> to it, and grants it
    /// read access to TAP_SCHEMA. Catalogue schemas are granted when a table is published.
    /// </summary>
    public static string ReaderRoleStatements(string role)
    {
        var quoted = PostgresNames.Quote(role);
        var literal = PostgresNames.Literal(role);
        var tapSchema = PostgresNames.Quote(TapSchemaSelfDescription.SchemaName);
        return new StringBuilder()
            .Append("DO $$ BEGIN\n")
            .Append("  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ").Append(literal).Append(") THEN\n")
            .Append("    CREATE ROLE ").Append(quoted).Append(" NOLOGIN NOINHERIT;\n")
            .Append("  END IF;\n")
            .Append("EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;\n")
            .Append("END $$;\n")
            .Append("DO $$ BEGIN\n")
            .Append("  IF NOT pg_has_role(current_user, ").Append(literal).Append(", 'MEMBER') THEN\n")
            .Append("    EXECUTE format('GRANT %I TO %I', ").Append(literal).Append(", current_user);\n")
            .Append("  END IF;\n")
            .Append("END $$;\n")
            .Append("GRANT USAGE ON SCHEMA ").Append(tapSchema).Append(" TO ").Append(quoted).Append(";\n")
            .Append("GRANT SELECT ON ALL TABLES IN SCHEMA ").Append(tapSchema).Append(" TO ").Append(quoted).Append(";\n")
            .ToString();
    }
}
