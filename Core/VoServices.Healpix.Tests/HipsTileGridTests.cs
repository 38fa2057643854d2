using System.Buffers.Binary;
using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using VoServices.Testing;

namespace VoServices.Healpix.Tests;

public sealed class HipsTileGridTests
{
    private const string Ngc1316Tile = "ngc1316/Norder6/Dir30000/Npix34492.fits";

    // Fixture: the tile's own RA---HPX WCS written by Hipsgen (astropy) → healpy ang2pix at order + log2(width).
    [Fact]
    public void FitsPixelIndex_HipsgenTileWcs_MatchesFixture()
    {
        int rows = 0;
        foreach (var row in HealpyFixture.Rows("hips_tile_layout.csv"))
        {
            var grid = new HipsTileGrid(HealpyFixture.Int(row[1]), HealpyFixture.Long(row[2]), HealpyFixture.Int(row[3]));
            int x = HealpyFixture.Int(row[4]), fitsRow = HealpyFixture.Int(row[5]);
            Assert.Equal(HealpyFixture.Long(row[6]), grid.FitsPixelIndex(x, fitsRow));
            Assert.Equal((x, grid.Width - 1 - fitsRow), grid.PixelPosition(HealpyFixture.Long(row[6])));
            rows++;
        }
        Assert.True(rows > 150);
    }

    // Independent of the tile's WCS: the source image ngc1316o.fit sampled (astropy, FK4 → ICRS) at the centres of
    // order-15 cells must agree with the Hipsgen tile values at the (x, y) we assign to those cells. The 7 other
    // orientations of the square must not.
    [SkippableFact]
    public void PixelIndex_HipsgenFitsTile_ValuesMatchSourceImage()
    {
        var tile = ReadFitsTile(SharedData.File("hips", "hips_ngc1316_optical.tar.gz"), Ngc1316Tile);
        Assert.Equal((6, 34492L, 512), (tile.Order, tile.Npix, tile.Width));
        var grid = new HipsTileGrid(6, 34492, 512);
        var samples = HealpyFixture.Rows("hips_tile_values.csv")
            .Select(r => (Position: grid.PixelPosition(HealpyFixture.Long(r[0])), Source: HealpyFixture.Double(r[1])))
            .ToList();
        Assert.True(samples.Count > 1000);
        int w = grid.Width;
        Func<int, int, (int, int)>[] orientations =
        [
            (x, y) => (x, y), (x, y) => (y, x), (x, y) => (w - 1 - x, y), (x, y) => (x, w - 1 - y),
            (x, y) => (w - 1 - x, w - 1 - y), (x, y) => (w - 1 - y, x), (x, y) => (y, w - 1 - x), (x, y) => (w - 1 - y, w - 1 - x),
        ];
        var correlations = orientations.Select(o => Correlation(samples.Select(s => (tile.ValueAtTopRow(o(s.Position.X, s.Position.Y)), s.Source)))).ToList();
        Assert.True(correlations[0] > 0.99, $"correlation {correlations[0]}");
        Assert.All(correlations.Skip(1), c => Assert.True(c < 0.9, $"another orientation correlates too: {c}"));
    }

    [Theory]
    [InlineData(3, 538L, 512)]
    [InlineData(0, 11L, 8)]
    [InlineData(20, 12345L, 256)]
    public void PixelIndex_ImageCorners_TouchTileVerticesSouthWestEastNorth(int order, long tile, int width)
    {
        var grid = new HipsTileGrid(order, tile, width);
        var tileCorners = new HealpixOrder(order).Corners(tile); // N, W, S, E
        var cells = new HealpixOrder(grid.PixelOrder);
        (int X, int Y, int Vertex)[] expected = [(0, 0, 2), (width - 1, 0, 1), (0, width - 1, 3), (width - 1, width - 1, 0)];
        foreach (var (x, y, vertex) in expected)
        {
            var cellCorners = cells.Corners(grid.PixelIndex(x, y));
            Assert.Contains(cellCorners, c => c.AngleTo(tileCorners[vertex]) < 1e-12);
        }
    }

