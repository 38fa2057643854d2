using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using VoServices.Tap.Query;
using VoServices.Tap.Results;
using VoServices.Tap.Uploads;

namespace VoServices.Storage.Postgres.Query;

/// <summary>
/// Streams an <see cref="UploadedTable"/> into a TEMP table by binary COPY, in a transaction explicitly opened
/// <c>READ WRITE</c> (the reader connection defaults to read-only). Column types follow the FIELD: boolean, smallint,
/// integer, bigint, real, double precision, text (strings, DALI timestamps, arrays as space-separated text) and
/// <c>double precision[]</c> for DALI geometry, as <see cref="Adql.PostgresSqlDialect"/> reads stored geometry.
/// </summary>
internal static class PostgresUploadLoader
{
    public static async Task LoadAsync(NpgsqlConnection connection, string tableName, UploadedTable upload,
        CancellationToken cancellationToken)
    {
        var types = upload.Columns.Select(TypeOf).ToArray();
        var kinds = upload.Columns.Select(UploadColumns.KindOf).ToArray();
        var table = PostgresNames.Quote(tableName);
        var columns = upload.UploadedColumns.Select(c => PostgresNames.Quote(c.StorageName)).ToArray();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "SET TRANSACTION READ WRITE", cancellationToken).ConfigureAwait(false);
        var create = new StringBuilder("CREATE TEMP TABLE ").Append(table).Append(" (");
        for (var i = 0; i < columns.Length; i++)
        {
            create.Append(i == 0 ? "" : ", ").Append(columns[i]).Append(' ').Append(types[i].Sql);
        }
        await ExecuteAsync(connection, create.Append(')').ToString(), cancellationToken).ConfigureAwait(false);
        var copy = $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)";
        await using (var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken).ConfigureAwait(false))
        {
            var row = new object?[columns.Length];
            while (await upload.ReadAsync(row, cancellationToken).ConfigureAwait(false))
            {
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < row.Length; i++)
                {
                    var value = Value(kinds[i], types[i].Type, row[i]);
                    if (value is null)
                    {
                        await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await importer.WriteAsync(value, types[i].Type, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        await ExecuteAsync(connection, $"ANALYZE {table}", cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static (string Sql, NpgsqlDbType Type) TypeOf(ResultColumn column) => UploadColumns.KindOf(column) switch
    {
        UploadColumnKind.Boolean => ("boolean", NpgsqlDbType.Boolean),
        UploadColumnKind.Integer => column.Datatype switch
        {
            "int" => ("integer", NpgsqlDbType.Integer),
            "long" => ("bigint", NpgsqlDbType.Bigint),
            _ => ("smallint", NpgsqlDbType.Smallint),
        },
        UploadColumnKind.Real => column.Datatype == "float" ? ("real", NpgsqlDbType.Real) : ("double precision", NpgsqlDbType.Double),
        UploadColumnKind.Geometry => ("double precision[]", NpgsqlDbType.Array | NpgsqlDbType.Double),
        _ => ("text", NpgsqlDbType.Text),
    };

    private static object? Value(UploadColumnKind kind, NpgsqlDbType type, object? value)
    {
        // VOTable 1.4 §6: NaN is the null of floating-point columns; stored as NULL as in the embedded store.
        if (value is null or DBNull or double.NaN or float.NaN)
        {
            return null;
        }
        return kind switch
        {
            UploadColumnKind.Boolean => value is bool b ? b : Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0,
            UploadColumnKind.Integer => type switch
            {
                NpgsqlDbType.Integer => Convert.ToInt32(value, CultureInfo.InvariantCulture),
                NpgsqlDbType.Bigint => Convert.ToInt64(value, CultureInfo.InvariantCulture),
                _ => Convert.ToInt16(value, CultureInfo.InvariantCulture),
            },
            UploadColumnKind.Real when type == NpgsqlDbType.Real => Convert.ToSingle(value, CultureInfo.InvariantCulture),
            UploadColumnKind.Real => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            UploadColumnKind.Geometry => value as double[] ?? throw new FormatException("a DALI geometry must be double[]"),
            // PostgreSQL text cannot hold NUL: such a value is refused as the upload's fault.
            _ => UploadColumns.Text(value) is { } text && text.Contains('\0', StringComparison.Ordinal)
                ? throw new Dali.DaliParameterException(Dali.DaliUpload.ParameterName, "UPLOAD: a text value contains a NUL character")
                : UploadColumns.Text(value),
        };
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
