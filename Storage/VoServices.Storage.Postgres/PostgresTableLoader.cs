using Npgsql;
using NpgsqlTypes;
using VoServices.Tap.Ingest;
using VoServices.Tap.TapSchema;

namespace VoServices.Storage.Postgres;

/// <summary>
/// Loads catalogue rows into a staging table with binary COPY (<see cref="NpgsqlConnection.BeginBinaryImportAsync"/>),
/// streaming row by row, and names the DDL around it: the staging table with its generated <c>spoint</c> column, the
/// B-tree and GiST indexes, and their final names.
/// </summary>
internal sealed class PostgresTableLoader
{
    private readonly TableDescription table;
    private readonly CatalogDatatype[] types;
    private readonly string raColumn;
    private readonly string decColumn;
    private readonly string pointColumn;

    public PostgresTableLoader(CatalogTable target, string pointColumn)
    {
        table = target.Table;
        types = table.Columns.Select(c => CatalogDatatypes.Parse(c.Datatype)).ToArray();
        raColumn = target.RaColumn;
        decColumn = target.DecColumn;
        this.pointColumn = pointColumn;
    }

    /// <summary>CREATE TABLE for the staging table <paramref name="staging"/> (already quoted and qualified).</summary>
    public string CreateTableSql(string staging)
    {
        var columns = table.Columns.Select((c, i) => PostgresNames.Column(c.ColumnName) + " " + SqlType(types[i]));
        return $"CREATE TABLE {staging} ({string.Join(", ", columns)})";
    }

    /// <summary>
    /// Adds the point column, computed by PostgreSQL from ra/dec in degrees (pg_sphere works in radians; spoint is
    /// STRICT, so a missing coordinate gives a NULL point). Added after the COPY because a binary COPY FROM looks up
    /// the binary input function of every column of the table, even generated ones it does not fill, and spoint has
    /// none ("42883: no binary input function available for type spoint"); this rewrites the staging table once.
    /// </summary>
    public string AddPointColumnSql(string staging) =>
        $"ALTER TABLE {staging} ADD COLUMN {PostgresNames.Quote(pointColumn)} spoint GENERATED ALWAYS AS " +
        $"(spoint(radians({PostgresNames.Column(raColumn)}), radians({PostgresNames.Column(decColumn)}))) STORED";

    /// <summary>
    /// The indexes to build: (physical column, access method) for every indexed column (B-tree) and the point
    /// column (GiST, so that <c>pos @ scircle(…)</c> is an index scan).
    /// </summary>
    public IReadOnlyList<(string Column, string Method)> Indexes() =>
    [
        .. table.Columns.Where(c => c.Indexed).Select(c => (PostgresNames.Unquote(c.ColumnName), "btree")),
        (pointColumn, "gist"),
    ];

    /// <summary>Copies every row of <paramref name="rows"/> into <paramref name="staging"/>; returns the row count.</summary>
    /// <exception cref="CatalogDataException">A row could not be read, or PostgreSQL rejected a value.</exception>
    public async Task<long> CopyAsync(NpgsqlConnection connection, string staging, ICatalogRowSource rows,
        IProgress<IngestProgress>? progress, int interval, CancellationToken cancellationToken)
    {
        if (rows.ColumnCount != types.Length)
        {
            throw new ArgumentException(
                $"row source has {rows.ColumnCount} columns, table {table.TableName} has {types.Length}", nameof(rows));
        }
        var columns = string.Join(", ", table.Columns.Select(c => PostgresNames.Column(c.ColumnName)));
        var values = new object?[types.Length];
        long count = 0;
        try
        {
            // Disposing the importer without CompleteAsync sends CopyFail: nothing of a failed load stays.
            await using var importer = await connection.BeginBinaryImportAsync(
                $"COPY {staging} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
            while (await rows.ReadAsync(values, cancellationToken).ConfigureAwait(false))
            {
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < values.Length; i++)
                {
                    await WriteAsync(importer, values[i], types[i], cancellationToken).ConfigureAwait(false);
                }
                if (++count % interval == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report(new IngestProgress(table.TableName, count, rows.BytesRead, rows.TotalBytes));
                }
            }
            cancellationToken.ThrowIfCancellationRequested();
            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState.StartsWith("22", StringComparison.Ordinal))
        {
            // Class 22 = data exception (e.g. NUL in a string, SQLSTATE 22021): the file's fault, not the database's.
            throw new CatalogDataException(rows.SourcePath, null, null,
                $"PostgreSQL rejected a value of {table.TableName}: {e.MessageText} ({e.Where})", e);
        }
        progress?.Report(new IngestProgress(table.TableName, count, rows.BytesRead, rows.TotalBytes));
        return count;
    }

    private static Task WriteAsync(NpgsqlBinaryImporter importer, object? value, CatalogDatatype type,
        CancellationToken cancellationToken) => (type, value) switch
        {
            (_, null) => importer.WriteNullAsync(cancellationToken),
            (CatalogDatatype.Boolean, bool b) => importer.WriteAsync(b, NpgsqlDbType.Boolean, cancellationToken),
            (CatalogDatatype.Short, short s) => importer.WriteAsync(s, NpgsqlDbType.Smallint, cancellationToken),
            (CatalogDatatype.Int, int n) => importer.WriteAsync(n, NpgsqlDbType.Integer, cancellationToken),
            (CatalogDatatype.Long, long l) => importer.WriteAsync(l, NpgsqlDbType.Bigint, cancellationToken),
            (CatalogDatatype.Float, float f) => importer.WriteAsync(f, NpgsqlDbType.Real, cancellationToken),
            (CatalogDatatype.Double, double d) => importer.WriteAsync(d, NpgsqlDbType.Double, cancellationToken),
            (CatalogDatatype.Char or CatalogDatatype.UnicodeChar, string t) =>
                importer.WriteAsync(t, NpgsqlDbType.Text, cancellationToken),
            // ICatalogRowSource promises the CLR type of CatalogDatatype; anything else is a bug in the row source.
            _ => throw new ArgumentException(
                $"row value of CLR type {value.GetType().Name} does not match datatype {type.ToVoTableName()}"),
        };

    /// <summary>PostgreSQL column type for each VOTable datatype; floats stay binary32 (<c>real</c>) as published.</summary>
    private static string SqlType(CatalogDatatype type) => type switch
    {
        CatalogDatatype.Boolean => "boolean",
        CatalogDatatype.Short => "smallint",
        CatalogDatatype.Int => "integer",
        CatalogDatatype.Long => "bigint",
        CatalogDatatype.Float => "real",
        CatalogDatatype.Double => "double precision",
        _ => "text",
    };
}
