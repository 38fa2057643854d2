using Microsoft.Data.Sqlite;
using VoServices.Tap.TapSchema;

namespace VoServices.Storage.Sqlite;

/// <summary>Replaces the TAP_SCHEMA rows of one schema or table inside the caller's transaction.</summary>
internal static class TapSchemaWriter
{
    /// <summary>Inserts or replaces the TAP_SCHEMA.schemas row.</summary>
    public static void UpsertSchema(SqliteConnection connection, SchemaDescription schema)
    {
        Execute(connection, $"DELETE FROM {SqliteNames.Table(TapSchemaSelfDescription.Schemas)} WHERE schema_name = $n",
            ("$n", schema.SchemaName));
        Execute(connection,
            $"INSERT INTO {SqliteNames.Table(TapSchemaSelfDescription.Schemas)} " +
            "(schema_name, utype, description, schema_index) VALUES ($n, $u, $d, $i)",
            ("$n", schema.SchemaName), ("$u", schema.Utype), ("$d", schema.Description), ("$i", schema.SchemaIndex));
    }

    /// <summary>
    /// Deletes every TAP_SCHEMA row of <paramref name="table"/> (its tables row, columns and the keys starting at it)
    /// and inserts the new ones.
    /// </summary>
    public static void ReplaceTable(SqliteConnection connection, TableDescription table)
    {
        DeleteTable(connection, table.TableName);
        Execute(connection,
            $"INSERT INTO {SqliteNames.Table(TapSchemaSelfDescription.Tables)} " +
            "(schema_name, table_name, table_type, utype, description, table_index) VALUES ($s, $t, $y, $u, $d, $i)",
            ("$s", table.SchemaName), ("$t", table.TableName), ("$y", table.TableType), ("$u", table.Utype),
            ("$d", table.Description), ("$i", table.TableIndex));
        InsertColumns(connection, table);
        foreach (var key in table.Keys)
        {
            Execute(connection,
                $"INSERT INTO {SqliteNames.Table(TapSchemaSelfDescription.Keys)} " +
                "(key_id, from_table, target_table, description, utype) VALUES ($k, $f, $t, $d, $u)",
                ("$k", key.KeyId), ("$f", key.FromTable), ("$t", key.TargetTable), ("$d", key.Description),
                ("$u", key.Utype));
            foreach (var pair in key.Columns)
            {
                Execute(connection,
                    $"INSERT INTO {SqliteNames.Table(TapSchemaSelfDescription.KeyColumns)} " +
                    "(key_id, from_column, target_column) VALUES ($k, $f, $t)",
                    ("$k", key.KeyId), ("$f", pair.FromColumn), ("$t", pair.TargetColumn));
            }
        }
    }

    /// <summary>Deletes the TAP_SCHEMA rows of <paramref name="tableName"/> (tables, columns, keys from it).</summary>
    public static void DeleteTable(SqliteConnection connection, string tableName)
    {
        Execute(connection,
            $"DELETE FROM {SqliteNames.Table(TapSchemaSelfDescription.KeyColumns)} WHERE key_id IN " +
            $"(SELECT key_id FROM {SqliteNames.Table(TapSchemaSelfDescription.Keys)} WHERE from_table = $t)",
            ("$t", tableName));
        Execute(connection, $"DELETE FROM {SqliteNames.Table(TapSchemaSelfDescription.Keys)} WHERE from_table = $t",
            ("$t", tableName));
        Execute(connection, $"DELETE FROM {SqliteNames.Table(TapSchemaSelfDescription.Columns)} WHERE table_name = $t",
            ("$t", tableName));
        Execute(connection, $"DELETE FROM {SqliteNames.Table(TapSchemaSelfDescription.Tables)} WHERE table_name = $t",
            ("$t", tableName));
    }

    private static void InsertColumns(SqliteConnection connection, TableDescription table)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            $"INSERT INTO {SqliteNames.Table(TapSchemaSelfDescription.Columns)} (table_name, column_name, datatype, " +
            "arraysize, xtype, \"size\", description, utype, unit, ucd, indexed, principal, std, column_index) " +
            "VALUES ($t, $c, $dt, $a, $x, $s, $d, $ut, $un, $ucd, $ix, $p, $std, $ci)";
        string[] names = ["$t", "$c", "$dt", "$a", "$x", "$s", "$d", "$ut", "$un", "$ucd", "$ix", "$p", "$std", "$ci"];
        var parameters = Array.ConvertAll(names, n => command.Parameters.Add(new SqliteParameter(n, null)));
        foreach (var c in table.Columns)
        {
            object?[] values =
            [
                table.TableName, c.ColumnName, c.Datatype, c.ArraySize, c.XType, c.Size, c.Description, c.Utype,
                c.Unit, c.Ucd, c.Indexed ? 1 : 0, c.Principal ? 1 : 0, c.Std ? 1 : 0, c.ColumnIndex,
            ];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }
            command.ExecuteNonQuery();
        }
    }

    internal static void Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] args)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in args)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        command.ExecuteNonQuery();
    }
}
