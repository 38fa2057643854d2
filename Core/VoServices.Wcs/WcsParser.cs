using VoServices.Fits;
using VoServices.Wcs.Frames;
using VoServices.Wcs.Parsing;
using VoServices.Wcs.PixelMaps;
using VoServices.Wcs.Projections;
using VoServices.Wcs.Spherical;

namespace VoServices.Wcs;

/// <summary>
/// Builds a <see cref="CelestialWcs"/> from FITS header keywords (Greisen &amp; Calabretta 2002, Paper I;
/// Calabretta &amp; Greisen 2002, Paper II; Shupe et al. 2005 for SIP), interpreting them as WCSLIB 7 / astropy 5.2
/// do: the primary description only (no alternate 'A'–'Z' WCS), the header of one HDU only (nothing is inherited
/// from the primary header, as in astropy), extra non-celestial axes (spectral, Stokes) ignored as long as the
/// PC/CD matrix does not couple them to the celestial axes.
/// </summary>
/// <remarks>
/// Supported: projections TAN, SIN (with ξ, η; and AIPS NCP), ARC, ZEA, STG, ZPN, CAR, AIT; linear part from CD,
/// PC+CDELT (also PC00i00j) or CDELT+CROTA2; LONPOLE/LATPOLE (or PVi_3/PVi_4); SIP A/B(/AP/BP); the DSS plate
/// solution (AMDXn), which takes precedence over CTYPE as in WCSLIB; frames ICRS, FK5, FK4, FK4-NO-E (RADESYS,
/// EQUINOX/EPOCH with Paper II defaults) and galactic.
/// </remarks>
public static class WcsParser
{
    /// <summary>Parses the celestial WCS of one HDU's header. For a tile-compressed image pass the image header
    /// (<c>hdu.AsImage().Header</c>), not the binary-table header.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="header"/> is null.</exception>
    /// <exception cref="WcsFormatException">No celestial WCS, or invalid keywords.</exception>
    /// <exception cref="WcsNotSupportedException">A valid WCS this library does not implement.</exception>
    public static CelestialWcs FromHeader(FitsHeader header) =>
        TryFromHeader(header, out var wcs) ? wcs
            : throw new WcsFormatException("the header has no celestial WCS (no RA/DEC or GLON/GLAT CTYPE pair)");

    /// <summary>Parses the celestial WCS of a header; false when it has none (e.g. CTYPE 'LINEAR', or no CTYPE).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="header"/> is null.</exception>
    /// <exception cref="WcsFormatException">The celestial keywords are invalid.</exception>
    /// <exception cref="WcsNotSupportedException">A valid WCS this library does not implement.</exception>
    public static bool TryFromHeader(FitsHeader header, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CelestialWcs? wcs)
    {
        ArgumentNullException.ThrowIfNull(header);
        return TryParse(new KeywordSet(key => header.Find(key)?.Value), out wcs);
    }

    /// <summary>
    /// Parses a keyword set such as <c>{ ["CTYPE1"] = "RA---TAN", ["CRVAL1"] = 10.0, … }</c>. Keys are matched
    /// case-insensitively; values may be numbers, or strings (numeric strings are parsed with the invariant culture).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="keywords"/> is null.</exception>
    /// <exception cref="WcsFormatException">No celestial WCS, or invalid keywords.</exception>
    /// <exception cref="WcsNotSupportedException">A valid WCS this library does not implement.</exception>
    public static CelestialWcs FromKeywords<TValue>(IReadOnlyDictionary<string, TValue> keywords) =>
        TryFromKeywords(keywords, out var wcs) ? wcs
            : throw new WcsFormatException("the keywords hold no celestial WCS (no RA/DEC or GLON/GLAT CTYPE pair)");

    /// <summary>As <see cref="FromKeywords{TValue}"/>, but false when there is no celestial WCS.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="keywords"/> is null.</exception>
    /// <exception cref="WcsFormatException">The celestial keywords are invalid.</exception>
    /// <exception cref="WcsNotSupportedException">A valid WCS this library does not implement.</exception>
    public static bool TryFromKeywords<TValue>(IReadOnlyDictionary<string, TValue> keywords,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CelestialWcs? wcs)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        var map = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in keywords)
        {
            map.TryAdd(key.Trim(), value);
        }
        return TryParse(new KeywordSet(key => map.GetValueOrDefault(key)), out wcs);
    }

    private static bool TryParse(KeywordSet k, out CelestialWcs? wcs)
    {
        RejectPaperIvDistortions(k);
        if (DssPlateParser.IsPresent(k))
        {
            wcs = FromDssPlate(k);
            return true;
        }
        var axes = CelestialAxes.Find(k);
        if (axes is null)
        {
            wcs = null;
            return false;
        }
        var linear = LinearTransformParser.Parse(k, axes, out var crval);
        var projection = ProjectionParser.Create(k, axes, crval.Lat);
        var rotation = SphericalRotation.Create(crval.Lon, crval.Lat, projection.Phi0, projection.Theta0,
            k.Double("LONPOLE") ?? k.Double(KeywordSet.Key("PV", axes.LonAxis, 3)),
            k.Double("LATPOLE") ?? k.Double(KeywordSet.Key("PV", axes.LonAxis, 4)));
        var frame = FrameParser.Parse(k, axes.LonType);
        var sip = SipParser.Parse(k, linear, axes);
        wcs = new CelestialWcs(sip ?? (IPixelMap)linear, projection, rotation, frame, crval,
            sip is null ? WcsDistortion.None : WcsDistortion.Sip);
        return true;
    }

    private static CelestialWcs FromDssPlate(KeywordSet k)
    {
        var map = DssPlateParser.Parse(k, out var centre);
        var projection = new TanProjection();
        var rotation = SphericalRotation.Create(centre.Lon, centre.Lat, projection.Phi0, projection.Theta0, null, null);
        return new CelestialWcs(map, projection, rotation, FrameParser.Parse(k, "RA"), centre, WcsDistortion.DssPlate);
    }

    /// <summary>Paper IV lookup-table distortions change every position; refusing is better than ignoring them.</summary>
    private static void RejectPaperIvDistortions(KeywordSet k)
    {
        foreach (var key in (string[])["CPDIS1", "CPDIS2", "CQDIS1", "CQDIS2", "D2IMDIS1", "D2IMDIS2"])
        {
            if (k.Has(key))
            {
                throw new WcsNotSupportedException("Paper IV / lookup-table distortions are not supported", key);
            }
        }
    }
}
