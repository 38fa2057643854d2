namespace VoServices.Tap.Ingest;

/// <summary>
/// A forward-only stream of catalogue rows, typed per the descriptor's columns (see <see cref="CatalogDatatype"/> for
/// the CLR type of each datatype; null for a missing value). Memory use does not depend on the number of rows.
/// </summary>
public interface ICatalogRowSource : IDisposable
{
    /// <summary>Path of the file being read (for messages).</summary>
    string SourcePath { get; }

    /// <summary>Number of values in each row (the descriptor's column count).</summary>
    int ColumnCount { get; }

    /// <summary>Bytes of the file consumed so far, as stored on disk (compressed bytes for .gz).</summary>
    long BytesRead { get; }

    /// <summary>Length of the file on disk, or null when unknown.</summary>
    long? TotalBytes { get; }

    /// <summary>
    /// Reads the next row into <paramref name="values"/> (length ≥ <see cref="ColumnCount"/>; the buffer is reused
    /// by the caller, so consume it before the next call). Returns false at the end of the data.
    /// </summary>
    /// <exception cref="CatalogDataException">A value is malformed; the message names file, line and column.</exception>
    ValueTask<bool> ReadAsync(object?[] values, CancellationToken cancellationToken);
}
