using System.Text;
using VoServices.Tap.TapSchema;

namespace VoServices.Storage.Postgres;

/// <summary>PostgreSQL DDL of TAP_SCHEMA, derived from <see cref="TapSchemaSelfDescription"/>.</summary>
internal static class PostgresTapSchemaDdl
{
    /// <summary>
    /// CREATE SCHEMA/TABLE IF NOT EXISTS for <c>"TAP_SCHEMA"</c>: text and integer columns, NOT NULL and 0/1 checks
    /// as TAP 1.1 §4 requires, primary keys for its uniqueness rules, and the five foreign keys as real constraints,
    /// DEFERRABLE INITIALLY DEFERRED so that a table's rows can be replaced in any order inside one transaction.
    /// </summary>
    public static string CreateStatements()
    {
        var sql = new StringBuilder("CREATE SCHEMA IF NOT EXISTS ").Append(PostgresNames.Quote(TapSchemaSelfDescription.SchemaName)).Append(";\n");
        foreach (var table in TapSchemaSelfDescription.All)
        {
            sql.Append("CREATE TABLE IF NOT EXISTS ").Append(PostgresNames.Table(table.TableName)).Append(" (");
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var column = table.Columns[i];
                var name = PostgresNames.Column(column.ColumnName);
                sql.Append(i == 0 ? "" : ", ").Append(name).Append(column.Datatype == "int" ? " integer" : " text");
                if (TapSchemaSelfDescription.IsNotNull(table.TableName, column.ColumnName))
                {
                    sql.Append(" NOT NULL");
                }
                if (TapSchemaSelfDescription.IsFlag(column.ColumnName))
                {
                    sql.Append(" CHECK (").Append(name).Append(" IN (0, 1))");
                }
            }
            if (TapSchemaSelfDescription.PrimaryKeys.TryGetValue(table.TableName, out var key))
            {
                sql.Append(", PRIMARY KEY (").Append(key).Append(')');
            }
            foreach (var fk in table.Keys)
            {
                var pair = fk.Columns[0];
                sql.Append(", CONSTRAINT ").Append(PostgresNames.Quote(fk.KeyId)).Append(" FOREIGN KEY (")
                    .Append(PostgresNames.Column(pair.FromColumn)).Append(") REFERENCES ")
                    .Append(PostgresNames.Table(fk.TargetTable)).Append(" (").Append(PostgresNames.Column(pair.TargetColumn))
                    .Append(") DEFERRABLE INITIALLY DEFERRED");
            }
            sql.Append(");\n");
        }
        return sql.ToString();
    }
}
