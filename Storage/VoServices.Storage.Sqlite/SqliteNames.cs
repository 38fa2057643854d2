namespace VoServices.Storage.Sqlite;

/// <summary>
/// Physical naming in the embedded SQLite database. Every published table is stored under one quoted identifier equal
/// to its ADQL qualified name as TAP_SCHEMA.tables.table_name holds it (<c>tycho2.main</c> → SQLite table
/// <c>"tycho2.main"</c>, <c>TAP_SCHEMA.columns</c> → <c>"TAP_SCHEMA.columns"</c>): SQLite has no schemas besides
/// attached databases, and a dotted quoted name keeps the mapping trivial and reversible. Physical columns are named
/// like their ADQL column, without delimiting quotes (TAP_SCHEMA's <c>"size"</c> → SQLite column <c>size</c>).
/// The SQLite SQL dialect maps ADQL names onto these.
/// </summary>
public static class SqliteNames
{
    /// <summary>Quotes any text as an SQLite identifier (<c>a"b</c> → <c>"a""b"</c>).</summary>
    public static string Quote(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>The quoted SQLite table for an ADQL qualified table name (<c>tycho2.main</c> → <c>"tycho2.main"</c>).</summary>
    public static string Table(string adqlTableName) => Quote(Unquote(adqlTableName));

    /// <summary>The quoted SQLite column for an ADQL column name (<c>"size"</c> → <c>"size"</c>, <c>ra</c> → <c>"ra"</c>).</summary>
    public static string Column(string adqlColumnName) => Quote(Unquote(adqlColumnName));

    /// <summary>
    /// Removes ADQL delimiting quotes from a name, unescaping doubled quotes (<c>"size"</c> → <c>size</c>); other
    /// names are returned unchanged. Quoted parts of qualified names are unquoted piecewise only when the whole
    /// name is one delimited identifier.
    /// </summary>
    public static string Unquote(string adqlName)
    {
        ArgumentNullException.ThrowIfNull(adqlName);
        return adqlName.Length >= 2 && adqlName[0] == '"' && adqlName[^1] == '"'
            ? adqlName[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal)
            : adqlName;
    }
}
