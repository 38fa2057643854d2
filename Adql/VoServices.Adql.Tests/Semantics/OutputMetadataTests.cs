namespace VoServices.Adql.Tests.Semantics;

/// <summary>
/// Every result column gets its name, datatype, arraysize, xtype, unit and UCD (TAP 1.1 §2.9, standards.md §17 item 3).
/// Expected: <c>name datatype[arraysize] xtype= unit= ucd=</c>, columns separated by <c>|</c>.
/// </summary>
public sealed class OutputMetadataTests
{
    // query | result columns — one line per rule
    [Theory]
    // * and t.* in table order, all metadata copied from TAP_SCHEMA
    [InlineData("SELECT * FROM hipparcos.main",
        "hip int ucd=meta.id;meta.main | ra double unit=deg ucd=pos.eq.ra;meta.main | dec double unit=deg ucd=pos.eq.dec;meta.main | vmag float unit=mag ucd=phot.mag;em.opt.V | b_v float unit=mag ucd=phot.color;em.opt.B;em.opt.V")]
    [InlineData("SELECT h.*, t.tyc FROM hipparcos.main AS h JOIN tycho2.main AS t ON t.hip = h.hip",
        "hip int ucd=meta.id;meta.main | ra double unit=deg ucd=pos.eq.ra;meta.main | dec double unit=deg ucd=pos.eq.dec;meta.main | vmag float unit=mag ucd=phot.mag;em.opt.V | b_v float unit=mag ucd=phot.color;em.opt.B;em.opt.V | tyc char[*] ucd=meta.id;meta.main")]
    [InlineData("SELECT TOP 5 * FROM messier.main AS m WHERE m.ra < 10",
        "name char[5] ucd=meta.id;meta.main | messier_number short ucd=meta.id | ngc char[5] ucd=meta.id.cross | constellation char[3] ucd=meta.id.part | type char ucd=src.class | ra double unit=deg ucd=pos.eq.ra;meta.main | dec double unit=deg ucd=pos.eq.dec;meta.main | mag float unit=mag ucd=phot.mag;em.opt.V | diameter float unit=arcmin ucd=phys.angSize | distance_kly float unit=klyr ucd=pos.distance | url char[*] ucd=meta.ref.url | image_url char[*] ucd=meta.ref.url")]
    // names: TAP_SCHEMA names whatever the case written, aliases as written, duplicates numbered
    [InlineData("SELECT RA, Dec AS \"Delta\", vmag AS Magnitude FROM Hipparcos.Main",
        "ra double unit=deg ucd=pos.eq.ra;meta.main | Delta double unit=deg ucd=pos.eq.dec;meta.main | Magnitude float unit=mag ucd=phot.mag;em.opt.V")]
    [InlineData("SELECT t.ra, h.ra, t.dec, h.dec FROM tycho2.main AS t JOIN hipparcos.main AS h ON t.hip = h.hip",
        "ra double unit=deg ucd=pos.eq.ra;meta.main | ra_2 double unit=deg ucd=pos.eq.ra;meta.main | dec double unit=deg ucd=pos.eq.dec;meta.main | dec_2 double unit=deg ucd=pos.eq.dec;meta.main")]
    [InlineData("SELECT ra, ra AS ra_2, RA FROM tycho2.main",
        "ra double unit=deg ucd=pos.eq.ra;meta.main | ra_2 double unit=deg ucd=pos.eq.ra;meta.main | ra_3 double unit=deg ucd=pos.eq.ra;meta.main")]
    [InlineData("SELECT COUNT(*) AS count_all, COUNT(*) FROM tycho2.main", "count_all long ucd=meta.number | count_all_2 long ucd=meta.number")]
    [InlineData("SELECT \"size\", column_name FROM TAP_SCHEMA.columns", "size int | column_name char[*]")]
    [InlineData("SELECT Flux, \"Flux\" FROM TAP_UPLOAD.mine", "Flux double unit=nJy ucd=phot.flux.density | Flux_2 double unit=nJy ucd=phot.flux.density")]
    // USING / NATURAL: merged columns once, first
    [InlineData("SELECT * FROM hipparcos.main AS h JOIN tycho2.main AS t USING (hip)",
        "hip int ucd=meta.id;meta.main | ra double unit=deg ucd=pos.eq.ra;meta.main | dec double unit=deg ucd=pos.eq.dec;meta.main | vmag float unit=mag ucd=phot.mag;em.opt.V | b_v float unit=mag ucd=phot.color;em.opt.B;em.opt.V | tyc char[*] ucd=meta.id;meta.main | ra_2 double unit=deg ucd=pos.eq.ra;meta.main | dec_2 double unit=deg ucd=pos.eq.dec;meta.main | pmra float unit=mas/yr ucd=pos.pm;pos.eq.ra | pmdec float unit=mas/yr ucd=pos.pm;pos.eq.dec | bt_mag float unit=mag ucd=phot.mag;em.opt.B | vt_mag float unit=mag ucd=phot.mag;em.opt.V | pos_flag char ucd=meta.code")]
    [InlineData("SELECT * FROM hipparcos.main NATURAL JOIN (SELECT hip, tyc FROM tycho2.main) AS t",
        "hip int ucd=meta.id;meta.main | ra double unit=deg ucd=pos.eq.ra;meta.main | dec double unit=deg ucd=pos.eq.dec;meta.main | vmag float unit=mag ucd=phot.mag;em.opt.V | b_v float unit=mag ucd=phot.color;em.opt.B;em.opt.V | tyc char[*] ucd=meta.id;meta.main")]
    [InlineData("SELECT hip, t.hip FROM hipparcos.main AS h RIGHT JOIN tycho2.main AS t USING (hip)", "hip int ucd=meta.id.cross | hip_2 int ucd=meta.id.cross")]
    // aggregates: COUNT long meta.number; AVG double keeps the unit; MIN/MAX keep everything; SUM widens
    [InlineData("SELECT COUNT(*), COUNT(hip), AVG(vmag), MIN(vmag), MAX(ra), SUM(vmag), SUM(hip) FROM hipparcos.main",
        "count_all long ucd=meta.number | count_hip long ucd=meta.number | avg_vmag double unit=mag | min_vmag float unit=mag ucd=phot.mag;em.opt.V | max_ra double unit=deg ucd=pos.eq.ra;meta.main | sum_vmag double unit=mag | sum_hip long")]
    [InlineData("SELECT type, COUNT(*) AS n FROM messier.main GROUP BY type HAVING COUNT(*) > 5 ORDER BY n DESC",
        "type char ucd=src.class | n long ucd=meta.number")]
    [InlineData("SELECT FLOOR(vmag) AS bin, COUNT(*) FROM hipparcos.main GROUP BY bin ORDER BY bin",
        "bin double unit=mag ucd=phot.mag;em.opt.V | count_all long ucd=meta.number")]
    [InlineData("SELECT ROUND(vmag, 1), COUNT(*) FROM hipparcos.main GROUP BY ROUND(vmag, 1)",
        "round_vmag double unit=mag ucd=phot.mag;em.opt.V | count_all long ucd=meta.number")]
    // arithmetic: SQL widening, integer division stays integer, units only for + and - of one unit, literals
    [InlineData("SELECT hip + 1, hip / 2, vmag * 2, vmag - b_v, ra - dec, ra * 2, -ra, +ra, 1.5, 2, 3000000000, 1e3, 'x', NULL FROM hipparcos.main",
        "col1 int | col2 int | col3 double | col4 float unit=mag | col5 double unit=deg | col6 double | col7 double unit=deg | col8 double unit=deg ucd=pos.eq.ra;meta.main | col9 double | col10 int | col11 long | col12 double | col13 char[*] | col14 char[*]")]
    [InlineData("SELECT messier_number + messier_number, messier_number * 2, messier_number & 7, ~messier_number FROM messier.main",
        "col1 short | col2 int | col3 int | col4 short")]
    [InlineData("SELECT name || ' in ' || constellation, LOWER(name), UPPER(type) FROM messier.main",
        "col1 char[*] | lower_name char[5] ucd=meta.id;meta.main | upper_type char ucd=src.class")]
    // maths and trigonometry
    [InlineData("SELECT ABS(pmra), ROUND(vt_mag, 1), FLOOR(hip), CEILING(ra), MOD(hip, 7), DEGREES(ra), RADIANS(ra), SQRT(ra), ATAN2(dec, ra), PI() FROM tycho2.main",
        "abs_pmra float unit=mas/yr | round_vt_mag double unit=mag ucd=phot.mag;em.opt.V | floor_hip int ucd=meta.id.cross | ceiling_ra double unit=deg ucd=pos.eq.ra;meta.main | mod_hip int | degrees_ra double unit=deg | radians_ra double unit=rad | sqrt_ra double | atan2_dec double unit=rad | col10 double")]
    // geometry: DALI double arrays with xtype, degrees; REGION a string
    [InlineData("SELECT POINT(ra, dec), CIRCLE(ra, dec, 0.1), BOX(ra, dec, 1, 1), POLYGON(1, 2, 3, 4, 5, 6), REGION('CIRCLE ICRS 1 2 3'), CENTROID(CIRCLE(ra, dec, 1)) FROM hipparcos.main",
        "col1 double[2] xtype=point unit=deg | col2 double[3] xtype=circle unit=deg | col3 double[*] xtype=polygon unit=deg | col4 double[*] xtype=polygon unit=deg | col5 char[*] | col6 double[2] xtype=point unit=deg")]
    [InlineData("SELECT DISTANCE(ra, dec, 0, 0), DISTANCE(POINT(ra, dec), POINT(0, 0)), AREA(CIRCLE(ra, dec, 1)), COORD1(POINT(ra, dec)), COORD2(pos), COORDSYS(pos), CONTAINS(pos, footprint), INTERSECTS(CIRCLE(pos, 1), footprint) FROM TAP_UPLOAD.mine",
        "distance_ra double unit=deg ucd=pos.angDistance | col2 double unit=deg ucd=pos.angDistance | col3 double unit=deg2 ucd=phys.angArea | col4 double unit=deg | coord2_pos double unit=deg | coordsys_pos char[*] | contains_pos int | col8 int")]
    [InlineData("SELECT CONTAINS(POINT(ra, dec), REGION('CIRCLE ICRS 1 2 3')), INTERSECTS(REGION('BOX ICRS 1 2 3 4'), CIRCLE(ra, dec, 1)) FROM hipparcos.main",
        "col1 int | col2 int")]
    [InlineData("SELECT pos, footprint, obs_time, flags FROM TAP_UPLOAD.mine",
        "pos double[2] xtype=point unit=deg ucd=pos.eq | footprint double[*] xtype=polygon unit=deg ucd=pos.outline | obs_time char[*] xtype=timestamp ucd=time.epoch | flags short[4]")]
    [InlineData("SELECT POLYGON(pos, pos, pos), CIRCLE(pos, 1) FROM TAP_UPLOAD.mine",
        "col1 double[*] xtype=polygon unit=deg | col2 double[3] xtype=circle unit=deg")]
    // user-defined functions
    [InlineData("SELECT ivo_healpix_index(6, ra, dec), vo_nanojansky_to_abmag(Flux), vo_nanojansky_to_abmag_sigma(Flux, flux_err), vo_crossmatch(ra, dec, 10, 20, 0.5) FROM TAP_UPLOAD.mine",
        "ivo_healpix_index long ucd=pos.healpix | vo_nanojansky_to_abmag double unit=mag ucd=phot.mag | vo_nanojansky_to_abmag_sigma double unit=mag ucd=stat.error;phot.mag | vo_crossmatch int")]
    // CAST, IN_UNIT, COALESCE, CASE
    [InlineData("SELECT CAST(hip AS BIGINT), CAST(ra AS REAL), CAST(hip AS VARCHAR(10)), CAST(hip AS CHAR), CAST('2020-01-01' AS TIMESTAMP), CAST('1 2' AS POINT) FROM hipparcos.main",
        "hip long ucd=meta.id;meta.main | ra float unit=deg ucd=pos.eq.ra;meta.main | hip_2 char[10*] | hip_3 char | col5 char[*] xtype=timestamp | col6 double[2] xtype=point unit=deg")]
    [InlineData("SELECT IN_UNIT(ra, 'arcsec'), IN_UNIT(hip, 'm') AS h FROM hipparcos.main",
        "ra double unit=arcsec ucd=pos.eq.ra;meta.main | h double unit=m ucd=meta.id;meta.main")]
    [InlineData("SELECT COALESCE(vmag, b_v), COALESCE(hip, 0), CASE WHEN vmag < 5 THEN 'bright' ELSE 'faint' END, CASE hip WHEN 1 THEN ra ELSE NULL END FROM hipparcos.main",
        "col1 float unit=mag | col2 int | col3 char[*] | col4 double unit=deg ucd=pos.eq.ra;meta.main")]
    // set operations: names and metadata from the left operand, datatype common to both
    [InlineData("SELECT name, ra FROM messier.main UNION SELECT name, ra FROM openngc.main",
        "name char[*] ucd=meta.id;meta.main | ra double unit=deg ucd=pos.eq.ra;meta.main")]
    [InlineData("SELECT hip FROM hipparcos.main UNION SELECT ra FROM tycho2.main ORDER BY hip", "hip double ucd=meta.id;meta.main")]
    [InlineData("SELECT NULL AS x, hip FROM hipparcos.main UNION ALL SELECT tyc, hip FROM tycho2.main",
        "x char[*] ucd=meta.id;meta.main | hip int ucd=meta.id;meta.main")]
    [InlineData("SELECT hip FROM hipparcos.main EXCEPT SELECT hip FROM tycho2.main INTERSECT SELECT messier_number FROM messier.main",
        "hip int ucd=meta.id;meta.main")]
    [InlineData("(SELECT TOP 3 name FROM messier.main ORDER BY mag OFFSET 1) ORDER BY 1", "name char[5] ucd=meta.id;meta.main")]
    // common tables and derived tables: columns from their queries, generated names reachable from outside
    [InlineData("WITH bright AS (SELECT hip, vmag AS v FROM hipparcos.main WHERE vmag < 3) SELECT b.v, b.hip FROM bright AS b",
        "v float unit=mag ucd=phot.mag;em.opt.V | hip int ucd=meta.id;meta.main")]
    [InlineData("WITH a AS (SELECT hip FROM hipparcos.main), b AS (SELECT a.hip, COUNT(*) FROM a GROUP BY a.hip) SELECT * FROM b",
        "hip int ucd=meta.id;meta.main | count_all long ucd=meta.number")]
    [InlineData("SELECT x.n, q.col1, q.ra_2 FROM (SELECT COUNT(*) AS n FROM tycho2.main) AS x, (SELECT t.ra + 1, t.ra, h.ra FROM tycho2.main AS t, hipparcos.main AS h) AS q",
        "n long ucd=meta.number | col1 double | ra_2 double unit=deg ucd=pos.eq.ra;meta.main")]
    // subqueries
    [InlineData("SELECT hip, (SELECT MAX(vmag) FROM hipparcos.main) FROM tycho2.main", "hip int ucd=meta.id.cross | col2 float unit=mag ucd=phot.mag;em.opt.V")]
    [InlineData("SELECT t.tyc FROM tycho2.main AS t WHERE EXISTS (SELECT 1 FROM hipparcos.main AS h WHERE h.hip = t.hip AND h.vmag < t.vt_mag) AND t.hip IN (SELECT hip FROM hipparcos.main)",
        "tyc char[*] ucd=meta.id;meta.main")]
    public void Resolve_Query_InfersResultColumns(string adql, string expected)
    {
        var resolved = Resolve.Query(adql);

        Assert.Equal(expected, Resolve.Describe(resolved.Columns));
    }

    [Fact]
    public void Resolve_ColumnReference_CopiesUtypeAndDescription()
    {
        var schema = new Adql.Semantics.AdqlSchema(
            [new("s", "s.t", [new("x", "double", Unit: "m", Ucd: "pos.distance", Utype: "a:b", Description: "The x.")])]);

        var resolved = Adql.Semantics.SchemaResolver.Resolve(AdqlParser.Parse("SELECT x, x + 1 AS y FROM s.t"), schema);

        Assert.Equal(new Adql.Semantics.OutputColumn("x", "double", null, null, "m", "pos.distance", "a:b", "The x."), resolved.Columns[0]);
        Assert.Equal(new Adql.Semantics.OutputColumn("y", "double"), resolved.Columns[1]);
    }
}