    [Fact]
    public void CopyPixelIndices_WholeTile_MatchesPixelIndexAndCoversChildren()
    {
        var grid = new HipsTileGrid(4, 1000, 16);
        var all = new long[256];
        grid.CopyPixelIndices(all);
        for (int y = 0; y < 16; y++)
        {
            for (int x = 0; x < 16; x++)
            {
                Assert.Equal(grid.PixelIndex(x, y), all[(y * 16) + x]);
                Assert.Equal((x, y), grid.PixelPosition(all[(y * 16) + x]));
            }
        }
        Assert.Equal(Enumerable.Range(0, 256).Select(i => (1000L * 256) + i), all.Order());
    }

    [Theory]
    [InlineData(3, 768L, 512)]
    [InlineData(3, 0L, 500)]
    [InlineData(3, 0L, 0)]
    [InlineData(25, 0L, 32)]
    [InlineData(30, 0L, 1)]
    public void Constructor_InvalidTile_ThrowsArgumentOutOfRange(int order, long tile, int width) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new HipsTileGrid(order, tile, width));

    [Fact]
    public void PixelPosition_CellOfAnotherTile_ThrowsArgumentOutOfRange() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new HipsTileGrid(3, 5, 4).PixelPosition(6 * 16));

    private static double Correlation(IEnumerable<(double A, double B)> pairs)
    {
        var p = pairs.Where(x => !double.IsNaN(x.A)).ToList();
        if (p.Count < 30)
        {
            return 0.0; // the orientation puts the samples on blank pixels: no agreement
        }
        double ma = p.Average(x => x.A), mb = p.Average(x => x.B);
        double sab = p.Sum(x => (x.A - ma) * (x.B - mb)), saa = p.Sum(x => (x.A - ma) * (x.A - ma)), sbb = p.Sum(x => (x.B - mb) * (x.B - mb));
        return sab / Math.Sqrt(saa * sbb);
    }

    private static FitsTile ReadFitsTile(string archive, string member)
    {
        using var gz = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress);
        using var tar = new TarReader(gz);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.Name == member && entry.DataStream is not null)
            {
                using var buffer = new MemoryStream();
                entry.DataStream.CopyTo(buffer);
                return FitsTile.Parse(buffer.ToArray());
            }
        }
        throw new FileNotFoundException($"{member} not in {archive}");
    }

    /// <summary>Just enough FITS (primary HDU, BITPIX 16) to read a Hipsgen tile.</summary>
    private sealed record FitsTile(int Order, long Npix, int Width, short[] Data, double Blank)
    {
        public static FitsTile Parse(byte[] bytes)
        {
            var cards = new Dictionary<string, string>();
            int offset = 0;
            for (; ; offset += 80)
            {
                string card = System.Text.Encoding.ASCII.GetString(bytes, offset, 80);
                string key = card[..8].Trim();
                if (key == "END")
                {
                    break;
                }
                if (card.Length > 10 && card[8] == '=')
                {
                    cards[key] = card[10..].Split('/')[0].Trim();
                }
            }
            int dataStart = ((offset / 2880) + 1) * 2880;
            Assert.Equal("16", cards["BITPIX"]);
            int width = int.Parse(cards["NAXIS1"], CultureInfo.InvariantCulture);
            Assert.Equal(width, int.Parse(cards["NAXIS2"], CultureInfo.InvariantCulture));
            var data = new short[width * width];
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = BinaryPrimitives.ReadInt16BigEndian(bytes.AsSpan(dataStart + (2 * i), 2));
            }
            return new FitsTile(
                int.Parse(cards["ORDER"], CultureInfo.InvariantCulture), long.Parse(cards["NPIX"], CultureInfo.InvariantCulture),
                width, data, double.Parse(cards["BLANK"], CultureInfo.InvariantCulture));
        }

        /// <summary>Value at column x and row y counted from the top (FITS stores the bottom row first).</summary>
        public double ValueAtTopRow((int X, int Y) p)
        {
            short v = Data[((Width - 1 - p.Y) * Width) + p.X];
            return v == Blank ? double.NaN : v;
        }
    }
}
