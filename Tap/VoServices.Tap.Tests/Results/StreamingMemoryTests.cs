using VoServices.Tap.Results;
using VoServices.VoTable;

namespace VoServices.Tap.Tests.Results;

/// <summary>The writers stream: managed memory at the 200,000th row is what it was at the 20,000th.</summary>
/// <summary>
/// Runs alone: these tests read the process-wide managed heap (GC.GetTotalMemory), which other test classes running in
/// parallel would inflate.
/// </summary>
[CollectionDefinition(nameof(ProcessMemoryCollection), DisableParallelization = true)]
public sealed class ProcessMemoryCollection;

[Collection(nameof(ProcessMemoryCollection))]
public sealed class StreamingMemoryTests
{
    private const int Rows = 200_000;

    public static TheoryData<string> Formats => ["votable-td", "votable-binary2", "csv", "tsv", "json", "fits"];

    private static ITapResultWriter Writer(string format) => format switch
    {
        "votable-td" => new VoTableResultWriter(VoTableSerialization.TableData),
        "votable-binary2" => new VoTableResultWriter(VoTableSerialization.Binary2),
        "csv" => new CsvResultWriter(),
        "tsv" => new TsvResultWriter(),
        "json" => new JsonResultWriter(),
        _ => new FitsResultWriter(),
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task WriteAsync_200kRows_MemoryDoesNotGrowWithRowCount(string format)
    {
        var rows = new MemoryProbe(new SyntheticRows(Rows), early: 20_000, late: Rows - 1);

        var summary = await Writer(format).WriteAsync(Stream.Null, rows, new ResultWriteOptions(), CancellationToken.None);

        Assert.Equal(Rows, summary.RowCount);
        var growth = rows.LateBytes - rows.EarlyBytes;
        Assert.True(growth < 4 * 1024 * 1024, $"{format}: managed memory grew by {growth:N0} bytes between rows 20,000 and {Rows:N0}");
    }

    /// <summary>Measures the managed heap (after a full GC) when the source delivers two given rows.</summary>
    private sealed class MemoryProbe(SyntheticRows inner, long early, long late) : IResultRowReader
    {
        private long row;

        public long EarlyBytes { get; private set; }

        public long LateBytes { get; private set; }

        public IReadOnlyList<ResultColumn> Columns => inner.Columns;

        public ValueTask<bool> ReadAsync(object?[] values, CancellationToken cancellationToken)
        {
            if (row == early)
            {
                EarlyBytes = GC.GetTotalMemory(forceFullCollection: true);
            }
            else if (row == late)
            {
                LateBytes = GC.GetTotalMemory(forceFullCollection: true);
            }
            row++;
            return inner.ReadAsync(values, cancellationToken);
        }
    }
}
