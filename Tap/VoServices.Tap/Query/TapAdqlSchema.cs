using VoServices.Adql.Semantics;
using VoServices.Tap.Ingest;
using VoServices.Tap.TapSchema;
using VoServices.Tap.Uploads;

namespace VoServices.Tap.Query;

/// <summary>
/// The schema stage's inputs (architecture.md §4): TAP_SCHEMA as the ADQL layer sees it, and uploads as
/// <c>TAP_UPLOAD.name</c> tables (TAP 1.1 §2.5). Pure functions.
/// </summary>
public static class TapAdqlSchema
{
    /// <summary>The schema of uploaded tables (TAP 1.1 §2.5.3).</summary>
    public const string UploadSchema = "TAP_UPLOAD";

    /// <summary>
    /// Every TAP_SCHEMA table with its columns (names as stored, metadata for type inference);
    /// <see cref="AdqlTable.RaColumn"/>/<see cref="AdqlTable.DecColumn"/> only for tables where
    /// <paramref name="hasSpatialIndex"/> says the backend keeps the index the dialect will use.
    /// </summary>
    public static AdqlSchema FromDocument(TapSchemaDocument document, Func<TableDescription, bool> hasSpatialIndex)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(hasSpatialIndex);
        return new AdqlSchema([.. document.Tables.Select(t =>
        {
            var indexed = t.RaColumn is not null && t.DecColumn is not null && hasSpatialIndex(t);
            return new AdqlTable(t.SchemaName, t.TableName, [.. t.Columns.Select(ToAdql)],
                RaColumn: indexed ? t.RaColumn : null, DecColumn: indexed ? t.DecColumn : null,
                Description: t.Description);
        })]);
    }

    private static AdqlColumn ToAdql(ColumnDescription c) =>
        new(c.ColumnName, c.Datatype, c.ArraySize, c.XType, c.Unit, c.Ucd, c.Utype, c.Description, c.Indexed);

    /// <summary>
    /// The ADQL table of an upload stored as <paramref name="storageName"/>: <c>TAP_UPLOAD.name</c>, one column per
    /// FIELD in FIELD order with the FIELD's metadata. Column names follow the TAP_SCHEMA convention the resolver
    /// expects: a regular identifier as uploaded (matched case-insensitively), otherwise delimited (<c>"2mass id"</c>,
    /// reserved words, and every later column whose name differs from an earlier one only by case, so that
    /// <c>u</c> and <c>U</c> stay distinct: gmantele/vollt#159).
    /// </summary>
    public static AdqlTable DescribeUpload(UploadedTable upload, string storageName)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentException.ThrowIfNullOrEmpty(storageName);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var columns = upload.UploadedColumns.Select(c =>
        {
            var regular = !c.RequiresDelimiting && seen.Add(c.Name);
            seen.Add(c.Name);
            var m = c.Metadata;
            // VOTable 1.3 erratum 3: arraysize="1" on char is the deprecated spelling of a single character.
            var arraySize = m.Datatype is "char" or "unicodeChar" && m.ArraySize == "1" ? null : m.ArraySize;
            return new AdqlColumn(regular ? c.Name : c.DelimitedName, m.Datatype, arraySize, m.XType, m.Unit, m.Ucd,
                m.Utype, m.Description);
        }).ToArray();
        return new AdqlTable(UploadSchema, UploadSchema + "." + upload.Name, columns, AdqlTableKind.Upload,
            StorageName: storageName);
    }

    /// <summary>
    /// A storage-safe name for the temporary table of upload <paramref name="uploadName"/>
    /// (<c>[A-Za-z][A-Za-z0-9_]*</c>, DALI 1.1 §4.3.5): <c>tap_upload_</c> plus the lower-cased name, which no published
    /// table can have (those are <c>schema.table</c>).
    /// </summary>
    public static string StorageName(string uploadName)
    {
        ArgumentException.ThrowIfNullOrEmpty(uploadName);
        if (!AdqlIdentifiers.IsRegularIdentifier(uploadName))
        {
            throw new ArgumentException($"'{uploadName}' is not a valid upload name", nameof(uploadName));
        }
        return "tap_upload_" + uploadName.ToLowerInvariant();
    }
}
