namespace VoServices.VoTable;

/// <summary>Settings of a <see cref="VoTableReader"/>.</summary>
public sealed record VoTableReaderOptions
{
    /// <summary>
    /// False (default): tolerate what real services write and astropy reads with warnings (unparsable or
    /// out-of-range cells become null, over-long strings are truncated, legacy datatype names are mapped) and
    /// record each case in <see cref="VoTableReader.Diagnostics"/>. True: throw
    /// <see cref="VoTableFormatException"/> instead.
    /// </summary>
    public bool Strict { get; init; }

    /// <summary>Diagnostics kept (default 100), so that memory stays bounded on long, broken tables.</summary>
    public int MaxDiagnostics { get; init; } = 100;
}
