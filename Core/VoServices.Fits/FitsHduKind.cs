namespace VoServices.Fits;

/// <summary>What an HDU holds (FITS 4.0 §3.3, §7, §6; tiled image compression convention).</summary>
public enum FitsHduKind
{
    /// <summary>The primary array or an IMAGE extension (FITS 4.0 §5, §7.1); it may be empty (NAXIS = 0).</summary>
    Image,

    /// <summary>A BINTABLE extension (FITS 4.0 §7.3).</summary>
    BinaryTable,

    /// <summary>A BINTABLE with ZIMAGE = T: a tile-compressed image (tiled image compression convention §3).</summary>
    CompressedImage,

    /// <summary>An ASCII TABLE extension (FITS 4.0 §7.2); structure only, cells are not decoded.</summary>
    AsciiTable,

    /// <summary>A random-groups primary array (FITS 4.0 §6, deprecated); structure only.</summary>
    RandomGroups,

    /// <summary>Any other XTENSION; its data unit is skipped.</summary>
    Unknown,
}
