using VoServices.Adql.Semantics;

namespace VoServices.Adql.Tests.Semantics;

/// <summary>
/// The demo archive as the resolver sees it: the four catalogues with the columns of <c>demo/catalogs/*.yaml</c>
/// (checked by <see cref="DemoSchemaTests"/>), the TAP_SCHEMA tables of TAP 1.1 §4 and one upload.
/// </summary>
internal static class DemoSchema
{
    public static AdqlSchema Instance { get; } = new(
    [
        Table("tycho2", "main",
            Col("tyc", "char", "*", ucd: "meta.id;meta.main"),
            Col("ra", "double", unit: "deg", ucd: "pos.eq.ra;meta.main"),
            Col("dec", "double", unit: "deg", ucd: "pos.eq.dec;meta.main"),
            Col("pmra", "float", unit: "mas/yr", ucd: "pos.pm;pos.eq.ra"),
            Col("pmdec", "float", unit: "mas/yr", ucd: "pos.pm;pos.eq.dec"),
            Col("bt_mag", "float", unit: "mag", ucd: "phot.mag;em.opt.B"),
            Col("vt_mag", "float", unit: "mag", ucd: "phot.mag;em.opt.V"),
            Col("hip", "int", ucd: "meta.id.cross"),
            Col("pos_flag", "char", ucd: "meta.code")),
        Table("hipparcos", "main",
            Col("hip", "int", ucd: "meta.id;meta.main"),
            Col("ra", "double", unit: "deg", ucd: "pos.eq.ra;meta.main"),
            Col("dec", "double", unit: "deg", ucd: "pos.eq.dec;meta.main"),
            Col("vmag", "float", unit: "mag", ucd: "phot.mag;em.opt.V"),
            Col("b_v", "float", unit: "mag", ucd: "phot.color;em.opt.B;em.opt.V")),
        Table("openngc", "main",
            Col("name", "char", "*", ucd: "meta.id;meta.main"),
            Col("other_names", "char", "*", ucd: "meta.id"),
            Col("ident", "char", "*", ucd: "meta.id"),
            Col("kstars_type", "short", ucd: "meta.code"),
            Col("type", "char", "*", ucd: "src.class"),
            Col("ra", "double", unit: "deg", ucd: "pos.eq.ra;meta.main"),
            Col("dec", "double", unit: "deg", ucd: "pos.eq.dec;meta.main"),
            Col("mag", "float", unit: "mag", ucd: "phot.mag"),
            Col("major_axis", "float", unit: "arcmin", ucd: "phys.angSize"),
            Col("minor_axis", "float", unit: "arcmin", ucd: "phys.angSize"),
            Col("pa", "float", unit: "deg", ucd: "pos.posAng")),
        Table("messier", "main",
            Col("name", "char", "5", ucd: "meta.id;meta.main"),
            Col("messier_number", "short", ucd: "meta.id"),
            Col("ngc", "char", "5", ucd: "meta.id.cross"),
            Col("constellation", "char", "3", ucd: "meta.id.part"),
            Col("type", "char", ucd: "src.class"),
            Col("ra", "double", unit: "deg", ucd: "pos.eq.ra;meta.main"),
            Col("dec", "double", unit: "deg", ucd: "pos.eq.dec;meta.main"),
            Col("mag", "float", unit: "mag", ucd: "phot.mag;em.opt.V"),
            Col("diameter", "float", unit: "arcmin", ucd: "phys.angSize"),
            Col("distance_kly", "float", unit: "klyr", ucd: "pos.distance"),
            Col("url", "char", "*", ucd: "meta.ref.url"),
            Col("image_url", "char", "*", ucd: "meta.ref.url")),
        // TAP 1.1 §4: the TAP_SCHEMA tables and their columns ("size" is a reserved word, stored with its quotes).
        Table("TAP_SCHEMA", "schemas", Str("schema_name"), Str("utype"), Str("description"), Col("schema_index", "int")),
        Table("TAP_SCHEMA", "tables", Str("schema_name"), Str("table_name"), Str("table_type"), Str("utype"), Str("description"),
            Col("table_index", "int")),
        Table("TAP_SCHEMA", "columns", Str("table_name"), Str("column_name"), Str("utype"), Str("ucd"), Str("unit"), Str("description"),
            Str("datatype"), Str("arraysize"), Str("xtype"), Col("\"size\"", "int"), Col("principal", "int"), Col("indexed", "int"),
            Col("std", "int"), Col("column_index", "int")),
        Table("TAP_SCHEMA", "keys", Str("key_id"), Str("from_table"), Str("target_table"), Str("utype"), Str("description")),
        Table("TAP_SCHEMA", "key_columns", Str("key_id"), Str("from_column"), Str("target_column")),
        new AdqlTable("TAP_UPLOAD", "TAP_UPLOAD.mine",
        [
            Str("id"),
            Col("ra", "double", unit: "deg", ucd: "pos.eq.ra"),
            Col("dec", "double", unit: "deg", ucd: "pos.eq.dec"),
            Col("\"Flux\"", "double", unit: "nJy", ucd: "phot.flux.density"),
            Col("flux_err", "double", unit: "nJy", ucd: "stat.error;phot.flux.density"),
            Col("obs_time", "char", "*", xtype: "timestamp", ucd: "time.epoch"),
            Col("pos", "double", "2", xtype: "point", unit: "deg", ucd: "pos.eq"),
            Col("footprint", "double", "*", xtype: "polygon", unit: "deg", ucd: "pos.outline"),
            Col("flags", "short", "4"),
        ], AdqlTableKind.Upload),
    ]);

    private static AdqlTable Table(string schema, string name, params AdqlColumn[] columns) =>
        new(schema, schema + "." + name, columns, RaColumn: columns.Any(c => c.Name == "ra") ? "ra" : null,
            DecColumn: columns.Any(c => c.Name == "dec") ? "dec" : null);

    private static AdqlColumn Col(string name, string datatype, string? arraySize = null, string? xtype = null, string? unit = null, string? ucd = null) =>
        new(name, datatype, arraySize, xtype, unit, ucd);

    private static AdqlColumn Str(string name) => new(name, "char", "*");
}
