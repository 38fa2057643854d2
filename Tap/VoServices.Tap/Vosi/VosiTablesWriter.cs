using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using VoServices.Tap.TapSchema;

namespace VoServices.Tap.Vosi;

/// <summary>
/// Writes the VOSI-tables documents (VOSI 1.1 §3.4): <c>vosi:tableset</c> for <c>/tables</c> and <c>vosi:table</c>
/// for <c>/tables/{table_name}</c>, as VODataService TableSet/Table (validated against VODataService-v1.2.xsd, the
/// schema taplint resolves for the <c>VODataService/v1.1</c> namespace). Streams with an asynchronous
/// <see cref="XmlWriter"/>: memory does not grow with the number of tables or columns.
/// </summary>
public static partial class VosiTablesWriter
{
    // VODataService 1.2 vs:VOTableType enumeration; TAP_SCHEMA.columns.datatype uses the same names (TAP 1.1 §4.3).
    private static readonly string[] VoTableDatatypes =
    [
        "boolean", "bit", "unsignedByte", "short", "int", "long", "char", "unicodeChar", "float", "double",
        "floatComplex", "doubleComplex",
    ];

    /// <summary>
    /// Checks, before anything is written, that every column can be expressed as a schema-valid
    /// <c>vs:VOTableType</c>: a VOTable datatype name and an arraysize matching <c>([0-9]+x)*[0-9]*[0-9*]</c>.
    /// </summary>
    /// <exception cref="VosiDocumentException">naming the first offending table and column.</exception>
    public static void Validate(TapSchemaDocument schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        foreach (var table in schema.Tables)
        {
            Validate(table);
        }
    }

    /// <inheritdoc cref="Validate(TapSchemaDocument)"/>
    public static void Validate(TableDescription table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (string.IsNullOrWhiteSpace(table.TableName))
        {
            throw new VosiDocumentException($"A table of schema '{table.SchemaName}' has an empty table_name.");
        }
        foreach (var column in table.Columns)
        {
            if (string.IsNullOrWhiteSpace(column.ColumnName))
            {
                throw new VosiDocumentException($"Table {table.TableName} has a column with an empty column_name.");
            }
            if (CanonicalDatatype(column.Datatype) is null)
            {
                throw new VosiDocumentException(
                    $"Column {table.TableName}.{column.ColumnName}: datatype '{column.Datatype}' is not a VOTable " +
                    "datatype (TAP 1.1 §4.3, VODataService 1.2 vs:VOTableType).");
            }
            if (!string.IsNullOrEmpty(column.ArraySize) && !ArrayShape().IsMatch(column.ArraySize))
            {
                throw new VosiDocumentException(
                    $"Column {table.TableName}.{column.ColumnName}: arraysize '{column.ArraySize}' is not a VOTable " +
                    "array shape such as 2, 32*, * or 3x2 (VODataService 1.2 vs:ArrayShape).");
            }
        }
        foreach (var key in table.Keys)
        {
            if (string.IsNullOrWhiteSpace(key.TargetTable) || key.Columns.Count == 0)
            {
                throw new VosiDocumentException(
                    $"Foreign key '{key.KeyId}' of {table.TableName} needs a target table and at least one column " +
                    "pair (TAP 1.1 §4.4-4.5, VODataService 1.2 vs:ForeignKey).");
            }
        }
    }

    /// <summary>
    /// Writes <c>&lt;vosi:tableset&gt;</c> for <paramref name="schema"/> to <paramref name="output"/> (UTF-8). Schemas
    /// appear in document order, then any schema named only by a table; an empty document yields one empty schema
    /// named <c>default</c> because VODataService requires at least one.
    /// </summary>
    /// <exception cref="VosiDocumentException">when <see cref="Validate(TapSchemaDocument)"/> fails.</exception>
    public static Task WriteTableSetAsync(Stream output, TapSchemaDocument schema, TableDetail detail,
        CancellationToken cancellationToken) =>
        WriteTableSetAsync(output, schema, detail, includeRowCounts: true, cancellationToken);

