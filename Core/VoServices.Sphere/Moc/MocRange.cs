namespace VoServices.Sphere.Moc;

/// <summary>
/// A half-open interval [Start, End) of HEALPix NESTED indices at order 29 (the range view of MOC 2.0 §4.3; RANGE packing in FITS).
/// </summary>
/// <param name="Start">First index, inclusive.</param>
/// <param name="End">Last index, exclusive.</param>
public readonly record struct MocRange(long Start, long End)
{
    /// <summary>Number of order-29 cells.</summary>
    public long Length => End - Start;
}
