using System.Collections.Concurrent;
using System.Xml.Linq;
using VoServices.Testing;

namespace VoServices.Adql.Tests;

/// <summary>One <c>&lt;query&gt;</c> of the IVOA lyonetia ADQL suites (../shared/data/adql/lyonetia, queries.xsd).</summary>
/// <param name="Id">Stable test id: suite folder, file and 0-based position, e.g. <c>ivoa/2_from.xml#4</c>.</param>
/// <param name="Uuid">The query's uuid attribute (not unique across the suites).</param>
/// <param name="Adql">The query text.</param>
/// <param name="Valid">The <c>valid</c> attribute (xsd default false).</param>
/// <param name="Version">The <c>version</c> attribute (xsd default adql-2.1).</param>
/// <param name="Functions">Names of the user-defined functions the file or query declares.</param>
public sealed record LyonetiaCase(string Id, string Uuid, string Adql, bool Valid, string Version, IReadOnlyList<string> Functions);

/// <summary>Loads the lyonetia suites once per test run.</summary>
public static class LyonetiaSuite
{
    private const string Placeholder = "(lyonetia suites not found)";
    private static readonly Lazy<IReadOnlyDictionary<string, LyonetiaCase>> LazyCases = new(Load);

    /// <summary>All cases by id; empty when ../shared/data is absent.</summary>
    public static IReadOnlyDictionary<string, LyonetiaCase> Cases => LazyCases.Value;

    /// <summary>The options a service declaring the case's functions (plus the IVOA <c>ivo_</c> prefix) would use.</summary>
    public static AdqlParserOptions OptionsFor(LyonetiaCase testCase) => new()
    {
        // ADQL 2.1 ("User Defined Functions") reserves ivo_ for functions defined by IVOA documents (the UDF catalogue);
        // other UDFs must be declared, here by the <functions> element of the suite file.
        UserDefinedFunctions = new UserDefinedFunctionFilter(testCase.Functions, ["ivo_"]),
    };

    /// <summary>Theory data: every case id, or one placeholder that skips when the data is absent.</summary>
    public static TheoryData<string> Ids(Func<LyonetiaCase, bool>? filter = null)
    {
        var data = new TheoryData<string>();
        foreach (var testCase in Cases.Values.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            if (filter is null || filter(testCase))
            {
                data.Add(testCase.Id);
            }
        }
        if (data.Count == 0)
        {
            data.Add(Placeholder);
        }
        return data;
    }

    /// <summary>The case with <paramref name="id"/>; skips (fails under CI) when the suites are absent.</summary>
    public static LyonetiaCase Get(string id)
    {
        if (id == Placeholder)
        {
            SharedData.File("adql", "lyonetia", "src", "adql");
            throw new InvalidOperationException("lyonetia suites present but no case was loaded");
        }
        return Cases[id];
    }

    private static IReadOnlyDictionary<string, LyonetiaCase> Load()
    {
        var root = SharedData.Root;
        var folder = root is null ? null : Path.Combine(root, "adql", "lyonetia", "src", "adql");
        var cases = new ConcurrentDictionary<string, LyonetiaCase>(StringComparer.Ordinal);
        if (folder is null || !Directory.Exists(folder))
        {
            return cases;
        }
        foreach (var file in Directory.EnumerateFiles(folder, "*.xml", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            var document = XDocument.Load(file, LoadOptions.PreserveWhitespace);
            var fileFunctions = FunctionNames(document.Root!.Element("functions"));
            var index = 0;
            foreach (var query in document.Root.Elements("query"))
            {
                var adql = query.Element("adql")!;
                var functions = fileFunctions.Concat(FunctionNames(query.Element("functions"))).ToArray();
                var id = $"{relative}#{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
                cases[id] = new LyonetiaCase(
                    id,
                    (string?)query.Attribute("uuid") ?? "",
                    adql.Value,
                    string.Equals((string?)adql.Attribute("valid") ?? "false", "true", StringComparison.OrdinalIgnoreCase),
                    (string?)adql.Attribute("version") ?? "adql-2.1",
                    functions);
                index++;
            }
        }
        return cases;
    }

    /// <summary>Function names from <c>&lt;form&gt;NAME(arg TYPE, ...) -&gt; TYPE&lt;/form&gt;</c> (TAPRegExt UDF signature).</summary>
    private static IEnumerable<string> FunctionNames(XElement? functions) =>
        functions?.Elements("function").Select(f => ((string?)f.Element("form") ?? "").Trim())
            .Where(form => form.Contains('(', StringComparison.Ordinal))
            .Select(form => form[..form.IndexOf('(', StringComparison.Ordinal)].Trim())
        ?? [];
}
