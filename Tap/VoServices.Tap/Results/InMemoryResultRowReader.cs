namespace VoServices.Tap.Results;

/// <summary>
/// An <see cref="IResultRowReader"/> over rows already in memory or produced lazily by an enumerable (small
/// results such as TAP_SCHEMA answers, tests). Each row array must have one value per column.
/// </summary>
public sealed class InMemoryResultRowReader : IResultRowReader, IDisposable
{
    private readonly IEnumerator<object?[]> rows;

    /// <summary>Creates the reader; <paramref name="rows"/> is enumerated lazily, once.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public InMemoryResultRowReader(IReadOnlyList<ResultColumn> columns, IEnumerable<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        Columns = columns;
        this.rows = rows.GetEnumerator();
    }

    /// <inheritdoc/>
    public IReadOnlyList<ResultColumn> Columns { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">A row has a different number of values than there are columns.</exception>
    public ValueTask<bool> ReadAsync(object?[] row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        cancellationToken.ThrowIfCancellationRequested();
        if (!rows.MoveNext())
        {
            return ValueTask.FromResult(false);
        }
        var current = rows.Current;
        if (current is null || current.Length != Columns.Count)
        {
            throw new ArgumentException($"a row has {current?.Length ?? 0} values, the result has {Columns.Count} columns");
        }
        current.CopyTo(row, 0);
        return ValueTask.FromResult(true);
    }

    /// <summary>Disposes the row enumerator.</summary>
    public void Dispose() => rows.Dispose();
}
