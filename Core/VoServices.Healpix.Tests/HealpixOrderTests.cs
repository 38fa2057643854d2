namespace VoServices.Healpix.Tests;

public sealed class HealpixOrderTests
{
    [Theory]
    [InlineData(-1)]
    [InlineData(30)]
    public void Constructor_OrderOutOfRange_Throws(int order) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new HealpixOrder(order));

    [Theory]
    [InlineData(0, 1L, 12L)]
    [InlineData(6, 64L, 49152L)]
    [InlineData(29, 536870912L, 3458764513820540928L)]
    public void Properties_Order_NsideAndNPix(int order, long nside, long npix)
    {
        var grid = new HealpixOrder(order);
        Assert.Equal(nside, grid.Nside);
        Assert.Equal(npix, grid.NPix);
        Assert.Equal(4 * Math.PI / npix, grid.PixelAreaSr, 15);
    }

    // Expected: healpy.max_pixrad(2**order) (healpy 1.16.1).
    [Theory]
    [InlineData(0, 0.8410686705679302)]
    [InlineData(3, 0.13042543553450464)]
    [InlineData(10, 0.0010437213083341575)]
    [InlineData(29, 1.9911098427693513e-09)]
    public void MaxPixelRadius_Order_MatchesHealpy(int order, double expected) =>
        Assert.Equal(expected, new HealpixOrder(order).MaxPixelRadius, expected * 1e-12);

    [Theory]
    [InlineData(1L, 0)]
    [InlineData(1024L, 10)]
    [InlineData(536870912L, 29)]
    public void FromNside_PowerOfTwo_ReturnsOrder(long nside, int order) =>
        Assert.Equal(order, HealpixOrder.FromNside(nside).Order);

    [Theory]
    [InlineData(0L)]
    [InlineData(3L)]
    [InlineData(1073741824L)]
    public void FromNside_NotSupported_Throws(long nside) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HealpixOrder.FromNside(nside));

    [Theory]
    [MemberData(nameof(HealpyFixture.AllOrders), MemberType = typeof(HealpyFixture))]
    public void NestToRing_HealpyFixture_MatchesBothWays(int order)
    {
        var grid = new HealpixOrder(order);
        int rows = 0;
        foreach (var row in HealpyFixture.RowsAtOrder("pixels.csv", order))
        {
            long nest = HealpyFixture.Long(row[1]), ring = HealpyFixture.Long(row[2]);
            Assert.Equal(ring, grid.NestToRing(nest));
            Assert.Equal(nest, grid.RingToNest(ring));
            Assert.Equal(ring, grid.Convert(nest, HealpixScheme.Nested, HealpixScheme.Ring));
            rows++;
        }
        Assert.True(rows > 10);
    }

    [Theory]
    [InlineData(0, -1L)]
    [InlineData(0, 12L)]
    [InlineData(29, 3458764513820540928L)]
    public void NestToRing_PixelOutOfRange_Throws(int order, long ipix)
    {
        var grid = new HealpixOrder(order);
        Assert.Throws<ArgumentOutOfRangeException>(() => grid.NestToRing(ipix));
        Assert.Throws<ArgumentOutOfRangeException>(() => grid.RingToNest(ipix));
        Assert.Throws<ArgumentOutOfRangeException>(() => grid.PixToAng(ipix));
        Assert.Throws<ArgumentOutOfRangeException>(() => grid.Neighbours(ipix, HealpixScheme.Ring));
        Assert.Throws<ArgumentOutOfRangeException>(() => grid.Corners(ipix));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void NestToRing_AllPixelsLowOrder_IsABijection(int order)
    {
        var grid = new HealpixOrder(order);
        var seen = new HashSet<long>();
        for (long nest = 0; nest < grid.NPix; nest++)
        {
            long ring = grid.NestToRing(nest);
            Assert.True(seen.Add(ring));
            Assert.Equal(nest, grid.RingToNest(ring));
        }
    }
}
