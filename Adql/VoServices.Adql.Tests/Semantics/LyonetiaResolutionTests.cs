using VoServices.Adql.Ast;
using VoServices.Adql.Semantics;
using VoServices.Testing;
using Xunit.Abstractions;

namespace VoServices.Adql.Tests.Semantics;

/// <summary>
/// The resolver never crashes on real-world ADQL: every valid lyonetia query (placeholder tables, see
/// ../shared/data/adql/README.md) either resolves or fails with a typed <see cref="AdqlSemanticException"/>, against
/// the demo schema and against a schema made up from the query's own names (all columns DOUBLE).
/// </summary>
public sealed class LyonetiaResolutionTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Resolve_EveryValidLyonetiaQuery_ResolvesOrFailsTyped()
    {
        SharedData.File("adql", "lyonetia", "src", "adql");
        var crashes = new List<string>();
        var (resolved, rejected) = (0, 0);
        foreach (var testCase in LyonetiaSuite.Cases.Values.Where(c => c.Valid).OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            Query tree;
            try
            {
                tree = AdqlParser.Parse(testCase.Adql, LyonetiaSuite.OptionsFor(testCase));
            }
            catch (AdqlSyntaxException)
            {
                continue; // the parser's disputed cases (LyonetiaClassificationTests)
            }
            foreach (var schema in new IAdqlSchema[] { DemoSchema.Instance, MadeUpSchema(tree) })
            {
                try
                {
                    SchemaResolver.Resolve(tree, schema);
                    resolved++;
                }
                catch (AdqlSemanticException)
                {
                    rejected++;
                }
#pragma warning disable CA1031 // the point of the test: any other exception is a crash to report
                catch (Exception e)
#pragma warning restore CA1031
                {
                    crashes.Add($"{testCase.Id}: {e.GetType().Name}: {e.Message}\n  {testCase.Adql.Trim()}");
                }
            }
        }
        output.WriteLine($"resolved {resolved}, rejected with a typed error {rejected}");

        Assert.Empty(crashes);
        Assert.True(resolved > 250, $"only {resolved} resolutions succeeded");
    }

    /// <summary>
    /// One table per table name of the query; the first gets every column name the query uses, the others the names
    /// written with their qualifier.
    /// </summary>
    private static AdqlSchema MadeUpSchema(Query tree)
    {
        var named = Nodes<NamedTable>(tree).Select(t => t.Name).DistinctBy(Key).ToList();
        var references = Nodes<ColumnReference>(tree).ToList();
        var aliases = Nodes<NamedTable>(tree).Where(t => t.Alias is not null)
            .DistinctBy(t => t.Alias!.Value.ToUpperInvariant())
            .ToDictionary(t => t.Alias!.Value.ToUpperInvariant(), t => Key(t.Name));
        var tables = new List<AdqlTable>();
        for (var i = 0; i < named.Count; i++)
        {
            var name = named[i];
            var columns = references
                .Where(r => i == 0 || (r.Qualifier is { } q && (Key(q) == Key(name) || aliases.GetValueOrDefault(q.Name.Value.ToUpperInvariant()) == Key(name))))
                .Select(r => r.Name.IsDelimited ? r.Name.ToAdql() : r.Name.Value.ToLowerInvariant())
                .Distinct(StringComparer.Ordinal)
                .Select(c => new AdqlColumn(c, "double"))
                .ToList();
            var schema = name.Schema?.ToAdql();
            tables.Add(new AdqlTable(schema, schema is null ? name.Name.ToAdql() : schema + "." + name.Name.ToAdql(), columns));
        }
        return new AdqlSchema(tables);
    }

    private static string Key(TableName name) => AdqlPrinter.Print(name).ToUpperInvariant();

    private static List<T> Nodes<T>(AdqlNode root) where T : AdqlNode
    {
        var found = new List<T>();
        Walk(root, found);
        return found;
    }

    private static void Walk<T>(object node, List<T> found) where T : AdqlNode
    {
        if (node is T match)
        {
            found.Add(match);
        }
        foreach (var property in node.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0 && p.Name is not "EqualityContract" and not "Span"))
        {
            switch (property.GetValue(node))
            {
                case AdqlNode child:
                    Walk(child, found);
                    break;
                case System.Collections.IEnumerable list and not string:
                    foreach (var item in list.OfType<AdqlNode>())
                    {
                        Walk(item, found);
                    }
                    break;
            }
        }
    }
}
