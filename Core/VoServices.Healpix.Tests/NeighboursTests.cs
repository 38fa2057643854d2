namespace VoServices.Healpix.Tests;

public sealed class NeighboursTests
{
    [Theory]
    [MemberData(nameof(HealpyFixture.AllOrders), MemberType = typeof(HealpyFixture))]
    public void Neighbours_HealpyFixture_MatchesBothSchemes(int order)
    {
        var grid = new HealpixOrder(order);
        int rows = 0;
        foreach (var row in HealpyFixture.RowsAtOrder("neighbours.csv", order))
        {
            long nest = HealpyFixture.Long(row[1]), ring = HealpyFixture.Long(row[10]);
            var expectedNest = row.Skip(2).Take(8).Select(HealpyFixture.Long).ToArray();
            var expectedRing = row.Skip(11).Take(8).Select(HealpyFixture.Long).ToArray();
            Assert.Equal(expectedNest, grid.Neighbours(nest, HealpixScheme.Nested));
            Assert.Equal(expectedRing, grid.Neighbours(ring, HealpixScheme.Ring));
            rows++;
        }
        Assert.True(rows >= 12);
    }

    // Expected: healpy.get_all_neighbours(2**order, nest, nest=True). The south vertex of face 4 and the north
    // vertex of face 5 are 2 of the 8 points where only 3 base faces meet: S resp. N is missing.
    [Theory]
    [InlineData(0, 4L, new long[] { 11, 7, 3, -1, 0, 5, 8, -1 })]
    [InlineData(0, 5L, new long[] { 8, 4, 0, -1, 1, 6, 9, -1 })]
    [InlineData(1, 16L, new long[] { 45, 47, 18, 19, 17, 35, 34, -1 })]
    [InlineData(1, 23L, new long[] { 22, 0, 1, -1, 6, 4, 21, 20 })]
    [InlineData(4, 1024L, new long[] { 2901, 2903, 1026, 1027, 1025, 2219, 2218, -1 })]
    [InlineData(4, 1535L, new long[] { 1534, 84, 85, -1, 426, 424, 1533, 1532 })]
    public void Neighbours_WhereThreeFacesMeet_MissingIsMinusOne(int order, long nest, long[] expected) =>
        Assert.Equal(expected, new HealpixOrder(order).Neighbours(nest));

    [Theory]
    [InlineData(2)]
    [InlineData(9)]
    [InlineData(29)]
    public void Neighbours_EachNeighbour_ListsThePixelBack(int order)
    {
        var grid = new HealpixOrder(order);
        var random = new Random(order);
        Span<long> around = stackalloc long[8];
        for (int i = 0; i < 300; i++)
        {
            long pix = (long)(random.NextDouble() * grid.NPix);
            grid.Neighbours(pix, around);
            foreach (long n in around)
            {
                if (n >= 0)
                {
                    Assert.Contains(pix, grid.Neighbours(n));
                }
            }
        }
    }

    [Fact]
    public void Neighbours_ShortDestination_ThrowsArgument() =>
        Assert.Throws<ArgumentException>(() => new HealpixOrder(3).Neighbours(0, new long[7]));
}
