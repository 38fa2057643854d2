using VoServices.Adql.Semantics;
using VoServices.Tap.Ingest;
using VoServices.Tap.Query;
using VoServices.Tap.TapSchema;

namespace VoServices.Cli.Adql;

/// <summary>
/// The demo archive's schema as the ADQL layer sees it, built from the catalogue descriptors in
/// <c>demo/catalogs/*.yaml</c> plus TAP_SCHEMA's self-description — no database needed. Positional tables are marked
/// spatially indexed, as both backends index them at ingest.
/// </summary>
internal static class DemoAdqlSchema
{
    /// <summary>Reads every descriptor in <paramref name="catalogFolder"/>; throws CatalogDescriptorException on a bad one.</summary>
    public static AdqlSchema Load(string catalogFolder)
    {
        var descriptors = Directory.GetFiles(catalogFolder, "*.yaml").Order(StringComparer.Ordinal)
            .Select(CatalogDescriptorReader.Read).ToList();
        var tables = descriptors
            .Select(d => d.ToTableDescription() with { RaColumn = d.RaColumn, DecColumn = d.DecColumn })
            .Concat(TapSchemaSelfDescription.All).ToList();
        var schemas = descriptors.Select(d => d.ToSchemaDescription()).Append(TapSchemaSelfDescription.Schema).ToList();
        return TapAdqlSchema.FromDocument(new TapSchemaDocument(schemas, tables), _ => true);
    }

    /// <summary>The checkout's <c>demo/catalogs</c>, found above the working directory or the executable.</summary>
    public static string DefaultFolder()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "demo", "catalogs");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        throw new DirectoryNotFoundException("demo/catalogs not found above the working directory; pass --catalogs DIR");
    }
}
