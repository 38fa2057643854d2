using Microsoft.Data.Sqlite;
using VoServices.Sphere;
using VoServices.Storage.Sqlite.Adql;

namespace VoServices.Storage.Sqlite.Tests.Adql;

/// <summary>The C# functions registered on SQLite connections (numeric semantics, geometry, HEALPix), on an in-memory database.</summary>
public sealed class SqliteAdqlFunctionsTests : IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");

    public SqliteAdqlFunctionsTests()
    {
        connection.Open();
        SqliteAdqlFunctions.Register(connection);
    }

    public void Dispose() => connection.Dispose();

    private object? Scalar(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    // Expected: Python decimal on the value's 15-significant-digit form, ROUND_HALF_UP / ROUND_DOWN (what PostgreSQL's
    // round/trunc(numeric) do after CAST(double AS numeric)):
    //   Decimal(format(x, '.15g')).quantize(Decimal(1).scaleb(-n), rounding=ROUND_HALF_UP)
    [Theory]
    [InlineData(2.5, 0, 3.0, 2.0)]
    [InlineData(-2.5, 0, -3.0, -2.0)]
    [InlineData(0.5, 0, 1.0, 0.0)]
    [InlineData(-0.5, 0, -1.0, 0.0)]
    [InlineData(1.45, 1, 1.5, 1.4)]
    [InlineData(-1.45, 1, -1.5, -1.4)]
    [InlineData(2.675, 2, 2.68, 2.67)]
    [InlineData(0.125, 2, 0.13, 0.12)]
    [InlineData(1234.5678, -2, 1200.0, 1200.0)]
    [InlineData(-1250, -2, -1300.0, -1200.0)]
    [InlineData(1e-20, 3, 0.0, 0.0)]
    [InlineData(123456789.123456789, 4, 123456789.1235, 123456789.1234)]
    public void RoundAndTruncate_DecimalValue_HalfAwayFromZeroAndTowardZero(double x, int digits, double rounded, double truncated)
    {
        var sql = FormattableString.Invariant($"SELECT adql_round({x:R}, {digits}), adql_truncate({x:R}, {digits})");
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal((rounded, truncated), (reader.GetDouble(0), reader.GetDouble(1)));
    }

    [Theory]
    [InlineData("SELECT 'ab' LIKE 'AB'", 0L)]
    [InlineData("SELECT 'ab' LIKE 'a_'", 1L)]
    [InlineData("SELECT adql_text(0.1 + 0.2)", "0.30000000000000004")]
    [InlineData("SELECT adql_text(1e-05)", "1e-05")]
    [InlineData("SELECT adql_round(NULL, 1)", null)]
    [InlineData("SELECT adql_healpix_index(12, 83.8221, -5.3911)", 87816852L)]
    [InlineData("SELECT adql_healpix_index(12, 359.9999, -89.9)", 184549440L)]
    [InlineData("SELECT adql_contains_point(10, 20, adql_circle(10, 21, 1))", 1L)]
    [InlineData("SELECT adql_contains_point(10, 20, adql_circle(10, 21.0001, 1))", 0L)]
    [InlineData("SELECT adql_contains(adql_point(359.5, 0), adql_polygon(359, -1, 1, -1, 1, 1, 359, 1))", 1L)]
    [InlineData("SELECT adql_contains(adql_point(180, 0), adql_polygon(359, 1, 1, 1, 1, -1, 359, -1))", 0L)]
    [InlineData("SELECT adql_intersects(adql_circle(0, 0, 1), adql_circle(1.9, 0, 1))", 1L)]
    [InlineData("SELECT adql_dali(1, 2.5, 1e-9)", "1 2.5 1E-09")]
    [InlineData("SELECT adql_dali(1, NULL)", null)]
    [InlineData("SELECT adql_dali_of(adql_centroid(adql_circle(370, 10, 1)))", "10 10")]
    [InlineData("SELECT adql_coord1(adql_point(-10, 5))", 350.0)]
    [InlineData("SELECT adql_point(NULL, 1)", null)]
    [InlineData("SELECT adql_dali_of(adql_dali_geometry('circle', '10 20 0.5'))", "10 20 0.5")]
    public void Functions_Values_FollowAdqlSemantics(string sql, object? expected) => Assert.Equal(expected, Scalar(sql));

    [Fact]
    public void Distance_MatchesSphere()
    {
        var expected = SkyDistance.Degrees(new SkyPoint(359.9, -0.2), new SkyPoint(0.05, 0.1));
        Assert.Equal(expected, (double)Scalar("SELECT adql_distance(359.9, -0.2, 0.05, 0.1)")!);
        Assert.Equal(expected, (double)Scalar("SELECT adql_distance_of(adql_point(359.9, -0.2), adql_point(0.05, 0.1))")!);
    }

    [Fact]
    public void Area_OfBoxAndPolygon_MatchesSphere()
    {
        Assert.Equal(new SkyBox(0, 80, 10, 5).Area, (double)Scalar("SELECT adql_area(adql_box(0, 80, 10, 5))")!);
        Assert.Equal(SkyPolygon.FromCoordinates(0, 0, 10, 0, 5, 8).Area, (double)Scalar("SELECT adql_area(adql_polygon(0, 0, 10, 0, 5, 8))")!);
    }

    [Theory]
    [InlineData("SELECT adql_point(10, 95)")]
    [InlineData("SELECT adql_circle(10, 20, -1)")]
    [InlineData("SELECT adql_polygon(0, 0, 1, 1)")]
    [InlineData("SELECT adql_area(X'09')")]
    [InlineData("SELECT adql_coord1(adql_circle(1, 2, 3))")]
    public void Functions_InvalidGeometry_FailTheStatementWithTheReason(string sql)
    {
        var error = Assert.Throws<SqliteException>(() => Scalar(sql));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Register_ClosedConnection_Throws()
    {
        using var closed = new SqliteConnection("Data Source=:memory:");
        Assert.Throws<InvalidOperationException>(() => SqliteAdqlFunctions.Register(closed));
    }

    [Theory]
    [InlineData(0.0, 0.0, 79691776L)]
    [InlineData(83.8221, -5.3911, 87816852L)]
    [InlineData(10.6847, 41.2687, 11096330L)]
    [InlineData(180.0, 90.0, 50331647L)]
    public void HealpixColumn_Compute_IsHealpyNestedOrder12(double ra, double dec, long expected) =>
        // healpy 1.16: hp.ang2pix(2**12, ra, dec, nest=True, lonlat=True)
        Assert.Equal(expected, SqliteHealpixIndex.Compute(ra, dec));

    [Theory]
    [InlineData(double.NaN, 0.0)]
    [InlineData(10.0, 90.5)]
    [InlineData(double.PositiveInfinity, 0.0)]
    public void HealpixColumn_Compute_NoCellForInvalidPositions(double ra, double dec) =>
        Assert.Null(SqliteHealpixIndex.Compute(ra, dec));
}
