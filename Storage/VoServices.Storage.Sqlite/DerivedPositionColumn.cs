namespace VoServices.Storage.Sqlite;

/// <summary>
/// Seam for spatial indexing: a hidden physical column computed at ingest from each row's position (ICRS degrees),
/// e.g. a HEALPix index that the SQLite dialect uses to turn CONTAINS/DISTANCE into an index range scan. Such
/// columns are not published in TAP_SCHEMA; their names are recorded in <c>voservices_positions.derived_columns</c>.
/// </summary>
/// <param name="Name">Physical column name; must not clash with a catalogue column.</param>
/// <param name="SqliteType">STRICT column type: <c>INTEGER</c>, <c>REAL</c>, <c>TEXT</c> or <c>BLOB</c>.</param>
/// <param name="Compute">Value for (ra, dec) in degrees; called only when both are present. Returns a value SQLite
/// can bind (long, double, string, byte[]) or null.</param>
/// <param name="Indexed">Whether to build an SQLite index on the column.</param>
public sealed record DerivedPositionColumn(string Name, string SqliteType, Func<double, double, object?> Compute,
    bool Indexed = true);

/// <summary>Options of <see cref="SqliteCatalogStore"/>.</summary>
public sealed record SqliteCatalogStoreOptions
{
    /// <summary>
    /// Hidden columns computed from (ra, dec) at ingest. Default: the NESTED HEALPix index at order 12
    /// (<see cref="Adql.SqliteHealpixIndex.Column"/>) on which the SQLite dialect prefilters cones and crossmatches.
    /// </summary>
    public IReadOnlyList<DerivedPositionColumn> DerivedPositionColumns { get; init; } = [Adql.SqliteHealpixIndex.Column];

    /// <summary>Rows between progress reports and cancellation checks during a load (default 50,000).</summary>
    public int ProgressInterval { get; init; } = 50_000;
}

/// <summary>
/// Positional metadata kept at ingest in <c>voservices_positions</c>: the ra/dec columns (ICRS degrees) of a table and
/// the names of its <see cref="DerivedPositionColumn"/>s.
/// </summary>
public sealed record StoredPosition(string TableName, string RaColumn, string DecColumn,
    IReadOnlyList<string> DerivedColumns);
