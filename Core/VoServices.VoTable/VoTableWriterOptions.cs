namespace VoServices.VoTable;

/// <summary>Settings of a <see cref="VoTableWriter"/>.</summary>
public sealed record VoTableWriterOptions
{
    /// <summary>
    /// The VOTABLE <c>version</c> attribute: <c>1.2</c>, <c>1.3</c>, <c>1.4</c> (default) or <c>1.5</c>. The
    /// namespace is <c>http://www.ivoa.net/xml/VOTable/v1.3</c> for 1.3–1.5 (not v1.4/v1.5) and
    /// <c>…/v1.2</c> for 1.2. BINARY2 needs 1.3+, TIMESYS 1.4+.
    /// </summary>
    public string Version { get; init; } = "1.4";

    /// <summary>
    /// When true (default), synchronous methods write buffered output to the stream once
    /// <see cref="FlushThreshold"/> bytes are pending. Set it to false for streams that forbid synchronous I/O
    /// (ASP.NET Core response bodies): then only the <c>…Async</c> methods and <see cref="VoTableWriter.FlushAsync"/>
    /// touch the stream, and the caller must use them (e.g. <see cref="VoTableWriter.WriteRowAsync"/>), or the
    /// buffer grows with the table.
    /// </summary>
    public bool AutoFlush { get; init; } = true;

    /// <summary>Pending output in bytes after which a row method flushes (default 64 KiB).</summary>
    public int FlushThreshold { get; init; } = 64 * 1024;

    /// <summary>
    /// What to do with a character a value cannot carry: a non-ASCII character in a <c>char</c> column (VOTable
    /// 1.4 §2.1: char is 7-bit ASCII; use <c>unicodeChar</c> for other text), or a character XML 1.0 forbids
    /// (C0 controls other than TAB/LF/CR, U+FFFE, U+FFFF, unpaired surrogates) in TABLEDATA or metadata.
    /// False (default): throw <see cref="VoTableValueException"/>. True: write '?' instead.
    /// </summary>
    public bool ReplaceUnrepresentableCharacters { get; init; }
}
