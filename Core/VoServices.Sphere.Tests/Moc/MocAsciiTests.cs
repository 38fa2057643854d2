using VoServices.Sphere.Moc;

namespace VoServices.Sphere.Tests.Moc;

public sealed class MocAsciiTests
{
    // Input and canonical output from pg_sphere's regression test expected/moc.out (postgrespro/pgsphere): pg_sphere
    // writes the MOC 1.1 comma form, so its commas are spaces here (MOC 2.0 §4.3.2). Only cases whose declared order
    // equals the deepest cell are listed: pg_sphere drops the trailing "order/" that MOC 2.0 keeps.
    [Theory]
    [InlineData("0/0,1,2,3,7", "0/0-3 7")]
    [InlineData("0/0-3,7", "0/0-3 7")]
    [InlineData("1/0,3-42", "0/1-9 1/0 3 40-42")]
    [InlineData("29/3-42", "27/1 28/1-3 8-9 29/3 40-42")]
    [InlineData("24/1 11/1 29/1,3 2/22-33", "1/6-7 2/22-23 32-33 11/1 24/1 29/1 3")]
    [InlineData("5/1-127,999-1103", "2/1 16 3/1-3 63 68 4/1-3 250-251 5/1-3 999")]
    [InlineData("28/1101-1103", "28/1101-1103")]
    [InlineData("0/0-11", "0/0-11")]
    public void Write_PgSphereRegressionInput_GivesCanonicalForm(string input, string expected)
    {
        Assert.Equal(expected, MocAscii.Parse(input).ToString());
    }

    // pg_sphere: '29/32-63' → '27/2-3', '5/1024-1103' → '2/16 3/68'; MOC 2.0 keeps the declared order as "N/".
    [Theory]
    [InlineData("29/32-63", "27/2-3 29/")]
    [InlineData("29/64-127", "26/1 29/")]
    [InlineData("5/1024-1103", "2/16 3/68 5/")]
    public void Write_CellsMergedAboveDeclaredOrder_KeepsTrailingOrder(string input, string expected)
    {
        Assert.Equal(expected, MocAscii.Parse(input).ToString());
    }

    [Fact]
    public void Parse_SpecificationExample_ReadsCellsAndOrder()
    {
        // MOC 2.0 §4.3.2: "1/1 2 4 2/12-14 21 23 25 8/": cells of orders 1 and 2, MOC order 8.
        var moc = MocAscii.Parse("1/1 2 4 2/12-14 21 23 25 8/");
        Assert.Equal(8, moc.Order);
        Assert.Equal(
            [new MocCell(1, 1), new MocCell(1, 2), new MocCell(1, 4), new MocCell(2, 12), new MocCell(2, 13),
             new MocCell(2, 14), new MocCell(2, 21), new MocCell(2, 23), new MocCell(2, 25)],
            moc.Cells());
        Assert.Equal("1/1-2 4 2/12-14 21 23 25 8/", moc.ToString());
    }

    [Theory]
    [InlineData("", "0/")]
    [InlineData("0/", "0/")]
    [InlineData("7/", "7/")]
    [InlineData("s3/1 2", "3/1-2")]
    [InlineData("3/2 1\n 3/1,0", "3/0-2")]
    [InlineData("0/1 1/4-7", "0/1 1/")]
    public void Parse_EdgeForms_AreAccepted(string input, string expected)
    {
        Assert.Equal(expected, MocAscii.Parse(input).ToString());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1/")]
    [InlineData("30/")]
    [InlineData("0/12")]
    [InlineData("1/10-3")]
    [InlineData("5")]
    [InlineData("t61/1")]
    [InlineData("3/1-x")]
    public void Parse_MalformedText_ThrowsMocFormatException(string input)
    {
        Assert.Throws<MocFormatException>(() => MocAscii.Parse(input));
    }

    [Fact]
    public void Parse_HugeRangeAtOrder29_DoesNotEnumerateCells()
    {
        var moc = MocAscii.Parse("29/0-288230376151711743");
        Assert.Equal("0/0 29/", moc.ToString());
    }
}
