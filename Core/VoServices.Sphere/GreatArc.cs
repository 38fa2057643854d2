namespace VoServices.Sphere;

/// <summary>
/// The minor great-circle arc from <see cref="A"/> to <see cref="B"/> (shorter than 180°), with the unit normal
/// <see cref="N"/> = A×B/|A×B|, which points to the left of the direction of travel seen from outside the sphere.
/// </summary>
internal readonly struct GreatArc
{
    public GreatArc(in SkyVector a, in SkyVector b)
    {
        A = a;
        B = b;
        var n = SkyVector.RobustCross(a, b);
        var length = n.Length;
        N = length > 0 ? new SkyVector(n.X / length, n.Y / length, n.Z / length) : default;
        TangentA = N.Cross(a);
        TangentB = N.Cross(b);
        Angle = Math.Atan2(length, a.Dot(b));
    }

    public SkyVector A { get; }

    public SkyVector B { get; }

    /// <summary>Unit normal, to the left of A→B.</summary>
    public SkyVector N { get; }

    /// <summary>Unit direction of travel at A.</summary>
    public SkyVector TangentA { get; }

    /// <summary>Unit direction of travel at B.</summary>
    public SkyVector TangentB { get; }

    /// <summary>Arc length in radians.</summary>
    public double Angle { get; }

    /// <summary>Signed sine of the distance from the great circle: positive on the left.</summary>
    public double Side(in SkyVector p) => N.Dot(p);

    /// <summary>
    /// True when the projection of <paramref name="p"/> onto the great circle lies between A and B. Uses the
    /// tangents at the end points, which keeps precision for arcs of a few milliarcseconds.
    /// </summary>
    public bool SpansProjectionOf(in SkyVector p) => TangentA.Dot(p) >= 0 && TangentB.Dot(p) <= 0;

    /// <summary>Smallest angular distance in radians from <paramref name="p"/> to any point of the arc.</summary>
    public double DistanceTo(in SkyVector p)
    {
        var s = N.Dot(p);
        if (SpansProjectionOf(p))
        {
            var q = p - (s * N);
            return Math.Atan2(Math.Abs(s), q.Length);
        }
        return Math.Min(A.AngleTo(p), B.AngleTo(p));
    }

    /// <summary>Largest angular distance in radians from <paramref name="p"/> to any point of the arc.</summary>
    public double FarthestDistanceFrom(in SkyVector p) => Math.PI - DistanceTo(-p);

    /// <summary>True when <paramref name="p"/> lies on the arc within <see cref="Tolerance.Angle"/>.</summary>
    public bool Touches(in SkyVector p) => DistanceTo(p) <= Tolerance.Angle;

    /// <summary>
    /// True when the two arcs cross at a single interior point of both (a "proper" crossing); touching at an end
    /// point, or running along the same great circle, is not a proper crossing.
    /// </summary>
    public bool CrossesProperly(in GreatArc other)
    {
        var s1 = N.Dot(other.A);
        var s2 = N.Dot(other.B);
        var s3 = other.N.Dot(A);
        var s4 = other.N.Dot(B);
        const double tol = Tolerance.Angle;
        if (!((s1 > tol && s2 < -tol) || (s1 < -tol && s2 > tol)))
        {
            return false;
        }
        if (!((s3 > tol && s4 < -tol) || (s3 < -tol && s4 > tol)))
        {
            return false;
        }
        // Both great circles meet at ±X; each minor arc holds the one on the side of its own midpoint.
        var x = N.Cross(other.N);
        return Math.Sign(x.Dot(A + B)) == Math.Sign(x.Dot(other.A + other.B));
    }
}
