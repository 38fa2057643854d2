namespace VoServices.Wcs.Projections;

/// <summary>
/// A spherical projection between intermediate world coordinates (x, y) in degrees and native spherical
/// coordinates (φ, θ) in degrees (Calabretta &amp; Greisen 2002, Paper II §2.2 and §5). The radius of the
/// generating sphere is r0 = 180/π, so x and y are in degrees. Each method returns false for points outside
/// the projection's domain (WCSLIB's "invalid" status); the caller turns those into NaN.
/// </summary>
internal interface IProjection
{
    ProjectionCode Code { get; }

    /// <summary>Native longitude of the fiducial point, φ0 (Paper II Table 13 default).</summary>
    double Phi0 { get; }

    /// <summary>Native latitude of the fiducial point, θ0: 90 for zenithal, 0 for CAR and AIT.</summary>
    double Theta0 { get; }

    /// <summary>(x, y) → (φ, θ), the "x2s" direction.</summary>
    bool TryDeproject(double x, double y, out double phi, out double theta);

    /// <summary>(φ, θ) → (x, y), the "s2x" direction.</summary>
    bool TryProject(double phi, double theta, out double x, out double y);
}
