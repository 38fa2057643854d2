namespace VoServices.Fits;

/// <summary>
/// How a compressed image HDU is stored (tiled image compression convention, Pence, White &amp; Seaman; FITS
/// registry "Tiled Image Compression Convention" §4): algorithm, tile shape and float quantization.
/// </summary>
/// <param name="Algorithm">ZCMPTYPE: RICE_1, GZIP_1, GZIP_2, NOCOMPRESS (read); PLIO_1 and HCOMPRESS_1 are
/// recognised but not decoded.</param>
/// <param name="TileShape">ZTILEn for each axis, in pixels (default: whole rows).</param>
/// <param name="Quantization">ZQUANTIZ: NO_DITHER, SUBTRACTIVE_DITHER_1, SUBTRACTIVE_DITHER_2, or NONE for
/// lossless (integers, or floats stored without quantization).</param>
/// <param name="DitherSeed">ZDITHER0 (1..10000), used by the subtractive dithering methods.</param>
/// <param name="BlockSize">RICE_1 BLOCKSIZE (ZNAMEi/ZVALi, default 32).</param>
/// <param name="BytesPerPixel">RICE_1 BYTEPIX (default 4).</param>
public sealed record FitsTileCompression(string Algorithm, IReadOnlyList<int> TileShape, string Quantization,
    int DitherSeed, int BlockSize, int BytesPerPixel);
