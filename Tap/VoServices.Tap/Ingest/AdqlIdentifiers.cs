using System.Collections.Frozen;

namespace VoServices.Tap.Ingest;

/// <summary>
/// ADQL 2.1 identifier rules used to validate descriptor names (ADQL 2.1 §2.1.3): a regular identifier is
/// <c>[A-Za-z][A-Za-z0-9_]*</c> and must not be a reserved word (SQL-92 plus ADQL keywords) unless delimited.
/// Catalogue descriptors only allow lower-case regular identifiers, so no name ever needs quoting.
/// </summary>
public static class AdqlIdentifiers
{
    // ADQL 2.1 BNF <SQL_reserved_word> and <ADQL_reserved_word> (ivoa/lyonetia src/bnf/ADQL-2.1.bnf), plus the
    // ADQL 2.1 additions the BNF file omits (OFFSET, BIGINT).
    private static readonly FrozenSet<string> Reserved = new[]
    {
        "ABS", "ACOS", "AREA", "ASIN", "ATAN", "ATAN2", "BIT_AND", "BIT_NOT", "BIT_OR", "BIT_XOR", "BOX", "CEILING",
        "CENTROID", "CIRCLE", "CONTAINS", "COORD1", "COORD2", "COORDSYS", "COS", "DEGREES", "DISTANCE", "EXP", "FLOOR",
        "ILIKE", "INTERSECTS", "IN_UNIT", "LOG", "LOG10", "MOD", "PI", "POINT", "POLYGON", "POWER", "RADIANS", "REGION",
        "RAND", "ROUND", "SIN", "SQRT", "TOP", "TAN", "TRUNCATE", "OFFSET", "BIGINT",
        "ABSOLUTE", "ACTION", "ADD", "ALL", "ALLOCATE", "ALTER", "AND", "ANY", "ARE", "AS", "ASC", "ASSERTION", "AT",
        "AUTHORIZATION", "AVG", "BEGIN", "BETWEEN", "BIT", "BIT_LENGTH", "BOTH", "BY", "CASCADE", "CASCADED", "CASE",
        "CAST", "CATALOG", "CHAR", "CHARACTER", "CHAR_LENGTH", "CHARACTER_LENGTH", "CHECK", "CLOSE", "COALESCE",
        "COLLATE", "COLLATION", "COLUMN", "COMMIT", "CONNECT", "CONNECTION", "CONSTRAINT", "CONSTRAINTS", "CONTINUE",
        "CONVERT", "CORRESPONDING", "COUNT", "CREATE", "CROSS", "CURRENT", "CURRENT_DATE", "CURRENT_TIME",
        "CURRENT_TIMESTAMP", "CURRENT_USER", "CURSOR", "DATE", "DAY", "DEALLOCATE", "DECIMAL", "DECLARE", "DEFAULT",
        "DEFERRABLE", "DEFERRED", "DELETE", "DESC", "DESCRIBE", "DESCRIPTOR", "DIAGNOSTICS", "DISCONNECT", "DISTINCT",
        "DOMAIN", "DOUBLE", "DROP", "ELSE", "END", "END-EXEC", "ESCAPE", "EXCEPT", "EXCEPTION", "EXEC", "EXECUTE",
        "EXISTS", "EXTERNAL", "EXTRACT", "FALSE", "FETCH", "FIRST", "FLOAT", "FOR", "FOREIGN", "FOUND", "FROM", "FULL",
        "GET", "GLOBAL", "GO", "GOTO", "GRANT", "GROUP", "HAVING", "HOUR", "IDENTITY", "IMMEDIATE", "IN", "INDICATOR",
        "INITIALLY", "INNER", "INPUT", "INSENSITIVE", "INSERT", "INT", "INTEGER", "INTERSECT", "INTERVAL", "INTO", "IS",
        "ISOLATION", "JOIN", "KEY", "LANGUAGE", "LAST", "LEADING", "LEFT", "LEVEL", "LIKE", "LOCAL", "LOWER", "MATCH",
        "MAX", "MIN", "MINUTE", "MODULE", "MONTH", "NAMES", "NATIONAL", "NATURAL", "NCHAR", "NEXT", "NO", "NOT", "NULL",
        "NULLIF", "NUMERIC", "OCTET_LENGTH", "OF", "ON", "ONLY", "OPEN", "OPTION", "OR", "ORDER", "OUTER", "OUTPUT",
        "OVERLAPS", "PAD", "PARTIAL", "POSITION", "PRECISION", "PREPARE", "PRESERVE", "PRIMARY", "PRIOR", "PRIVILEGES",
        "PROCEDURE", "PUBLIC", "READ", "REAL", "REFERENCES", "RELATIVE", "RESTRICT", "REVOKE", "RIGHT", "ROLLBACK",
        "ROWS", "SCHEMA", "SCROLL", "SECOND", "SECTION", "SELECT", "SESSION", "SESSION_USER", "SET", "SIZE",
        "SMALLINT", "SOME", "SPACE", "SQL", "SQLCODE", "SQLERROR", "SQLSTATE", "SUBSTRING", "SUM", "SYSTEM_USER",
        "TABLE", "TEMPORARY", "THEN", "TIME", "TIMESTAMP", "TIMEZONE_HOUR", "TIMEZONE_MINUTE", "TO", "TRAILING",
        "TRANSACTION", "TRANSLATE", "TRANSLATION", "TRIM", "TRUE", "UNION", "UNIQUE", "UNKNOWN", "UPDATE", "UPPER",
        "USAGE", "USER", "USING", "VALUE", "VALUES", "VARCHAR", "VARYING", "VIEW", "WHEN", "WHENEVER", "WHERE", "WITH",
        "WORK", "WRITE", "YEAR", "ZONE",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="word"/> is an ADQL 2.1 reserved word (case-insensitive).</summary>
    public static bool IsReserved(string word) => Reserved.Contains(word);

    /// <summary>True when <paramref name="name"/> matches the ADQL regular identifier syntax <c>[A-Za-z][A-Za-z0-9_]*</c>.</summary>
    public static bool IsRegularIdentifier(string name)
    {
        if (name.Length == 0 || !char.IsAsciiLetter(name[0]))
        {
            return false;
        }
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Why <paramref name="name"/> cannot be used undelimited as a lower-case catalogue name, or null when it can.
    /// </summary>
    public static string? Problem(string name)
    {
        if (!IsRegularIdentifier(name))
        {
            return $"'{name}' is not a valid ADQL identifier (letters, digits and '_', starting with a letter)";
        }
        if (!string.Equals(name, name.ToLowerInvariant(), StringComparison.Ordinal))
        {
            return $"'{name}' must be lower case (ADQL names are stored lower case in TAP_SCHEMA)";
        }
        if (IsReserved(name))
        {
            return $"'{name}' is an ADQL reserved word and would need quoting in every query; choose another name " +
                $"(e.g. '{name}_value')";
        }
        return null;
    }
}
