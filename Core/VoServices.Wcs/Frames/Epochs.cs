namespace VoServices.Wcs.Frames;

/// <summary>Conversions between Julian/Besselian epochs and Julian dates (TT), as ERFA's epj2jd/epb2jd.</summary>
internal static class Epochs
{
    /// <summary>JD of J2000.0.</summary>
    public const double J2000 = 2451545.0;

    /// <summary>Days per Julian century.</summary>
    public const double JulianCentury = 36525.0;

    /// <summary>Julian date of a Julian epoch (ERFA epj2jd).</summary>
    public static double JulianEpochToJd(double epoch) => 2400000.5 + 51544.5 + ((epoch - 2000.0) * 365.25);

    /// <summary>Julian date of a Besselian epoch (ERFA epb2jd: 365.242198781 days per tropical year).</summary>
    public static double BesselianEpochToJd(double epoch) =>
        2400000.5 + 15019.81352 + ((epoch - 1900.0) * 365.242198781);

    /// <summary>Julian epoch of a Julian date (ERFA epj).</summary>
    public static double JdToJulianEpoch(double jd) => 2000.0 + ((jd - J2000) / 365.25);
}
