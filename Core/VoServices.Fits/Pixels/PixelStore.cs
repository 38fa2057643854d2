namespace VoServices.Fits.Pixels;

/// <summary>
/// Where an image's stored values come from: the data unit itself, or decoded compressed tiles. Both hand out the
/// same thing: big-endian values in the image's BITPIX encoding, as an uncompressed data unit holds them.
/// </summary>
internal abstract class PixelStore
{
    /// <summary>Row bands should start at multiples of this (the tile height) so no tile is decoded twice.</summary>
    public abstract int BandAlignment { get; }

    /// <summary>
    /// Fills <paramref name="destination"/> (width × height × bytes per pixel) with the stored values of columns
    /// x0..x0+width-1 and rows y0..y0+height-1 of plane <paramref name="plane"/>, row by row, x fastest.
    /// </summary>
    public abstract void ReadRaw(int x0, int y0, int width, int height, long plane, Span<byte> destination);
}
