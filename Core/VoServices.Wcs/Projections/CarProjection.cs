namespace VoServices.Wcs.Projections;

/// <summary>Plate carrée, Paper II §5.2.3: x = φ, y = θ (eqs. 84–85) with (φ0, θ0) = (0, 0).</summary>
internal sealed class CarProjection : IProjection
{
    public ProjectionCode Code => ProjectionCode.Car;

    public double Phi0 => 0.0;

    public double Theta0 => 0.0;

    public bool TryDeproject(double x, double y, out double phi, out double theta)
    {
        phi = x;
        theta = y;
        return NativeBounds.Check(ref phi, ref theta);
    }

    public bool TryProject(double phi, double theta, out double x, out double y)
    {
        x = phi;
        y = theta;
        return true;
    }
}
