using Npgsql;
using VoServices.Tap.TapSchema;

namespace VoServices.Storage.Postgres;

/// <summary>
/// Replaces the TAP_SCHEMA rows of one schema or table inside the caller's transaction, in one round trip each
/// (the foreign keys are deferred to the commit, so the order of deletes and inserts does not matter).
/// </summary>
internal static class TapSchemaWriter
{
    private static readonly string SchemasTable = PostgresNames.Table(TapSchemaSelfDescription.Schemas);
    private static readonly string TablesTable = PostgresNames.Table(TapSchemaSelfDescription.Tables);
    private static readonly string ColumnsTable = PostgresNames.Table(TapSchemaSelfDescription.Columns);
    private static readonly string KeysTable = PostgresNames.Table(TapSchemaSelfDescription.Keys);
    private static readonly string KeyColumnsTable = PostgresNames.Table(TapSchemaSelfDescription.KeyColumns);

    /// <summary>Inserts the TAP_SCHEMA.schemas row, or updates it when the schema is already published.</summary>
    public static async Task UpsertSchemaAsync(NpgsqlConnection connection, SchemaDescription schema,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"INSERT INTO {SchemasTable} (schema_name, utype, description, schema_index) VALUES ($1, $2, $3, $4) " +
            "ON CONFLICT (schema_name) DO UPDATE SET utype = EXCLUDED.utype, description = EXCLUDED.description, " +
            "schema_index = EXCLUDED.schema_index", connection);
        Add(command, schema.SchemaName, schema.Utype, schema.Description, schema.SchemaIndex);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes every TAP_SCHEMA row of <paramref name="table"/> (its tables row, columns and the keys starting at it)
    /// and inserts the new ones.
    /// </summary>
    public static async Task ReplaceTableAsync(NpgsqlConnection connection, TableDescription table,
        CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        AddDeletes(batch, table.TableName);
        batch.BatchCommands.Add(Command(
            $"INSERT INTO {TablesTable} (schema_name, table_name, table_type, utype, description, table_index) " +
            "VALUES ($1, $2, $3, $4, $5, $6)",
            table.SchemaName, table.TableName, table.TableType, table.Utype, table.Description, table.TableIndex));
        foreach (var c in table.Columns)
        {
            batch.BatchCommands.Add(Command(
                $"INSERT INTO {ColumnsTable} (table_name, column_name, datatype, arraysize, xtype, \"size\", description, " +
                "utype, unit, ucd, indexed, principal, std, column_index) " +
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
                table.TableName, c.ColumnName, c.Datatype, c.ArraySize, c.XType, c.Size, c.Description, c.Utype, c.Unit,
                c.Ucd, c.Indexed ? 1 : 0, c.Principal ? 1 : 0, c.Std ? 1 : 0, c.ColumnIndex));
        }
        foreach (var key in table.Keys)
        {
            batch.BatchCommands.Add(Command(
                $"INSERT INTO {KeysTable} (key_id, from_table, target_table, description, utype) VALUES ($1, $2, $3, $4, $5)",
                key.KeyId, key.FromTable, key.TargetTable, key.Description, key.Utype));
            foreach (var pair in key.Columns)
            {
                batch.BatchCommands.Add(Command(
                    $"INSERT INTO {KeyColumnsTable} (key_id, from_column, target_column) VALUES ($1, $2, $3)",
                    key.KeyId, pair.FromColumn, pair.TargetColumn));
            }
        }
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AddDeletes(NpgsqlBatch batch, string tableName)
    {
        batch.BatchCommands.Add(Command(
            $"DELETE FROM {KeyColumnsTable} WHERE key_id IN (SELECT key_id FROM {KeysTable} WHERE from_table = $1)",
            tableName));
        batch.BatchCommands.Add(Command($"DELETE FROM {KeysTable} WHERE from_table = $1", tableName));
        batch.BatchCommands.Add(Command($"DELETE FROM {ColumnsTable} WHERE table_name = $1", tableName));
        batch.BatchCommands.Add(Command($"DELETE FROM {TablesTable} WHERE table_name = $1", tableName));
    }

    private static NpgsqlBatchCommand Command(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
        return command;
    }

    private static void Add(NpgsqlCommand command, params object?[] values)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
    }
}
