namespace VoServices.Tap.TapSchema;

/// <summary>
/// TAP_SCHEMA's description of itself (TAP 1.1 §4: the five tables with exactly the required columns, std = 1, and
/// the five foreign keys taplint checks as E_TSLN). Every backend derives its TAP_SCHEMA DDL from this one model, so
/// that the physical tables and the published metadata cannot drift apart and all backends publish the same rows.
/// </summary>
public static class TapSchemaSelfDescription
{
    public const string SchemaName = "TAP_SCHEMA";
    public const string Schemas = "TAP_SCHEMA.schemas";
    public const string Tables = "TAP_SCHEMA.tables";
    public const string Columns = "TAP_SCHEMA.columns";
    public const string Keys = "TAP_SCHEMA.keys";
    public const string KeyColumns = "TAP_SCHEMA.key_columns";

    /// <summary>TAP_SCHEMA sorts after the catalogues (catalogue schemas have no index and sort as 0).</summary>
    public const int SchemaIndex = 100_000;

    public static readonly SchemaDescription Schema =
        new(SchemaName, "Metadata of the tables published by this service (TAP 1.1 §4).", SchemaIndex: SchemaIndex);

    // Non-nullable columns (TAP 1.1 §4.1–4.5).
    private static readonly HashSet<string> NotNull =
    [
        "TAP_SCHEMA.schemas.schema_name", "TAP_SCHEMA.tables.schema_name", "TAP_SCHEMA.tables.table_name",
        "TAP_SCHEMA.tables.table_type", "TAP_SCHEMA.columns.table_name", "TAP_SCHEMA.columns.column_name",
        "TAP_SCHEMA.columns.datatype", "TAP_SCHEMA.columns.indexed", "TAP_SCHEMA.columns.principal",
        "TAP_SCHEMA.columns.std", "TAP_SCHEMA.keys.key_id", "TAP_SCHEMA.keys.from_table",
        "TAP_SCHEMA.keys.target_table", "TAP_SCHEMA.key_columns.key_id", "TAP_SCHEMA.key_columns.from_column",
        "TAP_SCHEMA.key_columns.target_column",
    ];

    /// <summary>Uniqueness TAP 1.1 §4 requires (table_name; table_name + column_name; key_id), as key column lists.</summary>
    public static readonly IReadOnlyDictionary<string, string> PrimaryKeys = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Schemas] = "schema_name",
        [Tables] = "table_name",
        [Columns] = "table_name, column_name",
        [Keys] = "key_id",
    };

    /// <summary>The five TAP_SCHEMA tables, in TAP 1.1 §4 order, with their columns and foreign keys.</summary>
    public static readonly IReadOnlyList<TableDescription> All =
    [
        Table(Schemas, "Schemas published by this service.", 1,
        [
            Text("schema_name", "Schema name, as used in ADQL queries."),
            Text("utype", "UType of the schema."),
            Text("description", "Description of the schema."),
            Int("schema_index", "Recommended display order of the schemas."),
        ]),
        Table(Tables, "Tables published by this service.", 2,
        [
            Text("schema_name", "Name of the schema the table belongs to."),
            Text("table_name", "Fully qualified table name, as used in ADQL queries."),
            Text("table_type", "One of: table, view."),
            Text("utype", "UType of the table."),
            Text("description", "Description of the table."),
            Int("table_index", "Recommended display order of the tables."),
        ], Fk("tables_schema_name", Tables, Schemas, "schema_name", "schema_name")),
        Table(Columns, "Columns of the published tables.", 3,
        [
            Text("table_name", "Fully qualified name of the table the column belongs to."),
            Text("column_name", "Column name, as used in ADQL queries."),
            Text("datatype", "VOTable datatype of the column (char, int, double, ...)."),
            Text("arraysize", "VOTable arraysize of the column (e.g. *, 12*, 2), null for scalars."),
            Text("xtype", "VOTable/DALI extended type of the column (timestamp, point, ...)."),
            Int("\"size\"", "Integer part of a one-dimensional arraysize; null for scalars, * and multi-dimensional arrays."),
            Text("description", "Description of the column."),
            Text("utype", "UType of the column."),
            Text("unit", "Unit of the column values (VOUnit)."),
            Text("ucd", "UCD (UCD1+) of the column."),
            Int("indexed", "1 if the column is indexed, 0 otherwise."),
            Int("principal", "1 if the column is principal (shown by default), 0 otherwise."),
            Int("std", "1 if the column is defined by a standard, 0 otherwise."),
            Int("column_index", "Recommended display order of the columns within their table."),
        ], Fk("columns_table_name", Columns, Tables, "table_name", "table_name")),
        Table(Keys, "Foreign keys between the published tables.", 4,
        [
            Text("key_id", "Unique identifier of the foreign key, joins to TAP_SCHEMA.key_columns."),
            Text("from_table", "Fully qualified name of the table holding the foreign key."),
            Text("target_table", "Fully qualified name of the table the foreign key refers to."),
            Text("description", "Description of the foreign key."),
            Text("utype", "UType of the foreign key."),
        ],
            Fk("keys_from_table", Keys, Tables, "from_table", "table_name"),
            Fk("keys_target_table", Keys, Tables, "target_table", "table_name")),
        Table(KeyColumns, "Column pairs of the foreign keys.", 5,
        [
            Text("key_id", "Identifier of the foreign key in TAP_SCHEMA.keys."),
            Text("from_column", "Column of the from_table."),
            Text("target_column", "Column of the target_table."),
        ], Fk("key_columns_key_id", KeyColumns, Keys, "key_id", "key_id")),
    ];

    /// <summary>Whether TAP 1.1 §4 declares <paramref name="columnName"/> of <paramref name="tableName"/> NOT NULL.</summary>
    public static bool IsNotNull(string tableName, string columnName) => NotNull.Contains(tableName + "." + columnName);

    /// <summary>Whether the column is one of the 0/1 flags (indexed, principal, std) that must hold only 0 or 1.</summary>
    public static bool IsFlag(string columnName) => columnName is "indexed" or "principal" or "std";

    private static TableDescription Table(string name, string description, int index,
        ColumnDescription[] columns, params ForeignKeyDescription[] keys)
    {
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = columns[i] with { ColumnIndex = i + 1 };
        }
        return new TableDescription(SchemaName, name, columns, Description: description,
            TableIndex: SchemaIndex + index, ForeignKeys: keys);
    }

    private static ColumnDescription Text(string name, string description) =>
        new(name, "char", "*", Description: description, Principal: true, Std: true);

    private static ColumnDescription Int(string name, string description) =>
        new(name, "int", Description: description, Principal: true, Std: true);

    private static ForeignKeyDescription Fk(string id, string from, string target, string fromColumn,
        string targetColumn) =>
        new(id, from, target, [new KeyColumnDescription(fromColumn, targetColumn)],
            Description: $"{from}.{fromColumn} refers to {target}.{targetColumn}");
}
