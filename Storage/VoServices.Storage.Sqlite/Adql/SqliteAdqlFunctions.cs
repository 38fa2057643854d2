using System.Globalization;
using Microsoft.Data.Sqlite;
using VoServices.Healpix;
using VoServices.Sphere;

namespace VoServices.Storage.Sqlite.Adql;

/// <summary>
/// The C# functions that SQL from <see cref="SqliteSqlDialect"/> calls, registered on one connection
/// (<see cref="SqliteConnection.CreateFunction{TResult}(string, Func{TResult}, bool)"/>, toolchain.md §3): ADQL geometry on
/// <see cref="VoServices.Sphere"/> (degrees; CONTAINS(a, b) = b contains a), HEALPix prefilter ranges, and the numeric
/// semantics SQLite lacks (ROUND half away from zero and TRUNCATE on the decimal value, as PostgreSQL's numeric; the
/// shortest text of a double). It also turns on <c>PRAGMA case_sensitive_like</c>: ADQL LIKE is case-sensitive.
/// Every function returns NULL when an argument is NULL; invalid geometry fails the statement with the reason.
/// </summary>
public static class SqliteAdqlFunctions
{
    /// <summary>Registers every function on <paramref name="connection"/>, which must be open (call after each Open).</summary>
    /// <exception cref="InvalidOperationException">The connection is not open.</exception>
    public static void Register(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.State != System.Data.ConnectionState.Open)
        {
            throw new InvalidOperationException("register the ADQL functions on an open connection");
        }
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA case_sensitive_like = ON";
            pragma.ExecuteNonQuery();
        }
        SqliteGeometryFunctions.Register(connection);
        RegisterNumeric(connection);
        RegisterHealpix(connection);
    }

    private static void RegisterNumeric(SqliteConnection connection)
    {
        connection.CreateFunction("adql_round", (double? x, long? digits) => Round(x, digits, MidpointRounding.AwayFromZero), isDeterministic: true);
        connection.CreateFunction("adql_truncate", (double? x, long? digits) => Round(x, digits, MidpointRounding.ToZero), isDeterministic: true);
        connection.CreateFunction("adql_text", (double? x) => x?.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal),
            isDeterministic: true);
        connection.CreateFunction("adql_rand", () => Random.Shared.NextDouble(), isDeterministic: false);
    }

    /// <summary>
    /// ROUND/TRUNCATE (ADQL 2.1 erratum 2) on the value's 15-significant-digit decimal form, as PostgreSQL rounds
    /// <c>numeric</c> (which a double becomes when cast): 2.675 → 2.68, −2.5 → −3; negative digits round left of the point.
    /// </summary>
    public static double? Round(double? x, long? digits, MidpointRounding mode)
    {
        if (x is not { } value || digits is not { } n)
        {
            return null;
        }
        if (!double.IsFinite(value) || Math.Abs(value) >= 1e28 || n > 28)
        {
            return value;
        }
        var exact = decimal.Parse(value.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float,
            CultureInfo.InvariantCulture);
        if (n >= 0)
        {
            return (double)Math.Round(exact, (int)n, mode);
        }
        if (n < -28)
        {
            return 0.0;
        }
        var scale = (decimal)Math.Pow(10, -n);
        return (double)(Math.Round(exact / scale, 0, mode) * scale);
    }

    private static void RegisterHealpix(SqliteConnection connection)
    {
        // One cone's ranges serve the 2 × Slots calls made for it (an outer row of a crossmatch).
        var cache = new RangeCache();
        connection.CreateFunction("adql_hpx_lo", (double? ra, double? dec, double? r, long? k) => cache.Bound(ra, dec, r, k, low: true),
            isDeterministic: true);
        // ivo_healpix_index (UDF catalogue): an order outside 0…29 fails in HealpixOrder (clamped only to fit an int).
        connection.CreateFunction("adql_healpix_index", (long? order, double? ra, double? dec) =>
            order is null || ra is null || dec is null ? null
                : (long?)new HealpixOrder((int)Math.Clamp(order.Value, -1, 30)).AngToPix(ra.Value, dec.Value),
            isDeterministic: true);
        connection.CreateFunction("adql_hpx_hi", (double? ra, double? dec, double? r, long? k) => cache.Bound(ra, dec, r, k, low: false),
            isDeterministic: true);
    }

    /// <summary>Ranges of the last cone asked for, per connection (a connection runs one statement at a time).</summary>
    private sealed class RangeCache
    {
        /// <summary>Number of ranges a crossmatch prefilter has per row (adql_hpx_lo/hi with k = 0 … Slots − 1).</summary>
        public const int Slots = 8;

        private (double Ra, double Dec, double R) key = (double.NaN, double.NaN, double.NaN);
        private IReadOnlyList<HealpixRange> ranges = [];

        public long? Bound(double? ra, double? dec, double? radius, long? k, bool low)
        {
            if (ra is not { } a || dec is not { } d || radius is not { } r || k is not { } slot || !double.IsFinite(a)
                || d is < -90 or > 90 || double.IsNaN(r))
            {
                return null;
            }
            if (key != (a, d, r))
            {
                ranges = HealpixPrefilter.Ranges(a, d, r, SqliteHealpixIndex.Order, Slots, cellsPerRadius: 2);
                key = (a, d, r);
            }
            if (slot < 0 || slot >= ranges.Count)
            {
                return low ? 1 : 0; // an empty range
            }
            return low ? ranges[(int)slot].Start : ranges[(int)slot].EndExclusive - 1;
        }
    }
}
