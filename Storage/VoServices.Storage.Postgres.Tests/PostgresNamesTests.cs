namespace VoServices.Storage.Postgres.Tests;

/// <summary>ADQL name ↔ PostgreSQL identifier mapping (unit tier: no database).</summary>
public sealed class PostgresNamesTests
{
    [Theory]
    [InlineData("tycho2.main", "\"tycho2\".\"main\"")]
    [InlineData("TAP_SCHEMA.columns", "\"TAP_SCHEMA\".\"columns\"")]
    [InlineData("\"my.schema\".\"Main Table\"", "\"my.schema\".\"Main Table\"")]
    [InlineData("s.\"a\"\"b\"", "\"s\".\"a\"\"b\"")]
    public void Table_QualifiedAdqlName_QuotesEachPart(string adql, string expected) =>
        Assert.Equal(expected, PostgresNames.Table(adql));

    [Theory]
    [InlineData("main")]
    [InlineData("a.b.c")]
    [InlineData("a.")]
    [InlineData(".b")]
    [InlineData("\"a.b")]
    [InlineData("\"a\"x.b")]
    [InlineData("\"\".b")]
    public void Table_NotSchemaDotTable_ThrowsArgumentException(string adql) =>
        Assert.Throws<ArgumentException>(() => PostgresNames.Table(adql));

    [Theory]
    [InlineData("ra", "\"ra\"")]
    [InlineData("\"size\"", "\"size\"")]
    [InlineData("\"Odd\"\"Name\"", "\"Odd\"\"Name\"")]
    public void Column_AdqlName_IsQuotedPhysicalName(string adql, string expected) =>
        Assert.Equal(expected, PostgresNames.Column(adql));

    [Fact]
    public void Quote_LongerThan63Bytes_ThrowsInsteadOfTruncating()
    {
        Assert.Equal(65, PostgresNames.Quote(new string('a', 63)).Length);
        Assert.Throws<ArgumentException>(() => PostgresNames.Quote(new string('a', 64)));
        Assert.Throws<ArgumentException>(() => PostgresNames.Quote(new string('é', 32))); // 64 UTF-8 bytes
        Assert.Throws<ArgumentException>(() => PostgresNames.Quote("a\0b"));
        Assert.Throws<ArgumentException>(() => PostgresNames.Quote(""));
    }

    [Fact]
    public void Literal_Quote_IsDoubled() => Assert.Equal("'it''s'", PostgresNames.Literal("it's"));

    [Fact]
    public void Derived_Short_IsBaseHashSuffix() => Assert.Equal("main#ra", PostgresNames.Derived("main", "ra"));

    [Fact]
    public void Derived_TooLong_FitsIn63BytesAndStaysDistinct()
    {
        var a = PostgresNames.Derived(new string('t', 60), "column_a");
        var b = PostgresNames.Derived(new string('t', 60), "column_b");

        Assert.Equal((63, 63), (a.Length, b.Length));
        Assert.NotEqual(a, b);
        Assert.Matches("^t+#[0-9a-f]{16}$", a);
    }

    [Fact]
    public void Hash_IsFnv1a64()
    {
        // FNV-1a 64 test vectors (Fowler/Noll/Vo reference: "" → cbf29ce484222325, "a" → af63dc4c8601ec8c).
        Assert.Equal(unchecked((long)0xcbf29ce484222325UL), PostgresNames.Hash(""));
        Assert.Equal(unchecked((long)0xaf63dc4c8601ec8cUL), PostgresNames.Hash("a"));
        Assert.Equal(unchecked((long)0x85944171f73967e8UL), PostgresNames.Hash("foobar"));
    }
}
