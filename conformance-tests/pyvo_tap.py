#!/usr/bin/python3
"""pyvo 1.2.1 (Debian python3-pyvo, run with /usr/bin/python3) as a plain client of a live VoServices TAP service.

Usage: conformance-tests/pyvo_tap.py TAP_URL [DESCRIPTOR]
  TAP_URL     e.g. http://127.0.0.1:5000/tap
  DESCRIPTOR  the catalogue descriptor giving the expected units and UCDs of tycho2.main
              (default: demo/catalogs/tycho2.yaml of this checkout)

Checks, with plain asserts (exit status 1 on the first failure, 0 when all pass):
  sync_maxrec      run_sync with MAXREC: exactly MAXREC rows and QUERY_STATUS=OVERFLOW (TAP 1.1 §2.7.4, DALI 1.1
                   §4.3.4); a smaller result says OK; an ADQL error raises DALQueryError.
  upload_xmatch    a 100-row VOTable upload (TAP 1.1 §2.5) crossmatched against tycho2.main with
                   CONTAINS(POINT, CIRCLE) and with DISTANCE < r: the same rows, each pair's separation (astropy)
                   below r, every uploaded source matched to the star it was made from.
  table_metadata   tap.tables (VOSI tables) and the result FIELDs of a query carry the descriptor's units and UCDs.
  run_async        run_async (UWS 1.1 job: create, run, WAIT, fetch, delete).
  submit_job       submit_job + run + wait + fetch_result + delete, and the job's phase along the way.
"""
import os
import sys
import time

import numpy as np
import pyvo
import requests
import yaml
from astropy import units as u
from astropy.coordinates import SkyCoord
from astropy.table import Table

RADIUS_DEG = 0.05        # crossmatch radius; much larger than the offsets below so every source finds its star
MAX_OFFSET_DEG = 2.0 / 3600.0
UPLOAD_ROWS = 100


def check_sync_maxrec(tap):
    result = tap.run_sync("SELECT ra, dec FROM tycho2.main", maxrec=10)
    assert len(result) == 10, f"MAXREC=10 gave {len(result)} rows"
    assert result.query_status == "OVERFLOW", f"MAXREC=10 truncation: QUERY_STATUS={result.query_status!r}"
    small = tap.run_sync("SELECT TOP 5 ra, dec FROM tycho2.main", maxrec=10)
    assert len(small) == 5, f"TOP 5 gave {len(small)} rows"
    assert small.query_status == "OK", f"TOP 5 under MAXREC=10: QUERY_STATUS={small.query_status!r}"
    try:
        tap.run_sync("SELECT no_such_column FROM tycho2.main")
    except pyvo.dal.DALQueryError as error:
        print(f"  bad query rejected as expected: {error}")
    else:
        raise AssertionError("a query on an unknown column did not raise DALQueryError")


def make_upload(tap):
    """100 sources, each a Tycho-2 star moved by up to 2 arcsec (seeded), as an astropy table (pyvo writes a VOTable)."""
    stars = tap.run_sync(f"SELECT TOP {UPLOAD_ROWS} tyc, ra, dec FROM tycho2.main WHERE ra IS NOT NULL",
                         maxrec=UPLOAD_ROWS).to_table()
    assert len(stars) == UPLOAD_ROWS, f"only {len(stars)} Tycho-2 stars to build the upload from"
    rng = np.random.default_rng(20261122)
    origin = SkyCoord(np.asarray(stars["ra"], float) * u.deg, np.asarray(stars["dec"], float) * u.deg)
    moved = origin.directional_offset_by(rng.uniform(0, 360, UPLOAD_ROWS) * u.deg,
                                         rng.uniform(0, MAX_OFFSET_DEG, UPLOAD_ROWS) * u.deg)
    upload = Table({"src_id": np.arange(1, UPLOAD_ROWS + 1, dtype=np.int32),
                    "ra": moved.ra.deg, "dec": moved.dec.deg})
    upload["ra"].unit = upload["dec"].unit = u.deg
    origins = {int(i): str(t).strip() for i, t in zip(upload["src_id"], stars["tyc"])}
    return upload, origins


def crossmatch(tap, upload, condition):
    query = ("SELECT u.src_id, u.ra AS u_ra, u.dec AS u_dec, t.tyc, t.ra, t.dec "
             "FROM TAP_UPLOAD.pts AS u JOIN tycho2.main AS t ON " + condition)
    started = time.monotonic()
    result = tap.run_sync(query, uploads={"pts": upload}, maxrec=100000)
    assert result.query_status == "OK", f"crossmatch QUERY_STATUS={result.query_status!r}"
    table = result.to_table()
    print(f"  {len(table)} pairs in {time.monotonic() - started:.2f} s: {condition}")
    return table


def pairs(table):
    return sorted((int(i), str(t).strip()) for i, t in zip(table["src_id"], table["tyc"]))


