using VoServices.Tap.Results;
using VoServices.Testing;

namespace VoServices.Tap.Tests.Results;

/// <summary>A result with every column kind a TAP query produces, NULLs, DALI geometry and timestamps.</summary>
internal static class AllTypes
{
    public static readonly ResultColumn[] Columns =
    [
        new("flag", "boolean"),
        new("b", "unsignedByte"),
        new("s", "short"),
        new("i", "int"),
        new("l", "long") { Ucd = "meta.id" },
        new("f", "float") { Unit = "mag", Ucd = "phot.mag" },
        new("d", "double") { Unit = "deg", Ucd = "pos.eq.ra;meta.main", Description = "Right ascension (ICRS)" },
        new("name", "char") { ArraySize = "*" },
        new("uname", "unicodeChar") { ArraySize = "*" },
        new("t", "char") { ArraySize = "*", XType = "timestamp" },
        new("pos", "double") { ArraySize = "2", XType = "point", Unit = "deg" },
        new("circ", "double") { ArraySize = "3", XType = "circle", Unit = "deg" },
        new("poly", "double") { ArraySize = "*", XType = "polygon", Unit = "deg" },
        new("iv", "double") { ArraySize = "2", XType = "interval" },
        new("ia", "int") { ArraySize = "*" },
        new("fa", "float") { ArraySize = "3" },
    ];

    public static readonly DateTime Time1 = new(2020, 1, 2, 3, 4, 5, 500, DateTimeKind.Utc);
    public static readonly DateTime Time3 = new(1999, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Three rows: typical values, all NULL, extremes and awkward text.</summary>
    public static object?[][] Rows() =>
    [
        [
            true, (byte)7, (short)-12, 123456, 9_000_000_000L, 8.4f, 201.696, "omega Cen", "ω Cen", Time1,
            new[] { 201.69, -47.48 }, new[] { 201.69, -47.48, 0.5 }, new[] { 10.0, 20.0, 11.0, 20.0, 11.0, 21.0 },
            new[] { 0.0, 1.5 }, new[] { 1, 2, 3 }, new[] { 1f, 2.5f, -3f },
        ],
        [null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
        [
            false, (byte)254, short.MaxValue, -2, long.MaxValue, float.NaN, double.NegativeInfinity,
            "with, comma \"quote\"\nnew line\ttab", "", Time3,
            new[] { 0.0, -90.0 }, new[] { 359.5, 89.5, 180.0 }, new[] { 0.0, 0.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0 },
            new[] { double.NegativeInfinity, 2.0 }, Array.Empty<int>(), new[] { 0f, 0f, 0f },
        ],
    ];

    public static InMemoryResultRowReader Reader() => new(Columns, Rows());
}

/// <summary>Rows made on the fly (nothing retained), optionally failing after a number of rows.</summary>
internal sealed class SyntheticRows(long count, long failAfter = long.MaxValue) : IResultRowReader
{
    public static readonly ResultColumn[] DefaultColumns =
    [
        new("id", "long"),
        new("ra", "double") { Unit = "deg" },
        new("dec", "double") { Unit = "deg" },
        new("mag", "float"),
        new("label", "char") { ArraySize = "*" },
        new("pos", "double") { ArraySize = "2", XType = "point" },
    ];

    private long produced;

    public IReadOnlyList<ResultColumn> Columns => DefaultColumns;

    public long Delivered => produced;

    public ValueTask<bool> ReadAsync(object?[] row, CancellationToken cancellationToken)
    {
        if (produced == failAfter)
        {
            throw new TimeoutException("canceling statement due to statement timeout");
        }
        if (produced >= count)
        {
            return ValueTask.FromResult(false);
        }
        var n = produced++;
        var ra = n % 360 + 0.25;
        var dec = (n % 180) - 89.5;
        row[0] = n;
        row[1] = ra;
        row[2] = dec;
        row[3] = (float)(n % 20);
        row[4] = n % 7 == 0 ? null : "star";
        row[5] = new[] { ra, dec };
        return ValueTask.FromResult(true);
    }
}

/// <summary>A fresh temporary folder, deleted on dispose.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public ScratchFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vo-results-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}

/// <summary>Reference tools run as processes.</summary>
internal static class ReferenceTools
{
    public const string Python = "/usr/bin/python3";

    /// <summary>Runs a Python script (with astropy) on arguments; returns stdout, failing the test on a non-zero exit.</summary>
    public static string RunPython(string script, params string[] args)
    {
        SharedData.Require(System.IO.File.Exists(Python) &&
            SharedData.Run(Python, ["-c", "import astropy.io.votable, astropy.io.fits"]).ExitCode == 0,
            "/usr/bin/python3 with astropy is not installed");
        var (exit, stdout, stderr) = SharedData.Run(Python, ["-c", script, .. args]);
        Assert.True(exit == 0, $"python failed ({exit}): {stderr}");
        return stdout;
    }

    /// <summary>stilts votlint findings (stdout + stderr; empty means valid).</summary>
    public static string VotLint(string file)
    {
        var stilts = SharedData.RequireTool("stilts");
        var (exit, stdout, stderr) = SharedData.Run(stilts,
            ["-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC", "votlint", $"votable={file}"]);
        var output = (stdout + stderr).Trim();
        return exit == 0 ? output : $"exit code {exit}\n{output}";
    }
}

/// <summary>Writes results to memory or files.</summary>
internal static class Write
{
    public static async Task<(byte[] Bytes, ResultWriteSummary Summary)> ToBytesAsync(ITapResultWriter writer,
        IResultRowReader rows, long? maxRec = null)
    {
        using var output = new MemoryStream();
        var summary = await writer.WriteAsync(output, rows, new ResultWriteOptions { MaxRec = maxRec }, CancellationToken.None);
        return (output.ToArray(), summary);
    }
}
