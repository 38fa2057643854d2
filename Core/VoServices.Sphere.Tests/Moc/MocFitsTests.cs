using System.Formats.Tar;
using System.IO.Compression;
using VoServices.Sphere.Moc;
using VoServices.Testing;

namespace VoServices.Sphere.Tests.Moc;

public sealed class MocFitsTests
{
    [Theory]
    [InlineData("1/1 2 4 2/12-14 21 23 25 8/", 'J')]
    [InlineData("0/", 'J')]
    [InlineData("13/805306367", 'J')]
    [InlineData("3/5 14/", 'K')]
    [InlineData("27/1 28/1-3 8-9 29/3 40-42", 'K')]
    public void WriteThenRead_Moc_RoundTripsWithColumnType(string ascii, char tform)
    {
        var moc = MocAscii.Parse(ascii);
        using var stream = new MemoryStream();
        MocFits.Write(moc, stream);
        stream.Position = 0;
        Assert.Equal(moc, MocFits.Read(stream));
        using var file = VoServices.Fits.FitsFile.Open(stream.ToArray());
        Assert.Equal(tform.ToString(), file[1].Header.GetString("TFORM1")!.Trim().TrimStart('1'));
    }

    [SkippableTheory]
    [InlineData("hips_ngc1316_optical.tar.gz", "ngc1316/Moc.fits")]
    [InlineData("hips_ngc1316_optical.tar.gz", "ngc1316/HpxFinder/Moc.fits")]
    [InlineData("hips_omegacen_wfpc2_order11.tar.gz", "omegacen_wfpc2/Moc.fits")]
    public void Read_HipsgenMocFits_RoundTripsCellsAndOrder(string archive, string entry)
    {
        var bytes = ReadTarEntry(SharedData.File("hips", archive), entry);
        var moc = MocFits.Read(new MemoryStream(bytes));
        using var original = VoServices.Fits.FitsFile.Open(bytes);
        var table = original[1].AsBinaryTable();
        var uniq = ((int[])table.ReadColumn(0)).Select(v => (long)v).ToArray();
        Assert.Equal(uniq, moc.ToUniq());
        Assert.Equal(original[1].Header.GetInt32("MOCORD_S"), moc.Order);
        using var copy = new MemoryStream();
        MocFits.Write(moc, copy);
        copy.Position = 0;
        var reread = MocFits.Read(copy);
        Assert.Equal(moc, reread);
        Assert.Equal(uniq, reread.ToUniq());
    }

    [SkippableFact]
    public void Write_Moc_AstropyReadsMoc20KeywordsAndUniq()
    {
        SharedData.Require(File.Exists("/usr/bin/python3"), "/usr/bin/python3 (with astropy) is not installed");
        var moc = SkyMoc.FromShape(new SkyCircle(10, -20, 0.5), 9);
        var path = Path.Combine(Path.GetTempPath(), $"moc-{Guid.NewGuid():N}.fits");
        try
        {
            MocFits.Write(moc, path, new MocFitsOptions { MocType = "IMAGE", MocId = "ivo://example/test" });
            const string script = """
                import sys
                from astropy.io import fits
                with fits.open(sys.argv[1], checksum=True) as h:
                    t = h[1]
                    keys = ["XTENSION", "TTYPE1", "TFORM1", "ORDERING", "COORDSYS", "MOCVERS", "MOCDIM", "MOCORD_S", "MOCORDER", "PIXTYPE", "MOCTYPE", "MOCID"]
                    print(";".join(f"{k}={t.header[k]}" for k in keys))
                    print(" ".join(str(int(u)) for u in t.data["UNIQ"]))
                """;
            var (code, stdout, stderr) = SharedData.Run("/usr/bin/python3", ["-c", script, path]);
            SharedData.Require(!(code != 0 && stderr.Contains("No module named 'astropy'", StringComparison.Ordinal)),
                "/usr/bin/python3 has no astropy (apt-get install python3-astropy)");
            Assert.True(code == 0, stderr);
            var lines = stdout.Replace("TFORM1=1J", "TFORM1=J", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(
                "XTENSION=BINTABLE;TTYPE1=UNIQ;TFORM1=J;ORDERING=NUNIQ;COORDSYS=C;MOCVERS=2.0;MOCDIM=SPACE;"
                + "MOCORD_S=9;MOCORDER=9;PIXTYPE=HEALPIX;MOCTYPE=IMAGE;MOCID=ivo://example/test",
                lines[0]);
            Assert.Equal(moc.ToUniq(), lines[1].Split(' ').Select(long.Parse).ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("ORDERING", "RING")]
    [InlineData("MOCDIM", "TIME")]
    [InlineData("COORDSYS", "G")]
    public void Read_UnsupportedKeyword_ThrowsMocFormatException(string keyword, string value)
    {
        var cards = new VoServices.Fits.FitsHeader([
            new VoServices.Fits.FitsCard("ORDERING", "NUNIQ"),
            new VoServices.Fits.FitsCard("MOCORD_S", 3L),
        ]).Set(keyword, value);
        using var stream = new MemoryStream();
        using (var writer = new VoServices.Fits.FitsWriter(stream, leaveOpen: true))
        {
            writer.WriteBinaryTable([new VoServices.Fits.FitsColumnData("UNIQ", new[] { 4 + 1L })], cards);
        }
        stream.Position = 0;
        Assert.Throws<MocFormatException>(() => MocFits.Read(stream));
    }

    [Fact]
    public void Read_RangeOrdering_ReadsOrder29Intervals()
    {
        var cards = new VoServices.Fits.FitsHeader([
            new VoServices.Fits.FitsCard("ORDERING", "RANGE"),
            new VoServices.Fits.FitsCard("MOCVERS", "2.0"),
            new VoServices.Fits.FitsCard("MOCDIM", "SPACE"),
            new VoServices.Fits.FitsCard("MOCORD_S", 1L),
        ]);
        using var stream = new MemoryStream();
        using (var writer = new VoServices.Fits.FitsWriter(stream, leaveOpen: true))
        {
            writer.WriteBinaryTable([new VoServices.Fits.FitsColumnData("RANGE", new[] { 0L, 1L << 58, 5L << 56, 6L << 56 })], cards);
        }
        stream.Position = 0;
        Assert.Equal("0/0 1/5", MocFits.Read(stream).ToString());
    }

    [Fact]
    public void Read_NotFits_ThrowsMocFormatException()
    {
        Assert.Throws<MocFormatException>(() => MocFits.Read(new MemoryStream(new byte[2880])));
    }

    private static byte[] ReadTarEntry(string archive, string name)
    {
        using var gzip = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.Name.TrimStart('.', '/') == name && entry.DataStream is not null)
            {
                using var copy = new MemoryStream();
                entry.DataStream.CopyTo(copy);
                return copy.ToArray();
            }
        }
        throw new FileNotFoundException($"{name} not in {archive}");
    }
}
