namespace VoServices.Healpix.Queries;

/// <summary>Where a HEALPix cell (bounded by the cap of radius <see cref="CellRadius.Safe"/> around its centre)
/// lies relative to a shape.</summary>
internal enum CellRelation
{
    /// <summary>No point of the cell is in the shape.</summary>
    Outside,

    /// <summary>The cell may cross the shape's boundary.</summary>
    Partial,

    /// <summary>Every point of the cell is in the shape.</summary>
    Inside,
}

/// <summary>A shape that hierarchical coverage can test cells against.</summary>
internal interface IRegion
{
    /// <summary>Relation of the cell of order <paramref name="level"/> centred on <paramref name="centre"/>.</summary>
    /// <remarks>Must be conservative: Outside and Inside only when certain (regions precompute per-order
    /// thresholds from <see cref="CellRadius.Safe"/>).</remarks>
    CellRelation Classify(UnitVector centre, int level);

    /// <summary>True when the point is in the shape (boundary included).</summary>
    bool Contains(UnitVector point);
}
