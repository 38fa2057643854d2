namespace VoServices.Tap.Examples;

/// <summary>
/// The examples published for the demo archive (architecture.md §6: tycho2.main, hipparcos.main, openngc.main,
/// messier.main). Every query runs on the embedded backend with the shipped demo subset; the tests run each one.
/// The coordinates are those of the demo fields: ω Centauri (201.6968, −47.4795), 47 Tucanae (6.0236, −72.0813) and
/// NGC 1316 (50.6738, −37.2082).
/// </summary>
public static class TapExamples
{
    /// <summary>The demo examples, in the order shown.</summary>
    public static IReadOnlyList<TapExample> Demo { get; } =
    [
        new("cone-tycho2", "Cone search: Tycho-2 stars near omega Centauri",
            "SELECT tyc, ra, dec, vt_mag, DISTANCE(POINT('ICRS', ra, dec), POINT('ICRS', 201.6968, -47.4795)) AS dist\n" +
            "FROM tycho2.main\nWHERE 1 = CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 201.6968, -47.4795, 0.25))\nORDER BY dist",
            "Stars within 0.25 degrees of the centre of the globular cluster omega Centauri, nearest first, with their " +
            "angular distance in degrees.", ["tycho2.main"]),
        new("distance-tycho2", "Cone search written with DISTANCE",
            "SELECT tyc, ra, dec, bt_mag, vt_mag\nFROM tycho2.main\n" +
            "WHERE DISTANCE(POINT('ICRS', ra, dec), POINT('ICRS', 6.0236, -72.0813)) < 0.2",
            "The same kind of cone around 47 Tucanae, written as a distance condition; it gives the same rows as the " +
            "CONTAINS form and uses the same positional index.", ["tycho2.main"]),
        new("join-tycho2-hipparcos", "Join Tycho-2 and Hipparcos by HIP number",
            "SELECT t.tyc, t.hip, t.bt_mag, t.vt_mag, h.vmag, h.b_v\nFROM tycho2.main AS t\n" +
            "JOIN hipparcos.main AS h ON t.hip = h.hip\nORDER BY vmag",
            "Tycho-2 stars that carry a Hipparcos number, with the Hipparcos V magnitude and B-V colour next to the " +
            "Tycho-2 photometry.", ["tycho2.main", "hipparcos.main"]),
        new("crossmatch-messier-openngc", "Positional crossmatch of Messier and OpenNGC",
            "SELECT m.name, m.type, o.name AS ngc_name, o.type AS ngc_type,\n" +
            "       DISTANCE(POINT('ICRS', m.ra, m.dec), POINT('ICRS', o.ra, o.dec)) AS sep\n" +
            "FROM messier.main AS m\nJOIN openngc.main AS o\n" +
            "  ON 1 = CONTAINS(POINT('ICRS', o.ra, o.dec), CIRCLE('ICRS', m.ra, m.dec, 0.05))\nORDER BY sep",
            "Every OpenNGC object within 3 arcmin of a Messier object, with the separation in degrees.",
            ["messier.main", "openngc.main"]),
        new("count-pos-flag", "Count Tycho-2 stars per position flag",
            "SELECT pos_flag, COUNT(*) AS n\nFROM tycho2.main\nGROUP BY pos_flag\nORDER BY n DESC",
            "How many stars have a mean position (M), a photocentre of two components (P) or only an observed " +
            "Tycho-2 position (X).", ["tycho2.main"]),
        new("brightest-hipparcos", "The 20 brightest Hipparcos stars",
            "SELECT TOP 20 hip, ra, dec, vmag, b_v\nFROM hipparcos.main\nORDER BY vmag",
            "TOP with ORDER BY: the brightest stars in V.", ["hipparcos.main"]),
        new("high-proper-motion", "Tycho-2 stars with the largest proper motion",
            "SELECT TOP 10 tyc, ra, dec, pmra, pmdec, SQRT(pmra * pmra + pmdec * pmdec) AS pm\n" +
            "FROM tycho2.main\nWHERE pmra IS NOT NULL AND pmdec IS NOT NULL\nORDER BY pm DESC",
            "Total proper motion in mas/yr computed from its two components; stars without a mean position have none.",
            ["tycho2.main"]),
        new("hipparcos-colour-bins", "Hipparcos colour distribution",
            "SELECT colour, COUNT(*) AS n, AVG(vmag) AS mean_vmag\n" +
            "FROM (SELECT ROUND(b_v, 1) AS colour, vmag FROM hipparcos.main WHERE b_v IS NOT NULL) AS c\n" +
            "GROUP BY colour\nORDER BY colour",
            "Stars per 0.1 mag bin of B-V with their mean V magnitude, using a derived table.", ["hipparcos.main"]),
        new("messier-virgo", "Messier objects in the Virgo cluster region",
            "SELECT name, type, constellation, mag, ra, dec\nFROM messier.main\n" +
            "WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 187.7, 12.4, 8))\nORDER BY mag",
            "The Messier galaxies within 8 degrees of M87.", ["messier.main"]),
        new("openngc-globulars", "Bright globular clusters in OpenNGC",
            "SELECT name, other_names, ra, dec, mag\nFROM openngc.main\n" +
            "WHERE type = 'globular_cluster' AND mag < 8\nORDER BY mag",
            "Globular clusters brighter than magnitude 8.", ["openngc.main"]),
        new("messier-types", "Messier objects per type",
            "SELECT type, COUNT(*) AS n, MIN(mag) AS brightest\nFROM messier.main\nGROUP BY type\nORDER BY n DESC",
            "How many Messier objects there are of each type, with the magnitude of the brightest.", ["messier.main"]),
        new("hipparcos-in-subquery", "Hipparcos stars that are in the Tycho-2 demo fields",
            "SELECT hip, ra, dec, vmag\nFROM hipparcos.main\n" +
            "WHERE hip IN (SELECT hip FROM tycho2.main WHERE hip IS NOT NULL)\nORDER BY vmag",
            "A subquery with IN: the Hipparcos stars that Tycho-2 cross-identifies.", ["hipparcos.main", "tycho2.main"]),
        new("upload-crossmatch", "Crossmatch an uploaded list with Tycho-2",
            "SELECT u.ra AS u_ra, u.dec AS u_dec, t.tyc, t.vt_mag,\n" +
            "       DISTANCE(POINT('ICRS', u.ra, u.dec), POINT('ICRS', t.ra, t.dec)) AS sep\n" +
            "FROM TAP_UPLOAD.t AS u\nJOIN tycho2.main AS t\n" +
            "  ON 1 = CONTAINS(POINT('ICRS', t.ra, t.dec), CIRCLE('ICRS', u.ra, u.dec, 0.01))",
            "Upload a VOTable of positions as table t (UPLOAD=t,param:t with the file in the multipart part t) and " +
            "find the Tycho-2 stars within 36 arcsec of each.", ["tycho2.main"])
        {
            Upload = "t",
            UploadColumns = "ra, dec (deg, ICRS)",
        },
        new("tap-schema-columns", "Columns of a table from TAP_SCHEMA",
            "SELECT column_name, datatype, arraysize, unit, ucd, description\nFROM TAP_SCHEMA.columns\n" +
            "WHERE table_name = 'tycho2.main'\nORDER BY column_index",
            "The metadata of every column of tycho2.main, as TAP_SCHEMA publishes it.", ["TAP_SCHEMA.columns"]),
        new("tap-schema-tables", "Tables of this service",
            "SELECT schema_name, table_name, table_type, description\nFROM TAP_SCHEMA.tables\n" +
            "ORDER BY schema_name, table_name",
            "Every published table, TAP_SCHEMA included.", ["TAP_SCHEMA.tables"]),
    ];
}
