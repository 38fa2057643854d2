namespace VoServices.Fits.Pixels;

/// <summary>
/// Reads pixels straight from an image data unit (FITS 4.0 §5: axis 1 varies fastest, big-endian values): one
/// positioned read per row, or one per band when whole rows are asked for.
/// </summary>
internal sealed class UncompressedPixelStore(FitsHdu hdu, int bytesPerPixel, int width, int height) : PixelStore
{
    public override int BandAlignment => 1;

    public override void ReadRaw(int x0, int y0, int w, int h, long plane, Span<byte> destination)
    {
        var planeStart = plane * height;
        if (w == width)
        {
            hdu.ReadData((planeStart + y0) * width * bytesPerPixel, destination[..(w * h * bytesPerPixel)]);
            return;
        }
        var rowBytes = w * bytesPerPixel;
        for (var r = 0; r < h; r++)
        {
            var offset = ((planeStart + y0 + r) * width + x0) * bytesPerPixel;
            hdu.ReadData(offset, destination.Slice(r * rowBytes, rowBytes));
        }
    }
}
