namespace VoServices.Tap.Ingest;

/// <summary>
/// A catalogue source file could not be read: a malformed or out-of-range value, a missing column, or a broken file.
/// The message names the file, and the line and column when known.
/// </summary>
public sealed class CatalogDataException : Exception
{
    /// <summary>Creates the exception; <paramref name="line"/> is 1-based, <paramref name="column"/> an ADQL column name.</summary>
    public CatalogDataException(string filePath, long? line, string? column, string message, Exception? inner = null)
        : base(Format(filePath, line, column, message), inner)
    {
        FilePath = filePath;
        Line = line;
        Column = column;
    }

    /// <summary>The source file.</summary>
    public string FilePath { get; }

    /// <summary>1-based line (CSV) or row position (VOTable) of the problem, or null.</summary>
    public long? Line { get; }

    /// <summary>ADQL name of the offending column, or null.</summary>
    public string? Column { get; }

    private static string Format(string filePath, long? line, string? column, string message)
    {
        var where = filePath;
        if (line is not null)
        {
            where += ":" + line.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (column is not null)
        {
            where += $" column '{column}'";
        }
        return $"{where}: {message}";
    }
}