    /// <summary>
    /// As <see cref="WriteTableSetAsync(Stream, TapSchemaDocument, TableDetail, CancellationToken)"/>;
    /// <paramref name="includeRowCounts"/> false omits <c>nrows</c>, which VODataService 1.2 defines but parsers
    /// written for 1.1 (e.g. pyvo 1.2) report as an unknown element.
    /// </summary>
    public static async Task WriteTableSetAsync(Stream output, TapSchemaDocument schema, TableDetail detail,
        bool includeRowCounts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        Validate(schema);
        await using var writer = VosiXml.Create(output);
        await writer.WriteStartDocumentAsync().ConfigureAwait(false);
        await writer.WriteStartElementAsync("vosi", "tableset", VosiNamespaces.Tables).ConfigureAwait(false);
        await WriteNamespaceDeclarationsAsync(writer).ConfigureAwait(false);
        // No version="1.1" here: vs:TableSet only admits attributes from other namespaces (##other), so an
        // unqualified version attribute fails VOSITables-v1.1.xsd. The 1.1 level is declared by the capability
        // (standardID #tables-1.1, interface version="1.1").
        var schemas = SchemasInOrder(schema);
        if (schemas.Count == 0)
        {
            schemas.Add(new SchemaDescription("default"));
        }
        foreach (var s in schemas)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteStartElementAsync(null, "schema", null).ConfigureAwait(false);
            await writer.WriteElementStringAsync(null, "name", null, VosiXml.Clean(s.SchemaName)).ConfigureAwait(false);
            await VosiXml.WriteOptionalAsync(writer, "description", s.Description).ConfigureAwait(false);
            await VosiXml.WriteOptionalAsync(writer, "utype", s.Utype).ConfigureAwait(false);
            foreach (var table in schema.TablesOf(s.SchemaName))
            {
                cancellationToken.ThrowIfCancellationRequested();
                await WriteTableAsync(writer, table, detail, includeRowCounts, null, cancellationToken).ConfigureAwait(false);
            }
            await writer.WriteEndElementAsync().ConfigureAwait(false);
        }
        await writer.WriteEndElementAsync().ConfigureAwait(false);
        await writer.WriteEndDocumentAsync().ConfigureAwait(false);
        await writer.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Writes <c>&lt;vosi:table&gt;</c> (the child resource <c>/tables/{table_name}</c>, VOSI 1.1 §3.4) with its columns
    /// and foreign keys.
    /// </summary>
    /// <exception cref="VosiDocumentException">when <see cref="Validate(TableDescription)"/> fails.</exception>
    public static Task WriteTableAsync(Stream output, TableDescription table, CancellationToken cancellationToken) =>
        WriteTableAsync(output, table, includeRowCounts: true, cancellationToken);

    /// <summary>As <see cref="WriteTableAsync(Stream, TableDescription, CancellationToken)"/>, optionally without <c>nrows</c>.</summary>
    public static async Task WriteTableAsync(Stream output, TableDescription table, bool includeRowCounts,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        Validate(table);
        await using var writer = VosiXml.Create(output);
        await writer.WriteStartDocumentAsync().ConfigureAwait(false);
        await WriteTableAsync(writer, table, TableDetail.Max, includeRowCounts, VosiNamespaces.Tables,
            cancellationToken)
            .ConfigureAwait(false);
        await writer.WriteEndDocumentAsync().ConfigureAwait(false);
        await writer.FlushAsync().ConfigureAwait(false);
    }

    private static List<SchemaDescription> SchemasInOrder(TapSchemaDocument schema)
    {
        var result = new List<SchemaDescription>(schema.Schemas);
        var known = new HashSet<string>(schema.Schemas.Select(s => s.SchemaName), StringComparer.OrdinalIgnoreCase);
        foreach (var table in schema.Tables)
        {
            // A table whose schema row is missing would otherwise vanish from /tables (and from clients' view).
            if (known.Add(table.SchemaName))
            {
                result.Add(new SchemaDescription(table.SchemaName));
            }
        }
        return result;
    }

    private static async Task WriteNamespaceDeclarationsAsync(XmlWriter writer)
    {
        await writer.WriteAttributeStringAsync("xmlns", "vs", null, VosiNamespaces.VODataService).ConfigureAwait(false);
        await writer.WriteAttributeStringAsync("xmlns", "xsi", null, VosiNamespaces.XmlSchemaInstance).ConfigureAwait(false);
    }

    // rootNamespace is null for a <table> inside a <schema>, VOSITables for the vosi:table root element.
    private static async Task WriteTableAsync(XmlWriter writer, TableDescription table, TableDetail detail,
        bool includeRowCounts, string? rootNamespace, CancellationToken cancellationToken)
    {
        if (rootNamespace is null)
        {
            await writer.WriteStartElementAsync(null, "table", null).ConfigureAwait(false);
        }
        else
        {
            await writer.WriteStartElementAsync("vosi", "table", rootNamespace).ConfigureAwait(false);
            await WriteNamespaceDeclarationsAsync(writer).ConfigureAwait(false);
        }
        // VODataService 1.2 §3.5: "type" is free text; we publish TAP_SCHEMA.tables.table_type (table|view) as is
        // so that /tables and TAP_SCHEMA agree (taplint TMC).
        if (!string.IsNullOrEmpty(table.TableType))
        {
            await writer.WriteAttributeStringAsync(null, "type", null, VosiXml.Clean(table.TableType)).ConfigureAwait(false);
        }
        // Element order is the xs:sequence of vs:Table: name, title, description, utype, nrows, column*, foreignKey*.
        await writer.WriteElementStringAsync(null, "name", null, VosiXml.Clean(table.TableName)).ConfigureAwait(false);
        await VosiXml.WriteOptionalAsync(writer, "description", table.Description).ConfigureAwait(false);
        await VosiXml.WriteOptionalAsync(writer, "utype", table.Utype).ConfigureAwait(false);
        if (includeRowCounts && table.RowCount is >= 0)
        {
            // nrows exists from VODataService 1.2 on (same namespace as 1.1).
            await writer.WriteElementStringAsync(null, "nrows", null,
                table.RowCount.Value.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        }
        if (detail == TableDetail.Max)
        {
            foreach (var column in table.Columns)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await WriteColumnAsync(writer, column).ConfigureAwait(false);
            }
            foreach (var key in table.Keys)
            {
                await WriteForeignKeyAsync(writer, key).ConfigureAwait(false);
            }
        }
        await writer.WriteEndElementAsync().ConfigureAwait(false);
    }

