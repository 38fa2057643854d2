using Microsoft.Data.Sqlite;
using VoServices.Tap.Ingest;
using VoServices.Testing;

namespace VoServices.Storage.Sqlite.Tests;

/// <summary>Helpers shared by the store tests: the demo descriptors, real field subsets and raw SQL access.</summary>
internal static class StoreFixture
{
    public static CatalogDescriptor Demo(string name) =>
        CatalogDescriptorReader.Read(Path.Combine(SharedData.RepoRoot, "demo", "catalogs", name + ".yaml"));

    /// <summary>A Tycho-2 cone of radius 1 deg from the shared data (README: ngc1316 84, omegacen 299, tuc47 131 stars).</summary>
    public static string Tycho2Field(string field) =>
        SharedData.File("catalogs", "field_subsets", $"tycho2_cone_{field}_r1.0deg.csv");

    public static async Task<IngestResult> IngestAsync(SqliteCatalogStore store, string descriptor, string? source,
        CancellationToken cancellationToken = default) =>
        await new CatalogIngester(store).IngestAsync(Demo(descriptor), source, null, cancellationToken);

    public static List<object?[]> Query(SqliteCatalogStore store, string sql)
    {
        using var connection = new SqliteConnection(store.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
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

    public static object? Scalar(SqliteCatalogStore store, string sql) => Query(store, sql).Single()[0];
}
