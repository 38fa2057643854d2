using VoServices.Adql;
using VoServices.Adql.Functions;
using VoServices.Adql.Semantics;
using VoServices.Adql.Translation;

namespace VoServices.Storage.Postgres.Tests.Adql;

/// <summary>A schema like the demo archive's (columns from demo/catalogs/*.yaml) for translation-only tests.</summary>
internal static class DialectSchema
{
    public static AdqlSchema Schema { get; } = new(
    [
        new AdqlTable("hipparcos", "hipparcos.main",
        [
            new AdqlColumn("hip", "int"), new AdqlColumn("ra", "double", Unit: "deg"),
            new AdqlColumn("dec", "double", Unit: "deg"), new AdqlColumn("vmag", "float", Unit: "mag"),
            new AdqlColumn("b_v", "float", Unit: "mag"),
        ], RaColumn: "ra", DecColumn: "dec"),
        new AdqlTable("messier", "messier.main",
        [
            new AdqlColumn("name", "char", "5"), new AdqlColumn("messier_number", "short"),
            new AdqlColumn("ra", "double", Unit: "deg"), new AdqlColumn("dec", "double", Unit: "deg"),
            new AdqlColumn("mag", "float", Unit: "mag"),
        ], RaColumn: "ra", DecColumn: "dec"),
        new AdqlTable("TAP_SCHEMA", "TAP_SCHEMA.columns",
            [new AdqlColumn("table_name", "char", "*"), new AdqlColumn("column_name", "char", "*"), new AdqlColumn("\"size\"", "int")]),
        new AdqlTable("TAP_UPLOAD", "TAP_UPLOAD.mine",
        [
            new AdqlColumn("id", "int"), new AdqlColumn("ra", "double", Unit: "deg"),
            new AdqlColumn("dec", "double", Unit: "deg"), new AdqlColumn("r", "double", Unit: "deg"),
        ], AdqlTableKind.Upload, StorageName: "upload_mine"),
    ]);

    /// <summary>Physical identifiers a translation may contain in quotes (both backends), besides generated names.</summary>
    public static IReadOnlySet<string> KnownIdentifiers { get; } = new HashSet<string>(
        Schema.Tables.SelectMany(t => new[] { t.QualifiedName, t.StorageName ?? "" }
            .Concat(t.QualifiedName.Split('.'))
            .Concat(t.Columns.Select(c => c.Name.Trim('"'))))
        .Concat(["pos", "_healpix"]), StringComparer.Ordinal);

    public static SqlStatement Translate(ISqlDialect dialect, string adql, long? rowLimit = null)
    {
        var catalog = FunctionCatalog.Default;
        var resolved = SchemaResolver.Resolve(AdqlParser.Parse(adql, catalog.ParserOptions()), Schema, catalog);
        return new SqlTranslator(dialect).Translate(resolved, rowLimit);
    }
}
