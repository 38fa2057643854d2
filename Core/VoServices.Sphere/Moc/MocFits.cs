using VoServices.Fits;

namespace VoServices.Sphere.Moc;

/// <summary>
/// FITS serialisation of a space MOC (MOC 2.0 §4.3.1 and §6): an empty primary HDU and a one-column BINTABLE of
/// NUNIQ values. The writer emits the MOC 2.0 keywords (MOCVERS, MOCDIM, ORDERING, COORDSYS, MOCORD_S) and, for MOC
/// 1.x readers (Aladin before v10, healpy-based tools), PIXTYPE = 'HEALPIX' and MOCORDER; UNIQ is 'J' (32-bit) below
/// order 14, where every NUNIQ value fits, and 'K' from order 14. The reader takes NUNIQ (J or K) and RANGE
/// packings, MOC 1.1 files (no MOCVERS; order from MOCORDER) and 2.0 files.
/// </summary>
public static class MocFits
{
    /// <summary>Writes the MOC to a stream (not closed).</summary>
    /// <exception cref="ArgumentNullException">A null argument.</exception>
    public static void Write(SkyMoc moc, Stream output, MocFitsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(moc);
        ArgumentNullException.ThrowIfNull(output);
        options ??= new MocFitsOptions();
        var uniq = moc.ToUniq();
        Array column = moc.Order < 14 ? Array.ConvertAll(uniq, u => (int)u) : uniq;
        var cards = new List<FitsCard>
        {
            new("PIXTYPE", "HEALPIX", "HEALPix tessellation (MOC 1.x readers)"),
            new("ORDERING", "NUNIQ", "NUNIQ coding method"),
            new("COORDSYS", "C", "ICRS reference frame"),
            new("MOCVERS", "2.0", "MOC standard version"),
            new("MOCDIM", "SPACE", "Physical dimension"),
            new("MOCORD_S", (long)moc.Order, "MOC resolution (best order)"),
            new("MOCORDER", (long)moc.Order, "=MOCORD_S (MOC 1.x readers)"),
            new("MOCTOOL", options.MocTool, "Name of the MOC generator"),
        };
        if (options.MocType is not null)
        {
            cards.Add(new FitsCard("MOCTYPE", options.MocType, "Source type (IMAGE or CATALOG)"));
        }
        if (options.MocId is not null)
        {
            cards.Add(new FitsCard("MOCID", options.MocId, "Identifier of the collection"));
        }
        if (options.ExtensionName is not null)
        {
            cards.Add(new FitsCard("EXTNAME", options.ExtensionName, "MOC name"));
        }
        using var writer = new FitsWriter(output, leaveOpen: true);
        writer.WriteBinaryTable([new FitsColumnData("UNIQ", column)], new FitsHeader(cards));
    }

    /// <summary>Writes the MOC to a file.</summary>
    public static void Write(SkyMoc moc, string path, MocFitsOptions? options = null)
    {
        using var file = File.Create(path);
        Write(moc, file, options);
    }

    /// <summary>Reads the first MOC table of a FITS stream (the stream is not closed).</summary>
    /// <exception cref="MocFormatException">Not a space MOC: no table, missing or unknown ORDERING, a time MOC,
    /// a frame other than ICRS, a bad UNIQ or RANGE value, or a cell deeper than the declared order.</exception>
    public static SkyMoc Read(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            using var file = FitsFile.Open(input, leaveOpen: true);
            var hdu = file.Hdus.FirstOrDefault(h => h.Kind == FitsHduKind.BinaryTable)
                ?? throw new MocFormatException("Invalid MOC FITS: the file has no BINTABLE extension");
            return ReadTable(hdu.Header, hdu.AsBinaryTable());
        }
        catch (FitsFormatException e)
        {
            throw new MocFormatException($"Invalid MOC FITS: {e.Message}", e);
        }
    }

    /// <summary>Reads a MOC FITS file.</summary>
    /// <exception cref="MocFormatException">See <see cref="Read(Stream)"/>.</exception>
    public static SkyMoc Read(string path)
    {
        using var file = File.OpenRead(path);
        return Read(file);
    }

    private static SkyMoc ReadTable(FitsHeader header, FitsBinaryTable table)
    {
        var dimension = header.GetString("MOCDIM") ?? "SPACE";
        if (!string.Equals(dimension.Trim(), "SPACE", StringComparison.OrdinalIgnoreCase))
        {
            throw new MocFormatException($"Invalid MOC FITS: MOCDIM = '{dimension}'; only space MOCs are supported");
        }
        var frame = header.GetString("COORDSYS")?.Trim();
        if (frame is not null && frame.Length > 0 && !frame.Equals("C", StringComparison.OrdinalIgnoreCase))
        {
            throw new MocFormatException($"Invalid MOC FITS: COORDSYS = '{frame}'; a space MOC must be ICRS ('C')");
        }
        if (table.Columns.Count < 1 || table.Columns[0].IsVariableLength || table.Columns[0].Repeat != 1)
        {
            throw new MocFormatException("Invalid MOC FITS: the table must have one scalar integer column");
        }
        var values = table.ReadColumn(0) switch
        {
            long[] k => k,
            int[] j => Array.ConvertAll(j, v => (long)v),
            _ => throw new MocFormatException(
                $"Invalid MOC FITS: column 1 has TFORM '{table.Columns[0].Format}'; expected J or K"),
        };
        var ordering = header.GetString("ORDERING")?.Trim().ToUpperInvariant();
        return ordering switch
        {
            "NUNIQ" => SkyMoc.FromUniq(values, DeclaredOrder(header, values)),
            "RANGE" => FromRangeColumn(values, DeclaredOrder(header, null) ?? SkyMoc.MaxOrder),
            null => throw new MocFormatException("Invalid MOC FITS: the mandatory ORDERING keyword is missing"),
            _ => throw new MocFormatException($"Invalid MOC FITS: ORDERING = '{ordering}'; expected NUNIQ or RANGE"),
        };
    }

    // MOCORD_S (2.0) or MOCORDER (1.x); without either, the deepest cell's order.
    private static int? DeclaredOrder(FitsHeader header, long[]? uniq)
    {
        foreach (var keyword in new[] { "MOCORD_S", "MOCORDER" })
        {
            if (header.TryGetInt64(keyword, out var order))
            {
                if (order is < 0 or > SkyMoc.MaxOrder)
                {
                    throw new MocFormatException(FormattableString.Invariant(
                        $"Invalid MOC FITS: {keyword} = {order}; expected 0..29"));
                }
                var deepest = uniq is null || uniq.Length == 0 ? 0 : uniq.Max(u => MocCell.FromUniq(u).Order);
                return (int)Math.Max(order, deepest);
            }
        }
        return null;
    }

    // RANGE packing: consecutive (start, end) pairs of order-29 indices, half-open (MOC 2.0 §4.3.1).
    private static SkyMoc FromRangeColumn(long[] values, int order)
    {
        if (values.Length % 2 != 0)
        {
            throw new MocFormatException("Invalid MOC FITS: a RANGE column must hold (start, end) pairs");
        }
        var ranges = new List<MocRange>(values.Length / 2);
        for (var i = 0; i < values.Length; i += 2)
        {
            ranges.Add(new MocRange(values[i], values[i + 1]));
        }
        var exact = SkyMoc.FromRanges(SkyMoc.MaxOrder, ranges);
        return exact.Degrade(order) is var degraded && degraded.Ranges.SequenceEqual(exact.Ranges)
            ? degraded
            : throw new MocFormatException(FormattableString.Invariant(
                $"Invalid MOC FITS: RANGE values are not aligned to cells of the declared order {order}"));
    }
}
