namespace VoServices.Healpix.Tests;

public sealed class CornersTests
{
    [Theory]
    [MemberData(nameof(HealpyFixture.AllOrders), MemberType = typeof(HealpyFixture))]
    public void Corners_HealpyFixture_MatchBoundariesStep1(int order)
    {
        var grid = new HealpixOrder(order);
        foreach (var row in HealpyFixture.RowsAtOrder("corners.csv", order))
        {
            long nest = HealpyFixture.Long(row[1]);
            var corners = grid.Corners(nest);
            var ringCorners = grid.Corners(grid.NestToRing(nest), HealpixScheme.Ring);
            for (int i = 0; i < 4; i++)
            {
                var expected = new UnitVector(
                    HealpyFixture.Double(row[2 + (3 * i)]), HealpyFixture.Double(row[3 + (3 * i)]), HealpyFixture.Double(row[4 + (3 * i)]));
                // Order-29 pixels span ~2e-9 rad; 1e-14 rad tells their corners apart.
                Assert.True(corners[i].AngleTo(expected) < 1e-14, $"pixel {nest} corner {i}: {corners[i]} vs {expected}");
                Assert.Equal(corners[i], ringCorners[i]);
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(29)]
    public void Corners_AnyPixel_OrderedNorthWestSouthEast(int order)
    {
        var grid = new HealpixOrder(order);
        var random = new Random(order + 100);
        for (int i = 0; i < 100; i++)
        {
            long pix = (long)(random.NextDouble() * grid.NPix);
            var c = grid.Corners(pix);
            Assert.True(c[0].Z >= c[1].Z && c[0].Z >= c[3].Z && c[2].Z <= c[1].Z && c[2].Z <= c[3].Z);
            var centre = grid.PixToVec(pix);
            foreach (var corner in c)
            {
                Assert.True(centre.AngleTo(corner) <= grid.MaxPixelRadius * (1 + 1e-9));
            }
        }
    }
}
