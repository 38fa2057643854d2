namespace VoServices.Wcs.Spherical;

/// <summary>A 3×3 matrix acting on column vectors (row-major fields).</summary>
internal readonly record struct Matrix3(
    double M00, double M01, double M02,
    double M10, double M11, double M12,
    double M20, double M21, double M22)
{
    public static Matrix3 Identity { get; } = new(1, 0, 0, 0, 1, 0, 0, 0, 1);

    /// <summary>
    /// The passive rotation of the coordinate system by <paramref name="angleDeg"/> about axis 0 (x), 1 (y) or
    /// 2 (z): the convention of ERFA's eraRx/eraRy/eraRz and astropy's <c>rotation_matrix</c>.
    /// </summary>
    public static Matrix3 Rotation(int axis, double angleDeg)
    {
        var (s, c) = Math.SinCos(angleDeg * DegreeTrig.D2R);
        return axis switch
        {
            0 => new Matrix3(1, 0, 0, 0, c, s, 0, -s, c),
            1 => new Matrix3(c, 0, -s, 0, 1, 0, s, 0, c),
            _ => new Matrix3(c, s, 0, -s, c, 0, 0, 0, 1),
        };
    }

    public static Matrix3 operator *(Matrix3 a, Matrix3 b) => new(
        (a.M00 * b.M00) + (a.M01 * b.M10) + (a.M02 * b.M20),
        (a.M00 * b.M01) + (a.M01 * b.M11) + (a.M02 * b.M21),
        (a.M00 * b.M02) + (a.M01 * b.M12) + (a.M02 * b.M22),
        (a.M10 * b.M00) + (a.M11 * b.M10) + (a.M12 * b.M20),
        (a.M10 * b.M01) + (a.M11 * b.M11) + (a.M12 * b.M21),
        (a.M10 * b.M02) + (a.M11 * b.M12) + (a.M12 * b.M22),
        (a.M20 * b.M00) + (a.M21 * b.M10) + (a.M22 * b.M20),
        (a.M20 * b.M01) + (a.M21 * b.M11) + (a.M22 * b.M21),
        (a.M20 * b.M02) + (a.M21 * b.M12) + (a.M22 * b.M22));

    public static Matrix3 operator +(Matrix3 a, Matrix3 b) => new(
        a.M00 + b.M00, a.M01 + b.M01, a.M02 + b.M02,
        a.M10 + b.M10, a.M11 + b.M11, a.M12 + b.M12,
        a.M20 + b.M20, a.M21 + b.M21, a.M22 + b.M22);

    public Matrix3 Scale(double s) => new(
        M00 * s, M01 * s, M02 * s, M10 * s, M11 * s, M12 * s, M20 * s, M21 * s, M22 * s);

    public Vector3D Apply(Vector3D v) => new(
        (M00 * v.X) + (M01 * v.Y) + (M02 * v.Z),
        (M10 * v.X) + (M11 * v.Y) + (M12 * v.Z),
        (M20 * v.X) + (M21 * v.Y) + (M22 * v.Z));

    public Matrix3 Transpose() => new(M00, M10, M20, M01, M11, M21, M02, M12, M22);

    /// <summary>The inverse by cofactors (the FK4 "B" matrix is not orthogonal, so a transpose is not enough).</summary>
    public Matrix3 Inverse()
    {
        var c00 = (M11 * M22) - (M12 * M21);
        var c01 = (M12 * M20) - (M10 * M22);
        var c02 = (M10 * M21) - (M11 * M20);
        var det = (M00 * c00) + (M01 * c01) + (M02 * c02);
        var k = 1.0 / det;
        return new Matrix3(
            c00 * k, ((M02 * M21) - (M01 * M22)) * k, ((M01 * M12) - (M02 * M11)) * k,
            c01 * k, ((M00 * M22) - (M02 * M20)) * k, ((M02 * M10) - (M00 * M12)) * k,
            c02 * k, ((M01 * M20) - (M00 * M21)) * k, ((M00 * M11) - (M01 * M10)) * k);
    }
}
