namespace VoServices.Healpix.Tests;

public sealed class AngToPixTests
{
    [Theory]
    [MemberData(nameof(HealpyFixture.AllOrders), MemberType = typeof(HealpyFixture))]
    public void AngToPix_HealpyFixture_MatchesBothSchemes(int order)
    {
        var grid = new HealpixOrder(order);
        var failures = new List<string>();
        int rows = 0;
        foreach (var row in HealpyFixture.RowsAtOrder("ang2pix.csv", order))
        {
            double lon = HealpyFixture.Double(row[1]), lat = HealpyFixture.Double(row[2]);
            long nest = grid.AngToPix(lon, lat, HealpixScheme.Nested), ring = grid.AngToPix(lon, lat, HealpixScheme.Ring);
            if (nest != HealpyFixture.Long(row[3]) || ring != HealpyFixture.Long(row[4]))
            {
                failures.Add($"({row[1]}, {row[2]}): nest {nest} vs {row[3]}, ring {ring} vs {row[4]}");
            }
            rows++;
        }
        Assert.True(rows >= 40);
        Assert.Empty(failures);
    }

    [Theory]
    [MemberData(nameof(HealpyFixture.AllOrders), MemberType = typeof(HealpyFixture))]
    public void VecToPix_HealpyFixture_MatchesBothSchemes(int order)
    {
        var grid = new HealpixOrder(order);
        foreach (var row in HealpyFixture.RowsAtOrder("vec2pix.csv", order))
        {
            var v = new UnitVector(HealpyFixture.Double(row[1]), HealpyFixture.Double(row[2]), HealpyFixture.Double(row[3]));
            Assert.Equal(HealpyFixture.Long(row[4]), grid.VecToPix(v, HealpixScheme.Nested));
            Assert.Equal(HealpyFixture.Long(row[5]), grid.VecToPix(v, HealpixScheme.Ring));
        }
    }

    [Theory]
    [MemberData(nameof(HealpyFixture.AllOrders), MemberType = typeof(HealpyFixture))]
    public void AngToPix_PixelCentre_ReturnsSamePixel(int order)
    {
        var grid = new HealpixOrder(order);
        var random = new Random(order);
        for (int i = 0; i < 200; i++)
        {
            long pix = (long)(random.NextDouble() * grid.NPix);
            foreach (var scheme in new[] { HealpixScheme.Nested, HealpixScheme.Ring })
            {
                Assert.Equal(pix, grid.AngToPix(grid.PixToAng(pix, scheme), scheme));
                Assert.Equal(pix, grid.VecToPix(grid.PixToVec(pix, scheme), scheme));
            }
        }
    }

    [Theory]
    [InlineData(0.0, 90.000001)]
    [InlineData(0.0, -91.0)]
    [InlineData(double.NaN, 0.0)]
    [InlineData(double.PositiveInfinity, 0.0)]
    [InlineData(0.0, double.NaN)]
    public void AngToPix_InvalidPosition_ThrowsArgumentOutOfRange(double lon, double lat) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new HealpixOrder(5).AngToPix(lon, lat));

    [Fact]
    public void VecToPix_ZeroVector_ThrowsArgument() =>
        Assert.Throws<ArgumentException>(() => new HealpixOrder(5).VecToPix(new UnitVector(0, 0, 0)));
}
