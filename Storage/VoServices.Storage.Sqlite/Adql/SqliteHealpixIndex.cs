using VoServices.Healpix;

namespace VoServices.Storage.Sqlite.Adql;

/// <summary>
/// The hidden HEALPix column of positional tables in the embedded store: the NESTED index at <see cref="Order"/> of each
/// row's (ra, dec), computed at ingest and indexed, so that cones and crossmatches become index range scans
/// (<see cref="HealpixPrefilter"/>). Order 12 cells are about 0.86′ across: a 1′ crossmatch probes a few cells, a 10° cone
/// a few dozen ranges.
/// </summary>
public static class SqliteHealpixIndex
{
    /// <summary>The physical column name (not published in TAP_SCHEMA).</summary>
    public const string ColumnName = "_healpix";

    /// <summary>The HEALPix order of the column.</summary>
    public const int Order = 12;

    /// <summary>
    /// The column for <see cref="SqliteCatalogStoreOptions.DerivedPositionColumns"/>: INTEGER, indexed; NULL when a
    /// coordinate is not a finite number or the latitude is outside [−90, 90].
    /// </summary>
    public static DerivedPositionColumn Column { get; } = new(ColumnName, "INTEGER", Compute, Indexed: true);

    /// <summary>The cell of a position, or null when it has none.</summary>
    public static object? Compute(double ra, double dec) =>
        double.IsFinite(ra) && dec is >= -90 and <= 90 ? new HealpixOrder(Order).AngToPix(ra, dec) : null;
}
