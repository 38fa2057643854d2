using Npgsql;
using VoServices.Tap.TapSchema;

namespace VoServices.Storage.Postgres;

/// <summary>
/// Reads the TAP_SCHEMA tables back into a <see cref="TapSchemaDocument"/> with row counts, in the same order as the
/// SQLite store (names compared bytewise, COLLATE "C", whatever the database's locale).
/// </summary>
internal static class TapSchemaReader
{
    /// <summary>
    /// Reads the whole document; call inside one REPEATABLE READ transaction for a consistent snapshot.
    /// <paramref name="recordedRows"/> holds the row counts recorded at ingest; other tables are counted.
    /// </summary>
    public static async Task<TapSchemaDocument> ReadAsync(NpgsqlConnection connection,
        IReadOnlyDictionary<string, long> recordedRows, CancellationToken cancellationToken)
    {
        var schemas = await ReadSchemasAsync(connection, cancellationToken).ConfigureAwait(false);
        var columns = await ReadColumnsAsync(connection, cancellationToken).ConfigureAwait(false);
        var keys = await ReadKeysAsync(connection, cancellationToken).ConfigureAwait(false);
        var tables = new List<TableDescription>();
        await using (var command = new NpgsqlCommand(
            "SELECT schema_name, table_name, table_type, utype, description, table_index " +
            $"FROM {PostgresNames.Table(TapSchemaSelfDescription.Tables)} " +
            "ORDER BY COALESCE(table_index, 0), table_name COLLATE \"C\"", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var name = reader.GetString(1);
                tables.Add(new TableDescription(
                    reader.GetString(0), name, columns.GetValueOrDefault(name) ?? [], reader.GetString(2),
                    NullableString(reader, 4), NullableString(reader, 3), NullableInt(reader, 5),
                    keys.GetValueOrDefault(name) ?? []));
            }
        }
        var positions = await ReadPositionsAsync(connection, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < tables.Count; i++)
        {
            var name = tables[i].TableName;
            var rows = recordedRows.TryGetValue(name, out var n)
                ? n
                : await CountRowsAsync(connection, name, cancellationToken).ConfigureAwait(false);
            var position = positions.GetValueOrDefault(name);
            tables[i] = tables[i] with { RowCount = rows, RaColumn = position.Ra, DecColumn = position.Dec };
        }
        return new TapSchemaDocument(schemas, tables);
    }

    private static async Task<List<SchemaDescription>> ReadSchemasAsync(NpgsqlConnection connection,
        CancellationToken cancellationToken)
    {
        var schemas = new List<SchemaDescription>();
        await using var command = new NpgsqlCommand(
            "SELECT schema_name, description, utype, schema_index " +
            $"FROM {PostgresNames.Table(TapSchemaSelfDescription.Schemas)} " +
            "ORDER BY COALESCE(schema_index, 0), schema_name COLLATE \"C\"", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            schemas.Add(new SchemaDescription(reader.GetString(0), NullableString(reader, 1), NullableString(reader, 2),
                NullableInt(reader, 3)));
        }
        return schemas;
    }

    private static async Task<Dictionary<string, List<ColumnDescription>>> ReadColumnsAsync(
        NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var byTable = new Dictionary<string, List<ColumnDescription>>(StringComparer.Ordinal);
        // "size" is not read back: ColumnDescription derives it from arraysize, as it was written.
        await using var command = new NpgsqlCommand(
            "SELECT table_name, column_name, datatype, arraysize, xtype, description, unit, ucd, utype, indexed, " +
            $"principal, std, column_index FROM {PostgresNames.Table(TapSchemaSelfDescription.Columns)} " +
            "ORDER BY table_name COLLATE \"C\", COALESCE(column_index, 0), column_name COLLATE \"C\"", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var table = reader.GetString(0);
            if (!byTable.TryGetValue(table, out var list))
            {
                byTable[table] = list = [];
            }
            list.Add(new ColumnDescription(
                reader.GetString(1), reader.GetString(2), NullableString(reader, 3), NullableString(reader, 4),
                NullableString(reader, 5), NullableString(reader, 6), NullableString(reader, 7), NullableString(reader, 8),
                reader.GetInt32(9) != 0, reader.GetInt32(10) != 0, reader.GetInt32(11) != 0, NullableInt(reader, 12)));
        }
        return byTable;
    }

    private static async Task<Dictionary<string, List<ForeignKeyDescription>>> ReadKeysAsync(
        NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var pairs = new Dictionary<string, List<KeyColumnDescription>>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand(
            "SELECT key_id, from_column, target_column " +
            $"FROM {PostgresNames.Table(TapSchemaSelfDescription.KeyColumns)} " +
            "ORDER BY key_id COLLATE \"C\", from_column COLLATE \"C\", target_column COLLATE \"C\"", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = reader.GetString(0);
                if (!pairs.TryGetValue(id, out var list))
                {
                    pairs[id] = list = [];
                }
                list.Add(new KeyColumnDescription(reader.GetString(1), reader.GetString(2)));
            }
        }
        var byTable = new Dictionary<string, List<ForeignKeyDescription>>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand(
            "SELECT key_id, from_table, target_table, description, utype " +
            $"FROM {PostgresNames.Table(TapSchemaSelfDescription.Keys)} ORDER BY key_id COLLATE \"C\"", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var key = new ForeignKeyDescription(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                    pairs.GetValueOrDefault(reader.GetString(0)) ?? [], NullableString(reader, 3), NullableString(reader, 4));
                if (!byTable.TryGetValue(key.FromTable, out var list))
                {
                    byTable[key.FromTable] = list = [];
                }
                list.Add(key);
            }
        }
        return byTable;
    }

    private static async Task<long?> CountRowsAsync(NpgsqlConnection connection, string tableName,
        CancellationToken cancellationToken)
    {
        string physical;
        try
        {
            physical = PostgresNames.Table(tableName);
        }
        catch (ArgumentException)
        {
            return null; // not a schema.table name this store could have created: no count
        }
        // Published but not stored here (e.g. a view another component registered and then dropped), or not readable:
        // no count. Checked first because a failed statement would abort the caller's snapshot transaction.
        await using var check = new NpgsqlCommand(
            "SELECT to_regclass($1) IS NOT NULL AND has_table_privilege(to_regclass($1), 'SELECT')", connection);
        check.Parameters.Add(new NpgsqlParameter { Value = physical });
        if (await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
        {
            return null;
        }
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {physical}", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static int? NullableInt(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    /// <summary>Positional columns recorded at ingest (the store's published-tables record), by table name.</summary>
    private static async Task<Dictionary<string, (string? Ra, string? Dec)>> ReadPositionsAsync(
        NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var positions = new Dictionary<string, (string?, string?)>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(
            $"SELECT table_name, ra_column, dec_column FROM {StoreSchema.PublishedTables}", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            positions[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2));
        }
        return positions;
    }
}
