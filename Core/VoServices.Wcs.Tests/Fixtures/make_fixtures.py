#!/usr/bin/python3
"""Regenerates the WCS reference fixtures in this folder with astropy (Debian python3-astropy 5.2.1 / wcslib 7.12).

Run from the repository root:  /usr/bin/python3 Core/VoServices.Wcs.Tests/Fixtures/make_fixtures.py

For every image HDU under ../shared/data/images with a celestial WCS, and for synthetic headers covering
projections and frames that no real image uses, it writes <case>.json holding:
  keywords  the WCS-relevant header cards (so tests run without the FITS reader),
  pixels    0-based pixel coordinates (a grid over the image, edges included, plus points outside),
  world     astropy WCS.all_pix2world(pixels, 0) as (lon, lat) in the header's own frame (null where WCSLIB says
            invalid),
  icrs      SkyCoord(world, frame=wcs_to_celestial_frame(wcs)).icrs, in degrees.
It also writes frames.json: points converted between each supported frame and ICRS with SkyCoord, both ways.
"""
import json
import os
import re
import warnings

import numpy as np
from astropy import log
from astropy.coordinates import SkyCoord
from astropy.io import fits
from astropy.wcs import WCS
from astropy.wcs.utils import wcs_to_celestial_frame

warnings.simplefilter("ignore")
log.setLevel("WARNING")  # astropy's INFO on SIP without "-SIP" is expected for synthetic_sip_without_suffix
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "shared", "data"))

PREFIXES = ("NAXIS", "WCSAXES", "CTYPE", "CRVAL", "CRPIX", "CDELT", "CROTA", "CUNIT", "CD1_", "CD2_", "CD3_",
            "PC", "PV", "PROJP", "LONPOLE", "LATPOLE", "RADESYS", "RADECSYS", "EQUINOX", "EPOCH", "DATE-OBS",
            "MJD-OBS", "A_", "B_", "AP_", "BP_", "PLTRA", "PLTDEC", "AMDX", "AMDY", "PPO", "XPIXELSZ", "YPIXELSZ",
            "CNPIX")

# (file under images/, HDU index, note)
REAL = [
    ("omegacen_wfpc2/u40x010hm_pc1.fits", 0, "TAN with CD, FK5"),
    ("omegacen_wfpc2/u40x010hm_wf2.fits", 0, "TAN with CD, FK5"),
    ("omegacen_wfpc2/u40x010hm_wf3.fits", 0, "TAN with CD, FK5"),
    ("omegacen_wfpc2/u40x010hm_wf4.fits", 0, "TAN with CD, FK5"),
    ("tuc47_acs_hrc/j8bt06nyq_flt.fits", 1, "TAN with CD, no RADESYS/EQUINOX in the HDU -> ICRS"),
    ("tuc47_acs_hrc/j8bt06nyq_flt_tan_sip.fits", 1, "TAN-SIP order 4 without AP/BP"),
    ("tuc47_acs_hrc/j8bt06nyq_flt_tan_sip.fits", 2, "CTYPE -SIP without coefficients -> plain TAN"),
    ("ngc1316/ngc1316o.fit", 0, "SIN, CDELT+CROTA2, EQUINOX 1950 -> FK4"),
    ("ngc1316/ngc1316r.fit", 0, "SIN, FK4 with DATE-OBS (astropy ignores it: obstime = equinox)"),
    ("ngc1316/ngc1316o_rice_astropy_comp.fits", 1, "tile-compressed copy of ngc1316o"),
    ("dss_pair/dss_test1.fits", 0, "DSS plate solution wins over CTYPE/CD/PC (wcslib)"),
    ("dss_pair/dss_test2.fits", 0, "DSS plate solution"),
    ("misc/astropy_dss_14.29.56-62.41.05.fits.gz", 0, "DSS plate solution"),
    ("crab/ned_poss_m1_dssplate.fits", 0, "DSS plate solution only, no CTYPE"),
    ("crab/ukidss_crab_zpn.fits", 1, "ZPN with PV2_1/PV2_3, CD, reference point off the image"),
    ("misc/astrometry_net_thumbnail_tan_sip.fit.gz", 0, "TAN-SIP order 2 with AP/BP, CD and PC both present"),
    ("misc/magpis_g10.5_glon_sin.fits", 0, "GLON-SIN, three WCS axes, EQUINOX 0"),
    ("misc/fermi_lat_counts_gc_car.fits.gz", 1, "GLON-CAR, 40x20 deg"),
    ("misc/ngc6503_hi_cube_felo.fit", 0, "cube RA/DEC-SIN + FELO-HEL, FK4"),
    ("misc/astropy_test0_mef.fits", 2, "MEF per-extension TAN"),
    ("misc/astropy_test0_mef.fits", 3, "MEF per-extension TAN"),
    ("misc/astropy_test0_mef.fits", 4, "MEF per-extension TAN"),
    ("fz/u40x010hm_wf3.fits.fz", 1, "RICE-compressed copy of wf3"),
    ("fz/j8bt06nyq_flt.fits.fz", 1, "compressed MEF"),
    ("fz/u40x010hm_pc1_gzip_lossless.fits.fz", 1, "GZIP_1-compressed copy of pc1"),
]


