namespace VoServices.Sphere;

/// <summary>
/// A shape cannot be built from its arguments: a coordinate or radius out of range or not finite, a polygon with
/// fewer than three distinct vertices, an edge of 180° (its great circle is undefined), crossing edges, or a polygon
/// whose two regions are equal. Derives from <see cref="ArgumentException"/> so that services report it as a
/// usage error (a DALI <c>UsageFault</c>).
/// </summary>
public sealed class SkyShapeException : ArgumentException
{
    /// <summary>Creates the exception with a message that names the offending value.</summary>
    public SkyShapeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the name of the offending parameter.</summary>
    public SkyShapeException(string message, string? paramName)
        : base(message, paramName)
    {
    }
}
