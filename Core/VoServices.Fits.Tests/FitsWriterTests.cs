using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using VoServices.Testing;

namespace VoServices.Fits.Tests;

/// <summary>
/// The writer: every BITPIX, scaling, MEF with a binary table, long strings, checksums; each file checked by
/// fitsverify (0 warnings, 0 errors), read back by this library and, for independence, by astropy.
/// </summary>
public sealed class FitsWriterTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("voservices-fits-writer-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    public static TheoryData<string> PixelTypes => new() { "byte", "short", "int", "long", "float", "double", "sbyte", "ushort", "uint" };

    [SkippableTheory]
    [MemberData(nameof(PixelTypes))]
    public void WriteImage_EveryPixelType_PassesFitsverifyAndReadsBack(string type)
    {
        var (bitpix, expected, path) = type switch
        {
            "byte" => Write<byte>(8, [0, 1, 127, 128, 255]),
            "short" => Write<short>(16, [short.MinValue, -1, 0, 1, short.MaxValue]),
            "int" => Write<int>(32, [int.MinValue, -1, 0, 1, int.MaxValue]),
            "long" => Write<long>(64, [-(1L << 53), -1, 0, 1, 1L << 53]),
            "float" => Write<float>(-32, [float.MinValue, -1.5f, float.NaN, float.Epsilon, float.MaxValue]),
            "double" => Write<double>(-64, [double.MinValue, -1.5, double.NaN, double.Epsilon, double.MaxValue]),
            "sbyte" => Write<sbyte>(8, [sbyte.MinValue, -1, 0, 1, sbyte.MaxValue]),
            "ushort" => Write<ushort>(16, [0, 1, 32767, 32768, ushort.MaxValue]),
            _ => Write<uint>(32, [0, 1, int.MaxValue, 1u << 31, uint.MaxValue]),
        };

        AssertFitsverifyClean(path);
        using var fits = FitsFile.Open(path);
        var image = fits[0].AsImage();
        Assert.Equal(bitpix, image.Bitpix);
        Assert.Equal([5, 7], image.Naxis);
        Assert.Equal(expected, image.ReadPlane());
        Assert.True(fits[0].VerifyChecksum().IsValid);
    }

    [SkippableFact]
    public void WriteImage_UnsignedAndOffsetTypes_AstropyReadsTheSameValues()
    {
        var path = Path.Combine(folder, "unsigned.fits");
        using (var writer = new FitsWriter(File.Create(path)))
        {
            writer.WriteImage<ushort>([0, 1, 32768, 65535], [4, 1]);
            writer.WriteImage<uint>([0, 1, 1u << 31, uint.MaxValue], [4, 1]);
            writer.WriteImage<sbyte>([-128, -1, 0, 127], [4, 1]);
        }

        var json = Astropy(path, "[[float(v) for v in h.data.ravel()] for h in hdul]");

        Assert.Equal("[[0.0, 1.0, 32768.0, 65535.0], [0.0, 1.0, 2147483648.0, 4294967295.0], [-128.0, -1.0, 0.0, 127.0]]",
            json);
        AssertFitsverifyClean(path);
    }

    [SkippableFact]
    public void WriteBinaryTable_MefWithEveryColumnKind_PassesFitsverifyAndAstropyReadsIt()
    {
        var path = Path.Combine(folder, "mef.fits");
        var longText = string.Concat(Enumerable.Repeat("a string that needs CONTINUE records; ", 6));
        var cards = new FitsHeader([
            new FitsCard("EXTNAME", "CATALOG"),
            new FitsCard("LONGTXT", longText, "long string (FITS 4.0 sec. 4.2.1.2)"),
            new FitsCard("ORIGIN", "VoServices"),
            FitsCard.Commentary("HISTORY", "written by FitsWriterTests"),
        ]);
        using (var writer = new FitsWriter(File.Create(path)))
        {
            writer.WriteImage<short>([1, 2, 3, -32768], [2, 2], new FitsHeader([
                new FitsCard("BSCALE", 0.5), new FitsCard("BZERO", 100.0), new FitsCard("BLANK", -32768),
                new FitsCard("BUNIT", "count")]));
            writer.WriteImage<float>([1.5f, 2.5f], [2], new FitsHeader([new FitsCard("EXTNAME", "SPECTRUM")]));
            writer.WriteBinaryTable([
                new FitsColumnData("ID", new long[] { 1, 2, 3 }),
                new FitsColumnData("RA", new[] { 10.5, 20.25, 359.999 }) { Unit = "deg" },
                new FitsColumnData("MAG", new[] { 1.5f, float.NaN, -0.25f }),
                new FitsColumnData("NAME", new[] { "alpha", "", "gamma ray" }),
                new FitsColumnData("FLAG", new bool?[] { true, null, false }),
                new FitsColumnData("COUNT", new short[] { -1, 0, 1 }),
                new FitsColumnData("U16", new ushort[] { 0, 40000, 65535 }),
                new FitsColumnData("BYTES", new byte[] { 0, 128, 255 }),
                new FitsColumnData("VEC", new[] { new[] { 1.0, 2.0 }, [3.0, 4.0], [5.0, 6.0] }),
                new FitsColumnData("VAR", new[] { new[] { 1, 2, 3 }, [], [4] }),
            ], cards);
        }

        AssertFitsverifyClean(path);
        var json = Astropy(path, "[hdul[0].data.ravel().tolist(), hdul[1].data.tolist(), hdul[2].header['LONGTXT'], " +
            "[[v.rstrip() if isinstance(v, str) else v for v in hdul[2].data[c].tolist()] " +
            "for c in ('ID', 'RA', 'NAME', 'FLAG', 'COUNT', 'U16', 'BYTES')], " +
            "[v.tolist() for v in hdul[2].data['VEC']], [v.tolist() for v in hdul[2].data['VAR']], " +
            "str(hdul[2].data['MAG'][1]), hdul[2].columns['RA'].unit]");
        Assert.Equal(Canonical(JsonSerializer.Serialize(new object[]
        {
            new double?[] { 100.5, 101.0, 101.5, null },
            new[] { 1.5, 2.5 },
            longText.TrimEnd(),
            new object[]
            {
                new[] { 1, 2, 3 }, new[] { 10.5, 20.25, 359.999 }, new[] { "alpha", "", "gamma ray" },
                new[] { true, false, false }, new[] { -1, 0, 1 }, new[] { 0, 40000, 65535 }, new[] { 0, 128, 255 },
            },
            new[] { new[] { 1.0, 2.0 }, [3.0, 4.0], [5.0, 6.0] },
            new[] { new[] { 1, 2, 3 }, [], [4] },
            "nan",
            "deg",
        })), Canonical(json.Replace("NaN", "null", StringComparison.Ordinal)));

        using var fits = FitsFile.Open(path);
        Assert.All(fits.Hdus, h => Assert.True(h.VerifyChecksum().IsValid));
        var table = fits.Find("CATALOG")!.AsBinaryTable();
        Assert.Equal(longText.TrimEnd(), table.Hdu.Header.GetString("LONGTXT"));
        Assert.Equal(new[] { 4 }, (int[])table.ReadCell(2, table.IndexOf("VAR"))!);
        Assert.Equal([0.0, 40000, 65535], table.ReadColumnAsDouble(table.IndexOf("U16")));
    }

    [SkippableFact]
    public void WriteImage_HeaderWithEveryCardKind_PassesFitsverifyAndAstropyReadsIt()
    {
        var path = Path.Combine(folder, "cards.fits");
        // No quote inside the long string: astropy 5.2.1 cuts a CONTINUE piece after a doubled quote
        // ("x''quoted'' end&" reads as "x'quoted'"), though FITS 4.0 §4.2.1.2 allows it; our reader is tested on it.
        var longText = new string('x', 150) + " the end";
        using (var writer = new FitsWriter(File.Create(path)))
        {
            writer.WriteImage<float>([1f, 2f], [2], new FitsHeader([
                new FitsCard("ESO DET CHIP NAME", "CCD1", "HIERARCH convention"),
                new FitsCard("LONGTXT", longText, new string('c', 70)),
                new FitsCard("CPLX", new FitsComplex(1.5, -2)),
                new FitsCard("QUOTED", "it's 'quoted'"),
                new FitsCard("EXPTIME", 60.0, "[s]"),
                new FitsCard("DATE-OBS", "2002-04-13T10:00:00"),
                new FitsCard("FLAG", false),
                FitsCard.Commentary("COMMENT", new string('y', 150)),
                FitsCard.Commentary("HISTORY", "cut out by VoServices"),
            ]));
        }

        AssertFitsverifyClean(path);
        Assert.Equal(Canonical(JsonSerializer.Serialize(new object[]
        {
            "CCD1", longText, new[] { 1.5, -2.0 }, "it's 'quoted'", 60.0, "2002-04-13T10:00:00", false, new string('y', 150),
            new[] { "cut out by VoServices" },
        })), Canonical(Astropy(path, "[hdul[0].header['ESO DET CHIP NAME'], hdul[0].header['LONGTXT'], " +
            "[hdul[0].header['CPLX'].real, hdul[0].header['CPLX'].imag], hdul[0].header['QUOTED'], " +
            "hdul[0].header['EXPTIME'], " +
            "hdul[0].header['DATE-OBS'], hdul[0].header['FLAG'], ''.join(hdul[0].header['COMMENT']), " +
            "list(hdul[0].header['HISTORY'])]")));
    }

    [SkippableFact]
    public void WriteImageRaw_CutoutWithSourceHeader_PassesFitsverifyAndKeepsPixels()
    {
        using var source = FitsFile.Open(SharedData.File("images", "fz", "j8bt06nyq_flt.fits.fz"));
        var sci = source.FindImage("SCI")!;
        var path = Path.Combine(folder, "cutout.fits");

        using (var writer = new FitsWriter(File.Create(path)))
        {
            // The image header of a compressed HDU passes through as it is; the writer drops its structure.
            writer.WriteImageRaw(sci.Bitpix, [40, 30], sci.ReadRegionRaw(300, 200, 40, 30),
                sci.Header.Set("CRPIX1", sci.Header.GetDouble("CRPIX1") - 300)
                    .Set("CRPIX2", sci.Header.GetDouble("CRPIX2") - 200));
        }

        AssertFitsverifyClean(path);
        using var cutout = FitsFile.Open(path);
        Assert.Equal(sci.ReadRegion(300, 200, 40, 30), cutout[0].AsImage().ReadPlane());
        Assert.Equal("SCI", cutout[0].Header.GetString("EXTNAME"));
        Assert.Equal(sci.Header.GetString("CTYPE1"), cutout[0].Header.GetString("CTYPE1"));
    }

    [SkippableFact]
    public void Write_Checksums_AstropyVerifiesThem()
    {
        var path = Path.Combine(folder, "checksum.fits");
        using (var writer = new FitsWriter(File.Create(path)))
        {
            writer.WriteImage<float>(Enumerable.Range(0, 1000).Select(i => i * 0.25f).ToArray(), [40, 25]);
            writer.WriteBinaryTable([new FitsColumnData("X", new[] { 1, 2, 3 })]);
        }

        // warnings become errors: a wrong CHECKSUM or DATASUM would make astropy fail.
        Assert.Equal("[true, true]", Astropy(path,
            "[h._checksum_valid == 1 and h._datasum_valid == 1 for h in hdul]", checksum: true));
    }

    [Fact]
    public void Write_SameInputTwice_GivesIdenticalBytes()
    {
        static byte[] Once()
        {
            using var memory = new MemoryStream();
            using (var writer = new FitsWriter(memory, leaveOpen: true))
            {
                writer.WriteImage<double>([1, 2, 3], [3], new FitsHeader([new FitsCard("OBJECT", "x")]));
            }
            return memory.ToArray();
        }

        var first = Once();

        Assert.Equal(first, Once());
        Assert.Equal(0, first.Length % 2880);
    }

    [Fact]
    public void WriteChecksumsOff_Header_HasNoChecksumKeywords()
    {
        using var memory = new MemoryStream();
        using (var writer = new FitsWriter(memory, new FitsWriterOptions { Checksums = false }, leaveOpen: true))
        {
            writer.WriteImage<byte>([1], [1]);
        }

        using var fits = FitsFile.Open(memory.ToArray());
        Assert.False(fits[0].Header.Contains("CHECKSUM"));
        Assert.Equal(["SIMPLE", "BITPIX", "NAXIS", "NAXIS1", "EXTEND"], fits[0].Header.Select(c => c.Keyword));
    }

    [Fact]
    public void WriteHdu_MandatoryKeywordsOutOfOrder_ThrowsFitsFormatException()
    {
        using var writer = new FitsWriter(new MemoryStream());
        var header = new FitsHeader([new FitsCard("SIMPLE", true), new FitsCard("NAXIS", 0), new FitsCard("BITPIX", 8)]);

        var e = Assert.Throws<FitsFormatException>(() => writer.WriteHdu(header, []));
        Assert.Equal("BITPIX", e.Keyword);
    }

    [Fact]
    public void WriteHdu_DataLengthMismatch_ThrowsFitsFormatException()
    {
        using var writer = new FitsWriter(new MemoryStream());
        var header = new FitsHeader([new FitsCard("SIMPLE", true), new FitsCard("BITPIX", 16), new FitsCard("NAXIS", 1),
            new FitsCard("NAXIS1", 3)]);

        Assert.Throws<FitsFormatException>(() => writer.WriteHdu(header, new byte[5]));
    }

    [Fact]
    public async Task WriteHduAsync_ExtensionAfterPrimary_ReadsBack()
    {
        using var memory = new MemoryStream();
        using (var writer = new FitsWriter(memory, leaveOpen: true))
        {
            writer.WriteEmptyPrimary(new FitsHeader([new FitsCard("TELESCOP", "HST")]));
            var header = new FitsHeader([new FitsCard("XTENSION", "IMAGE"), new FitsCard("BITPIX", 8),
                new FitsCard("NAXIS", 1), new FitsCard("NAXIS1", 3), new FitsCard("PCOUNT", 0), new FitsCard("GCOUNT", 1)]);
            await writer.WriteHduAsync(header, new byte[] { 7, 8, 9 }, CancellationToken.None);
            Assert.Equal(2, writer.HduCount);
        }

        using var fits = FitsFile.Open(memory.ToArray());
        Assert.Equal("HST", fits[0].Header.GetString("TELESCOP"));
        Assert.Equal([7.0, 8, 9], fits[1].AsImage().ReadPlane());
        Assert.True(fits[1].VerifyChecksum().IsValid);
    }

    [Fact]
    public void WriteImage_BadArguments_ThrowArgumentException()
    {
        using var writer = new FitsWriter(new MemoryStream());

        Assert.Throws<ArgumentException>(() => writer.WriteImage<int>([1, 2, 3], [2, 2]));
        Assert.Throws<ArgumentException>(() => writer.WriteImage<char>(['a'], [1]));
        Assert.Throws<ArgumentException>(() => writer.WriteImageRaw(12, [1], [0]));
        Assert.Throws<ArgumentException>(() => writer.WriteBinaryTable([new FitsColumnData("A", new[] { 1 }),
            new FitsColumnData("B", new[] { 1, 2 })]));
        Assert.Throws<ArgumentException>(() => writer.WriteBinaryTable([new FitsColumnData("S", new[] { "caf\u00e9" })]));
        Assert.Throws<ArgumentException>(() => writer.WriteBinaryTable([new FitsColumnData("D", new[] { DateTime.Now })]));
        Assert.Equal(0, writer.HduCount);
    }

    private (int Bitpix, double[] Expected, string Path) Write<T>(int bitpix, T[] values)
        where T : unmanaged
    {
        // 5 x 7 pixels: the values cycle, and the data unit ends inside a 2880-byte block.
        var pixels = Enumerable.Range(0, 35).Select(i => values[i % values.Length]).ToArray();
        var path = Path.Combine(folder, typeof(T).Name + ".fits");
        using (var writer = new FitsWriter(File.Create(path)))
        {
            writer.WriteImage<T>(pixels, [5, 7], new FitsHeader([new FitsCard("OBJECT", "test " + typeof(T).Name)]));
        }
        return (bitpix, pixels.Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)).ToArray(), path);
    }

    /// <summary>JSON with every number written the same way (Python writes 101.0 where .NET writes 101).</summary>
    private static string Canonical(string json)
    {
        static string Walk(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Array => "[" + string.Join(",", e.EnumerateArray().Select(Walk)) + "]",
            JsonValueKind.Number => e.GetDouble().ToString("R", CultureInfo.InvariantCulture),
            JsonValueKind.String => JsonSerializer.Serialize(e.GetString(),
                new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
            _ => e.GetRawText(),
        };
        using var document = JsonDocument.Parse(json);
        return Walk(document.RootElement);
    }

    private static void AssertFitsverifyClean(string path)
    {
        var tool = SharedData.RequireTool("fitsverify");
        var (exit, stdout, stderr) = SharedData.Run(tool, [path]);

        Assert.True(exit == 0 && stdout.Contains("Verification found 0 warning(s) and 0 error(s)", StringComparison.Ordinal),
            stdout + stderr);
    }

    /// <summary>Evaluates a Python expression over <c>hdul</c> (astropy, warnings as errors) and returns its JSON.</summary>
    private static string Astropy(string path, string expression, bool checksum = false)
    {
        const string python = "/usr/bin/python3";
        SharedData.Require(File.Exists(python), "/usr/bin/python3 is not installed");
        var probe = SharedData.Run(python, ["-c", "import astropy"]);
        SharedData.Require(probe.ExitCode == 0, "astropy is not installed for /usr/bin/python3");
        var script = "import json, sys, warnings\nwarnings.simplefilter('error')\nfrom astropy.io import fits\n" +
            $"with fits.open(sys.argv[1], checksum={(checksum ? "True" : "False")}) as hdul:\n" +
            $"    print(json.dumps({expression}))\n";
        var (exit, stdout, stderr) = SharedData.Run(python, ["-c", script, path]);
        Assert.True(exit == 0, stderr);
        return stdout.Trim();
    }
}