def header_cards(**kw):
    h = fits.Header()
    for k, v in kw.items():
        h[k.replace("__", "-")] = v
    return h


SYNTHETIC = {
    "synthetic_arc_crota": ("ARC, CDELT+CROTA2=30, FK5 J2000", (200, 150), header_cards(
        NAXIS=2, NAXIS1=200, NAXIS2=150, CTYPE1="RA---ARC", CTYPE2="DEC--ARC", CRVAL1=150.0, CRVAL2=60.0,
        CRPIX1=100.5, CRPIX2=75.5, CDELT1=-0.05, CDELT2=0.05, CROTA2=30.0, RADESYS="FK5", EQUINOX=2000.0)),
    "synthetic_zea_southpole": ("ZEA near the south pole with PC, ICRS", (180, 180), header_cards(
        NAXIS=2, NAXIS1=180, NAXIS2=180, CTYPE1="RA---ZEA", CTYPE2="DEC--ZEA", CRVAL1=20.0, CRVAL2=-89.5,
        CRPIX1=90.0, CRPIX2=91.0, CDELT1=-0.02, CDELT2=0.02, PC1_1=0.9, PC1_2=0.3, PC2_1=-0.25, PC2_2=0.95,
        RADESYS="ICRS")),
    "synthetic_stg_lonpole": ("STG with LONPOLE=150, FK5 J1975 (IAU 2006 precession)", (120, 100), header_cards(
        NAXIS=2, NAXIS1=120, NAXIS2=100, CTYPE1="RA---STG", CTYPE2="DEC--STG", CRVAL1=300.0, CRVAL2=15.0,
        CRPIX1=60.0, CRPIX2=50.0, CDELT1=-0.1, CDELT2=0.1, LONPOLE=150.0, RADESYS="FK5", EQUINOX=1975.0)),
    "synthetic_ait_allsky_galactic": ("AIT whole sky, galactic; corners fall outside the ellipse", (361, 181),
        header_cards(NAXIS=2, NAXIS1=361, NAXIS2=181, CTYPE1="GLON-AIT", CTYPE2="GLAT-AIT", CRVAL1=0.0,
                     CRVAL2=0.0, CRPIX1=181.0, CRPIX2=91.0, CDELT1=-1.0, CDELT2=1.0)),
    "synthetic_ait_oblique": ("AIT with CRVAL2=40 (pole from LATPOLE default), FK4 B1950", (200, 120), header_cards(
        NAXIS=2, NAXIS1=200, NAXIS2=120, CTYPE1="RA---AIT", CTYPE2="DEC--AIT", CRVAL1=45.0, CRVAL2=40.0,
        CRPIX1=100.0, CRPIX2=60.0, CDELT1=-0.5, CDELT2=0.5, EQUINOX=1950.0)),
    "synthetic_car_oblique_latpole": ("CAR with CRVAL2=30 and LATPOLE=-20, FK5", (180, 90), header_cards(
        NAXIS=2, NAXIS1=180, NAXIS2=90, CTYPE1="RA---CAR", CTYPE2="DEC--CAR", CRVAL1=100.0, CRVAL2=30.0,
        CRPIX1=90.5, CRPIX2=45.5, CDELT1=-0.25, CDELT2=0.25, LATPOLE=-20.0, RADESYS="FK5", EQUINOX=2000.0)),
    "synthetic_car_oblique": ("CAR with CRVAL2=30, LATPOLE default (+90)", (180, 90), header_cards(
        NAXIS=2, NAXIS1=180, NAXIS2=90, CTYPE1="RA---CAR", CTYPE2="DEC--CAR", CRVAL1=100.0, CRVAL2=30.0,
        CRPIX1=90.5, CRPIX2=45.5, CDELT1=-0.25, CDELT2=0.25, RADESYS="ICRS")),
    "synthetic_sin_slant_fk4_1975": ("slant SIN (PV2_1, PV2_2), FK4 B1975 (Newcomb precession)", (100, 100),
        header_cards(NAXIS=2, NAXIS1=100, NAXIS2=100, CTYPE1="RA---SIN", CTYPE2="DEC--SIN", CRVAL1=250.0,
                     CRVAL2=-30.0, CRPIX1=50.0, CRPIX2=50.0, CDELT1=-0.01, CDELT2=0.01, PV2_1=0.1, PV2_2=-0.2,
                     RADESYS="FK4", EQUINOX=1975.0)),
    "synthetic_tan_fk4noe": ("TAN, RADESYS FK4-NO-E B1950, CD", (100, 100), header_cards(
        NAXIS=2, NAXIS1=100, NAXIS2=100, CTYPE1="RA---TAN", CTYPE2="DEC--TAN", CRVAL1=10.0, CRVAL2=80.0,
        CRPIX1=50.0, CRPIX2=50.0, CD1_1=-0.001, CD1_2=0.0002, CD2_1=0.0001, CD2_2=0.001, RADESYS="FK4-NO-E",
        EQUINOX=1950.0)),
    "synthetic_tan_swapped_axes": ("TAN with DEC on axis 1 and RA on axis 2", (100, 80), header_cards(
        NAXIS=2, NAXIS1=100, NAXIS2=80, CTYPE1="DEC--TAN", CTYPE2="RA---TAN", CRVAL1=-10.0, CRVAL2=80.0,
        CRPIX1=50.0, CRPIX2=40.0, CDELT1=0.01, CDELT2=0.012, RADESYS="ICRS")),
    "synthetic_tan_northpole": ("TAN centred on the north pole: native and celestial poles coincide",
        (100, 100), header_cards(NAXIS=2, NAXIS1=100, NAXIS2=100, CTYPE1="RA---TAN", CTYPE2="DEC--TAN",
                                 CRVAL1=0.0, CRVAL2=90.0, CRPIX1=50.5, CRPIX2=50.5, CDELT1=-0.05, CDELT2=0.05,
                                 RADESYS="ICRS")),
    "synthetic_zpn_poly": ("ZPN with PV2_0..PV2_3", (100, 100), header_cards(
        NAXIS=2, NAXIS1=100, NAXIS2=100, CTYPE1="RA---ZPN", CTYPE2="DEC--ZPN", CRVAL1=180.0, CRVAL2=0.0,
        CRPIX1=50.0, CRPIX2=50.0, CDELT1=-0.2, CDELT2=0.2, PV2_0=0.0, PV2_1=1.0, PV2_2=0.05, PV2_3=-0.3,
        RADESYS="ICRS")),
    "synthetic_tan_fk5_default_equinox": ("TAN, EQUINOX 2000 without RADESYS -> FK5", (50, 50), header_cards(
        NAXIS=2, NAXIS1=50, NAXIS2=50, CTYPE1="RA---TAN", CTYPE2="DEC--TAN", CRVAL1=359.9, CRVAL2=-0.05,
        CRPIX1=25.0, CRPIX2=25.0, CDELT1=-0.01, CDELT2=0.01, EQUINOX=2000.0)),
    "synthetic_tan_pc_beats_cd": ("PC+CDELT and a different CD: WCSLIB uses PC", (60, 40), header_cards(
        NAXIS=2, NAXIS1=60, NAXIS2=40, CTYPE1="RA---TAN", CTYPE2="DEC--TAN", CRVAL1=30.0, CRVAL2=-20.0,
        CRPIX1=30.0, CRPIX2=20.0, CDELT1=-0.002, CDELT2=0.002, PC1_1=0.8, PC1_2=-0.6, PC2_1=0.6, PC2_2=0.8,
        CD1_1=-0.003, CD2_2=0.003, CROTA2=45.0, RADESYS="ICRS")),
    "synthetic_tan_crota_unequal_cdelt": ("CDELT1 != -CDELT2 with CROTA2 = 25 (Paper II eq. 188)", (60, 40),
        header_cards(NAXIS=2, NAXIS1=60, NAXIS2=40, CTYPE1="RA---TAN", CTYPE2="DEC--TAN", CRVAL1=120.0,
                     CRVAL2=5.0, CRPIX1=30.0, CRPIX2=20.0, CDELT1=-0.01, CDELT2=0.02, CROTA1=99.0, CROTA2=25.0,
                     RADESYS="ICRS")),
    "synthetic_sip_without_suffix": ("A_ORDER without -SIP in CTYPE: astropy still applies SIP", (80, 80),
        header_cards(NAXIS=2, NAXIS1=80, NAXIS2=80, CTYPE1="RA---TAN", CTYPE2="DEC--TAN", CRVAL1=210.0,
                     CRVAL2=54.0, CRPIX1=40.0, CRPIX2=41.0, CD1_1=-2e-4, CD1_2=1e-5, CD2_1=1e-5, CD2_2=2e-4,
                     A_ORDER=3, B_ORDER=3, A_2_0=2e-5, A_0_2=-1e-5, A_1_1=3e-6, A_3_0=1e-7, A_1_2=-2e-7,
                     B_0_2=1.5e-5, B_2_0=-1e-5, B_1_1=2e-6, B_0_3=1e-7, B_2_1=2e-7, RADESYS="FK5")),
    "synthetic_ncp": ("AIPS NCP = SIN with PV2_2 = cot(CRVAL2) (WCSLIB celfix)", (64, 64), header_cards(
        NAXIS=2, NAXIS1=64, NAXIS2=64, CTYPE1="RA---NCP", CTYPE2="DEC--NCP", CRVAL1=83.0, CRVAL2=22.0,
        CRPIX1=32.0, CRPIX2=33.0, CDELT1=-0.004, CDELT2=0.004, EPOCH=1950.0)),
    "synthetic_cunit_arcsec_pv_lonpole": ("CUNIT arcsec and LONPOLE given as PV1_3", (50, 50), header_cards(
        NAXIS=2, NAXIS1=50, NAXIS2=50, CTYPE1="RA---ARC", CTYPE2="DEC--ARC", CUNIT1="arcsec", CUNIT2="arcsec",
        CRVAL1=36000.0, CRVAL2=-7200.0, CRPIX1=25.0, CRPIX2=25.0, CDELT1=-30.0, CDELT2=30.0, PV1_3=170.0,
        RADESYS="ICRS")),
}


