using VoServices.Tap.TapSchema;

namespace VoServices.Tap.Tests.Vosi;

/// <summary>
/// A realistic in-memory TAP_SCHEMA: <c>tycho2.main</c> with the columns of
/// ../shared/data/catalogs/tycho2/tycho2_main.csv.gz (header "tyc,ra,dec,pmra,pmdec,bt_mag,vt_mag,hip,pos_flag"),
/// units from the CDS ReadMe.tycho2.txt byte-by-byte description (deg, mas/yr, mag) and the row count 2,539,913 from
/// the data README; a small <c>ivoa.obscore</c> view with DALI xtypes; and the TAP 1.1 §4 self-description of
/// TAP_SCHEMA with its five foreign keys. Also compiled into VoServices.Server.Tests.
/// </summary>
internal static class SampleTapSchema
{
    public const long Tycho2Rows = 2_539_913;

    private static readonly Lazy<TapSchemaDocument> LazyDocument = new(Build);

    /// <summary>The whole document (built on first use, after the table properties are initialised).</summary>
    public static TapSchemaDocument Document => LazyDocument.Value;

    private static TapSchemaDocument Build()
    {
        SchemaDescription[] schemas =
        [
            new("TAP_SCHEMA", "Self-description of this TAP service (TAP 1.1 §4)", null, 0),
            new("tycho2", "The Tycho-2 catalogue of the 2.5 million brightest stars (Høg et al. 2000, A&A 355, L27)", null, 1),
            new("ivoa", "IVOA standard data models", null, 2),
        ];
        return new TapSchemaDocument(schemas, [.. TapSchemaTables(), Tycho2Main, ObsCore]);
    }

    public static TableDescription Tycho2Main { get; } = new(
        "tycho2", "tycho2.main",
        [
            new("tyc", "char", "*", Description: "Tycho-2 identifier TYC1-TYC2-TYC3", Ucd: "meta.id;meta.main",
                Indexed: true, Principal: true, ColumnIndex: 0),
            new("ra", "double", Description: "Mean right ascension, ICRS, epoch J2000 (observed position when pos_flag is X)",
                Unit: "deg", Ucd: "pos.eq.ra;meta.main", Indexed: true, Principal: true, ColumnIndex: 1),
            new("dec", "double", Description: "Mean declination, ICRS, epoch J2000", Unit: "deg",
                Ucd: "pos.eq.dec;meta.main", Indexed: true, Principal: true, ColumnIndex: 2),
            new("pmra", "double", Description: "Proper motion in RA*cos(dec)", Unit: "mas/yr", Ucd: "pos.pm;pos.eq.ra",
                ColumnIndex: 3),
            new("pmdec", "double", Description: "Proper motion in Dec", Unit: "mas/yr", Ucd: "pos.pm;pos.eq.dec",
                ColumnIndex: 4),
            new("bt_mag", "double", Description: "Tycho-2 BT magnitude", Unit: "mag", Ucd: "phot.mag;em.opt.B",
                ColumnIndex: 5),
            new("vt_mag", "double", Description: "Tycho-2 VT magnitude", Unit: "mag", Ucd: "phot.mag;em.opt.V",
                Principal: true, ColumnIndex: 6),
            new("hip", "int", Description: "Hipparcos number", Ucd: "meta.id.cross", ColumnIndex: 7),
            new("pos_flag", "char", "1", Description: "Mean position flag: ' ' normal, P photocentre, X no mean position",
                Ucd: "meta.code", ColumnIndex: 8),
        ],
        Description: "Tycho-2 main catalogue <tyc2.dat> & positions \"as observed\"",
        TableIndex: 0,
        RowCount: Tycho2Rows);

    public static TableDescription ObsCore { get; } = new(
        "ivoa", "ivoa.obscore",
        [
            new("obs_publisher_did", "char", "*", Description: "Publisher dataset identifier", Ucd: "meta.ref.ivoid",
                Utype: "obscore:Curation.PublisherDID", Std: true, Principal: true),
            new("s_region", "double", "*", "polygon", "Sky region covered by the data product", "deg",
                "pos.outline;obs.field", "obscore:Char.SpatialAxis.Coverage.Support.Area", Std: true),
            new("t_min", "double", Description: "Start time in MJD", Unit: "d", Ucd: "time.start;obs.exposure",
                Utype: "obscore:Char.TimeAxis.Coverage.Bounds.Limits.StartTime", Std: true),
            new("s_ra", "double", Description: "Central right ascension, ICRS", Unit: "deg", Ucd: "pos.eq.ra",
                Utype: "obscore:Char.SpatialAxis.Coverage.Location.Coord.Position2D.Value2.C1", Std: true),
        ],
        TableType: "view",
        Description: "ObsCore 1.1 view of the images",
        Utype: "ivo://ivoa.net/std/obscore#table-1.1",
        TableIndex: 1);

