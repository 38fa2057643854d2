using System.Text;
using Microsoft.Data.Sqlite;
using VoServices.Tap.Query;
using VoServices.Tap.Uploads;

namespace VoServices.Storage.Sqlite.Query;

/// <summary>
/// Streams an <see cref="UploadedTable"/> into a STRICT TEMP table named after its storage name, with the columns'
/// <see cref="UploadedColumn.StorageName"/>s: INTEGER for booleans (0/1) and integers, REAL for floating point, TEXT for
/// strings, timestamps (DALI form), geometry (DALI text, as <see cref="Adql.SqliteSqlDialect"/> reads stored
/// geometry) and other arrays. One prepared INSERT in one transaction; memory does not grow with the row count.
/// </summary>
internal static class SqliteUploadLoader
{
    public static async Task LoadAsync(SqliteConnection connection, string tableName, UploadedTable upload,
        CancellationToken cancellationToken)
    {
        var kinds = upload.Columns.Select(UploadColumns.KindOf).ToArray();
        Execute(connection, CreateSql(tableName, upload, kinds));
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO temp.{SqliteNames.Quote(tableName)} VALUES (" +
            string.Join(", ", kinds.Select((_, i) => "$v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))) + ")";
        var parameters = kinds.Select((_, i) => insert.Parameters.Add(
            "$v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), SqliteType.Text)).ToArray();
        insert.Prepare();
        var row = new object?[kinds.Length];
        while (await upload.ReadAsync(row, cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < kinds.Length; i++)
            {
                parameters[i].SqliteType = StorageType(kinds[i]);
                parameters[i].Value = StorageValue(kinds[i], row[i]) ?? DBNull.Value;
            }
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    private static string CreateSql(string tableName, UploadedTable upload, UploadColumnKind[] kinds)
    {
        var sql = new StringBuilder("CREATE TEMP TABLE ").Append(SqliteNames.Quote(tableName)).Append(" (");
        for (var i = 0; i < kinds.Length; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append(SqliteNames.Quote(upload.UploadedColumns[i].StorageName)).Append(' ')
                .Append(StorageType(kinds[i]).ToString().ToUpperInvariant());
        }
        return sql.Append(") STRICT").ToString();
    }

    private static SqliteType StorageType(UploadColumnKind kind) => kind switch
    {
        UploadColumnKind.Boolean or UploadColumnKind.Integer => SqliteType.Integer,
        UploadColumnKind.Real => SqliteType.Real,
        _ => SqliteType.Text,
    };

    private static object? StorageValue(UploadColumnKind kind, object? value) => value switch
    {
        null or DBNull => null,
        _ => kind switch
        {
            UploadColumnKind.Boolean => value is bool b ? (b ? 1L : 0L) : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
            UploadColumnKind.Integer => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
            // VOTable 1.4 §6: NaN is the null of floating-point columns (and SQLite cannot store it).
            UploadColumnKind.Real => Real(value),
            _ => UploadColumns.Text(value),
        },
    };

    private static object? Real(object value)
    {
        var d = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
        return double.IsNaN(d) ? null : d;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
