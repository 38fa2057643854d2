namespace VoServices.Sphere;

/// <summary>Conversion between steradians and square degrees (ADQL AREA is in square degrees).</summary>
public static class SquareDegrees
{
    /// <summary>Square degrees per steradian, (180/π)².</summary>
    public const double PerSteradian = 180.0 / Math.PI * (180.0 / Math.PI);

    /// <summary>The whole sphere, 4π sr ≈ 41252.96 deg².</summary>
    public const double FullSky = 4 * Math.PI * PerSteradian;

    /// <summary>Converts steradians to square degrees.</summary>
    public static double FromSteradians(double steradians) => steradians * PerSteradian;

    /// <summary>Converts square degrees to steradians.</summary>
    public static double ToSteradians(double squareDegrees) => squareDegrees / PerSteradian;
}
