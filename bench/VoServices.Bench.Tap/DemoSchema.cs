using Microsoft.Data.Sqlite;
using VoServices.Adql.Functions;
using VoServices.Adql.Semantics;
using VoServices.Adql.Translation;
using VoServices.Storage.Postgres.Adql;
using VoServices.Storage.Sqlite;
using VoServices.Storage.Sqlite.Adql;
using VoServices.Storage.Sqlite.Query;
using VoServices.Tap.Ingest;
using VoServices.Tap.Query;

namespace VoServices.Bench.Tap;

/// <summary>
/// The demo archive's TAP_SCHEMA as the ADQL layer of each backend sees it, built the way the server builds it:
/// the shipped subset (demo/data) ingested into a throwaway embedded store, then
/// <see cref="SqliteQueryExecutor.DescribeCatalogAsync"/> (SQLite) and <see cref="TapAdqlSchema.FromDocument"/> with
/// every positional table indexed (PostgreSQL, as <c>PostgresQueryExecutor</c>). Table and column names, types and
/// the spatial-index flags equal those of the full archive, so the SQL translated here is the SQL the server runs.
/// Two embedded variants: with the hidden HEALPix column (<see cref="SqliteHealpixIndex.Column"/>) and without.
/// </summary>
internal sealed class DemoSchema : IAsyncDisposable
{
    /// <summary>The upload of the mix's crossmatch query (<c>TAP_UPLOAD.mine</c>: id, ra, dec, r).</summary>
    public static readonly AdqlTable Upload = new("TAP_UPLOAD", "TAP_UPLOAD.mine",
    [
        new AdqlColumn("id", "int"), new AdqlColumn("ra", "double", Unit: "deg"),
        new AdqlColumn("dec", "double", Unit: "deg"), new AdqlColumn("r", "double", Unit: "deg"),
    ], AdqlTableKind.Upload, StorageName: "upload_mine");

    private readonly string folder;

    private DemoSchema(string folder, AdqlSchema sqlite, AdqlSchema sqliteHealpix, AdqlSchema postgres)
    {
        this.folder = folder;
        Sqlite = sqlite;
        SqliteHealpix = sqliteHealpix;
        Postgres = postgres;
    }

    /// <summary>Embedded store without the HEALPix column (cones scan the table).</summary>
    public AdqlSchema Sqlite { get; }

    /// <summary>Embedded store with the HEALPix column (SqliteCatalogStoreOptions default).</summary>
    public AdqlSchema SqliteHealpix { get; }

    /// <summary>PostgreSQL + pg_sphere (every positional table has its GiST-indexed point column).</summary>
    public AdqlSchema Postgres { get; }

    /// <summary>Ingests the shipped subset twice (about a second) into a temporary folder.</summary>
    public static async Task<DemoSchema> CreateAsync(CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("vo-bench-schema-").FullName;
        var plain = await DescribeAsync(Path.Combine(folder, "plain.db"),
            new SqliteCatalogStoreOptions { DerivedPositionColumns = [] }, cancellationToken);
        var healpix = await DescribeAsync(Path.Combine(folder, "healpix.db"),
            new SqliteCatalogStoreOptions { DerivedPositionColumns = [SqliteHealpixIndex.Column] }, cancellationToken);
        return new DemoSchema(folder, plain.Schema, healpix.Schema, TapAdqlSchema.FromDocument(plain.Document, _ => true));
    }

    /// <summary>The schema the server uses for <paramref name="backend"/>; SQLite depends on the store's options.</summary>
    public AdqlSchema For(string backend, bool sqliteHasHealpix) =>
        backend == "postgres" ? Postgres : sqliteHasHealpix ? SqliteHealpix : Sqlite;

    /// <summary>A translator for <paramref name="backend"/> that also knows <see cref="Upload"/>'s storage columns.</summary>
    public static SqlTranslator Translator(string backend)
    {
        var dialect = new UploadSqlDialect(backend == "postgres" ? PostgresSqlDialect.Default : SqliteSqlDialect.Default);
        dialect.Add(Upload, ["id", "ra", "dec", "r"]);
        return new SqlTranslator(dialect);
    }

    /// <summary>Parse → resolve → translate, as <c>TapQueryService</c> and the query sessions do.</summary>
    public static SqlStatement Translate(string adql, AdqlSchema schema, SqlTranslator translator, long? rowLimit)
    {
        var query = VoServices.Adql.AdqlParser.Parse(adql, FunctionCatalog.Default.ParserOptions());
        var resolved = SchemaResolver.Resolve(query, schema.With([Upload]), FunctionCatalog.Default);
        return translator.Translate(resolved, rowLimit);
    }

    /// <summary>Whether the server's embedded database has the hidden HEALPix column (read-only look).</summary>
    public static bool HasHealpixColumn(string databasePath)
    {
        using var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND sql LIKE '%' || $c || '%'";
        command.Parameters.AddWithValue("$c", SqliteHealpixIndex.ColumnName);
        return (long)command.ExecuteScalar()! > 0;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
        return ValueTask.CompletedTask;
    }

    private static async Task<(AdqlSchema Schema, VoServices.Tap.TapSchema.TapSchemaDocument Document)> DescribeAsync(
        string path, SqliteCatalogStoreOptions options, CancellationToken cancellationToken)
    {
        var store = new SqliteCatalogStore(path, options);
        foreach (var name in new[] { "messier", "openngc", "hipparcos", "tycho2" })
        {
            var descriptor = CatalogDescriptorReader.Read(Path.Combine(Checkout.Root, "demo", "catalogs", name + ".yaml"));
            await new CatalogIngester(store).IngestAsync(descriptor, descriptor.DemoSubset, null, cancellationToken);
        }
        var document = await store.GetSchemaAsync(cancellationToken);
        var schema = await new SqliteQueryExecutor(store).DescribeCatalogAsync(document, cancellationToken);
        return (schema, document);
    }
}
