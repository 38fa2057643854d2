namespace VoServices.Tap.Results;

/// <summary>
/// Reads at most MaxRec rows and decides overflow by reading one row more (DALI 1.1 §4.4; the fix of
/// django-daiquiri#359: never report OVERFLOW when the result has exactly MaxRec rows). MaxRec = 0 reads nothing
/// and reports overflow, as DALI allows for a metadata-only request.
/// </summary>
internal sealed class RowLimiter
{
    private readonly IResultRowReader source;
    private readonly long? maxRec;
    private bool limitReached;

    public RowLimiter(IResultRowReader source, long? maxRec)
    {
        this.source = source;
        this.maxRec = maxRec;
        Row = new object?[source.Columns.Count];
    }

    /// <summary>The current row, valid after <see cref="ReadAsync"/> returned true.</summary>
    public object?[] Row { get; }

    /// <summary>Rows delivered so far.</summary>
    public long Count { get; private set; }

    /// <summary>True once the end was reached with rows left over.</summary>
    public bool Overflow { get; private set; }

    /// <summary>Moves to the next row within the limit; false at the end or at the limit.</summary>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        if (maxRec is long limit && Count >= limit)
        {
            if (!limitReached)
            {
                limitReached = true;
                Overflow = limit == 0 || await source.ReadAsync(Row, cancellationToken).ConfigureAwait(false);
            }
            return false;
        }
        if (!await source.ReadAsync(Row, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }
        Count++;
        return true;
    }
}
