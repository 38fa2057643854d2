using System.Numerics;

namespace VoServices.Healpix;

/// <summary>
/// The HEALPix cells of the pixels of one HiPS tile (HiPS 1.0 §4.2): a tile of order k and NESTED index n that is
/// w = 2^m pixels wide holds the w² cells of order k+m that descend from n, one per tile pixel.
/// </summary>
/// <remarks>
/// Layout as Hipsgen writes it (Aladin <c>xy2hpx</c>), checked on reference tiles: with x the column and y the row
/// counted from the top of the image (PNG/JPEG row order), the cell's face coordinates inside the tile are
/// (x_face, y_face) = (y, x), i.e. index = n·w² + interleave(y on even bits, x on odd bits); x_face grows towards
/// the cell's east vertex, y_face towards its west vertex. So, as stored, the image's top-left pixel touches the
/// tile's south vertex, top-right the west vertex, bottom-left the east vertex and bottom-right the north vertex.
/// FITS tiles store rows bottom-up, so FITS row r is y = w−1−r (<see cref="FitsPixelIndex"/>). Hipsgen's FITS tiles
/// carry the matching RA---HPX WCS (Calabretta &amp; Roukema 2007, MNRAS 381, 865), which the tests use as reference.
/// </remarks>
public readonly record struct HipsTileGrid
{
    /// <summary>Describes the tile <c>Norder{tileOrder}/…/Npix{tileIndex}</c> of <paramref name="width"/> pixels.</summary>
    /// <exception cref="ArgumentOutOfRangeException">tileOrder outside 0 … 29, tileIndex not a pixel of that order,
    /// width not a power of 2, or tileOrder + log2(width) above 29.</exception>
    public HipsTileGrid(int tileOrder, long tileIndex, int width)
    {
        var order = new HealpixOrder(tileOrder);
        order.CheckPixel(tileIndex);
        if (width < 1 || !BitOperations.IsPow2(width))
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "HiPS tile width must be a power of 2 (HiPS 1.0 §4.2).");
        }
        int m = BitOperations.Log2((uint)width);
        if (tileOrder + m > HealpixOrder.MaxOrder)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, $"Tile order {tileOrder} with {width}-pixel tiles needs pixel order {tileOrder + m} > 29.");
        }
        TileOrder = tileOrder;
        TileIndex = tileIndex;
        Width = width;
    }

    /// <summary>Order k of the tile (HiPS <c>Norder</c>).</summary>
    public int TileOrder { get; }

    /// <summary>NESTED index n of the tile at <see cref="TileOrder"/> (HiPS <c>Npix</c>).</summary>
    public long TileIndex { get; }

    /// <summary>Tile width = height in pixels (HiPS <c>hips_tile_width</c>).</summary>
    public int Width { get; }

    /// <summary>Order of the tile's pixels, k + log2(width) (the HiPS <c>hips_order</c> at the deepest level plus
    /// log2 of the width).</summary>
    public int PixelOrder => TileOrder + BitOperations.Log2((uint)Width);

    /// <summary>NESTED index at <see cref="PixelOrder"/> of tile pixel (x, y), y counted from the top row as stored
    /// in PNG and JPEG tiles.</summary>
    /// <exception cref="ArgumentOutOfRangeException">x or y outside 0 … width−1.</exception>
    public long PixelIndex(int x, int y)
    {
        CheckCoordinate(x, nameof(x));
        CheckCoordinate(y, nameof(y));
        return (TileIndex << (2 * (PixelOrder - TileOrder))) + Morton.Interleave(y, x);
    }

    /// <summary>NESTED index at <see cref="PixelOrder"/> of FITS tile pixel (x, fitsRow), fitsRow counted from the
    /// first row stored in the file (the bottom row when displayed), both 0-based.</summary>
    /// <exception cref="ArgumentOutOfRangeException">x or fitsRow outside 0 … width−1.</exception>
    public long FitsPixelIndex(int x, int fitsRow)
    {
        CheckCoordinate(fitsRow, nameof(fitsRow));
        return PixelIndex(x, Width - 1 - fitsRow);
    }

    /// <summary>Inverse of <see cref="PixelIndex"/>: the (x, y-from-top) position of a cell in the tile.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The cell is not inside this tile.</exception>
    public (int X, int Y) PixelPosition(long nestedIndex)
    {
        int shift = 2 * (PixelOrder - TileOrder);
        if (nestedIndex >> shift != TileIndex || nestedIndex < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(nestedIndex), nestedIndex, $"Cell is not inside tile {TileIndex} of order {TileOrder}.");
        }
        long inTile = nestedIndex - (TileIndex << shift);
        return (Morton.Compact(inTile >> 1), Morton.Compact(inTile));
    }

    /// <summary>Writes the NESTED index of every pixel, row by row from the top: destination[y·width + x].</summary>
    /// <exception cref="ArgumentException">destination is shorter than width².</exception>
    public void CopyPixelIndices(Span<long> destination)
    {
        long count = (long)Width * Width;
        if (destination.Length < count)
        {
            throw new ArgumentException($"The destination must hold {count} indices.", nameof(destination));
        }
        long first = TileIndex << (2 * (PixelOrder - TileOrder));
        for (int y = 0; y < Width; y++)
        {
            long rowBits = Morton.Spread(y);
            var row = destination.Slice(y * Width, Width);
            for (int x = 0; x < row.Length; x++)
            {
                row[x] = first + (rowBits | (Morton.Spread(x) << 1));
            }
        }
    }

    private void CheckCoordinate(int value, string name)
    {
        if ((uint)value >= (uint)Width)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Tile pixel coordinate must be in 0..{Width - 1}.");
        }
    }
}
