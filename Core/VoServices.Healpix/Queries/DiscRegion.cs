namespace VoServices.Healpix.Queries;

/// <summary>
/// A spherical cap: all points within <c>radius</c> radians of <c>centre</c>. Distances are compared as squared
/// chords |a−b|² = (2 sin(d/2))², which is monotonic in d, accurate for tiny separations (unlike 1 − cos d) and costs
/// no trigonometry per cell.
/// </summary>
internal sealed class DiscRegion : IRegion
{
    private readonly UnitVector _centre;
    private readonly double _containsChord2;
    private readonly double[] _outsideChord2 = new double[HealpixOrder.MaxOrder + 1];
    private readonly double[] _insideChord2 = new double[HealpixOrder.MaxOrder + 1];

    public DiscRegion(UnitVector centre, double radius)
    {
        _centre = centre;
        _containsChord2 = Chord2(radius);
        for (int level = 0; level <= HealpixOrder.MaxOrder; level++)
        {
            double cell = CellRadius.Safe(level);
            // Beyond π every point is within reach: a squared chord never exceeds 4.
            _outsideChord2[level] = radius + cell >= Math.PI ? double.PositiveInfinity : Chord2(radius + cell);
            _insideChord2[level] = radius - cell >= 0 ? Chord2(radius - cell) : -1.0;
        }
    }

    public CellRelation Classify(UnitVector cellCentre, int level)
    {
        double c2 = Distance2(cellCentre);
        if (c2 > _outsideChord2[level])
        {
            return CellRelation.Outside;
        }
        return c2 <= _insideChord2[level] ? CellRelation.Inside : CellRelation.Partial;
    }

    public bool Contains(UnitVector point) => Distance2(point) <= _containsChord2;

    private double Distance2(UnitVector p)
    {
        double dx = p.X - _centre.X, dy = p.Y - _centre.Y, dz = p.Z - _centre.Z;
        return (dx * dx) + (dy * dy) + (dz * dz);
    }

    private static double Chord2(double angle)
    {
        double half = Math.Sin(Math.Min(angle, Math.PI) / 2);
        return 4 * half * half;
    }
}
