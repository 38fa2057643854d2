using System.Collections.Immutable;

namespace VoServices.Adql.Functions;

/// <summary>
/// The user-defined functions this service declares (ADQL 2.1 "User defined functions": names SHOULD carry the
/// provider's prefix, and <c>ivo_</c> is reserved for functions defined by IVOA documents). <c>ivo_healpix_index</c> is
/// the one from the IVOA Endorsed Note "Catalogue of ADQL User Defined Functions" (also declared by the lyonetia
/// suite <c>O2_user_defined_functions.xml</c>); the others are this project's own and carry the <c>vo_</c> prefix.
/// </summary>
public static class UserDefinedFunctions
{
    /// <summary>The prefix of this project's own UDFs.</summary>
    public const string Prefix = "vo_";

    /// <summary>
    /// AB magnitude zero point for fluxes in nanojansky: m = -2.5 log10(f / nJy) + 31.4. Since AB is defined by
    /// m = -2.5 log10(f / (erg s⁻¹ cm⁻² Hz⁻¹)) - 48.60 and 1 nJy = 1e-32 erg s⁻¹ cm⁻² Hz⁻¹, the constant is exactly
    /// 80 - 48.6; astropy agrees: <c>(1*u.nJy).to(u.ABmag)</c> is 31.4 (test fixture in AbMagnitudeTests).
    /// Rubin's scisql_nanojanskyToAbMag uses the same constant.
    /// </summary>
    public const double AbZeroPointNanojansky = 31.4;

    /// <summary>
    /// Factor of the first-order magnitude error: σ_m = 2.5 / ln(10) · σ_f / f (scisql_nanojanskyToAbMagSigma).
    /// </summary>
    public const double MagnitudeErrorFactor = 1.0857362047581294;

    /// <summary><c>ivo_healpix_index(hpxOrder, long, lat)</c>: NESTED HEALPix index (Górski et al. 2005).</summary>
    public static FunctionDeclaration HealpixIndex { get; } = Declare(
        "ivo_healpix_index",
        "Index (npix) of the HEALPix cell containing the point (long, lat) in degrees (typically ra, dec) at order hpxOrder (0..29), "
        + "NESTED numbering (UDF catalogue).",
        "ivo_healpix_index(hpxOrder INTEGER, long REAL, lat REAL) -> BIGINT",
        FunctionResult.Long("pos.healpix"),
        new FunctionParameter("hpxOrder", ParameterType.Integer, 0, 29),
        new FunctionParameter("long", ParameterType.Numeric),
        new FunctionParameter("lat", ParameterType.Numeric));

    /// <summary><c>vo_nanojansky_to_abmag(flux)</c>: AB magnitude of a flux density in nJy.</summary>
    public static FunctionDeclaration NanojanskyToAbMag { get; } = Declare(
        "vo_nanojansky_to_abmag",
        "AB magnitude of a flux density given in nJy: -2.5 log10(flux) + 31.4 (as Rubin's scisql_nanojanskyToAbMag); NULL for flux <= 0.",
        "vo_nanojansky_to_abmag(flux DOUBLE) -> DOUBLE",
        FunctionResult.Double("mag", "phot.mag"),
        new FunctionParameter("flux", ParameterType.Numeric));

    /// <summary><c>vo_nanojansky_to_abmag_sigma(flux, flux_err)</c>: error of that AB magnitude.</summary>
    public static FunctionDeclaration NanojanskyToAbMagSigma { get; } = Declare(
        "vo_nanojansky_to_abmag_sigma",
        "Error of the AB magnitude of a flux density in nJy: 2.5/ln(10) * flux_err / flux (as Rubin's scisql_nanojanskyToAbMagSigma); NULL for flux = 0.",
        "vo_nanojansky_to_abmag_sigma(flux DOUBLE, flux_err DOUBLE) -> DOUBLE",
        FunctionResult.Double("mag", "stat.error;phot.mag"),
        new FunctionParameter("flux", ParameterType.Numeric),
        new FunctionParameter("flux_err", ParameterType.Numeric));

    /// <summary><c>vo_crossmatch(ra1, dec1, ra2, dec2, radius)</c>: 1 when two positions are within a radius.</summary>
    public static FunctionDeclaration Crossmatch { get; } = Declare(
        "vo_crossmatch",
        "1 if (ra1, dec1) lies within radius degrees of (ra2, dec2), else 0; the same as 1 = CONTAINS(POINT(ra1, dec1), "
        + "CIRCLE(ra2, dec2, radius)), written so that a positional index on (ra1, dec1) is used. All in degrees.",
        "vo_crossmatch(ra1 DOUBLE, dec1 DOUBLE, ra2 DOUBLE, dec2 DOUBLE, radius DOUBLE) -> INTEGER",
        FunctionResult.Integer(),
        new FunctionParameter("ra1", ParameterType.Numeric),
        new FunctionParameter("dec1", ParameterType.Numeric),
        new FunctionParameter("ra2", ParameterType.Numeric),
        new FunctionParameter("dec2", ParameterType.Numeric),
        new FunctionParameter("radius", ParameterType.Numeric));

    /// <summary>All of them, in the order above.</summary>
    public static ImmutableArray<FunctionDeclaration> All { get; } = [HealpixIndex, NanojanskyToAbMag, NanojanskyToAbMagSigma, Crossmatch];

    /// <summary>
    /// Declares a user-defined function. <paramref name="form"/> is the TAPRegExt form; it is given explicitly so that
    /// a registered signature (UDF catalogue) is advertised verbatim.
    /// </summary>
    /// <param name="name">Lower-case name, a regular identifier with the provider's prefix.</param>
    /// <param name="description">What the function returns, with units.</param>
    /// <param name="form">TAPRegExt form <c>name(arg TYPE, ...) -&gt; TYPE</c>.</param>
    /// <param name="result">Result type, unit and UCD.</param>
    /// <param name="parameters">The parameters.</param>
    public static FunctionDeclaration Declare(string name, string description, string form, FunctionResult result, params FunctionParameter[] parameters)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(parameters);
        return new FunctionDeclaration(name, FunctionKind.UserDefined, [new FunctionSignature([.. parameters], result)], description,
            new LanguageFeature(LanguageFeatureTypes.UserDefined, form, description));
    }
}