def write_json(path, doc):
    """indent=1, but every innermost array (a coordinate pair or a list of numbers) on one line."""
    text = json.dumps(doc, indent=1)
    text = re.sub(r"\[\s+([^\[\]{}]*?)\s+\]", lambda m: "[" + " ".join(m.group(1).split()) + "]", text)
    with open(path, "w") as f:
        f.write(text + "\n")


def grid(n1, n2, extra):
    xs = np.linspace(-0.5, n1 - 0.5, 7)
    ys = np.linspace(-0.5, n2 - 0.5, 7)
    pts = [(x, y) for y in ys for x in xs]
    rng = np.random.default_rng(20261121)
    pts += [(rng.uniform(-0.5, n1 - 0.5), rng.uniform(-0.5, n2 - 0.5)) for _ in range(extra)]
    pts += [(-0.25 * n1, 1.3 * n2), (1.2 * n1, -0.1 * n2)]  # a little outside the image
    return np.array(pts, dtype=float)


def plain(v):
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (int, np.integer)):
        return int(v)
    if isinstance(v, (float, np.floating)):
        return float(v)
    return str(v)


def pairs(a, b):
    return [None if not (np.isfinite(x) and np.isfinite(y)) else [float(x), float(y)] for x, y in zip(a, b)]


def make(name, note, header, naxis, source=None):
    w = WCS(header, naxis=2)  # celestial axes are 1 and 2 in every case; drops the FELO-HEL/LAMBDA axes
    if not w.has_celestial:
        raise SystemExit(f"{name}: no celestial WCS")
    frame = wcs_to_celestial_frame(w)
    px = grid(naxis[0], naxis[1], 12)
    world = w.all_pix2world(px, 0)[:, [w.wcs.lng, w.wcs.lat]]  # (lon, lat) whatever the axis order
    finite = np.isfinite(world).all(axis=1)
    icrs = np.full_like(world, np.nan)
    c = SkyCoord(world[finite, 0], world[finite, 1], unit="deg", frame=frame).icrs
    icrs[finite, 0] = c.ra.deg
    icrs[finite, 1] = c.dec.deg
    keywords = {k: plain(header[k]) for k in header if k and k.startswith(PREFIXES) and k not in ("COMMENT", "HISTORY")}
    doc = {
        "name": name, "note": note, "source": source, "naxis": list(naxis), "astropyFrame": repr(frame),
        "keywords": keywords, "pixels": px.tolist(), "world": pairs(world[:, 0], world[:, 1]),
        "icrs": pairs(icrs[:, 0], icrs[:, 1]),
    }
    write_json(os.path.join(HERE, name + ".json"), doc)


