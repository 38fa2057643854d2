#!/usr/bin/python3
"""Regenerates tables.json: reference values for the binary tables in ../shared/data.

Run from the repository root with Debian's Python (astropy 5.2.1):
    /usr/bin/python3 Core/VoServices.Fits.Tests/Fixtures/make_table_fixtures.py ../shared/data \
        > Core/VoServices.Fits.Tests/Fixtures/tables.json

Per BINTABLE HDU (compressed images excluded) and column: TTYPE, TFORM, TUNIT and the SHA-256 of the column as
astropy reads it: numbers as big-endian float64 of every element in row order (NaN canonical), strings joined by
'\\n' without trailing spaces, logicals as 'T'/'F' bytes; plus the value in the first row (arrays cut to 4 elements).
"""
import hashlib
import json
import sys
import warnings

import numpy as np
from astropy.io import fits

warnings.simplefilter("ignore")

FILES = [
    "images/tuc47_acs_hrc/j8bt06nyq_flt_tan_sip.fits",
    "images/misc/astropy_dss_14.29.56-62.41.05.fits.gz",
    "vo/topcat_demo/863sub.fits",
    "vo/topcat_demo/tables.fit.gz",
    "healpix/bayestar.fits.gz",
    "healpix/wmap_band_iqumap_r9_7yr_W_v4_udgraded32.fits",
]


def column_hash(values):
    if values.dtype.kind in "SU":
        text = "\n".join(str(v).rstrip() for v in values)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()
    if values.dtype.kind == "b":
        return hashlib.sha256(b"".join(b"T" if v else b"F" for v in values.ravel())).hexdigest()
    a = np.array(values, dtype=np.float64).ravel()
    a[np.isnan(a)] = np.nan
    return hashlib.sha256(a.astype(">f8").tobytes()).hexdigest()


def first(value):
    if isinstance(value, np.ndarray):
        return [first(v) for v in value.ravel()[:4]]
    if isinstance(value, (bytes, str)):
        return value.decode() if isinstance(value, bytes) else value.rstrip()
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    v = float(value)
    return None if np.isnan(v) else v


def main(root):
    tables = []
    for rel in FILES:
        with fits.open(f"{root}/{rel}") as hdul:
            for i, hdu in enumerate(hdul):
                if not isinstance(hdu, fits.BinTableHDU) or hdu.header.get("ZIMAGE"):
                    continue
                columns = []
                for c in hdu.columns:
                    values = hdu.data.field(c.name)
                    columns.append({"name": c.name, "tform": hdu.header[f"TFORM{len(columns) + 1}"],
                                    "unit": c.unit, "sha256": column_hash(values), "first": first(values[0])})
                tables.append({"file": rel, "hdu": i, "rows": int(hdu.header["NAXIS2"]), "columns": columns})
    json.dump(tables, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
