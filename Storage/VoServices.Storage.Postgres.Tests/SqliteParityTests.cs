using System.Text.Json;
using Microsoft.Data.Sqlite;
using VoServices.Storage.Sqlite;
using VoServices.Tap.TapSchema;

namespace VoServices.Storage.Postgres.Tests;

/// <summary>Both backends publish the same TAP_SCHEMA for the same ingests (VOSI-tables must not depend on the backend).</summary>
public sealed class SqliteParityTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [SkippableFact]
    public async Task GetSchemaAsync_SameIngestsAsSqlite_GivesTheSameDocument()
    {
        var db = await server.NewDatabaseAsync();
        await using var postgres = new PostgresCatalogStore(db);
        var folder = Path.Combine(Path.GetTempPath(), $"vo-pg-parity-{Guid.NewGuid():N}");
        try
        {
            var sqlite = new SqliteCatalogStore(Path.Combine(folder, "vo.db"));
            foreach (var store in new Tap.Ingest.ICatalogStore[] { postgres, sqlite })
            {
                await Db.IngestAsync(store, "tycho2", Db.Tycho2Field("ngc1316"));
                await Db.IngestAsync(store, "messier", null);
            }

            var expected = await sqlite.GetSchemaAsync(CancellationToken.None);
            var actual = await postgres.GetSchemaAsync(CancellationToken.None);

            Assert.Equal(["messier", "tycho2", "TAP_SCHEMA"], actual.Schemas.Select(s => s.SchemaName));
            Assert.Equal((7, 5), (actual.Tables.Count, actual.Tables.Sum(t => t.Keys.Count)));
            // Records hold lists, which compare by reference: compare the documents as JSON, table by table for
            // readable failures, then whole.
            foreach (var table in expected.Tables)
            {
                Assert.Equal(Json(table), Json(actual.FindTable(table.TableName)));
            }
            Assert.Equal(Json(expected), Json(actual));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string Json(object? value) =>
        JsonSerializer.Serialize(value, new JsonSerializerOptions { WriteIndented = true });
}