    private static IEnumerable<TableDescription> TapSchemaTables()
    {
        static ColumnDescription Str(string name, string description, int index) =>
            new(name, "char", "*", Description: description, Std: true, Principal: true, ColumnIndex: index);
        static ColumnDescription Int(string name, string description, int index) =>
            new(name, "int", Description: description, Std: true, Principal: true, ColumnIndex: index);
        static ForeignKeyDescription Fk(string id, string from, string target, string fromColumn, string targetColumn) =>
            new(id, from, target, [new KeyColumnDescription(fromColumn, targetColumn)], $"{from}.{fromColumn} refers to {target}");

        yield return new("TAP_SCHEMA", "TAP_SCHEMA.schemas",
            [Str("schema_name", "schema name for reference to TAP_SCHEMA.schemas", 0), Str("utype", "utype of the schema", 1),
             Str("description", "describes the schema", 2), Int("schema_index", "recommended sort order", 3)],
            Description: "schemas published by this service", TableIndex: 100);
        yield return new("TAP_SCHEMA", "TAP_SCHEMA.tables",
            [Str("schema_name", "the schema this table belongs to", 0), Str("table_name", "fully qualified table name", 1),
             Str("table_type", "one of: table, view", 2), Str("utype", "utype of the table", 3),
             Str("description", "describes the table", 4), Int("table_index", "recommended sort order", 5)],
            Description: "tables published by this service", TableIndex: 101,
            ForeignKeys: [Fk("tables_schema", "TAP_SCHEMA.tables", "TAP_SCHEMA.schemas", "schema_name", "schema_name")]);
        yield return new("TAP_SCHEMA", "TAP_SCHEMA.columns",
            [Str("table_name", "the table this column belongs to", 0), Str("column_name", "the column name", 1),
             Str("datatype", "VOTable datatype", 2), Str("arraysize", "VOTable arraysize", 3),
             Str("xtype", "VOTable xtype", 4), Int("\"size\"", "integer part of arraysize", 5),
             Str("description", "describes the column", 6), Str("utype", "utype of the column", 7),
             Str("unit", "VOUnit of the values", 8), Str("ucd", "UCD of the column", 9),
             Int("indexed", "1 if the column is indexed", 10), Int("principal", "1 if the column is principal", 11),
             Int("std", "1 if the column is defined by a standard", 12), Int("column_index", "recommended sort order", 13)],
            Description: "columns of the published tables", TableIndex: 102,
            ForeignKeys: [Fk("columns_table", "TAP_SCHEMA.columns", "TAP_SCHEMA.tables", "table_name", "table_name")]);
        yield return new("TAP_SCHEMA", "TAP_SCHEMA.keys",
            [Str("key_id", "unique key identifier", 0), Str("from_table", "fully qualified table name", 1),
             Str("target_table", "fully qualified table name", 2), Str("description", "describes the key", 3),
             Str("utype", "utype of the key", 4)],
            Description: "foreign keys between published tables", TableIndex: 103,
            ForeignKeys:
            [
                Fk("keys_from", "TAP_SCHEMA.keys", "TAP_SCHEMA.tables", "from_table", "table_name"),
                Fk("keys_target", "TAP_SCHEMA.keys", "TAP_SCHEMA.tables", "target_table", "table_name"),
            ]);
        yield return new("TAP_SCHEMA", "TAP_SCHEMA.key_columns",
            [Str("key_id", "key identifier from TAP_SCHEMA.keys", 0), Str("from_column", "key column in the from table", 1),
             Str("target_column", "key column in the target table", 2)],
            Description: "columns of the foreign keys", TableIndex: 104,
            ForeignKeys: [Fk("key_columns_key", "TAP_SCHEMA.key_columns", "TAP_SCHEMA.keys", "key_id", "key_id")]);
    }
}
