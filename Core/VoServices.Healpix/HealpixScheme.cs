namespace VoServices.Healpix;

/// <summary>
/// Pixel numbering schemes of HEALPix (Górski et al. 2005, ApJ 622, 759, §4, Fig. 4). The pixels are the same in
/// both schemes; only their indices (ipix) differ.
/// </summary>
public enum HealpixScheme
{
    /// <summary>
    /// Hierarchical numbering: ipix = face·Nside² + the bit-interleaved (x, y) position inside the base face, so the
    /// 4 children of ipix at order k are 4·ipix … 4·ipix+3 at order k+1. Used by HiPS tiles and MOC.
    /// </summary>
    Nested,

    /// <summary>Numbering along iso-latitude rings from the north pole, west to east within a ring.</summary>
    Ring,
}
