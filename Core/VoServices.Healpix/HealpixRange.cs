namespace VoServices.Healpix;

/// <summary>
/// A half-open interval [<see cref="Start"/>, <see cref="EndExclusive"/>) of pixel indices at one order (NESTED
/// unless stated otherwise), as in MOC 2.0 RANGE packing. Query results are lists of non-empty, non-overlapping,
/// non-adjacent ranges in ascending order.
/// </summary>
public readonly record struct HealpixRange
{
    /// <summary>Creates the range [start, endExclusive).</summary>
    /// <exception cref="ArgumentOutOfRangeException">start is negative or endExclusive is below start.</exception>
    public HealpixRange(long start, long endExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(endExclusive, start);
        Start = start;
        EndExclusive = endExclusive;
    }

    /// <summary>First index in the range.</summary>
    public long Start { get; }

    /// <summary>One past the last index in the range.</summary>
    public long EndExclusive { get; }

    /// <summary>Number of pixels in the range.</summary>
    public long Length => EndExclusive - Start;

    /// <summary>True when <paramref name="ipix"/> is in the range.</summary>
    public bool Contains(long ipix) => ipix >= Start && ipix < EndExclusive;

    /// <inheritdoc/>
    public override string ToString() => $"[{Start.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {EndExclusive.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
}
