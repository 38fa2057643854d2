using System.Numerics;
using System.Text.Json.Nodes;
using VoServices.Testing;
using VoServices.VoTable.Tests.Support;

namespace VoServices.VoTable.Tests;

/// <summary>
/// Independent reader: astropy (Debian python3-astropy under /usr/bin/python3) parses a BINARY2 file with nulls
/// and arrays written by us; Fixtures/astropy_dump.py prints what it read as JSON.
/// </summary>
public sealed class AstropyCrossCheckTests
{
    private const string Python = "/usr/bin/python3";

    [SkippableFact]
    public void Binary2WithNullsAndArrays_ReadByAstropy_GivesSameValues()
    {
        RequireAstropy();
        // Columns avoid what astropy 5.2 reads differently from STIL (m* bounded char arrays, multi-dimensional
        // and complex variable arrays: see ComplexConverter and the release notes of astropy 7.1).
        VoTableField[] fields =
        [
            new("id", VoTableDataType.Int), new("d", VoTableDataType.Double), new("f", VoTableDataType.Float),
            new("s", VoTableDataType.Char) { ArraySize = "*" }, new("u", VoTableDataType.UnicodeChar) { ArraySize = "*" },
            new("da", VoTableDataType.Double) { ArraySize = "*" }, new("ia", VoTableDataType.Int) { ArraySize = "3" },
            new("b", VoTableDataType.Boolean), new("ba", VoTableDataType.Bit) { ArraySize = "10" }, new("l", VoTableDataType.Long),
            new("c8", VoTableDataType.Char) { ArraySize = "8" }, new("sh", VoTableDataType.Short), new("cx", VoTableDataType.DoubleComplex),
        ];
        var bits = new[] { true, false, true, true, false, false, false, false, true, true };
        object?[][] rows =
        [
            [1, 1.5, 2.25f, "alpha", "Grüße", new[] { 1.0, 2.0, 3.0 }, new[] { 1, 2, 3 }, true, bits, 9007199254740993L, "fixed", (short)-7, new Complex(1, -2)],
            [2, null, null, null, null, null, null, null, null, null, null, null, null],
            [3, double.NaN, float.NegativeInfinity, "", "வணக்கம்", Array.Empty<double>(), new[] { -1, 0, 1 }, false, new bool[10], long.MinValue, "abcdefgh", short.MaxValue, Complex.Zero],
        ];
        var file = VoTableFiles.TempFile("astropy-binary2.xml", VoTableFiles.Write(fields, rows, VoTableSerialization.Binary2));
        var script = Path.Combine(AppContext.BaseDirectory, "Fixtures", "astropy_dump.py");
        var (exit, stdout, stderr) = SharedData.Run(Python, [script, file]);
        Assert.True(exit == 0, stderr);

        var expected = JsonNode.Parse("""
            {"b": [true, null, false],
             "ba": [[true, false, true, true, false, false, false, false, true, true], null, [false, false, false, false, false, false, false, false, false, false]],
             "c8": ["fixed", null, "abcdefgh"], "cx": [[1.0, -2.0], null, [0.0, 0.0]], "d": [1.5, null, "NaN"],
             "da": [[1.0, 2.0, 3.0], null, []], "f": [2.25, null, "-Inf"], "ia": [[1, 2, 3], null, [-1, 0, 1]], "id": [1, 2, 3],
             "l": [9007199254740993, null, -9223372036854775808], "s": ["alpha", null, ""], "sh": [-7, null, 32767],
             "u": ["Grüße", null, "வணக்கம்"]}
            """)!;
        var actual = JsonNode.Parse(stdout)!;
        Assert.True(JsonNode.DeepEquals(Normalize(expected), Normalize(actual)), $"astropy read:\n{stdout}");
    }

    /// <summary>
    /// Maps what astropy may legitimately report differently to one form: NaN is masked by astropy (VOTable 1.4
    /// §6: NaN and null need not be distinguished), and astropy before 5.3 did not mask null strings in BINARY2
    /// (it returns ""); an empty string in row 3 stays "" because it is not null there.
    /// </summary>
    private static JsonNode Normalize(JsonNode node)
    {
        var result = new JsonObject();
        foreach (var (name, column) in node.AsObject())
        {
            var values = new JsonArray();
            var cells = column!.AsArray();
            for (var row = 0; row < cells.Count; row++)
            {
                var cell = cells[row];
                var nullLike = cell is null || (cell is JsonValue v && v.TryGetValue<string>(out var s) && (s == "NaN" || (s.Length == 0 && row == 1)));
                values.Add(nullLike ? null : cell!.DeepClone());
            }
            result[name] = values;
        }
        return result;
    }

    private static void RequireAstropy()
    {
        var available = File.Exists(Python) && SharedData.Run(Python, ["-c", "import astropy.io.votable"]).ExitCode == 0;
        SharedData.Require(available, "/usr/bin/python3 has no astropy (apt-get install python3-astropy)");
    }
}
