using Microsoft.Data.Sqlite;
using VoServices.Tap.TapSchema;

namespace VoServices.Storage.Sqlite;

/// <summary>Reads the TAP_SCHEMA tables back into a <see cref="TapSchemaDocument"/>, with row counts.</summary>
internal static class TapSchemaReader
{
    public static TapSchemaDocument Read(SqliteConnection connection)
    {
        var schemas = ReadSchemas(connection);
        var columns = ReadColumns(connection);
        var keys = ReadKeys(connection);
        var tables = new List<TableDescription>();
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT schema_name, table_name, table_type, utype, description, table_index " +
            $"FROM {SqliteNames.Table(TapSchemaSelfDescription.Tables)} " +
            "ORDER BY COALESCE(table_index, 0), table_name";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var name = reader.GetString(1);
                tables.Add(new TableDescription(
                    reader.GetString(0), name, columns.GetValueOrDefault(name) ?? [], reader.GetString(2),
                    NullableString(reader, 4), NullableString(reader, 3), NullableInt(reader, 5),
                    keys.GetValueOrDefault(name) ?? []));
            }
        }
        var positions = ReadPositions(connection);
        for (var i = 0; i < tables.Count; i++)
        {
            var position = positions.GetValueOrDefault(tables[i].TableName);
            tables[i] = tables[i] with
            {
                RowCount = CountRows(connection, tables[i].TableName),
                RaColumn = position.Ra,
                DecColumn = position.Dec,
            };
        }
        return new TapSchemaDocument(schemas, tables);
    }

    /// <summary>Positional columns recorded at ingest (<c>voservices_positions</c>), by table name.</summary>
    private static Dictionary<string, (string? Ra, string? Dec)> ReadPositions(SqliteConnection connection)
    {
        var positions = new Dictionary<string, (string?, string?)>(StringComparer.Ordinal);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT table_name, ra_column, dec_column FROM voservices_positions";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            positions[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2));
        }
        return positions;
    }

    private static List<SchemaDescription> ReadSchemas(SqliteConnection connection)
    {
        var schemas = new List<SchemaDescription>();
        using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT schema_name, description, utype, schema_index FROM {SqliteNames.Table(TapSchemaSelfDescription.Schemas)} " +
            "ORDER BY COALESCE(schema_index, 0), schema_name";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            schemas.Add(new SchemaDescription(reader.GetString(0), NullableString(reader, 1), NullableString(reader, 2),
                NullableInt(reader, 3)));
        }
        return schemas;
    }

    private static Dictionary<string, List<ColumnDescription>> ReadColumns(SqliteConnection connection)
    {
        var byTable = new Dictionary<string, List<ColumnDescription>>(StringComparer.Ordinal);
        using var command = connection.CreateCommand();
        // "size" is not read back: ColumnDescription derives it from arraysize, as it was written.
        command.CommandText =
            "SELECT table_name, column_name, datatype, arraysize, xtype, description, unit, ucd, utype, indexed, " +
            $"principal, std, column_index FROM {SqliteNames.Table(TapSchemaSelfDescription.Columns)} " +
            "ORDER BY table_name, COALESCE(column_index, 0), rowid";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var table = reader.GetString(0);
            if (!byTable.TryGetValue(table, out var list))
            {
                byTable[table] = list = [];
            }
            list.Add(new ColumnDescription(
                reader.GetString(1), reader.GetString(2), NullableString(reader, 3), NullableString(reader, 4),
                NullableString(reader, 5), NullableString(reader, 6), NullableString(reader, 7), NullableString(reader, 8),
                reader.GetInt64(9) != 0, reader.GetInt64(10) != 0, reader.GetInt64(11) != 0, NullableInt(reader, 12)));
        }
        return byTable;
    }

    private static Dictionary<string, List<ForeignKeyDescription>> ReadKeys(SqliteConnection connection)
    {
        var pairs = new Dictionary<string, List<KeyColumnDescription>>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT key_id, from_column, target_column FROM " +
                $"{SqliteNames.Table(TapSchemaSelfDescription.KeyColumns)} ORDER BY rowid";
            using var reader = command.ExecuteReader();
            while (reader.Read())
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
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT key_id, from_table, target_table, description, utype FROM " +
                $"{SqliteNames.Table(TapSchemaSelfDescription.Keys)} ORDER BY rowid";
            using var reader = command.ExecuteReader();
            while (reader.Read())
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

    private static long? CountRows(SqliteConnection connection, string tableName)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {SqliteNames.Table(tableName)}";
        try
        {
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            // Published but not stored here (e.g. a view provided by another component): no count.
            return null;
        }
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static int? NullableInt(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);
}
