namespace VoServices.Tap.Results;

/// <summary>
/// A forward-only source of result rows: the port a database executor implements (a cursor fetching
/// MAXREC+1 rows) and that uploads (<see cref="Uploads.UploadedTable"/>) and tests implement too. The result
/// writers read it once, from start to end; they never dispose it (its owner does).
/// </summary>
/// <remarks>
/// Cell values, one per <see cref="Columns"/> entry, null (or <see cref="DBNull"/>) for NULL:
/// CLR primitives (<c>bool</c>, <c>byte</c>, <c>short</c>, <c>int</c>, <c>long</c>, <c>float</c>, <c>double</c>),
/// <c>string</c> for char/unicodeChar, arrays of primitives (<c>byte[]</c>, <c>double[]</c>, …; flat, first
/// dimension fastest), <see cref="DateTime"/> (UTC) for DALI timestamps (char, xtype timestamp), and
/// <c>double[]</c> for DALI geometry in degrees: point = [lon, lat], circle = [lon, lat, radius],
/// polygon = [lon1, lat1, lon2, lat2, …] (DALI 1.1 §3.3–3.7).
/// </remarks>
public interface IResultRowReader
{
    /// <summary>The columns, in output order.</summary>
    IReadOnlyList<ResultColumn> Columns { get; }

    /// <summary>
    /// Fills <paramref name="row"/> (length ≥ <see cref="Columns"/>.Count) with the next row.
    /// </summary>
    /// <returns>False when there are no more rows (the array is then left unspecified).</returns>
    /// <exception cref="Exception">Any failure of the backend (timeout, lost connection): writers that can
    /// express it in-band end the document with an ERROR status (see <see cref="ITapResultWriter"/>).</exception>
    ValueTask<bool> ReadAsync(object?[] row, CancellationToken cancellationToken);
}
