using VoServices.Tap.TapSchema;

using VoServices.Testing;

namespace VoServices.Storage.Sqlite.Tests;

/// <summary>TAP_SCHEMA 1.1 structure and self-description (TAP 1.1 §4, standards.md §2).</summary>
public sealed class TapSchemaTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly SqliteCatalogStore store;

    public TapSchemaTests() => store = new SqliteCatalogStore(temp.File("db/vo.db"));

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("TAP_SCHEMA.schemas", "schema_name utype description schema_index")]
    [InlineData("TAP_SCHEMA.tables", "schema_name table_name table_type utype description table_index")]
    [InlineData("TAP_SCHEMA.columns",
        "table_name column_name datatype arraysize xtype size description utype unit ucd indexed principal std column_index")]
    [InlineData("TAP_SCHEMA.keys", "key_id from_table target_table description utype")]
    [InlineData("TAP_SCHEMA.key_columns", "key_id from_column target_column")]
    public async Task InitializeAsync_NewDatabase_CreatesExactlyTheRequiredColumns(string table, string columns)
    {
        await store.InitializeAsync(CancellationToken.None);

        var physical = StoreFixture.Query(store, $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid");

        Assert.Equal(columns.Split(' '), physical.Select(r => (string)r[0]!));
        Assert.True(File.Exists(temp.File("db/vo.db")));
    }

    [Theory]
    [InlineData("TAP_SCHEMA.schemas", "schema_name")]
    [InlineData("TAP_SCHEMA.tables", "schema_name table_name table_type")]
    [InlineData("TAP_SCHEMA.columns", "table_name column_name datatype indexed principal std")]
    [InlineData("TAP_SCHEMA.keys", "key_id from_table target_table")]
    [InlineData("TAP_SCHEMA.key_columns", "key_id from_column target_column")]
    public async Task InitializeAsync_NewDatabase_DeclaresRequiredColumnsNotNull(string table, string columns)
    {
        await store.InitializeAsync(CancellationToken.None);

        var notNull = StoreFixture.Query(store, $"SELECT name FROM pragma_table_info('{table}') WHERE \"notnull\" = 1");

        Assert.Equal(columns.Split(' ').Order(), notNull.Select(r => (string)r[0]!).Order());
    }

    [Fact]
    public async Task GetSchemaAsync_NewDatabase_DescribesTapSchemaItself()
    {
        var doc = await store.GetSchemaAsync(CancellationToken.None);

        var schema = Assert.Single(doc.Schemas);
        Assert.Equal("TAP_SCHEMA", schema.SchemaName);
        Assert.Equal(
            ["TAP_SCHEMA.schemas", "TAP_SCHEMA.tables", "TAP_SCHEMA.columns", "TAP_SCHEMA.keys", "TAP_SCHEMA.key_columns"],
            doc.Tables.Select(t => t.TableName));
        Assert.All(doc.Tables, t => Assert.All(t.Columns, c => Assert.True(c.Std, $"{t.TableName}.{c.ColumnName}")));
        Assert.Equal(32, doc.Tables.Sum(t => t.Columns.Count));
        Assert.Equal(5, doc.FindTable("TAP_SCHEMA.tables")!.RowCount);
        Assert.Equal(32, doc.FindTable("TAP_SCHEMA.columns")!.RowCount);
    }

    [Fact]
    public async Task GetSchemaAsync_SizeColumn_IsQuotedIntAndArraysizeIsText()
    {
        var doc = await store.GetSchemaAsync(CancellationToken.None);

        var columns = doc.FindTable("TAP_SCHEMA.columns")!.Columns;
        var size = Assert.Single(columns, c => c.ColumnName == "\"size\"");
        Assert.Equal(("int", null), (size.Datatype, size.ArraySize));
        var arraysize = Assert.Single(columns, c => c.ColumnName == "arraysize");
        Assert.Equal(("char", "*", (int?)null), (arraysize.Datatype, arraysize.ArraySize, arraysize.Size));
        Assert.DoesNotContain(columns, c => c.ColumnName == "size");
    }

    [Theory]
    [InlineData("tables_schema_name", "TAP_SCHEMA.tables", "TAP_SCHEMA.schemas", "schema_name", "schema_name")]
    [InlineData("columns_table_name", "TAP_SCHEMA.columns", "TAP_SCHEMA.tables", "table_name", "table_name")]
    [InlineData("keys_from_table", "TAP_SCHEMA.keys", "TAP_SCHEMA.tables", "from_table", "table_name")]
    [InlineData("keys_target_table", "TAP_SCHEMA.keys", "TAP_SCHEMA.tables", "target_table", "table_name")]
    [InlineData("key_columns_key_id", "TAP_SCHEMA.key_columns", "TAP_SCHEMA.keys", "key_id", "key_id")]
    public async Task GetSchemaAsync_NewDatabase_HasTheFiveTapSchemaForeignKeys(string id, string from, string target,
        string fromColumn, string targetColumn)
    {
        var doc = await store.GetSchemaAsync(CancellationToken.None);

        var key = Assert.Single(doc.Tables.SelectMany(t => t.Keys), k => k.KeyId == id);
        Assert.Equal((from, target), (key.FromTable, key.TargetTable));
        Assert.Equal(new KeyColumnDescription(fromColumn, targetColumn), Assert.Single(key.Columns));
        Assert.Same(key, Assert.Single(doc.FindTable(from)!.Keys, k => k.KeyId == id));
    }

    [Fact]
    public async Task Keys_EveryColumn_ResolvesToTapSchemaColumns()
    {
        await store.InitializeAsync(CancellationToken.None);

        // taplint E_FKLK/E_FKNT: from_column/target_column must be columns of from_table/target_table.
        var dangling = StoreFixture.Query(store,
            """
            SELECT k.key_id FROM "TAP_SCHEMA.keys" k JOIN "TAP_SCHEMA.key_columns" kc ON kc.key_id = k.key_id
            WHERE NOT EXISTS (SELECT 1 FROM "TAP_SCHEMA.columns" c WHERE c.table_name = k.from_table AND c.column_name = kc.from_column)
               OR NOT EXISTS (SELECT 1 FROM "TAP_SCHEMA.columns" c WHERE c.table_name = k.target_table AND c.column_name = kc.target_column)
               OR NOT EXISTS (SELECT 1 FROM "TAP_SCHEMA.tables" t WHERE t.table_name = k.target_table)
            """);

        Assert.Empty(dangling);
        Assert.Equal(5L, StoreFixture.Scalar(store, "SELECT count(*) FROM \"TAP_SCHEMA.keys\""));
    }

    [Fact]
    public async Task InitializeAsync_Twice_IsIdempotent()
    {
        await store.InitializeAsync(CancellationToken.None);
        var again = new SqliteCatalogStore(store.DatabasePath);

        await again.InitializeAsync(CancellationToken.None);

        Assert.Equal(32L, StoreFixture.Scalar(again, "SELECT count(*) FROM \"TAP_SCHEMA.columns\""));
        Assert.Equal(1L, StoreFixture.Scalar(again, "SELECT count(*) FROM \"TAP_SCHEMA.schemas\""));
        Assert.Equal("wal", StoreFixture.Scalar(again, "PRAGMA journal_mode"));
    }
}
