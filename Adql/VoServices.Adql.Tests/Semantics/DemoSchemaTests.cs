using VoServices.Testing;

namespace VoServices.Adql.Tests.Semantics;

/// <summary>The test schema has exactly the demo catalogues' real columns (demo/catalogs/*.yaml).</summary>
public sealed class DemoSchemaTests
{
    [Theory]
    [InlineData("tycho2")]
    [InlineData("hipparcos")]
    [InlineData("openngc")]
    [InlineData("messier")]
    public void DemoSchema_Catalogue_HasTheColumnsOfItsYaml(string catalogue)
    {
        var yaml = File.ReadAllLines(Path.Combine(SharedData.RepoRoot, "demo", "catalogs", catalogue + ".yaml"));

        var expected = ReadColumns(yaml);

        var table = DemoSchema.Instance.Tables.Single(t => t.QualifiedName == catalogue + ".main");
        Assert.Equal(expected, table.Columns.Select(c => $"{c.Name} {c.Datatype} {c.ArraySize} {c.Unit} {c.Ucd}"));
    }

    /// <summary>The <c>columns:</c> list of a catalogue descriptor: name, datatype, arraysize, unit, ucd.</summary>
    private static List<string> ReadColumns(string[] lines)
    {
        var columns = new List<Dictionary<string, string>>();
        var inColumns = false;
        foreach (var line in lines)
        {
            if (!line.StartsWith(' '))
            {
                inColumns = line.StartsWith("columns:", StringComparison.Ordinal);
                continue;
            }
            var trimmed = line.Trim();
            if (!inColumns || trimmed.Length == 0)
            {
                continue;
            }
            if (trimmed.StartsWith("- ", StringComparison.Ordinal))
            {
                columns.Add([]);
                trimmed = trimmed[2..];
            }
            else if (line.Length - line.TrimStart().Length != 4)
            {
                continue;
            }
            var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                columns[^1][trimmed[..colon]] = trimmed[(colon + 1)..].Trim().Trim('"');
            }
        }
        return [.. columns.Select(c =>
            $"{c["name"]} {c["datatype"]} {c.GetValueOrDefault("arraysize")} {c.GetValueOrDefault("unit")} {c.GetValueOrDefault("ucd")}")];
    }
}
