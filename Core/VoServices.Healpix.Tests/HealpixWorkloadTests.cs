namespace VoServices.Healpix.Tests;

public sealed class HealpixWorkloadTests
{
    [Fact]
    public void SamplePositions_SameSeed_SamePositionsOnTheSphere()
    {
        var a = HealpixWorkload.SamplePositions(1000, 7);
        Assert.Equal(a, HealpixWorkload.SamplePositions(1000, 7));
        Assert.All(a, p => Assert.True(p.Lon is >= 0 and < 360 && p.Lat is >= -90 and <= 90));
        // Uniform on the sphere: about a third of the points have |sin lat| > 2/3 (the polar caps hold 1/3 of the area).
        Assert.InRange(a.Count(p => Math.Abs(Math.Sin(p.Lat * Math.PI / 180)) > 2.0 / 3.0), 280, 390);
    }

    [Fact]
    public void Checksums_SmallBatch_EqualDirectCalls()
    {
        var grid = new HealpixOrder(12);
        var points = HealpixWorkload.SamplePositions(50, 1);
        Assert.Equal(points.Sum(p => grid.AngToPix(p, HealpixScheme.Ring)), HealpixWorkload.AngToPix(grid, HealpixScheme.Ring, points));
        long step = grid.NPix / 10;
        Assert.Equal(Enumerable.Range(0, 10).Sum(i => grid.NestToRing(i * step) + (i * step)), HealpixWorkload.NestRingRoundTrip(grid, 10));
        Assert.Equal(Enumerable.Range(0, 10).Sum(i => grid.Neighbours(i * step).Sum()), HealpixWorkload.Neighbours(grid, 10));
        Assert.NotEqual(0, HealpixWorkload.PixToVec(grid, HealpixScheme.Nested, 10));
        long discPixels = HealpixWorkload.QueryDisc(grid, new LonLat(10, 10), 1.0, inclusive: false);
        Assert.InRange(discPixels, 0.98 * Math.PI * Math.Pow(Math.PI / 180, 2) / grid.PixelAreaSr, 1.02 * Math.PI * Math.Pow(Math.PI / 180, 2) / grid.PixelAreaSr);
    }
}
