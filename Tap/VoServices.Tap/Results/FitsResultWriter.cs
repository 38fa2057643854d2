namespace VoServices.Tap.Results;

/// <summary>
/// Writes a TAP result as a FITS file (FITS 4.0): an empty primary HDU, then one BINTABLE extension
/// (<c>EXTNAME = 'RESULTS'</c>) with a column per <see cref="ResultColumn"/> (see <see cref="FitsColumn"/> for
/// TFORM and NULL conventions). The header needs NAXIS2 and the column widths before any row, so the rows are
/// first spooled to a temporary file (deleted on close; memory stays bounded), then header and data are streamed.
/// </summary>
/// <remarks>
/// Because nothing is written before the last row was read, a failing row source never leaves a half-written
/// response: the writer throws <see cref="ResultWriteException"/> with <c>OutputStarted = false</c> and the caller
/// answers with a DALI error document. The primary header carries <c>QRYSTAT</c> = <c>'OK'</c> or
/// <c>'OVERFLOW'</c> (the DALI QUERY_STATUS; a non-standard keyword that readers ignore). Units, UCDs (TUCDn),
/// utypes (TUTYPn) and descriptions (TCOMMn) are kept; xtypes are not (no FITS convention): timestamps are
/// text columns, DALI geometry is a double array.
/// </remarks>
public sealed class FitsResultWriter : ITapResultWriter
{
    private const int OutputBufferSize = 64 * 1024;
    private readonly string? spoolDirectory;

    /// <summary>Creates the writer.</summary>
    /// <param name="spoolDirectory">Folder for the temporary spool files; null = <see cref="Path.GetTempPath"/>.</param>
    public FitsResultWriter(string? spoolDirectory = null)
    {
        this.spoolDirectory = spoolDirectory;
    }

    /// <inheritdoc/>
    public async Task<ResultWriteSummary> WriteAsync(Stream output, IResultRowReader rows, ResultWriteOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        // Timestamps keep their full variable-length text (ResultColumn.AsResultColumn), never cut to a declared width.
        var columns = rows.Columns.Select(c => FitsColumn.Create(c.AsResultColumn())).ToArray();
        if (columns.Length == 0)
        {
            throw new ArgumentException("a result needs at least one column", nameof(rows));
        }
        await using var spoolFile = OpenSpool();
        await using var heapFile = OpenSpool();
        var heap = new FitsHeap(heapFile);
        var limiter = new RowLimiter(rows, options.MaxRec);
        using (var spool = new BinaryWriter(spoolFile, System.Text.Encoding.ASCII, leaveOpen: true))
        {
            await SpoolAsync(limiter, columns, spool, heap, cancellationToken).ConfigureAwait(false);
        }
        foreach (var column in columns)
        {
            column.Freeze();
        }
        var rowWidth = columns.Sum(c => (long)c.Width);
        await output.WriteAsync(PrimaryHeader(limiter.Overflow), cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(TableHeader(columns, rowWidth, limiter.Count, heap.Length), cancellationToken).ConfigureAwait(false);
        spoolFile.Position = 0;
        await EmitRowsAsync(output, spoolFile, columns, (int)rowWidth, limiter.Count, cancellationToken).ConfigureAwait(false);
        heapFile.Position = 0;
        await heapFile.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
        var padding = FitsHeader.Padding((rowWidth * limiter.Count) + heap.Length);
        await output.WriteAsync(new byte[padding], cancellationToken).ConfigureAwait(false);
        return new ResultWriteSummary(limiter.Count, limiter.Overflow);
    }

    private FileStream OpenSpool()
    {
        var path = Path.Combine(spoolDirectory ?? Path.GetTempPath(), "voservices-fits-" + Guid.NewGuid().ToString("N") + ".spool");
        return new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, OutputBufferSize,
            FileOptions.DeleteOnClose);
    }

    private static async Task SpoolAsync(RowLimiter limiter, FitsColumn[] columns, BinaryWriter spool, FitsHeap heap,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                if (!await limiter.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                throw new ResultWriteException($"query failed while reading results: {e.Message}", false, e);
            }
            for (var i = 0; i < columns.Length; i++)
            {
                try
                {
                    columns[i].Spool(limiter.Row[i], spool, heap);
                }
                catch (ArgumentException e)
                {
                    throw new ResultWriteException(
                        $"row {limiter.Count}, column '{columns[i].Column.Name}': {e.Message}", false, e);
                }
            }
        }
    }

    private static async Task EmitRowsAsync(Stream output, Stream spoolFile, FitsColumn[] columns, int rowWidth,
        long rowCount, CancellationToken cancellationToken)
    {
        using var spool = new BinaryReader(spoolFile, System.Text.Encoding.ASCII, leaveOpen: true);
        var buffer = new byte[Math.Max(OutputBufferSize, rowWidth)];
        var used = 0;
        for (long r = 0; r < rowCount; r++)
        {
            if (used + rowWidth > buffer.Length)
            {
                await output.WriteAsync(buffer.AsMemory(0, used), cancellationToken).ConfigureAwait(false);
                used = 0;
            }
            foreach (var column in columns)
            {
                column.Emit(spool, buffer.AsSpan(used, column.Width));
                used += column.Width;
            }
        }
        await output.WriteAsync(buffer.AsMemory(0, used), cancellationToken).ConfigureAwait(false);
    }

    private static byte[] PrimaryHeader(bool overflow)
    {
        var header = new FitsHeader();
        header.Logical("SIMPLE", true, "conforms to FITS standard");
        header.Integer("BITPIX", 8);
        header.Integer("NAXIS", 0);
        header.Logical("EXTEND", true);
        header.String("QRYSTAT", overflow ? "OVERFLOW" : "OK", "DALI QUERY_STATUS (OVERFLOW: MAXREC reached)");
        return header.ToBytes();
    }

    private static byte[] TableHeader(FitsColumn[] columns, long rowWidth, long rowCount, long heapLength)
    {
        var header = new FitsHeader();
        header.String("XTENSION", "BINTABLE", "binary table extension");
        header.Integer("BITPIX", 8);
        header.Integer("NAXIS", 2);
        header.Integer("NAXIS1", rowWidth, "bytes per row");
        header.Integer("NAXIS2", rowCount, "rows");
        header.Integer("PCOUNT", heapLength, "heap bytes");
        header.Integer("GCOUNT", 1);
        header.Integer("TFIELDS", columns.Length);
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i].WriteCards(header, i + 1);
        }
        header.String("EXTNAME", "RESULTS");
        return header.ToBytes();
    }
}
