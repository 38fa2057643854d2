namespace VoServices.Storage.Postgres;

/// <summary>Options of <see cref="PostgresCatalogStore"/>.</summary>
public sealed record PostgresCatalogStoreOptions
{
    /// <summary>
    /// The read-only query role (cluster-wide, NOLOGIN) that <see cref="PostgresCatalogStore.OpenReadOnlyConnectionAsync(CancellationToken)"/>
    /// switches to: USAGE on published schemas and SELECT on published tables only. Default <c>voservices_reader</c>.
    /// </summary>
    public string ReaderRole { get; init; } = "voservices_reader";

    /// <summary>
    /// PostgreSQL <c>statement_timeout</c> of read-only connections (whole milliseconds, at least 1 ms). Default 60 s.
    /// </summary>
    public TimeSpan StatementTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Name of the hidden <c>spoint</c> column computed from ra/dec in every catalogue table (GiST-indexed; not in
    /// TAP_SCHEMA). Default <c>pos</c>; a catalogue with a column of that name needs another one.
    /// </summary>
    public string PointColumn { get; init; } = "pos";

    /// <summary>Rows between progress reports and cancellation checks during a load (default 50,000).</summary>
    public int ProgressInterval { get; init; } = 50_000;

    /// <summary>Longest wait for the database in <see cref="PostgresCatalogStore.ProbeAsync"/> (default 5 s).</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Positional metadata recorded at ingest for a catalogue table: its ra/dec columns (ICRS degrees) and the hidden
/// <c>spoint</c> column (radians, GiST-indexed) the PostgreSQL dialect uses for CONTAINS/DISTANCE
/// (<c>"pos" @ scircle(spoint(radians(ra), radians(dec)), radians(r))</c>). Names are physical column names.
/// </summary>
public sealed record PositionColumns(string TableName, string RaColumn, string DecColumn, string PointColumn);
