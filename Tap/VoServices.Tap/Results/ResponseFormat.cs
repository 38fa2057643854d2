using VoServices.VoTable;

namespace VoServices.Tap.Results;

/// <summary>
/// One output format of the TAP service as declared in the TAPRegExt capability (TAPRegExt 1.0 §2.3:
/// <c>&lt;outputFormat ivo-id=…&gt;&lt;mime&gt;…&lt;/mime&gt;&lt;alias&gt;…&lt;/alias&gt;</c>) and matched
/// against RESPONSEFORMAT (DALI 1.1 §4.3.3).
/// </summary>
/// <param name="Kind">The format family.</param>
/// <param name="MimeType">The canonical media type, e.g. <c>application/x-votable+xml;serialization=BINARY2</c>;
/// the TAPRegExt <c>mime</c> and the Content-Type answered to a short-form request.</param>
public sealed record ResponseFormat(ResultFormatKind Kind, string MimeType)
{
    /// <summary>The VOTable serialization for <see cref="ResultFormatKind.VoTable"/>; <see cref="VoTableSerialization.None"/> otherwise.</summary>
    public VoTableSerialization Serialization { get; init; }

    /// <summary>Short names matched case-insensitively (e.g. <c>votable</c>, <c>csv</c>); TAPRegExt aliases.</summary>
    public IReadOnlyList<string> ShortNames { get; init; } = [];

    /// <summary>Further media types that select this format (e.g. <c>text/xml</c>); also TAPRegExt aliases.</summary>
    public IReadOnlyList<string> MimeAliases { get; init; } = [];

    /// <summary>The TAPRegExt standard identifier, e.g. <c>ivo://ivoa.net/std/TAPRegExt#output-votable-td</c>; null when none is defined.</summary>
    public string? IvoId { get; init; }

    /// <summary>A conventional file name extension without the dot (<c>vot</c>, <c>csv</c>, <c>fits</c>…), for Content-Disposition.</summary>
    public string FileExtension { get; init; } = "dat";

    /// <summary>Everything TAPRegExt lists as <c>alias</c>: <see cref="ShortNames"/> then <see cref="MimeAliases"/>.</summary>
    public IEnumerable<string> Aliases => ShortNames.Concat(MimeAliases);

    /// <summary>Value equality, with the lists compared element by element.</summary>
    public bool Equals(ResponseFormat? other) =>
        other is not null && Kind == other.Kind && MimeType == other.MimeType && Serialization == other.Serialization &&
        IvoId == other.IvoId && FileExtension == other.FileExtension && ShortNames.SequenceEqual(other.ShortNames) &&
        MimeAliases.SequenceEqual(other.MimeAliases);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, MimeType, Serialization);
}

/// <summary>
/// The outcome of matching RESPONSEFORMAT: the format to write and the Content-Type to answer with. When the
/// client asked with a media type, <see cref="ContentType"/> is that media type as given (DALI 1.1 §4.3.3: asked
/// <c>text/xml</c>, answer <c>text/xml</c>); for a short form or no RESPONSEFORMAT it is the canonical type.
/// </summary>
/// <param name="Format">The selected format.</param>
/// <param name="ContentType">The value for the HTTP Content-Type header (printable ASCII, no line breaks).</param>
public sealed record ResolvedResponseFormat(ResponseFormat Format, string ContentType);
