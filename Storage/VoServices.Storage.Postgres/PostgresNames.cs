using System.Globalization;
using System.Text;

namespace VoServices.Storage.Postgres;

/// <summary>
/// Physical naming in PostgreSQL. ADQL names map 1:1 onto real schemas, tables and columns, always quoted so that the
/// text stored in TAP_SCHEMA is the exact physical name: <c>tycho2.main</c> → <c>"tycho2"."main"</c>,
/// <c>TAP_SCHEMA.columns</c> → <c>"TAP_SCHEMA"."columns"</c>, column <c>"size"</c> → <c>"size"</c>. Undelimited
/// ADQL names are stored lower case (TAP 1.1 §4, standards.md §2), so quoting them changes nothing for SQL written by
/// hand. PostgreSQL identifiers hold at most 63 bytes (NAMEDATALEN − 1); longer names are rejected, never truncated.
/// </summary>
public static class PostgresNames
{
    /// <summary>Longest identifier PostgreSQL keeps without truncating it, in UTF-8 bytes.</summary>
    public const int MaxIdentifierBytes = 63;

    /// <summary>Quotes any text as a PostgreSQL identifier (<c>a"b</c> → <c>"a""b"</c>).</summary>
    /// <exception cref="ArgumentException">The name is empty, contains NUL or is longer than 63 UTF-8 bytes.</exception>
    public static string Quote(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        if (identifier.Length == 0 || identifier.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("a PostgreSQL identifier cannot be empty or contain NUL", nameof(identifier));
        }
        if (Encoding.UTF8.GetByteCount(identifier) > MaxIdentifierBytes)
        {
            throw new ArgumentException(
                $"identifier '{identifier}' is longer than {MaxIdentifierBytes} bytes, PostgreSQL's limit", nameof(identifier));
        }
        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Quotes text as an SQL string literal (<c>it's</c> → <c>'it''s'</c>), for DDL that takes no parameters.</summary>
    public static string Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary>
    /// Splits a qualified ADQL table name into its physical schema and table names, unquoting delimited parts
    /// (<c>tycho2.main</c> → (tycho2, main); <c>"my.schema"."T"</c> → (my.schema, T)).
    /// </summary>
    /// <exception cref="ArgumentException">The name is not <c>schema.table</c>.</exception>
    public static (string Schema, string Table) Split(string adqlTableName)
    {
        ArgumentNullException.ThrowIfNull(adqlTableName);
        var parts = SplitQualified(adqlTableName);
        return parts.Count == 2
            ? (parts[0], parts[1])
            : throw new ArgumentException($"'{adqlTableName}' is not a qualified table name schema.table", nameof(adqlTableName));
    }

    /// <summary>The quoted physical table for a qualified ADQL table name (<c>tycho2.main</c> → <c>"tycho2"."main"</c>).</summary>
    public static string Table(string adqlTableName)
    {
        var (schema, table) = Split(adqlTableName);
        return Quote(schema) + "." + Quote(table);
    }

    /// <summary>The quoted physical column for an ADQL column name (<c>"size"</c> → <c>"size"</c>, <c>ra</c> → <c>"ra"</c>).</summary>
    public static string Column(string adqlColumnName) => Quote(Unquote(adqlColumnName));

    /// <summary>
    /// Removes ADQL delimiting quotes from one identifier, unescaping doubled quotes (<c>"size"</c> → <c>size</c>);
    /// other names are returned unchanged.
    /// </summary>
    public static string Unquote(string adqlName)
    {
        ArgumentNullException.ThrowIfNull(adqlName);
        return adqlName.Length >= 2 && adqlName[0] == '"' && adqlName[^1] == '"'
            ? adqlName[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal)
            : adqlName;
    }

    /// <summary>
    /// An object name derived from <paramref name="baseName"/> and <paramref name="suffix"/> (<c>main#ra</c>) that fits
    /// in 63 bytes: when too long, the base is shortened and a hash of the full name appended, so distinct inputs keep
    /// distinct names.
    /// </summary>
    public static string Derived(string baseName, string suffix)
    {
        var full = baseName + "#" + suffix;
        if (Encoding.UTF8.GetByteCount(full) <= MaxIdentifierBytes)
        {
            return full;
        }
        var hash = "#" + Hash(full).ToString("x16", CultureInfo.InvariantCulture);
        var keep = new StringBuilder();
        var bytes = hash.Length;
        foreach (var rune in full.EnumerateRunes())
        {
            bytes += rune.Utf8SequenceLength;
            if (bytes > MaxIdentifierBytes)
            {
                break;
            }
            keep.Append(rune.ToString());
        }
        return keep.Append(hash).ToString();
    }

    /// <summary>64-bit FNV-1a of the UTF-8 text: stable across processes (unlike string.GetHashCode), for lock keys.</summary>
    public static long Hash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }
        return unchecked((long)hash);
    }

    private static List<string> SplitQualified(string name)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < name.Length && name[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"' && current.Length == 0 && !wasQuoted)
            {
                quoted = wasQuoted = true;
            }
            else if (wasQuoted && c != '.')
            {
                throw new ArgumentException($"text after a delimited identifier in '{name}'", nameof(name));
            }
            else if (c == '.')
            {
                parts.Add(current.ToString());
                current.Clear();
                wasQuoted = false;
            }
            else
            {
                current.Append(c);
            }
        }
        if (quoted)
        {
            throw new ArgumentException($"unbalanced quotes in '{name}'", nameof(name));
        }
        parts.Add(current.ToString());
        return parts.Exists(p => p.Length == 0) ? [] : parts;
    }
}