def frames():
    """frames.json: SkyCoord conversions between each frame and ICRS for points all over the sky."""
    from astropy.coordinates import FK4, FK5, ICRS, FK4NoETerms, Galactic
    from astropy.time import Time
    rng = np.random.default_rng(1950)
    lon = np.concatenate([[0.0, 90.0, 180.0, 266.4, 50.197, 359.999], rng.uniform(0, 360, 14)])
    lat = np.concatenate([[0.0, 89.99, -89.99, -28.9, -37.386, 0.001], np.degrees(np.arcsin(rng.uniform(-1, 1, 14)))])
    frames = {
        "FK4 B1950": FK4(equinox=Time(1950.0, format="byear")),
        "FK4 B1975": FK4(equinox=Time(1975.0, format="byear")),
        "FK4 B1950 epoch J1986.7666": FK4(equinox=Time(1950.0, format="byear"), obstime=Time(46710.0, format="mjd")),
        "FK4-NO-E B1950": FK4NoETerms(equinox=Time(1950.0, format="byear")),
        "FK5 J2000": FK5(equinox=Time(2000.0, format="jyear")),
        "FK5 J1975": FK5(equinox=Time(1975.0, format="jyear")),
        "FK5 J2050": FK5(equinox=Time(2050.0, format="jyear")),
        "Galactic": Galactic(),
    }
    out = []
    for name, frame in frames.items():
        icrs = SkyCoord(lon, lat, unit="deg", frame=frame).icrs
        back = SkyCoord(lon, lat, unit="deg", frame=ICRS()).transform_to(frame)
        b = back.spherical
        out.append({"frame": name, "lon": lon.tolist(), "lat": lat.tolist(),
                    "toIcrs": pairs(icrs.ra.deg, icrs.dec.deg),
                    "fromIcrs": pairs(b.lon.deg, b.lat.deg)})
    write_json(os.path.join(HERE, "frames.json"), out)


def main():
    frames()
    for path, hdu, note in REAL:
        with fits.open(os.path.join(DATA, "images", path)) as hl:
            header = hl[hdu].header
            naxis = (header["NAXIS1"], header["NAXIS2"])
        name = path.replace("/", "__").replace(".", "_") + f"__hdu{hdu}"
        make(name, note, header, naxis, {"file": "images/" + path, "hdu": hdu})
    for name, (note, naxis, header) in SYNTHETIC.items():
        make(name, note, header, naxis)


if __name__ == "__main__":
    main()