    private static async Task WriteColumnAsync(XmlWriter writer, ColumnDescription column)
    {
        await writer.WriteStartElementAsync(null, "column", null).ConfigureAwait(false);
        if (column.Std)
        {
            // TAP_SCHEMA.columns.std=1 ⇔ VODataService TableParam/@std (TAP 1.1 §4.3).
            await writer.WriteAttributeStringAsync(null, "std", null, "true").ConfigureAwait(false);
        }
        // vs:BaseParam sequence: name, description, unit, ucd, utype; then vs:TableParam: dataType, flag*.
        await writer.WriteElementStringAsync(null, "name", null, VosiXml.Clean(column.ColumnName)).ConfigureAwait(false);
        await VosiXml.WriteOptionalAsync(writer, "description", column.Description).ConfigureAwait(false);
        await VosiXml.WriteOptionalAsync(writer, "unit", column.Unit).ConfigureAwait(false);
        await VosiXml.WriteOptionalAsync(writer, "ucd", column.Ucd).ConfigureAwait(false);
        await VosiXml.WriteOptionalAsync(writer, "utype", column.Utype).ConfigureAwait(false);
        await writer.WriteStartElementAsync(null, "dataType", null).ConfigureAwait(false);
        await writer.WriteAttributeStringAsync("xsi", "type", VosiNamespaces.XmlSchemaInstance, "vs:VOTableType")
            .ConfigureAwait(false);
        if (!string.IsNullOrEmpty(column.ArraySize))
        {
            await writer.WriteAttributeStringAsync(null, "arraysize", null, column.ArraySize).ConfigureAwait(false);
        }
        if (!string.IsNullOrEmpty(column.XType))
        {
            await writer.WriteAttributeStringAsync(null, "extendedType", null, VosiXml.Clean(column.XType))
                .ConfigureAwait(false);
        }
        await writer.WriteStringAsync(CanonicalDatatype(column.Datatype)).ConfigureAwait(false);
        await writer.WriteEndElementAsync().ConfigureAwait(false);
        if (column.Indexed)
        {
            // Only the flags VODataService 1.2 recognises (indexed, primary, nullable); TAP_SCHEMA knows "indexed".
            await writer.WriteElementStringAsync(null, "flag", null, "indexed").ConfigureAwait(false);
        }
        await writer.WriteEndElementAsync().ConfigureAwait(false);
    }

    private static async Task WriteForeignKeyAsync(XmlWriter writer, ForeignKeyDescription key)
    {
        // vs:ForeignKey sequence: targetTable, fkColumn+, description, utype.
        await writer.WriteStartElementAsync(null, "foreignKey", null).ConfigureAwait(false);
        await writer.WriteElementStringAsync(null, "targetTable", null, VosiXml.Clean(key.TargetTable)).ConfigureAwait(false);
        foreach (var pair in key.Columns)
        {
            await writer.WriteStartElementAsync(null, "fkColumn", null).ConfigureAwait(false);
            await writer.WriteElementStringAsync(null, "fromColumn", null, VosiXml.Clean(pair.FromColumn)).ConfigureAwait(false);
            await writer.WriteElementStringAsync(null, "targetColumn", null, VosiXml.Clean(pair.TargetColumn))
                .ConfigureAwait(false);
            await writer.WriteEndElementAsync().ConfigureAwait(false);
        }
        await VosiXml.WriteOptionalAsync(writer, "description", key.Description).ConfigureAwait(false);
        await VosiXml.WriteOptionalAsync(writer, "utype", key.Utype).ConfigureAwait(false);
        await writer.WriteEndElementAsync().ConfigureAwait(false);
    }

    private static string? CanonicalDatatype(string? datatype) =>
        datatype is null
            ? null
            : Array.Find(VoTableDatatypes, t => t.Equals(datatype.Trim(), StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex("^([0-9]+x)*[0-9]*[0-9*]$", RegexOptions.CultureInvariant)]
    private static partial Regex ArrayShape();
}
