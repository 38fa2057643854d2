using System.Diagnostics;
using Xunit.Abstractions;

namespace VoServices.VoTable.Tests;

/// <summary>
/// The writer and reader hold no per-row state: memory after 200k rows is what it was after the first, and the
/// typed cell API allocates nothing per row.
/// </summary>
/// <summary>
/// Runs alone: these tests read the process-wide managed heap (GC.GetTotalMemory), which other test classes running in
/// parallel would inflate.
/// </summary>
[CollectionDefinition(nameof(ProcessMemoryCollection), DisableParallelization = true)]
public sealed class ProcessMemoryCollection;

[Collection(nameof(ProcessMemoryCollection))]
public sealed class StreamingTests(ITestOutputHelper output)
{
    private const long MemorySlack = 4 << 20;

    private static readonly VoTableField[] Fields =
    [
        new("id", VoTableDataType.Long), new("ra", VoTableDataType.Double), new("dec", VoTableDataType.Double),
        new("mag", VoTableDataType.Float), new("name", VoTableDataType.Char) { ArraySize = "*" },
        new("flux", VoTableDataType.Double) { ArraySize = "*" },
    ];

    [Theory]
    [InlineData(VoTableSerialization.TableData)]
    [InlineData(VoTableSerialization.Binary)]
    [InlineData(VoTableSerialization.Binary2)]
    public void WriteRow_200kRows_ManagedMemoryStaysFlat(VoTableSerialization serialization)
    {
        using var writer = new VoTableWriter(Stream.Null);
        writer.WriteStartDocument();
        writer.WriteStartResource();
        writer.WriteStartTable(Fields, serialization);
        var row = new object?[Fields.Length];
        var flux = new[] { 1.0, 2.0, 3.0 };
        void Write(int i)
        {
            row[0] = (long)i;
            row[1] = i * 1e-3;
            row[2] = -i * 1e-3;
            row[3] = (float)i;
            row[4] = "source";
            row[5] = flux;
            writer.WriteRow(row);
        }
        Write(0);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 1; i < 200_000; i++)
        {
            Write(i);
        }
        var after = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"{serialization}: {before} -> {after} bytes");
        Assert.InRange(after - before, long.MinValue, MemorySlack);
        writer.WriteEndDocument();
        Assert.Equal(200_000, writer.RowCount);
    }

    [Fact]
    public void WriteCell_TypedApiBinary2_AllocatesNothingPerRow()
    {
        using var writer = StartNumeric(VoTableSerialization.Binary2);
        WriteNumericRows(writer, 1000); // warm up
        var before = GC.GetAllocatedBytesForCurrentThread();
        WriteNumericRows(writer, 100_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"allocated {allocated} bytes for 100k rows");
        Assert.True(allocated < 64 * 1024, $"typed row API allocated {allocated} bytes for 100k rows");
    }

    /// <summary>1M rows × 10 numeric columns in BINARY2 (throughput is measured by the TAP benchmark, not here).</summary>
    [Fact]
    public void WriteCell_MillionRowsTenDoubles_CountsEveryRow()
    {
        using var writer = StartNumeric(VoTableSerialization.Binary2);
        var watch = Stopwatch.StartNew();
        WriteNumericRows(writer, 1_000_000);
        writer.WriteEndDocument();
        output.WriteLine($"1M rows x 10 doubles BINARY2: {watch.ElapsedMilliseconds} ms");
        Assert.Equal(1_000_000, writer.RowCount);
    }

    [Fact]
    public void ReadRow_200kRows_ManagedMemoryStaysFlat()
    {
        var path = Path.Combine(Path.GetTempPath(), "voservices-votable-tests", "streaming-read.xml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var file = File.Create(path))
        using (var writer = StartNumeric(VoTableSerialization.Binary2, file))
        {
            WriteNumericRows(writer, 200_000);
            writer.WriteEndDocument();
        }
        using var stream = File.OpenRead(path);
        using var reader = new VoTableReader(stream);
        Assert.True(reader.MoveToNextTable());
        var values = new object?[reader.FieldCount];
        Assert.True(reader.ReadRow(values));
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var rows = 1;
        while (reader.ReadRow(values))
        {
            rows++;
        }
        var after = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"read: {before} -> {after} bytes");
        Assert.Equal(200_000, rows);
        Assert.Equal(199_999.0 * 9, values[9]);
        Assert.InRange(after - before, long.MinValue, MemorySlack);
    }

    private static VoTableWriter StartNumeric(VoTableSerialization serialization, Stream? stream = null)
    {
        var writer = new VoTableWriter(stream ?? Stream.Null);
        writer.WriteStartDocument();
        writer.WriteStartResource();
        writer.WriteStartTable(Enumerable.Range(0, 10).Select(i => new VoTableField($"c{i}", VoTableDataType.Double)).ToList(), serialization);
        return writer;
    }

    private static void WriteNumericRows(VoTableWriter writer, int count)
    {
        for (var r = 0; r < count; r++)
        {
            writer.WriteStartRow();
            for (var c = 0; c < 10; c++)
            {
                writer.WriteCell((double)r * c);
            }
            writer.WriteEndRow();
        }
    }
}
