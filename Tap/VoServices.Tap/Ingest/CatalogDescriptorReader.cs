using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VoServices.Tap.Ingest;

/// <summary>
/// Reads catalogue descriptors (YAML). Shape (keys are case-sensitive; unknown keys are errors):
/// <code>
/// schema: { name: tycho2, description: ... }
/// table:  { name: main, description: ... }
/// source: ../../../shared/data/catalogs/tycho2/tycho2_main.csv.gz   # relative to the descriptor file
/// demoSubset: ../data/tycho2_fields.csv.gz                           # used when source is absent
/// format: csv                                                        # csv | votable; default from extension
/// ra: ra                                                             # positional columns, ICRS degrees
/// dec: dec
/// columns:
///   - { name: tyc, datatype: char, arraysize: "12*", ucd: meta.id;meta.main, principal: true, indexed: true }
///   - { name: ra, sourceColumn: RAmdeg, datatype: double, unit: deg, ucd: pos.eq.ra;meta.main, nullValue: "-999" }
/// </code>
/// Column keys: name, sourceColumn, datatype (boolean, short, int, long, float, double, char, unicodeChar),
/// arraysize (char/unicodeChar only), unit (VOUnit), ucd (UCD1+), description, principal, indexed, nullValue.
/// Errors throw <see cref="CatalogDescriptorException"/> with the line and column of the offending node.
/// </summary>
public static partial class CatalogDescriptorReader
{
    private static readonly string[] RootKeys =
        ["schema", "table", "source", "demoSubset", "format", "ra", "dec", "columns"];
    private static readonly string[] NamedKeys = ["name", "description"];
    private static readonly string[] ColumnKeys =
    [
        "name", "sourceColumn", "datatype", "arraysize", "unit", "ucd", "description", "principal", "indexed",
        "nullValue",
    ];

