using VoServices.Adql.Semantics;
using VoServices.Adql.Translation;

namespace VoServices.Adql.Tests.Translation;

/// <summary>A small schema like the demo archive (columns from demo/catalogs/*.yaml) plus an upload.</summary>
internal static class TranslationSchema
{
    public static AdqlTable Tycho2 { get; } = new("tycho2", "tycho2.main",
    [
        new AdqlColumn("tyc", "char", "12*"), new AdqlColumn("ra", "double", Unit: "deg"),
        new AdqlColumn("dec", "double", Unit: "deg"), new AdqlColumn("pmra", "float", Unit: "mas/yr"),
        new AdqlColumn("pmdec", "float", Unit: "mas/yr"), new AdqlColumn("bt_mag", "float", Unit: "mag"),
        new AdqlColumn("vt_mag", "float", Unit: "mag"), new AdqlColumn("hip", "int"), new AdqlColumn("pos_flag", "char"),
    ], RaColumn: "ra", DecColumn: "dec");

    public static AdqlTable Hipparcos { get; } = new("hipparcos", "hipparcos.main",
    [
        new AdqlColumn("hip", "int"), new AdqlColumn("ra", "double", Unit: "deg"), new AdqlColumn("dec", "double", Unit: "deg"),
        new AdqlColumn("vmag", "float", Unit: "mag"), new AdqlColumn("b_v", "float", Unit: "mag"),
    ], RaColumn: "ra", DecColumn: "dec");

    public static AdqlTable Columns { get; } = new("TAP_SCHEMA", "TAP_SCHEMA.columns",
    [
        new AdqlColumn("table_name", "char", "*"), new AdqlColumn("column_name", "char", "*"),
        new AdqlColumn("\"size\"", "int"), new AdqlColumn("unit", "char", "*"),
    ]);

    public static AdqlTable Upload { get; } = new("TAP_UPLOAD", "TAP_UPLOAD.mine",
    [
        new AdqlColumn("id", "int"), new AdqlColumn("ra", "double", Unit: "deg"), new AdqlColumn("dec", "double", Unit: "deg"),
        new AdqlColumn("r", "double", Unit: "deg"), new AdqlColumn("p", "double", "2", XType: "point", Unit: "deg"),
    ], AdqlTableKind.Upload, StorageName: "upload_17");

    public static AdqlSchema Schema { get; } = new([Tycho2, Hipparcos, Columns, Upload]);

    /// <summary>Every identifier that translated SQL may contain in double quotes (tables, columns, generated names).</summary>
    public static IReadOnlySet<string> KnownIdentifiers { get; } = new HashSet<string>(
        Schema.Tables.SelectMany(t => (t.StorageName ?? t.QualifiedName).Split('.')
            .Concat(t.Columns.Select(c => c.Name.Trim('"')))), StringComparer.Ordinal);

    public static SqlStatement Translate(string adql, long? rowLimit = null) =>
        new SqlTranslator(new TestDialect()).Translate(SchemaResolver.Resolve(AdqlParser.Parse(adql), Schema), rowLimit);
}
