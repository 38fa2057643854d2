using VoServices.Tap.Results;

namespace VoServices.Tap.Uploads;

/// <summary>
/// One column of an uploaded table (TAP 1.1 §2.5: the FIELD name becomes the column name).
/// </summary>
/// <param name="Metadata">The FIELD's metadata; <see cref="ResultColumn.Name"/> is the FIELD name exactly as
/// uploaded — the name ADQL sees, possibly not a regular identifier (<c>2mass id</c>) and possibly differing from
/// another column only by case (<c>u</c>, <c>U</c>).</param>
/// <param name="StorageName">A name for the database column, unique in the table ignoring case: lower-case
/// <c>[a-z][a-z0-9_]*</c>, at most 63 characters (PostgreSQL's limit), never an SQL/ADQL reserved word (e.g.
/// <c>2mass id</c> → <c>c_2mass_id</c>, <c>U</c> after <c>u</c> → <c>u_2</c>). Quoting it is still advisable.</param>
public sealed record UploadedColumn(ResultColumn Metadata, string StorageName)
{
    /// <summary>The FIELD name (= <see cref="ResultColumn.Name"/>).</summary>
    public string Name => Metadata.Name;

    /// <summary>
    /// True when ADQL can only refer to the column as a delimited identifier (ADQL 2.1 §2.1.3): the name is not
    /// <c>[A-Za-z][A-Za-z0-9_]*</c> or is a reserved word.
    /// </summary>
    public bool RequiresDelimiting { get; init; }

    /// <summary>The ADQL delimited form, <c>"name"</c> with inner quotes doubled (always valid, exact case).</summary>
    public string DelimitedName => "\"" + Name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
