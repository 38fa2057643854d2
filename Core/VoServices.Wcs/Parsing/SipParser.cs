using System.Globalization;
using VoServices.Wcs.PixelMaps;

namespace VoServices.Wcs.Parsing;

/// <summary>
/// Reads SIP polynomials (Shupe et al. 2005): A_ORDER/B_ORDER with A_p_q/B_p_q and the optional inverse
/// AP_ORDER/BP_ORDER with AP_p_q/BP_p_q. Like astropy, SIP applies whenever A_ORDER &gt; 1, with or without the
/// "-SIP" CTYPE suffix, and a "-SIP" CTYPE without coefficients is a plain projection.
/// </summary>
internal static class SipParser
{
    /// <summary>The SIP map, or null when the header has no SIP coefficients.</summary>
    /// <exception cref="WcsFormatException">B_ORDER is missing, or only one of AP/BP is given.</exception>
    public static SipPixelMap? Parse(KeywordSet k, LinearPixelMap linear, CelestialAxes axes)
    {
        if (k.Integer("A_ORDER") is not { } aOrder || aOrder <= 1)
        {
            if (k.Integer("B_ORDER") is > 1)
            {
                throw new WcsFormatException("B_ORDER is given without A_ORDER (Shupe et al. 2005)", "A_ORDER");
            }
            return null;
        }
        if (axes.PixelAxes != (1, 2))
        {
            throw new WcsNotSupportedException("SIP is only supported when the celestial axes are axes 1 and 2",
                "A_ORDER");
        }
        var bOrder = k.Integer("B_ORDER")
            ?? throw new WcsFormatException("A_ORDER is given without B_ORDER (Shupe et al. 2005)", "B_ORDER");
        var a = Polynomial(k, "A", aOrder);
        var b = Polynomial(k, "B", bOrder);
        SipPolynomial? ap = null, bp = null;
        if (k.Integer("AP_ORDER") is { } apOrder && apOrder > 1)
        {
            var bpOrder = k.Integer("BP_ORDER")
                ?? throw new WcsFormatException("AP_ORDER is given without BP_ORDER (Shupe et al. 2005)", "BP_ORDER");
            ap = Polynomial(k, "AP", apOrder);
            bp = Polynomial(k, "BP", bpOrder);
        }
        return new SipPixelMap(linear, a, b, ap, bp);
    }

    private static SipPolynomial Polynomial(KeywordSet k, string name, int order)
    {
        if (order is < 0 or > 9)
        {
            throw new WcsFormatException("the SIP order must be 0..9", name + "_ORDER");
        }
        var n = order + 1;
        var c = new double[n * n];
        for (var p = 0; p <= order; p++)
        {
            for (var q = 0; p + q <= order; q++)
            {
                c[(p * n) + q] = k.Double(string.Create(CultureInfo.InvariantCulture, $"{name}_{p}_{q}"), 0.0);
            }
        }
        return new SipPolynomial(order, c);
    }
}
