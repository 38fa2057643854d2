namespace VoServices.Sphere.Moc;

/// <summary>
/// One HEALPix NESTED cell of a space MOC: its order (0..29) and index (0 ≤ index &lt; 12·4^order). The NUNIQ
/// packing (MOC 2.0 §4.3.1) is uniq = 4·4^order + index.
/// </summary>
/// <param name="Order">HEALPix order (depth), 0..29.</param>
/// <param name="Index">NESTED index at that order.</param>
public readonly record struct MocCell(int Order, long Index)
{
    /// <summary>The NUNIQ value, 4·4^order + index.</summary>
    public long Uniq => (4L << (2 * Order)) + Index;

    /// <summary>Unpacks a NUNIQ value.</summary>
    /// <exception cref="MocFormatException">The value is not a valid NUNIQ (below 4, or order above 29).</exception>
    public static MocCell FromUniq(long uniq)
    {
        if (uniq < 4)
        {
            throw new MocFormatException(FormattableString.Invariant($"Invalid NUNIQ value {uniq}: it must be at least 4"));
        }
        // order = floor(log2(uniq / 4) / 2): the highest set bit of uniq is at 2·order + 2.
        var order = (63 - long.LeadingZeroCount(uniq) - 2) / 2;
        if (order > SkyMoc.MaxOrder)
        {
            throw new MocFormatException(FormattableString.Invariant($"Invalid NUNIQ value {uniq}: order {order} is above 29"));
        }
        return new MocCell((int)order, uniq - (4L << (2 * (int)order)));
    }
}
