namespace VoServices.Tap.Ingest;

/// <summary>
/// A catalogue descriptor (YAML) is malformed or invalid. The message starts with <c>file:line:column:</c> when the
/// position is known.
/// </summary>
public sealed class CatalogDescriptorException : Exception
{
    /// <summary>Creates the exception; <paramref name="line"/> and <paramref name="column"/> are 1-based.</summary>
    public CatalogDescriptorException(string? filePath, long? line, long? column, string message, Exception? inner = null)
        : base(Format(filePath, line, column, message), inner)
    {
        FilePath = filePath;
        Line = line;
        Column = column;
        Reason = message;
    }

    /// <summary>The descriptor file, or null when parsed from a string.</summary>
    public string? FilePath { get; }

    /// <summary>1-based line of the offending YAML node, or null.</summary>
    public long? Line { get; }

    /// <summary>1-based column of the offending YAML node, or null.</summary>
    public long? Column { get; }

    /// <summary>The problem without the position prefix.</summary>
    public string Reason { get; }

    private static string Format(string? filePath, long? line, long? column, string message)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var where = filePath ?? "<descriptor>";
        if (line is not null)
        {
            where += ":" + line.Value.ToString(inv);
            if (column is not null)
            {
                where += ":" + column.Value.ToString(inv);
            }
        }
        return $"{where}: {message}";
    }
}
