namespace VoServices.Wcs.Projections;

/// <summary>
/// WCSLIB's prjbchk: a deprojected native longitude must lie in [−180°, 180°] and latitude in [−90°, 90°]; values
/// within rounding of the limits are clamped, anything further out has no point on the sphere.
/// </summary>
internal static class NativeBounds
{
    public static bool Check(ref double phi, ref double theta)
    {
        const double tol = ZenithalGeometry.Tolerance;
        if (phi < -180.0 || phi > 180.0)
        {
            if (phi < -180.0 - tol || phi > 180.0 + tol)
            {
                return false;
            }
            phi = Math.Clamp(phi, -180.0, 180.0);
        }
        if (theta < -90.0 || theta > 90.0)
        {
            if (theta < -90.0 - tol || theta > 90.0 + tol)
            {
                return false;
            }
            theta = Math.Clamp(theta, -90.0, 90.0);
        }
        return true;
    }
}
