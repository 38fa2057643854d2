using VoServices.Tap.TapSchema;

namespace VoServices.Tap.Ingest;

/// <summary>
/// Ingest port owned by TAP and implemented by each storage backend (SQLite, PostgreSQL): loads one catalogue table
/// and publishes it in TAP_SCHEMA.
/// </summary>
public interface ICatalogStore
{
    /// <summary>
    /// Creates whatever the store needs (database, TAP_SCHEMA and its self-description) if missing; idempotent and
    /// safe to call from several processes. Throws the backend's exception when the database cannot be reached.
    /// </summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Human description of where the data lives (file path or host/database), for logs; no secrets.</summary>
    string Location { get; }

    /// <summary>
    /// Loads every row of <paramref name="rows"/> into the table <see cref="CatalogTable.Table"/> and replaces its
    /// TAP_SCHEMA rows, atomically: when this throws (bad row, cancellation, I/O error) the previous table and its
    /// metadata are left exactly as they were. Rows arrive in <c>Table.Columns</c> order, typed as
    /// <see cref="CatalogDatatype"/> documents.
    /// </summary>
    /// <returns>The table name, the number of rows loaded and the elapsed time.</returns>
    /// <exception cref="CatalogDataException">A row could not be read or typed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<IngestResult> IngestAsync(CatalogTable table, ICatalogRowSource rows, IProgress<IngestProgress>? progress,
        CancellationToken cancellationToken);
}

/// <summary>
/// What a store needs to publish one catalogue table: its schema row, its table row with columns (table_name is the
/// qualified ADQL name, e.g. <c>tycho2.main</c>) and the names of its positional columns (ICRS degrees), which
/// backends use for spatial indexing.
/// </summary>
public sealed record CatalogTable(SchemaDescription Schema, TableDescription Table, string RaColumn, string DecColumn);

/// <summary>
/// Progress of an ingest. <paramref name="BytesRead"/> counts bytes of the source file as stored on disk (compressed
/// bytes for .gz); <paramref name="TotalBytes"/> is the file length, or null when unknown.
/// </summary>
public sealed record IngestProgress(string TableName, long Rows, long BytesRead, long? TotalBytes);

/// <summary>Outcome of a successful ingest: the qualified table name, rows loaded and wall-clock time.</summary>
public sealed record IngestResult(string TableName, long Rows, TimeSpan Elapsed)
{
    /// <summary>The file the rows were read from (set by <see cref="CatalogIngester"/>), or null.</summary>
    public string? SourcePath { get; init; }

    /// <summary>True when the descriptor's demo subset was used because its full source is absent.</summary>
    public bool IsDemoSubset { get; init; }
}