def check_upload_xmatch(tap):
    upload, origins = make_upload(tap)
    by_contains = crossmatch(
        tap, upload, f"1 = CONTAINS(POINT('ICRS', t.ra, t.dec), CIRCLE('ICRS', u.ra, u.dec, {RADIUS_DEG}))")
    by_distance = crossmatch(
        tap, upload, f"DISTANCE(POINT('ICRS', t.ra, t.dec), POINT('ICRS', u.ra, u.dec)) < {RADIUS_DEG}")
    a, b = pairs(by_contains), pairs(by_distance)
    assert a == b, f"CONTAINS and DISTANCE disagree: only CONTAINS {sorted(set(a) - set(b))[:10]}, " \
                   f"only DISTANCE {sorted(set(b) - set(a))[:10]}"
    assert len(set(a)) == len(a), "duplicate (src_id, tyc) pairs"
    matched = {pair for pair in a}
    missing = [i for i, tyc in origins.items() if (i, tyc) not in matched]
    assert not missing, f"sources not matched to the star they were made from: {missing[:10]}"
    degrees = lambda name: np.asarray(by_contains[name], float) * u.deg
    separation = SkyCoord(degrees("u_ra"), degrees("u_dec")).separation(SkyCoord(degrees("ra"), degrees("dec"))).deg
    assert np.all(separation < RADIUS_DEG + 1e-9), f"pair beyond r: max separation {separation.max()} deg"
    print(f"  both forms: the same {len(a)} pairs for {UPLOAD_ROWS} sources; max separation "
          f"{separation.max() * 3600:.1f} arcsec (r = {RADIUS_DEG * 3600:.0f} arcsec)")


def expected_columns(descriptor):
    with open(descriptor, encoding="utf-8") as stream:
        columns = yaml.safe_load(stream)["columns"]
    return {c["name"]: (c.get("unit") or None, c.get("ucd") or None) for c in columns}


def check_table_metadata(tap, descriptor):
    expected = expected_columns(descriptor)
    table = next((t for t in tap.tables if t.name.lower() == "tycho2.main"), None)
    assert table is not None, f"tycho2.main missing from /tables: {[t.name for t in tap.tables]}"
    published = {c.name: (c.unit or None, c.ucd or None) for c in table.columns}
    assert set(published) == set(expected), f"columns {sorted(published)} != descriptor {sorted(expected)}"
    for name, (unit, ucd) in expected.items():
        assert published[name] == (unit, ucd), f"/tables {name}: {published[name]} != descriptor {(unit, ucd)}"
    result = tap.run_sync("SELECT TOP 1 * FROM tycho2.main", maxrec=1)
    for field in result.fielddescs:
        unit, ucd = expected[field.name]
        # astropy parses FIELD/@unit (VOUnit) into a Unit object: compare units, not spellings
        same_unit = field.unit is None if unit is None else field.unit == u.Unit(unit, format="vounit")
        assert same_unit and (field.ucd or None) == ucd, \
            f"result FIELD {field.name}: {(field.unit, field.ucd)} != descriptor {(unit, ucd)}"
    print(f"  {len(expected)} columns: units and UCDs equal in /tables, the result FIELDs and {os.path.basename(descriptor)}")


def check_run_async(tap):
    result = tap.run_async("SELECT TOP 20 tyc, ra, dec, vt_mag FROM tycho2.main WHERE vt_mag < 12", maxrec=100)
    assert len(result) == 20, f"run_async gave {len(result)} rows"
    assert result.fieldnames == ("tyc", "ra", "dec", "vt_mag"), f"run_async columns {result.fieldnames}"


def check_submit_job(tap):
    job = tap.submit_job("SELECT TOP 7 tyc, ra, dec FROM tycho2.main", maxrec=100)
    assert job.phase == "PENDING", f"new job in {job.phase}"
    job.run()
    job.wait(timeout=60)
    assert job.phase == "COMPLETED", f"job ended {job.phase}"
    assert job.result is not None and job.result.id_ == "result", "no result with id 'result'"
    rows = job.fetch_result()
    assert len(rows) == 7, f"fetch_result gave {len(rows)} rows"
    url = job.url
    job.delete()
    # the job object is unusable after delete: ask the server directly (UWS 1.1 §2.2.3.3: deleted → 404)
    response = requests.get(url, timeout=30)
    assert response.status_code == 404, f"GET of a deleted job answered {response.status_code}"


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    here = os.path.dirname(os.path.abspath(__file__))
    descriptor = argv[2] if len(argv) == 3 else os.path.join(here, "..", "demo", "catalogs", "tycho2.yaml")
    tap = pyvo.dal.TAPService(argv[1])
    checks = [("sync_maxrec", lambda: check_sync_maxrec(tap)),
              ("upload_xmatch", lambda: check_upload_xmatch(tap)),
              ("table_metadata", lambda: check_table_metadata(tap, descriptor)),
              ("run_async", lambda: check_run_async(tap)),
              ("submit_job", lambda: check_submit_job(tap))]
    failed = []
    for name, check in checks:
        started = time.monotonic()
        try:
            check()
            print(f"PASS {name} ({time.monotonic() - started:.1f} s)")
        except Exception as error:  # report every check, then fail
            failed.append(name)
            print(f"FAIL {name}: {type(error).__name__}: {error}")
    print(f"pyvo {pyvo.__version__}: {len(checks) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
