using System.Globalization;
using System.Text.Json;
using VoServices.Testing;

namespace VoServices.Dali.Tests;

public sealed class DaliNumberTests
{
    private static readonly double[] Tricky =
    [
        0.1, 0.2, 0.30000000000000004, 1.0 / 3, 2.0 / 3, Math.PI, Math.E, 1e-7, 1e21, 1e22, 123456789012345680,
        double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, 2.2250738585072014E-308,
        2.225073858507201E-308, 359.99999999999994, 89.99999999999999, -0.0, 0.0, 100, 1e15 + 0.3, 9007199254740993,
    ];

    public static TheoryData<double> TrickyValues() => [.. Tricky];

    [Theory]
    [MemberData(nameof(TrickyValues))]
    public void Format_ThenTryParse_SameBits(double value)
    {
        var text = DaliNumber.Format(value);
        Assert.True(DaliNumber.TryParse(text, out var back), text);
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(back));
    }

    [Fact]
    public void Format_RandomDoubles_RoundTripsExactly()
    {
        var random = new Random(20261121);
        for (var i = 0; i < 20000; i++)
        {
            var value = BitConverter.Int64BitsToDouble(random.NextInt64());
            if (!double.IsFinite(value))
            {
                continue;
            }
            Assert.True(DaliNumber.TryParse(DaliNumber.Format(value), out var back));
            Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(back));
        }
    }

    [Theory]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(0.5, "0.5")]
    [InlineData(-1234.5, "-1234.5")]
    [InlineData(1e21, "1E+21")]
    public void Format_Value_WritesVoTableSpelling(double value, string expected)
    {
        Assert.Equal(expected, DaliNumber.Format(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("1,5")]
    [InlineData("1_000")]
    [InlineData("0x1F")]
    [InlineData("1e999")]
    [InlineData("-1e999")]
    [InlineData("++1")]
    [InlineData("∞")]
    public void TryParse_NotANumber_False(string? text)
    {
        Assert.False(DaliNumber.TryParse(text, out _));
    }

    [Fact]
    public void FormatAndParse_UnderCommaDecimalCulture_UseInvariantCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CommaDecimalCulture();
            Assert.Equal("0,5", 0.5.ToString(CultureInfo.CurrentCulture)); // the culture really is hostile
            Assert.Equal("0.5 -1.25", new DaliPoint(0.5, -1.25).ToString());
            Assert.Equal("-Inf 1.5", DaliInterval.Parse("-Inf 1.5").ToString());
            Assert.Equal(new DaliCircle(10.5, 20.25, 0.5), DaliCircle.Parse("10.5 20.25 0.5"));
            Assert.Throws<DaliFormatException>(() => DaliPoint.Parse("10,5 20"));
            Assert.Equal("2020-01-02T03:04:05.5", DaliTimestamp.Format(new DateTime(2020, 1, 2, 3, 4, 5, 500, DateTimeKind.Utc)));
            var p = new DaliParameters([new("X", "2.5"), new("MAXREC", "1000")]);
            Assert.Equal(2.5, p.GetDouble("X"));
            Assert.Equal(1000, p.GetMaxRec());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [SkippableFact]
    public void Format_ReadByPython_SameBits()
    {
        // Python's float() (what astropy and pyvo use for TABLEDATA numbers) must read our text to the same double.
        SharedData.Require(File.Exists("/usr/bin/python3"), "/usr/bin/python3 is not installed");
        var random = new Random(7);
        var values = Tricky.Concat(Enumerable.Range(0, 500).Select(_ => BitConverter.Int64BitsToDouble(random.NextInt64())))
            .Where(double.IsFinite).Append(double.PositiveInfinity).Append(double.NegativeInfinity).ToArray();
        var input = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(input, values.Select(DaliNumber.Format));
            const string script = "import json,struct,sys\n"
                + "print(json.dumps([struct.unpack('<q', struct.pack('<d', float(l)))[0] for l in open(sys.argv[1]).read().split()]))";
            var (rc, stdout, stderr) = SharedData.Run("/usr/bin/python3", ["-c", script, input]);
            Assert.True(rc == 0, stderr);
            var bits = JsonSerializer.Deserialize<long[]>(stdout)!;
            Assert.Equal(values.Select(BitConverter.DoubleToInt64Bits), bits);
        }
        finally
        {
            File.Delete(input);
        }
    }

    /// <summary>
    /// fr-FR when the runtime has culture data; with InvariantGlobalization (Directory.Build.props) only the
    /// invariant culture exists, so build one with the same decimal and group separators.
    /// </summary>
    private static CultureInfo CommaDecimalCulture()
    {
        try
        {
            return CultureInfo.GetCultureInfo("fr-FR");
        }
        catch (CultureNotFoundException)
        {
            var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            culture.NumberFormat.NumberDecimalSeparator = ",";
            culture.NumberFormat.NumberGroupSeparator = "\u202F";
            return culture;
        }
    }
}
