namespace VoServices.Tap.TapSchema;

/// <summary>
/// One row of <c>TAP_SCHEMA.schemas</c> (TAP 1.1 §4.2). <paramref name="SchemaName"/> is stored as users write it in
/// ADQL: lower case when undelimited, with its double quotes when it needs them.
/// </summary>
public sealed record SchemaDescription(
    string SchemaName,
    string? Description = null,
    string? Utype = null,
    int? SchemaIndex = null);

/// <summary>
/// One row of <c>TAP_SCHEMA.columns</c> (TAP 1.1 §4.3). <paramref name="Datatype"/> is a VOTable datatype name
/// (<c>char</c>, <c>int</c>, <c>double</c>…); <paramref name="ArraySize"/> a VOTable arraysize string (<c>"*"</c>,
/// <c>"2"</c>, <c>"32*"</c>) or null for scalars; <see cref="Size"/> is derived from it as the standard requires.
/// </summary>
public sealed record ColumnDescription(
    string ColumnName,
    string Datatype,
    string? ArraySize = null,
    string? XType = null,
    string? Description = null,
    string? Unit = null,
    string? Ucd = null,
    string? Utype = null,
    bool Indexed = false,
    bool Principal = false,
    bool Std = false,
    int? ColumnIndex = null)
{
    /// <summary>
    /// TAP_SCHEMA.columns."size": the integer part of a one-dimensional arraysize (<c>"32*"</c> → 32), null for
    /// scalars, variable (<c>"*"</c>) and multi-dimensional arrays (TAP 1.1 §4.3).
    /// </summary>
    public int? Size
    {
        get
        {
            if (string.IsNullOrEmpty(ArraySize) || ArraySize.Contains('x', StringComparison.Ordinal))
            {
                return null;
            }
            var digits = ArraySize.TrimEnd('*');
            return int.TryParse(digits, System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
        }
    }
}

/// <summary>One row of <c>TAP_SCHEMA.key_columns</c>: a column pair of a foreign key.</summary>
public sealed record KeyColumnDescription(string FromColumn, string TargetColumn);

/// <summary>One row of <c>TAP_SCHEMA.keys</c> with its key columns (TAP 1.1 §4.4, §4.5).</summary>
public sealed record ForeignKeyDescription(
    string KeyId,
    string FromTable,
    string TargetTable,
    IReadOnlyList<KeyColumnDescription> Columns,
    string? Description = null,
    string? Utype = null);

/// <summary>
/// One row of <c>TAP_SCHEMA.tables</c> with its columns in column order and the foreign keys that start at it.
/// <paramref name="TableName"/> is the qualified name to use in ADQL (<c>tycho2.main</c>); <paramref name="TableType"/>
/// is <c>table</c> or <c>view</c>. <paramref name="RaColumn"/>/<paramref name="DecColumn"/> name the positional columns
/// (ICRS degrees) on which the store keeps a spatial index (not a TAP_SCHEMA column: the backends record them at
/// ingest); null for tables without one.
/// </summary>
public sealed record TableDescription(
    string SchemaName,
    string TableName,
    IReadOnlyList<ColumnDescription> Columns,
    string TableType = "table",
    string? Description = null,
    string? Utype = null,
    int? TableIndex = null,
    IReadOnlyList<ForeignKeyDescription>? ForeignKeys = null,
    long? RowCount = null,
    string? RaColumn = null,
    string? DecColumn = null)
{
    /// <summary>Foreign keys whose from_table is this table; never null.</summary>
    public IReadOnlyList<ForeignKeyDescription> Keys => ForeignKeys ?? [];
}

/// <summary>
/// The whole published schema as <c>TAP_SCHEMA</c> and VOSI-tables describe it: schemas in schema_index order,
/// each with its tables. Immutable; a new instance is produced when an ingest changes the catalogue.
/// </summary>
public sealed record TapSchemaDocument(
    IReadOnlyList<SchemaDescription> Schemas,
    IReadOnlyList<TableDescription> Tables)
{
    /// <summary>Tables belonging to <paramref name="schemaName"/>, compared case-insensitively.</summary>
    public IEnumerable<TableDescription> TablesOf(string schemaName) =>
        Tables.Where(t => string.Equals(t.SchemaName, schemaName, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Finds a table by its TAP_SCHEMA table_name (case-insensitive for undelimited names, exact for quoted ones);
    /// null when absent.
    /// </summary>
    public TableDescription? FindTable(string tableName) =>
        Tables.FirstOrDefault(t => string.Equals(t.TableName, tableName, StringComparison.Ordinal))
        ?? (tableName.Contains('"', StringComparison.Ordinal)
            ? null
            : Tables.FirstOrDefault(t => string.Equals(t.TableName, tableName, StringComparison.OrdinalIgnoreCase)));
}
