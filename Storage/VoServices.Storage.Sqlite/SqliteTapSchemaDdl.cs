using System.Text;
using VoServices.Tap.TapSchema;

namespace VoServices.Storage.Sqlite;

/// <summary>SQLite DDL of TAP_SCHEMA, derived from <see cref="TapSchemaSelfDescription"/>.</summary>
internal static class SqliteTapSchemaDdl
{
    /// <summary>CREATE TABLE IF NOT EXISTS statements for the five tables (STRICT; 0/1 checks on the flags).</summary>
    public static string CreateStatements()
    {
        var sql = new StringBuilder();
        foreach (var table in TapSchemaSelfDescription.All)
        {
            sql.Append("CREATE TABLE IF NOT EXISTS ").Append(SqliteNames.Table(table.TableName)).Append(" (");
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var column = table.Columns[i];
                var name = SqliteNames.Column(column.ColumnName);
                sql.Append(i == 0 ? "" : ", ").Append(name)
                    .Append(column.Datatype == "int" ? " INTEGER" : " TEXT");
                if (TapSchemaSelfDescription.IsNotNull(table.TableName, column.ColumnName))
                {
                    sql.Append(" NOT NULL");
                }
                if (TapSchemaSelfDescription.IsFlag(column.ColumnName))
                {
                    sql.Append(" CHECK (").Append(name).Append(" IN (0, 1))");
                }
            }
            sql.Append(") STRICT;\n");
        }
        return sql.ToString();
    }
}