    /// <summary>Reads and validates the descriptor at <paramref name="path"/>; relative paths in it resolve against its folder.</summary>
    /// <exception cref="CatalogDescriptorException">The file is missing, not YAML, or invalid.</exception>
    public static CatalogDescriptor Read(string path)
    {
        var full = Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CatalogDescriptorException(full, null, null, $"cannot read descriptor: {e.Message}", e);
        }
        return Parse(text, Path.GetDirectoryName(full)!, full);
    }

    /// <summary>
    /// Parses descriptor text. <paramref name="baseDirectory"/> resolves relative paths; <paramref name="filePath"/>
    /// is only used in messages.
    /// </summary>
    /// <exception cref="CatalogDescriptorException">The text is not YAML or the descriptor is invalid.</exception>
    public static CatalogDescriptor Parse(string yaml, string baseDirectory, string? filePath = null)
    {
        var root = Load(yaml, filePath);
        var ctx = new Context(filePath);
        var map = ctx.Mapping(root, "descriptor", RootKeys);

        var schema = ctx.Mapping(ctx.Required(map, root, "schema"), "schema", NamedKeys);
        var table = ctx.Mapping(ctx.Required(map, root, "table"), "table", NamedKeys);
        var schemaName = ctx.Identifier(schema, "name", "schema name");
        var tableName = ctx.Identifier(table, "name", "table name");

        var source = ctx.OptionalString(map, "source");
        var demo = ctx.OptionalString(map, "demoSubset");
        if (source is null && demo is null)
        {
            throw ctx.Error(root, "a descriptor needs 'source' or 'demoSubset' (a path relative to the descriptor)");
        }
        var format = ParseFormat(ctx, map);
        var columns = ParseColumns(ctx, map, root);
        var ra = CheckPositional(ctx, map, root, "ra", columns);
        var dec = CheckPositional(ctx, map, root, "dec", columns);

        return new CatalogDescriptor(
            schemaName, ctx.OptionalString(schema, "description"),
            tableName, ctx.OptionalString(table, "description"),
            Resolve(baseDirectory, source), Resolve(baseDirectory, demo), format, ra, dec, columns, filePath);
    }

    private static YamlNode Load(string yaml, string? filePath)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new CatalogDescriptorException(filePath, e.Start.Line, e.Start.Column, $"not valid YAML: {e.Message}", e);
        }
        if (stream.Documents.Count != 1)
        {
            throw new CatalogDescriptorException(filePath, null, null,
                $"expected exactly one YAML document, found {stream.Documents.Count}");
        }
        return stream.Documents[0].RootNode;
    }

    private static string? Resolve(string baseDirectory, string? path) =>
        path is null ? null : Path.GetFullPath(Path.Combine(baseDirectory, path));

    private static CatalogFormat? ParseFormat(Context ctx, YamlMappingNode map)
    {
        var text = ctx.OptionalString(map, "format");
        return text switch
        {
            null => null,
            "csv" => CatalogFormat.Csv,
            "votable" => CatalogFormat.VoTable,
            _ => throw ctx.Error(ctx.Node(map, "format")!, $"unknown format '{text}' (expected csv or votable)"),
        };
    }

    private static List<CatalogColumn> ParseColumns(Context ctx, YamlMappingNode map, YamlNode root)
    {
        var node = ctx.Required(map, root, "columns");
        if (node is not YamlSequenceNode seq || seq.Children.Count == 0)
        {
            throw ctx.Error(node, "'columns' must be a non-empty list of column mappings");
        }
        var columns = new List<CatalogColumn>(seq.Children.Count);
        var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var item in seq.Children)
        {
            var column = ParseColumn(ctx, item);
            if (seen.TryGetValue(column.Name, out var first))
            {
                throw ctx.Error(item, $"duplicate column '{column.Name}' (first defined at line {first.Start.Line})");
            }
            seen.Add(column.Name, item);
            columns.Add(column);
        }
        return columns;
    }

    private static CatalogColumn ParseColumn(Context ctx, YamlNode node)
    {
        var map = ctx.Mapping(node, "column", ColumnKeys);
        var name = ctx.Identifier(map, "name", "column name");
        var typeText = ctx.RequiredString(map, node, "datatype");
        if (!CatalogDatatypes.TryParse(typeText, out var datatype))
        {
            throw ctx.Error(ctx.Node(map, "datatype")!,
                $"column '{name}': unknown datatype '{typeText}' (expected one of boolean, short, int, long, float, " +
                "double, char, unicodeChar)");
        }
        var arraysize = ctx.OptionalString(map, "arraysize");
        if (arraysize is not null)
        {
            if (datatype is not (CatalogDatatype.Char or CatalogDatatype.UnicodeChar))
            {
                throw ctx.Error(ctx.Node(map, "arraysize")!,
                    $"column '{name}': arraysize is only supported for char and unicodeChar columns");
            }
            if (!ArraySizePattern().IsMatch(arraysize))
            {
                throw ctx.Error(ctx.Node(map, "arraysize")!,
                    $"column '{name}': invalid arraysize '{arraysize}' (expected N, N* or *; VOTable 1.4 §2.2)");
            }
        }
        return new CatalogColumn(
            name, ctx.OptionalString(map, "sourceColumn") ?? name, datatype, arraysize,
            ctx.OptionalString(map, "unit"), ctx.OptionalString(map, "ucd"), ctx.OptionalString(map, "description"),
            ctx.OptionalBool(map, "principal"), ctx.OptionalBool(map, "indexed"), ctx.OptionalString(map, "nullValue"));
    }

    private static string CheckPositional(Context ctx, YamlMappingNode map, YamlNode root, string key,
        List<CatalogColumn> columns)
    {
        var name = ctx.RequiredString(map, root, key);
        var column = columns.Find(c => c.Name == name)
            ?? throw ctx.Error(ctx.Node(map, key)!, $"{key} column '{name}' is not among the columns");
        if (column.Datatype is not (CatalogDatatype.Double or CatalogDatatype.Float))
        {
            throw ctx.Error(ctx.Node(map, key)!, $"{key} column '{name}' must be float or double (degrees)");
        }
        return name;
    }

    [GeneratedRegex(@"^(\*|[1-9][0-9]*\*?)$", RegexOptions.CultureInvariant)]
    private static partial Regex ArraySizePattern();

    /// <summary>Typed access to YAML nodes that reports errors with their position.</summary>
    private sealed class Context(string? filePath)
    {
        public CatalogDescriptorException Error(YamlNode node, string message) =>
            new(filePath, node.Start.Line, node.Start.Column, message);

        public YamlMappingNode Mapping(YamlNode node, string what, string[] allowedKeys)
        {
            if (node is not YamlMappingNode map)
            {
                throw Error(node, $"{what} must be a mapping of key: value");
            }
            foreach (var key in map.Children.Keys)
            {
                var text = (key as YamlScalarNode)?.Value;
                if (text is null || Array.IndexOf(allowedKeys, text) < 0)
                {
                    throw Error(key, $"unknown key '{text ?? key.ToString()}' in {what} (allowed: {string.Join(", ", allowedKeys)})");
                }
            }
            return map;
        }

        public YamlNode? Node(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        public YamlNode Required(YamlMappingNode map, YamlNode owner, string key) =>
            Node(map, key) ?? throw Error(owner, $"missing required key '{key}'");

        public string RequiredString(YamlMappingNode map, YamlNode owner, string key) =>
            OptionalString(map, key) ?? throw Error(Node(map, key) ?? owner, $"missing required key '{key}'");

        public string? OptionalString(YamlMappingNode map, string key)
        {
            var node = Node(map, key);
            if (node is null)
            {
                return null;
            }
            if (node is not YamlScalarNode scalar)
            {
                throw Error(node, $"'{key}' must be a plain value, not a list or mapping");
            }
            return string.IsNullOrEmpty(scalar.Value) && scalar.Style == YamlDotNet.Core.ScalarStyle.Plain ? null : scalar.Value;
        }

        public bool OptionalBool(YamlMappingNode map, string key)
        {
            var text = OptionalString(map, key);
            return text switch
            {
                null or "false" => false,
                "true" => true,
                _ => throw Error(Node(map, key)!, $"'{key}' must be true or false, not '{text}'"),
            };
        }

        public string Identifier(YamlMappingNode map, string key, string what)
        {
            var name = RequiredString(map, map, key);
            var problem = AdqlIdentifiers.Problem(name);
            return problem is null ? name : throw Error(Node(map, key)!, $"{what}: {problem}");
        }
    }
}
