using VoServices.Sphere.Moc;

namespace VoServices.Sphere.Tests.Moc;

public sealed class SkyMocTests
{
    // Set operations from pg_sphere's regression test expected/moc.out (smoc_union, smoc_intersection, smoc_round).
    [Theory]
    [InlineData("1/1,4-6", "1/3-5 2/8", "1/1 3-6 2/8")]
    [InlineData("1/1", "1/2", "1/1-2")]
    [InlineData("0/1 0/2", "0/4", "0/1-2 4")]
    public void Union_PgSphereCases_MatchPgSphere(string a, string b, string expected)
    {
        Assert.Equal(expected, MocAscii.Parse(a).Union(MocAscii.Parse(b)).ToString());
    }

    [Theory]
    [InlineData("1/1,4-6", "1/3-5 2/8", "1/4-5 2/")]
    [InlineData("0/1", "1/3,5,7,9", "1/5 7")]
    [InlineData("1/9,11,13,15", "0/1,2", "1/9 11")]
    [InlineData("0/1-4", "0/2-5", "0/2-4")]
    public void Intersection_PgSphereCases_MatchPgSphere(string a, string b, string expected)
    {
        Assert.Equal(expected, MocAscii.Parse(a).Intersection(MocAscii.Parse(b)).ToString());
    }

    [Theory]
    [InlineData(6, "7/1,3,5,9", "6/0-2")]
    [InlineData(5, "7/1,3,5,9", "5/0")]
    [InlineData(0, "1/0", "0/0")]
    [InlineData(0, "1/47", "0/11")]
    public void Degrade_PgSphereSmocRound_MatchesPgSphere(int order, string input, string expected)
    {
        Assert.Equal(expected, MocAscii.Parse(input).Degrade(order).ToString());
    }

    [Fact]
    public void Complement_TwiceAndWithUnion_GivesOriginalAndFullSky()
    {
        var moc = MocAscii.Parse("2/5 3/100-130 9/");
        Assert.Equal(moc, moc.Complement().Complement());
        Assert.Equal(SkyMoc.FullSky(9), moc.Union(moc.Complement()));
        Assert.True(moc.Intersection(moc.Complement()).IsEmpty);
        Assert.Equal(1.0, moc.SkyFraction + moc.Complement().SkyFraction, 15);
    }

    [Fact]
    public void Difference_OverlappingMocs_RemovesSharedCells()
    {
        var a = MocAscii.Parse("1/0-7");
        var b = MocAscii.Parse("1/4-11");
        Assert.Equal("0/0 1/", a.Difference(b).ToString());
        Assert.True(a.Intersects(b));
        Assert.False(a.Difference(b).Intersects(b));
        Assert.True(a.Contains(a.Difference(b)));
        Assert.False(a.Difference(b).Contains(a));
    }

    [Theory]
    [InlineData(0, 0L, 4L)]
    [InlineData(0, 11L, 15L)]
    [InlineData(1, 0L, 16L)]
    [InlineData(13, 12L * (1L << 26) - 1, (1L << 30) - 1)]
    [InlineData(29, 0L, 4L << 58)]
    [InlineData(29, 12L * (1L << 58) - 1, (16L << 58) - 1)]
    public void Uniq_OrderAndIndex_PacksAsFourTimesFourToTheOrderPlusIndex(int order, long index, long uniq)
    {
        var cell = new MocCell(order, index);
        Assert.Equal(uniq, cell.Uniq);
        Assert.Equal(cell, MocCell.FromUniq(uniq));
    }

    [Fact]
    public void SkyFraction_OneBaseCell_IsOneTwelfth()
    {
        var moc = MocAscii.Parse("0/3");
        Assert.Equal(1.0 / 12, moc.SkyFraction, 15);
        Assert.Equal(SquareDegrees.FullSky / 12, moc.Area, 9);
    }

    [Fact]
    public void FromCells_CellDeeperThanOrder_Throws()
    {
        Assert.Throws<MocFormatException>(() => SkyMoc.FromCells(3, [new MocCell(4, 0)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => SkyMoc.Empty(30));
        Assert.Throws<MocFormatException>(() => MocCell.FromUniq(3));
    }

    [Fact]
    public void FromRanges_RangesAtOrder_AreRelabelledToOrder29()
    {
        var moc = SkyMoc.FromRanges(3, [new MocRange(0, 4), new MocRange(10, 12)]);
        Assert.Equal("2/0 3/10-11", moc.ToString());
        Assert.True(moc.ContainsIndex((10L << 52) + 5));
        Assert.False(moc.ContainsIndex(12L << 52));
    }
}
