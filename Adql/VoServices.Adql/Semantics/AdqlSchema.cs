namespace VoServices.Adql.Semantics;

/// <summary>
/// What the ADQL layer knows of a queryable column: its TAP_SCHEMA metadata. <paramref name="Name"/> is the column name
/// as stored in TAP_SCHEMA (lower case when undelimited; with its double quotes when it needs them, e.g. <c>"size"</c>).
/// <paramref name="Datatype"/> is a VOTable datatype name; <paramref name="ArraySize"/> a VOTable arraysize or null.
/// </summary>
public sealed record AdqlColumn(
    string Name,
    string Datatype,
    string? ArraySize = null,
    string? XType = null,
    string? Unit = null,
    string? Ucd = null,
    string? Utype = null,
    string? Description = null,
    bool Indexed = false);

/// <summary>Where a table comes from: the published catalogue (TAP_SCHEMA) or a TAP upload of this request.</summary>
public enum AdqlTableKind
{
    /// <summary>A table described in TAP_SCHEMA (including TAP_SCHEMA's own tables).</summary>
    Catalog,

    /// <summary>A <c>TAP_UPLOAD.name</c> table of the current request (TAP 1.1 §2.5.3).</summary>
    Upload,
}

/// <summary>
/// A queryable table. <paramref name="QualifiedName"/> is the TAP_SCHEMA table_name (<c>tycho2.main</c>,
/// <c>TAP_SCHEMA.columns</c>, <c>TAP_UPLOAD.mine</c>); <paramref name="SchemaName"/> its schema part (null when the table
/// is unqualified). <paramref name="RaColumn"/>/<paramref name="DecColumn"/> name the positional columns (ICRS degrees)
/// when the store keeps a spatial index on them — dialects use this to turn cones and crossmatches into index scans.
/// <paramref name="StorageName"/> is the backend's physical name when it differs (dialects decide how to quote it).
/// </summary>
public sealed record AdqlTable(
    string? SchemaName,
    string QualifiedName,
    IReadOnlyList<AdqlColumn> Columns,
    AdqlTableKind Kind = AdqlTableKind.Catalog,
    string? RaColumn = null,
    string? DecColumn = null,
    string? StorageName = null,
    string? Description = null)
{
    /// <summary>The unqualified table name (last dot-separated part of <see cref="QualifiedName"/>, quotes kept).</summary>
    public string TableName => SchemaName is null ? QualifiedName : QualifiedName[(SchemaName.Length + 1)..];
}

/// <summary>
/// The tables a query may reach (TAP_SCHEMA plus this request's uploads). Lookups follow ADQL 2.1 §2.1.3 case rules:
/// undelimited names match case-insensitively, delimited names exactly. Implemented by the TAP layer over
/// TAP_SCHEMA, and by tests in memory.
/// </summary>
public interface IAdqlSchema
{
    /// <summary>All reachable tables (used for "did you mean" suggestions).</summary>
    IReadOnlyList<AdqlTable> Tables { get; }
}

/// <summary>A simple in-memory <see cref="IAdqlSchema"/>.</summary>
public sealed record AdqlSchema(IReadOnlyList<AdqlTable> Tables) : IAdqlSchema
{
    /// <summary>This schema plus the given upload tables.</summary>
    public AdqlSchema With(IEnumerable<AdqlTable> more) => new([.. Tables, .. more]);
}
