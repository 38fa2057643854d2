using System.Globalization;
using Microsoft.Data.Sqlite;
using VoServices.Adql;
using VoServices.Adql.Semantics;
using VoServices.Adql.Translation;
using VoServices.Storage.Sqlite.Adql;
using VoServices.Tap.Ingest;
using VoServices.Tap.TapSchema;
using VoServices.Testing;

namespace VoServices.Storage.Sqlite.Tests.Adql;

/// <summary>
/// The four demo tables (the subsets shipped in <c>demo/data</c>, so no shared data is needed) in an embedded store with
/// the HEALPix column, plus an upload-like table <c>TAP_UPLOAD.mine</c>; runs ADQL through parser, resolver, SQLite
/// dialect and a minimal executor.
/// </summary>
public sealed class AdqlDemoDatabase : IAsyncLifetime
{
    private readonly TempFolder folder = new();

    public SqliteCatalogStore Store { get; private set; } = null!;

    public IAdqlSchema Schema { get; private set; } = null!;

    public SqlTranslator Translator { get; } = new(SqliteSqlDialect.Default);

    /// <summary>Rows of <c>TAP_UPLOAD.mine</c>: (id, ra, dec, r) — Messier-like positions, RA 0 and polar points.</summary>
    public static readonly (int Id, double Ra, double Dec, double R)[] UploadRows =
    [
        (1, 83.8221, -5.3911, 0.5), (2, 10.6847, 41.2687, 0.3), (3, 0.05, 0.1, 2.0), (4, 359.9, -0.2, 1.5),
        (5, 37.95, 89.26, 1.0), (6, 120.0, -89.5, 2.0), (7, 201.6968, -47.4795, 0.25), (8, 6.0236, -72.0813, 0.2),
        (9, 50.6738, -37.2082, 0.1), (10, 180.0, 0.0, 0.01),
    ];

    public async Task InitializeAsync()
    {
        Store = new SqliteCatalogStore(folder.File("adql.db"),
            new SqliteCatalogStoreOptions { DerivedPositionColumns = [SqliteHealpixIndex.Column] });
        foreach (var name in new[] { "tycho2", "hipparcos", "messier", "openngc" })
        {
            var descriptor = CatalogDescriptorReader.Read(Path.Combine(SharedData.RepoRoot, "demo", "catalogs", name + ".yaml"));
            await new CatalogIngester(Store).IngestAsync(descriptor, descriptor.DemoSubset, null, CancellationToken.None);
        }
        CreateUpload();
        var document = await Store.GetSchemaAsync(CancellationToken.None);
        Schema = ToAdqlSchema(document).With([Upload]);
    }

    public Task DisposeAsync()
    {
        folder.Dispose();
        return Task.CompletedTask;
    }

    public static AdqlTable Upload { get; } = new("TAP_UPLOAD", "TAP_UPLOAD.mine",
    [
        new AdqlColumn("id", "int"), new AdqlColumn("ra", "double", Unit: "deg"),
        new AdqlColumn("dec", "double", Unit: "deg"), new AdqlColumn("r", "double", Unit: "deg"),
    ], AdqlTableKind.Upload, StorageName: "upload#mine");

    private void CreateUpload()
    {
        using var connection = Open();
        Execute(connection, "CREATE TABLE \"upload#mine\" (id INTEGER, ra REAL, dec REAL, r REAL) STRICT");
        foreach (var (id, ra, dec, r) in UploadRows)
        {
            Execute(connection, string.Create(CultureInfo.InvariantCulture,
                $"INSERT INTO \"upload#mine\" VALUES ({id}, {ra:R}, {dec:R}, {r:R})"));
        }
    }

    /// <summary>TAP_SCHEMA as the ADQL layer sees it (what the TAP layer will build from the store).</summary>
    public static AdqlSchema ToAdqlSchema(TapSchemaDocument document) => new(document.Tables.Select(t => new AdqlTable(
        t.SchemaName, t.TableName,
        t.Columns.Select(c => new AdqlColumn(c.ColumnName, c.Datatype, c.ArraySize, c.XType, c.Unit, c.Ucd, c.Utype,
            c.Description, c.Indexed)).ToArray(),
        RaColumn: t.RaColumn, DecColumn: t.DecColumn, Description: t.Description)).ToArray());

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(Store.ConnectionString);
        connection.Open();
        SqliteAdqlFunctions.Register(connection);
        return connection;
    }

    public SqlStatement Translate(string adql, long? rowLimit = null) =>
        Translator.Translate(SchemaResolver.Resolve(AdqlParser.Parse(adql), Schema), rowLimit);

    /// <summary>Runs ADQL and returns the rows (values as SQLite gives them).</summary>
    public List<object?[]> Run(string adql, long? rowLimit = null) => Run(Translate(adql, rowLimit));

    public List<object?[]> Run(SqlStatement statement)
    {
        using var connection = Open();
        using var command = Command(connection, statement);
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The EXPLAIN QUERY PLAN lines of a statement.</summary>
    public string Plan(SqlStatement statement)
    {
        using var connection = Open();
        using var command = Command(connection, statement with { Sql = "EXPLAIN QUERY PLAN " + statement.Sql });
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(3));
        }
        return string.Join("\n", lines);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqlStatement statement)
    {
        var command = connection.CreateCommand();
        command.CommandText = statement.Sql;
        foreach (var parameter in statement.Parameters)
        {
            command.Parameters.AddWithValue(parameter.Name, parameter.Value);
        }
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
