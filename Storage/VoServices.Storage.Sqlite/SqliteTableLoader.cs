using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using VoServices.Tap.Ingest;
using VoServices.Tap.TapSchema;

namespace VoServices.Storage.Sqlite;

/// <summary>
/// Bulk-loads catalogue rows into a STRICT staging table with one prepared, parameterised INSERT whose parameter
/// objects are reused for every row, inside the caller's transaction.
/// </summary>
internal sealed class SqliteTableLoader
{
    private readonly TableDescription table;
    private readonly IReadOnlyList<DerivedPositionColumn> derived;
    private readonly CatalogDatatype[] types;
    private readonly int raIndex;
    private readonly int decIndex;

    public SqliteTableLoader(CatalogTable target, IReadOnlyList<DerivedPositionColumn> derived)
    {
        table = target.Table;
        this.derived = derived;
        types = table.Columns.Select(c => CatalogDatatypes.Parse(c.Datatype)).ToArray();
        raIndex = IndexOf(target.RaColumn);
        decIndex = IndexOf(target.DecColumn);
    }

    /// <summary>CREATE TABLE for <paramref name="physicalName"/> (already quoted) with the catalogue columns.</summary>
    public string CreateTableSql(string physicalName)
    {
        var sql = new StringBuilder("CREATE TABLE ").Append(physicalName).Append(" (");
        for (var i = 0; i < types.Length; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append(SqliteNames.Column(table.Columns[i].ColumnName)).Append(' ')
                .Append(SqliteType(types[i]));
        }
        foreach (var d in derived)
        {
            sql.Append(", ").Append(SqliteNames.Quote(d.Name)).Append(' ').Append(d.SqliteType);
        }
        return sql.Append(") STRICT").ToString();
    }

    /// <summary>CREATE INDEX statements for indexed catalogue columns and indexed derived columns.</summary>
    public IEnumerable<string> CreateIndexSql(string tableName)
    {
        var names = table.Columns.Where(c => c.Indexed).Select(c => SqliteNames.Unquote(c.ColumnName))
            .Concat(derived.Where(d => d.Indexed).Select(d => d.Name));
        foreach (var column in names)
        {
            yield return $"CREATE INDEX {SqliteNames.Quote(tableName + "#" + column)} ON " +
                $"{SqliteNames.Table(tableName)} ({SqliteNames.Quote(column)})";
        }
    }

    /// <summary>Inserts every row of <paramref name="rows"/>; returns the row count.</summary>
    public async Task<long> LoadAsync(SqliteConnection connection, string physicalName, ICatalogRowSource rows,
        IProgress<IngestProgress>? progress, int interval, CancellationToken cancellationToken)
    {
        if (rows.ColumnCount != types.Length)
        {
            throw new ArgumentException(
                $"row source has {rows.ColumnCount} columns, table {table.TableName} has {types.Length}", nameof(rows));
        }
        using var insert = connection.CreateCommand();
        var width = types.Length + derived.Count;
        insert.CommandText = $"INSERT INTO {physicalName} VALUES (" +
            string.Join(", ", Enumerable.Range(0, width).Select(i => "$p" + i.ToString(CultureInfo.InvariantCulture))) + ")";
        var parameters = new SqliteParameter[width];
        for (var i = 0; i < width; i++)
        {
            parameters[i] = insert.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null));
        }
        insert.Prepare();

        var values = new object?[types.Length];
        long count = 0;
        while (await rows.ReadAsync(values, cancellationToken).ConfigureAwait(false))
        {
            Bind(values, parameters);
            insert.ExecuteNonQuery();
            if (++count % interval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new IngestProgress(table.TableName, count, rows.BytesRead, rows.TotalBytes));
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new IngestProgress(table.TableName, count, rows.BytesRead, rows.TotalBytes));
        return count;
    }

    private void Bind(object?[] values, SqliteParameter[] parameters)
    {
        for (var i = 0; i < values.Length; i++)
        {
            parameters[i].Value = ToSqlite(values[i], types[i]);
        }
        if (derived.Count == 0)
        {
            return;
        }
        var ra = AsDouble(values[raIndex]);
        var dec = AsDouble(values[decIndex]);
        for (var j = 0; j < derived.Count; j++)
        {
            parameters[values.Length + j].Value =
                ra is { } r && dec is { } d ? derived[j].Compute(r, d) ?? DBNull.Value : DBNull.Value;
        }
    }

    private static object ToSqlite(object? value, CatalogDatatype type) => value switch
    {
        null => DBNull.Value,
        // A float is stored as the double nearest to its shortest decimal form, so that `bt_mag = 12.146` matches
        // the catalogue text instead of the binary32 neighbour 12.145999908447266.
        float f when type == CatalogDatatype.Float => float.IsFinite(f)
            ? double.Parse(f.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : (double)f,
        bool b => b ? 1L : 0L,
        _ => value,
    };

    private static double? AsDouble(object? value) => value switch
    {
        double d => d,
        float f => f,
        _ => null,
    };

    private static string SqliteType(CatalogDatatype type) => type switch
    {
        CatalogDatatype.Boolean or CatalogDatatype.Short or CatalogDatatype.Int or CatalogDatatype.Long => "INTEGER",
        CatalogDatatype.Float or CatalogDatatype.Double => "REAL",
        _ => "TEXT",
    };

    private int IndexOf(string column)
    {
        for (var i = 0; i < table.Columns.Count; i++)
        {
            if (table.Columns[i].ColumnName == column)
            {
                return i;
            }
        }
        throw new ArgumentException($"positional column '{column}' is not a column of {table.TableName}");
    }
}
