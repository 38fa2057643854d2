using System.Globalization;

namespace VoServices.Healpix.Tests;

/// <summary>Reads the healpy-generated CSV fixtures (Fixtures/make_fixtures.py says how they were made).</summary>
internal static class HealpyFixture
{
    public static IEnumerable<string[]> Rows(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", file);
        return File.ReadLines(path).Skip(1).Where(line => line.Length > 0).Select(line => line.Split(','));
    }

    public static IEnumerable<string[]> RowsAtOrder(string file, int order) =>
        Rows(file).Where(row => Int(row[0]) == order);

    public static double Double(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    public static long Long(string text) => long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);

    public static int Int(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>Parses "start-end start-end …" (half-open ranges).</summary>
    public static List<HealpixRange> Ranges(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('-'))
            .Select(pair => new HealpixRange(Long(pair[0]), Long(pair[1])))
            .ToList();

    /// <summary>Parses "lon:lat;lon:lat;…".</summary>
    public static List<LonLat> Vertices(string text) =>
        text.Split(';').Select(v => v.Split(':')).Select(v => new LonLat(Double(v[0]), Double(v[1]))).ToList();

    public static TheoryData<int> AllOrders()
    {
        var data = new TheoryData<int>();
        for (int order = 0; order <= HealpixOrder.MaxOrder; order++)
        {
            data.Add(order);
        }
        return data;
    }
}

/// <summary>Set algebra on sorted range lists, for comparing query results.</summary>
internal static class RangeAlgebra
{
    public static long Count(IEnumerable<HealpixRange> ranges) => ranges.Sum(r => r.Length);

    /// <summary>True when every index of <paramref name="inner"/> is in <paramref name="outer"/>.</summary>
    public static bool IsSubset(IReadOnlyList<HealpixRange> inner, IReadOnlyList<HealpixRange> outer) =>
        Count(Subtract(inner, outer)) == 0;

    /// <summary>The indices of a that are not in b (both sorted, non-overlapping).</summary>
    public static List<HealpixRange> Subtract(IReadOnlyList<HealpixRange> a, IReadOnlyList<HealpixRange> b)
    {
        var result = new List<HealpixRange>();
        int j = 0;
        foreach (var r in a)
        {
            long start = r.Start;
            while (j < b.Count && b[j].EndExclusive <= start)
            {
                j++;
            }
            for (int k = j; k < b.Count && b[k].Start < r.EndExclusive; k++)
            {
                if (b[k].Start > start)
                {
                    result.Add(new HealpixRange(start, b[k].Start));
                }
                start = Math.Max(start, b[k].EndExclusive);
            }
            if (start < r.EndExclusive)
            {
                result.Add(new HealpixRange(start, r.EndExclusive));
            }
        }
        return result;
    }

    /// <summary>The ranges of the parents, <paramref name="levels"/> orders up, merged.</summary>
    public static List<HealpixRange> Parents(IEnumerable<HealpixRange> ranges, int levels)
    {
        var result = new List<HealpixRange>();
        int shift = 2 * levels;
        foreach (var r in ranges)
        {
            long start = r.Start >> shift, end = ((r.EndExclusive - 1) >> shift) + 1;
            if (result.Count > 0 && result[^1].EndExclusive >= start)
            {
                var last = result[^1];
                result[^1] = new HealpixRange(last.Start, Math.Max(last.EndExclusive, end));
            }
            else
            {
                result.Add(new HealpixRange(start, end));
            }
        }
        return result;
    }

    public static void AssertCanonical(IReadOnlyList<HealpixRange> ranges)
    {
        for (int i = 0; i < ranges.Count; i++)
        {
            Assert.True(ranges[i].Length > 0, $"empty range {ranges[i]}");
            if (i > 0)
            {
                Assert.True(ranges[i].Start > ranges[i - 1].EndExclusive, $"ranges {ranges[i - 1]} and {ranges[i]} are not sorted and merged");
            }
        }
    }
}
