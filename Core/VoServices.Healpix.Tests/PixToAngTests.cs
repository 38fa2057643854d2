namespace VoServices.Healpix.Tests;

public sealed class PixToAngTests
{
    // Order-29 pixels are ~2e-8 degrees wide: 1e-10 degrees still tells neighbours apart.
    private const double ToleranceDeg = 1e-10;

    [Theory]
    [MemberData(nameof(HealpyFixture.AllOrders), MemberType = typeof(HealpyFixture))]
    public void PixToAng_HealpyFixture_MatchesBothSchemes(int order)
    {
        var grid = new HealpixOrder(order);
        foreach (var row in HealpyFixture.RowsAtOrder("pixels.csv", order))
        {
            long nest = HealpyFixture.Long(row[1]), ring = HealpyFixture.Long(row[2]);
            var expected = new LonLat(HealpyFixture.Double(row[3]), HealpyFixture.Double(row[4]));
            AssertClose(expected, grid.PixToAng(nest, HealpixScheme.Nested), $"nest {nest}");
            AssertClose(expected, grid.PixToAng(ring, HealpixScheme.Ring), $"ring {ring}");
            var v = grid.PixToVec(nest);
            var e = expected.ToVector();
            Assert.True(v.AngleTo(e) < 1e-14, $"pix2vec nest {nest}: {v} vs {e}");
            Assert.Equal(1.0, v.Length, 14);
        }
    }

    [Fact]
    public void PixToAng_Order0_FaceCentres()
    {
        // Górski et al. 2005 Fig. 3: base pixels 0–3 centred at z = 2/3, 4–7 on the equator, 8–11 at z = −2/3.
        var grid = new HealpixOrder(0);
        double zLat = Math.Asin(2.0 / 3.0) * 180.0 / Math.PI;
        for (int face = 0; face < 12; face++)
        {
            var c = grid.PixToAng(face);
            int row = face / 4;
            Assert.Equal(row == 0 ? zLat : row == 1 ? 0.0 : -zLat, c.Lat, 12);
            Assert.Equal(((face % 4) * 90.0) + (row == 1 ? 0.0 : 45.0), c.Lon, 12);
        }
    }

    private static void AssertClose(LonLat expected, LonLat actual, string what)
    {
        double dLon = Math.Abs(expected.Lon - actual.Lon);
        dLon = Math.Min(dLon, 360.0 - dLon);
        Assert.True(Math.Abs(expected.Lat - actual.Lat) < ToleranceDeg && dLon < ToleranceDeg,
            $"{what}: expected {expected}, got {actual}");
    }
}
