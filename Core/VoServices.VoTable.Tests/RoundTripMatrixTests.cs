using System.Collections.Concurrent;
using VoServices.Testing;
using VoServices.VoTable.Tests.Support;

namespace VoServices.VoTable.Tests;

/// <summary>
/// Every serialization × {scalars, fixed arrays, variable arrays, nulls, empty table, unicode, extreme values}:
/// the file our writer produces is valid for <c>stilts votlint</c> (no output at all) and reads back equal.
/// </summary>
public sealed class RoundTripMatrixTests
{
    private static readonly ConcurrentDictionary<(string, VoTableSerialization), string> Files = new();

    public static TheoryData<string, VoTableSerialization> Combinations()
    {
        var data = new TheoryData<string, VoTableSerialization>();
        foreach (var name in MatrixCases.Names)
        {
            foreach (var serialization in new[] { VoTableSerialization.TableData, VoTableSerialization.Binary, VoTableSerialization.Binary2 })
            {
                data.Add(name, serialization);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void WriteThenRead_Case_RowsAreEqual(string name, VoTableSerialization serialization)
    {
        var (fields, rows) = MatrixCases.Get(name, serialization);
        var bytes = VoTableFiles.Write(fields, rows, serialization);
        var (header, read) = VoTableFiles.ReadFirstTable(bytes);
        Assert.Equal(fields, header.Fields);
        RowAssert.Equal(fields, rows, read, serialization, $"{name}/{serialization}");
    }

    [SkippableTheory]
    [MemberData(nameof(Combinations))]
    public void Write_Case_PassesVotLint(string name, VoTableSerialization serialization)
    {
        SharedData.RequireTool("stilts");
        // Lint every combination at once (each votlint run starts a JVM), then look up this one.
        foreach (var (n, s) in Combinations().Select(row => ((string)row[0], (VoTableSerialization)row[1])))
        {
            Files.GetOrAdd((n, s), key =>
            {
                var (fields, rows) = MatrixCases.Get(key.Item1, key.Item2);
                return VoTableFiles.TempFile($"matrix-{key.Item1}-{key.Item2}.xml", VoTableFiles.Write(fields, rows, key.Item2));
            });
        }
        var results = VotLint.Run(Files.Values.ToList());
        var output = results[Files[(name, serialization)]];
        Assert.True(output.Length == 0, $"votlint reported for {name}/{serialization}:\n{output}");
    }
}
