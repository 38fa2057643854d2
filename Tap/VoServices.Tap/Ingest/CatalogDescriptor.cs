using VoServices.Tap.TapSchema;

namespace VoServices.Tap.Ingest;

/// <summary>How a catalogue source file is encoded.</summary>
public enum CatalogFormat
{
    /// <summary>Comma-separated values with a header row (RFC 4180), optionally gzip-compressed.</summary>
    Csv,

    /// <summary>A VOTable document (any version 1.1–1.5); the first TABLE is read.</summary>
    VoTable,
}

/// <summary>
/// One catalogue as described by a YAML descriptor (see <see cref="CatalogDescriptorReader"/>): the ADQL schema and
/// table it becomes (<c>tycho2.main</c>), where its rows come from and how each column is typed and annotated.
/// Paths are absolute (resolved against the descriptor's folder).
/// </summary>
/// <param name="SchemaName">ADQL schema name, a lower-case regular identifier (<c>tycho2</c>).</param>
/// <param name="SchemaDescription">Human description of the schema, or null.</param>
/// <param name="TableName">Unqualified ADQL table name, a lower-case regular identifier (<c>main</c>).</param>
/// <param name="TableDescription">Human description of the table, or null.</param>
/// <param name="Source">Absolute path of the full source file, or null when the descriptor names none.</param>
/// <param name="DemoSubset">Absolute path of the small subset used when <paramref name="Source"/> is absent, or null.</param>
/// <param name="Format">Explicit format, or null to infer it from each file's extension.</param>
/// <param name="RaColumn">ADQL name of the right ascension column (ICRS, degrees).</param>
/// <param name="DecColumn">ADQL name of the declination column (ICRS, degrees).</param>
/// <param name="Columns">The published columns, in table order; never empty.</param>
/// <param name="DescriptorPath">Absolute path of the YAML file this came from (for messages), or null.</param>
public sealed record CatalogDescriptor(
    string SchemaName,
    string? SchemaDescription,
    string TableName,
    string? TableDescription,
    string? Source,
    string? DemoSubset,
    CatalogFormat? Format,
    string RaColumn,
    string DecColumn,
    IReadOnlyList<CatalogColumn> Columns,
    string? DescriptorPath = null)
{
    /// <summary>The qualified ADQL table name, <c>schema.table</c>, as stored in TAP_SCHEMA.tables.table_name.</summary>
    public string QualifiedTableName => SchemaName + "." + TableName;

    /// <summary>The TAP_SCHEMA.schemas row for this catalogue.</summary>
    public SchemaDescription ToSchemaDescription() => new(SchemaName, SchemaDescription);

    /// <summary>
    /// The TAP_SCHEMA.tables row with its TAP_SCHEMA.columns rows (column_index = 1-based position, std = 0).
    /// </summary>
    public TableDescription ToTableDescription()
    {
        var columns = new ColumnDescription[Columns.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = Columns[i].ToColumnDescription(i + 1);
        }
        return new TableDescription(SchemaName, QualifiedTableName, columns, Description: TableDescription);
    }

    /// <summary>The ingest target a <see cref="ICatalogStore"/> needs for this catalogue.</summary>
    public CatalogTable ToCatalogTable() => new(ToSchemaDescription(), ToTableDescription(), RaColumn, DecColumn);
}

/// <summary>
/// One column of a <see cref="CatalogDescriptor"/>.
/// </summary>
/// <param name="Name">ADQL column name, a lower-case regular identifier that is not a reserved word.</param>
/// <param name="SourceColumn">Name of the column in the source file (CSV header or VOTable FIELD name); defaults to
/// <paramref name="Name"/>.</param>
/// <param name="Datatype">VOTable datatype of the published column.</param>
/// <param name="ArraySize">VOTable arraysize (<c>"*"</c>, <c>"12*"</c>, <c>"5"</c>) for char/unicodeChar, else null.</param>
/// <param name="Unit">VOUnit string (<c>deg</c>, <c>mas/yr</c>, <c>mag</c>) or null.</param>
/// <param name="Ucd">UCD1+ (<c>pos.eq.ra;meta.main</c>) or null.</param>
/// <param name="Description">Human description or null.</param>
/// <param name="Principal">TAP_SCHEMA.columns.principal.</param>
/// <param name="Indexed">TAP_SCHEMA.columns.indexed; backends build an index on the column.</param>
/// <param name="NullValue">A source value meaning NULL besides the empty cell (e.g. <c>-999</c>), or null.</param>
public sealed record CatalogColumn(
    string Name,
    string SourceColumn,
    CatalogDatatype Datatype,
    string? ArraySize = null,
    string? Unit = null,
    string? Ucd = null,
    string? Description = null,
    bool Principal = false,
    bool Indexed = false,
    string? NullValue = null)
{
    /// <summary>The TAP_SCHEMA.columns row for this column (std = 0).</summary>
    public ColumnDescription ToColumnDescription(int columnIndex) => new(
        Name, Datatype.ToVoTableName(), ArraySize, Description: Description, Unit: Unit, Ucd: Ucd,
        Indexed: Indexed, Principal: Principal, ColumnIndex: columnIndex);
}
