using Npgsql;
using VoServices.Tap.TapSchema;

namespace VoServices.Storage.Postgres.Tests;

/// <summary>TAP_SCHEMA 1.1 as a real PostgreSQL schema: structure and self-description (TAP 1.1 §4, standards.md §2).</summary>
public sealed class TapSchemaTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [SkippableTheory]
    [InlineData("schemas", "schema_name:text utype:text description:text schema_index:integer")]
    [InlineData("tables", "schema_name:text table_name:text table_type:text utype:text description:text table_index:integer")]
    [InlineData("columns",
        "table_name:text column_name:text datatype:text arraysize:text xtype:text size:integer description:text " +
        "utype:text unit:text ucd:text indexed:integer principal:integer std:integer column_index:integer")]
    [InlineData("keys", "key_id:text from_table:text target_table:text description:text utype:text")]
    [InlineData("key_columns", "key_id:text from_column:text target_column:text")]
    public async Task InitializeAsync_NewDatabase_CreatesExactlyTheRequiredColumns(string table, string columns)
    {
        var db = await server.NewDatabaseAsync();
        await using var store = new PostgresCatalogStore(db);

        await store.InitializeAsync(CancellationToken.None);

        var physical = await Db.QueryAsync(db,
            "SELECT column_name || ':' || data_type FROM information_schema.columns " +
            $"WHERE table_schema = 'TAP_SCHEMA' AND table_name = '{table}' ORDER BY ordinal_position");
        Assert.Equal(columns.Split(' '), physical.Select(r => (string)r[0]!));
    }

    [SkippableTheory]
    [InlineData("schemas", "schema_name")]
    [InlineData("tables", "schema_name table_name table_type")]
    [InlineData("columns", "table_name column_name datatype indexed principal std")]
    [InlineData("keys", "key_id from_table target_table")]
    [InlineData("key_columns", "key_id from_column target_column")]
    public async Task InitializeAsync_NewDatabase_DeclaresRequiredColumnsNotNull(string table, string columns)
    {
        var db = await server.NewDatabaseAsync();
        await using var store = new PostgresCatalogStore(db);

        await store.InitializeAsync(CancellationToken.None);

        var notNull = await Db.QueryAsync(db, "SELECT column_name FROM information_schema.columns " +
            $"WHERE table_schema = 'TAP_SCHEMA' AND table_name = '{table}' AND is_nullable = 'NO'");
        Assert.Equal(columns.Split(' ').Order(), notNull.Select(r => (string)r[0]!).Order());
    }

    [SkippableFact]
    public async Task GetSchemaAsync_NewDatabase_DescribesTapSchemaItself()
    {
        var db = await server.NewDatabaseAsync();
        await using var store = new PostgresCatalogStore(db);

        var doc = await store.GetSchemaAsync(CancellationToken.None);

        var schema = Assert.Single(doc.Schemas);
        Assert.Equal("TAP_SCHEMA", schema.SchemaName);
        Assert.Equal(
            ["TAP_SCHEMA.schemas", "TAP_SCHEMA.tables", "TAP_SCHEMA.columns", "TAP_SCHEMA.keys", "TAP_SCHEMA.key_columns"],
            doc.Tables.Select(t => t.TableName));
        Assert.All(doc.Tables, t => Assert.All(t.Columns, c => Assert.True(c.Std, $"{t.TableName}.{c.ColumnName}")));
        Assert.Equal(32, doc.Tables.Sum(t => t.Columns.Count));
        Assert.Equal((5L, 32L, 5L), (doc.FindTable("TAP_SCHEMA.tables")!.RowCount,
            doc.FindTable("TAP_SCHEMA.columns")!.RowCount, doc.FindTable("TAP_SCHEMA.keys")!.RowCount));
    }

    [SkippableFact]
    public async Task GetSchemaAsync_SizeColumn_IsQuotedIntAndArraysizeIsText()
    {
        var db = await server.NewDatabaseAsync();
        await using var store = new PostgresCatalogStore(db);

        var doc = await store.GetSchemaAsync(CancellationToken.None);

        var columns = doc.FindTable("TAP_SCHEMA.columns")!.Columns;
        var size = Assert.Single(columns, c => c.ColumnName == "\"size\"");
        Assert.Equal(("int", null), (size.Datatype, size.ArraySize));
        var arraysize = Assert.Single(columns, c => c.ColumnName == "arraysize");
        Assert.Equal(("char", "*", (int?)null), (arraysize.Datatype, arraysize.ArraySize, arraysize.Size));
        Assert.DoesNotContain(columns, c => c.ColumnName == "size");
    }

    [SkippableTheory]
    [InlineData("tables_schema_name", "TAP_SCHEMA.tables", "TAP_SCHEMA.schemas", "schema_name", "schema_name")]
    [InlineData("columns_table_name", "TAP_SCHEMA.columns", "TAP_SCHEMA.tables", "table_name", "table_name")]
    [InlineData("keys_from_table", "TAP_SCHEMA.keys", "TAP_SCHEMA.tables", "from_table", "table_name")]
    [InlineData("keys_target_table", "TAP_SCHEMA.keys", "TAP_SCHEMA.tables", "target_table", "table_name")]
    [InlineData("key_columns_key_id", "TAP_SCHEMA.key_columns", "TAP_SCHEMA.keys", "key_id", "key_id")]
    public async Task GetSchemaAsync_NewDatabase_HasTheFiveTapSchemaForeignKeys(string id, string from, string target,
        string fromColumn, string targetColumn)
    {
        var db = await server.NewDatabaseAsync();
        await using var store = new PostgresCatalogStore(db);

        var doc = await store.GetSchemaAsync(CancellationToken.None);

        var key = Assert.Single(doc.Tables.SelectMany(t => t.Keys), k => k.KeyId == id);
        Assert.Equal((from, target), (key.FromTable, key.TargetTable));
        Assert.Equal(new KeyColumnDescription(fromColumn, targetColumn), Assert.Single(key.Columns));
        // The same key is a real, deferred constraint on the physical table.
        var constraint = await Db.QueryAsync(db,
            $"SELECT confrelid = '{PostgresNames.Table(target)}'::regclass, condeferred FROM pg_constraint " +
            $"WHERE contype = 'f' AND conname = '{id}' AND conrelid = '{PostgresNames.Table(from)}'::regclass");
        Assert.Equal(new object?[] { true, true }, Assert.Single(constraint));
    }

    [SkippableFact]
    public async Task Keys_EveryColumn_ResolvesToTapSchemaColumns()
    {
        var db = await server.NewDatabaseAsync();
        await using var store = new PostgresCatalogStore(db);
        await store.InitializeAsync(CancellationToken.None);

        // taplint E_FKLK/E_FKNT: from_column/target_column must be columns of from_table/target_table.
        var dangling = await Db.QueryAsync(db,
            """
            SELECT k.key_id FROM "TAP_SCHEMA".keys k JOIN "TAP_SCHEMA".key_columns kc ON kc.key_id = k.key_id
            WHERE NOT EXISTS (SELECT 1 FROM "TAP_SCHEMA".columns c WHERE c.table_name = k.from_table AND c.column_name = kc.from_column)
               OR NOT EXISTS (SELECT 1 FROM "TAP_SCHEMA".columns c WHERE c.table_name = k.target_table AND c.column_name = kc.target_column)
               OR NOT EXISTS (SELECT 1 FROM "TAP_SCHEMA".tables t WHERE t.table_name = k.target_table)
            """);

        Assert.Empty(dangling);
        Assert.Equal(5L, await Db.ScalarAsync(db, "SELECT count(*) FROM \"TAP_SCHEMA\".keys"));
    }

    [SkippableFact]
    public async Task TapSchema_FlagOutsideZeroOne_IsRejectedByTheDatabase()
    {
        var db = await server.NewDatabaseAsync();
        await using var store = new PostgresCatalogStore(db);
        await store.InitializeAsync(CancellationToken.None);

        var e = await Assert.ThrowsAsync<PostgresException>(() => Db.QueryAsync(db,
            "UPDATE \"TAP_SCHEMA\".columns SET principal = 2 WHERE column_name = 'std'"));

        Assert.Equal(PostgresErrorCodes.CheckViolation, e.SqlState);
    }

    [SkippableFact]
    public async Task InitializeAsync_TwoProcessesAtOnce_CreatesEverythingOnce()
    {
        var db = await server.NewDatabaseAsync();
        await using var first = new PostgresCatalogStore(db);
        await using var second = new PostgresCatalogStore(db);

        await Task.WhenAll(first.InitializeAsync(CancellationToken.None), second.InitializeAsync(CancellationToken.None));
        await using var third = new PostgresCatalogStore(db);
        await third.InitializeAsync(CancellationToken.None);

        Assert.Equal(32L, await Db.ScalarAsync(db, "SELECT count(*) FROM \"TAP_SCHEMA\".columns"));
        Assert.Equal(1L, await Db.ScalarAsync(db, "SELECT count(*) FROM \"TAP_SCHEMA\".schemas"));
        Assert.Equal(1L, await Db.ScalarAsync(db, "SELECT count(*) FROM pg_extension WHERE extname = 'pg_sphere'"));
        Assert.Equal(1L, await Db.ScalarAsync(db, "SELECT count(*) FROM pg_roles WHERE rolname = 'voservices_reader'"));
    }
}
