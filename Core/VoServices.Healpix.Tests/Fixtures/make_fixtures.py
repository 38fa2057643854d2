#!/usr/bin/python3
"""Reference values for VoServices.Healpix, made with healpy (Debian python3-healpy 1.16.1).

Run from the repository root (deterministic: fixed seeds):

    /usr/bin/python3 Core/VoServices.Healpix.Tests/Fixtures/make_fixtures.py

It rewrites the *.csv files beside this script. The HiPS tile fixtures also need ../shared/data (the reference
HiPS built with Aladin Hipsgen, and the NGC 1316 source image) and astropy.

Files (all CSV, first line = header; floats written with repr() so they parse back to the same double):
  ang2pix.csv     order,lon,lat,nest,ring        healpy.ang2pix(lonlat=True), both schemes, every order 0..29
  vec2pix.csv     order,x,y,z,nest,ring          healpy.vec2pix (vectors need not be unit)
  pixels.csv      order,nest,ring,lon,lat        nest2ring/ring2nest + pix2ang(lonlat=True) of the nested index
  neighbours.csv  order,nest,n0..n7,ring,r0..r7  healpy.get_all_neighbours (SW,W,NW,N,NE,E,SE,S), -1 = none
  corners.csv     order,nest,x0,y0,z0,...,x3,y3,z3   healpy.boundaries(step=1): N, W, S, E vertices
  disc.csv        order,lon,lat,radius,kind,ranges
  polygon.csv     order,vertices,kind,ranges     vertices "lon:lat;lon:lat;..." (degrees)
     kind: exact      = healpy query (inclusive=False) at order, NESTED
           inclusive4 = healpy inclusive=True, fact=4;   inclusive1 = fact=1
           deep       = healpy exact query at order+3 (pixels listed at order+3): every parent intersects the shape
           bound      = pixels whose centre lies within the shape grown by 1.01 * max_pixrad(order): a pixel outside
                        this set cannot intersect the shape (disc: healpy exact disc of radius r + 1.01*max_pixrad;
                        polygon: centres with n_i . c >= -sin(1.01*max_pixrad) for every inward edge normal n_i)
     ranges: "start-endExclusive" pairs separated by spaces (NESTED indices at that order, or order+3 for deep)
  hips_tile_layout.csv  tile,order,npix,width,x,fitsrow,nested
     For real Hipsgen FITS tiles: the NESTED index at order+log2(width) of the HEALPix cell holding the centre of
     tile pixel (x = column, fitsrow = row as stored, 0-based), from the tile's own RA---HPX WCS (HEALPix projection,
     Calabretta & Roukema 2007, MNRAS 381, 865; evaluated by astropy/wcslib) + healpy.
  hips_tile_values.csv  nested,source_value
     NGC 1316 order-6 tile 34492: for sampled cells at order 15, the value of the source image ngc1316o.fit
     (FK4 B1950 RA---SIN, nearest pixel, via astropy) at the cell centre: independent of the tile's WCS. The test
     reads the tile from the HiPS tarball and correlates tile values at our (x, y) with these.
"""
import csv
import math
import os
import sys
import tarfile
import warnings

import healpy as hp
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.abspath(os.path.join(HERE, "..", "..", "..", "..", "shared", "data"))
ORDERS = range(0, 30)
Z23_LAT = math.degrees(math.asin(2.0 / 3.0))


def writer(name, header):
    f = open(os.path.join(HERE, name), "w", newline="")
    w = csv.writer(f, lineterminator="\n")
    w.writerow(header)
    return f, w


def r(x):
    return repr(float(x))


def ranges_of(pixels):
    p = np.unique(np.asarray(pixels, dtype=np.int64))
    if p.size == 0:
        return ""
    breaks = np.nonzero(np.diff(p) != 1)[0]
    starts = np.concatenate(([p[0]], p[breaks + 1]))
    ends = np.concatenate((p[breaks], [p[-1]])) + 1
    return " ".join(f"{s}-{e}" for s, e in zip(starts, ends))


def random_lonlat(rng, n):
    lon = rng.uniform(0.0, 360.0, n)
    lat = np.degrees(np.arcsin(rng.uniform(-1.0, 1.0, n)))
    return lon, lat


def special_points(rng):
    pts = [(0.0, 90.0), (123.4, 90.0), (0.0, -90.0), (271.0, -90.0),  # poles
           (0.0, 0.0), (360.0, 0.0), (359.99999999999994, 0.0), (1e-13, 10.0), (360.0, -33.3),  # RA=0 seam
           (359.9999999999, 60.0), (1e-10, -60.0), (0.0, 89.5), (360.0, -89.5), (-45.0, 30.0), (405.0, -30.0),
           (45.0, 0.0), (90.0, 0.0), (12.345, 0.0), (200.1, 0.0),  # equator, face corners
           (0.0, Z23_LAT), (45.0, Z23_LAT), (12.3, Z23_LAT), (100.0, -Z23_LAT), (315.0, -Z23_LAT),  # z = +-2/3
           (33.0, Z23_LAT + 1e-9), (33.0, Z23_LAT - 1e-9), (213.0, -Z23_LAT + 1e-9), (213.0, -Z23_LAT - 1e-9),
           (77.7, 89.9999999), (257.7, -89.9999999), (10.0, 89.43), (190.0, -89.43),  # near poles, sin(theta) path
           (5.0, 89.999999999999), (185.0, -89.999999999999)]
    # theta = 1e-6 .. 1e-8 rad: 1 - cos(theta) has lost most digits, only the sin(theta) path gets the pixel right
    for k, theta in enumerate((1e-6, 3e-7, 1e-7, 3e-8, 1e-8)):
        lat = 90.0 - math.degrees(theta)
        pts += [(17.0 + 71.3 * k, lat), (200.0 + 31.7 * k, -lat)]
    lon, lat = random_lonlat(rng, 6)
    pts += list(zip(lon, lat))
    # just inside the polar caps (theta < 0.01 rad uses the sin(theta) formulation in HEALPix C++)
    pts += [(float(rng.uniform(0, 360)), 90.0 - float(rng.uniform(0, 0.5))) for _ in range(3)]
    pts += [(float(rng.uniform(0, 360)), -90.0 + float(rng.uniform(0, 0.5))) for _ in range(3)]
    return pts


def make_ang2pix(rng):
    f, w = writer("ang2pix.csv", ["order", "lon", "lat", "nest", "ring"])
    for o in ORDERS:
        n = 1 << o
        for lon, lat in special_points(rng):
            nest = hp.ang2pix(n, lon, lat, nest=True, lonlat=True)
            ring = hp.ang2pix(n, lon, lat, nest=False, lonlat=True)
            w.writerow([o, r(lon), r(lat), int(nest), int(ring)])
    f.close()


def make_vec2pix(rng):
    f, w = writer("vec2pix.csv", ["order", "x", "y", "z", "nest", "ring"])
    for o in ORDERS:
        n = 1 << o
        vecs = [(0.0, 0.0, 1.0), (0.0, 0.0, -2.5), (1.0, 0.0, 0.0), (3.0, -1e-17, 0.5), (1e-9, 2e-9, 1.0),
                (-1e-9, 1e-9, -1.0)]
        for _ in range(4):
            v = rng.normal(size=3) * rng.uniform(0.1, 10)
            vecs.append(tuple(v))
        for x, y, z in vecs:
            nest = hp.vec2pix(n, x, y, z, nest=True)
            ring = hp.vec2pix(n, x, y, z, nest=False)
            w.writerow([o, r(x), r(y), r(z), int(nest), int(ring)])
    f.close()


def make_pixels(rng):
    f, w = writer("pixels.csv", ["order", "nest", "ring", "lon", "lat"])
    for o in ORDERS:
        n = 1 << o
        npix = 12 * n * n
        ncap = 2 * n * (n - 1)
        nest = {0, npix - 1}
        for f_ in range(12):
            nest.update([f_ * n * n, (f_ + 1) * n * n - 1])
        # ring-scheme boundaries: polar caps / equatorial belt, first and last of the first rings
        rings = {0, 1, 2, 3, max(ncap - 1, 0), ncap, npix - ncap - 1, npix - ncap, npix - 4, npix - 1}
        rings.update(int(x) for x in rng.integers(0, npix, 8))
        nest.update(int(hp.ring2nest(n, x)) for x in rings if 0 <= x < npix)
        nest.update(int(x) for x in rng.integers(0, npix, 8))
        for p in sorted(nest):
            ring = int(hp.nest2ring(n, p))
            lon, lat = hp.pix2ang(n, p, nest=True, lonlat=True)
            w.writerow([o, p, ring, r(lon), r(lat)])
    f.close()


def face_corner_pixels(o):
    n = 1 << o
    out = set()
    for face in range(12):
        for x, y in ((0, 0), (n - 1, 0), (0, n - 1), (n - 1, n - 1)):
            out.add(int(hp.xyf2pix(n, x, y, face, nest=True)))
    return out


def make_neighbours(rng):
    f, w = writer("neighbours.csv", ["order", "nest"] + [f"n{i}" for i in range(8)] + ["ring"]
                  + [f"r{i}" for i in range(8)])
    for o in ORDERS:
        n = 1 << o
        npix = 12 * n * n
        corners = sorted(face_corner_pixels(o))
        if o in (0, 1, 2, 3, 4, 8, 15, 22, 29):
            pix = set(corners)
        else:
            pix = set(int(x) for x in rng.choice(corners, 8, replace=False))
        if n > 2:
            for _ in range(4):  # face edges (not corners)
                face = int(rng.integers(0, 12))
                t = int(rng.integers(1, n - 1))
                x, y = [(0, t), (t, 0), (n - 1, t), (t, n - 1)][int(rng.integers(0, 4))]
                pix.add(int(hp.xyf2pix(n, x, y, face, nest=True)))
        pix.update(int(x) for x in rng.integers(0, npix, 4))
        for p in sorted(pix):
            nb = hp.get_all_neighbours(n, p, nest=True)
            ring = int(hp.nest2ring(n, p))
            rb = hp.get_all_neighbours(n, ring, nest=False)
            w.writerow([o, p] + [int(x) for x in nb] + [ring] + [int(x) for x in rb])
    f.close()


def make_corners(rng):
    f, w = writer("corners.csv", ["order", "nest"] + [f"{c}{i}" for i in range(4) for c in "xyz"])
    for o in ORDERS:
        n = 1 << o
        npix = 12 * n * n
        pix = set()
        for face in range(4):  # touching the north pole / south pole
            pix.add(int(hp.xyf2pix(n, n - 1, n - 1, face, nest=True)))
            pix.add(int(hp.xyf2pix(n, 0, 0, face + 8, nest=True)))
        for lat in (0.0, Z23_LAT, -Z23_LAT, 45.0):  # on the RA=0 seam
            pix.add(int(hp.ang2pix(n, 0.0, lat, nest=True, lonlat=True)))
            pix.add(int(hp.ang2pix(n, 359.999999999, lat, nest=True, lonlat=True)))
        pix.update(int(x) for x in rng.integers(0, npix, 6))
        for p in sorted(pix):
            b = hp.boundaries(n, p, step=1, nest=True)  # shape (3, 4)
            w.writerow([o, p] + [r(b[c, i]) for i in range(4) for c in range(3)])
    f.close()


def disc_cases():
    # (order, lon, lat, radius deg): small/large radii, across the RA=0 seam, over both poles, equator
    return [
        (0, 0.0, 0.0, 10.0), (0, 45.0, 60.0, 70.0), (1, 359.0, -5.0, 30.0), (2, 10.0, 89.0, 15.0),
        (3, 0.0, 0.0, 5.0), (3, 180.0, -90.0, 40.0), (4, 300.0, 45.0, 100.0), (4, 0.5, 20.0, 3.0),
        (5, 359.9, 0.1, 4.0), (5, 123.0, -89.9, 12.0), (6, 0.0, 90.0, 2.0), (6, 200.0, -30.0, 0.5),
        (7, 10.0, 41.81, 1.5), (8, 359.5, -70.0, 1.2), (8, 90.0, 0.0, 0.05), (9, 0.01, 88.8, 1.5),
        (10, 270.0, 10.0, 0.3), (10, 50.68846, -37.20245, 0.43), (11, 201.69, -47.48, 0.1), (12, 0.0, -45.0, 0.08),
        (13, 359.99, 66.0, 0.03), (14, 33.3, -89.99, 0.02), (16, 1e-5, 5.0, 0.004), (18, 77.0, 89.999, 0.002),
        (0, 10.0, 20.0, 179.0), (1, 100.0, -20.0, 180.0), (3, 0.0, 0.0, 0.0001), (2, 250.0, 33.0, 95.0),
    ]


def make_discs():
    f, w = writer("disc.csv", ["order", "lon", "lat", "radius", "kind", "ranges"])
    for o, lon, lat, rad in disc_cases():
        n = 1 << o
        v = hp.ang2vec(lon, lat, lonlat=True)
        rr = math.radians(rad)
        w.writerow([o, r(lon), r(lat), r(rad), "exact", ranges_of(hp.query_disc(n, v, rr, nest=True))])
        for fact in (4, 1):
            pix = hp.query_disc(n, v, rr, inclusive=True, fact=fact, nest=True)
            w.writerow([o, r(lon), r(lat), r(rad), f"inclusive{fact}", ranges_of(pix)])
        grown = min(rr + 1.01 * hp.max_pixrad(n), math.pi)
        w.writerow([o, r(lon), r(lat), r(rad), "bound", ranges_of(hp.query_disc(n, v, grown, nest=True))])
        if o <= 12:
            deep = hp.query_disc(n << 3, v, rr, nest=True)
            w.writerow([o, r(lon), r(lat), r(rad), "deep", ranges_of(deep)])
    f.close()


def polygon_cases():
    return [
        (0, [(10, 10), (80, 5), (40, 60)]),
        (2, [(350, -10), (20, -12), (15, 25), (345, 20)]),  # across RA=0
        (3, [(0, 80), (90, 80), (180, 80), (270, 80)]),  # around the north pole
        (4, [(10, -75), (130, -80), (250, -78)]),  # around the south pole
        (5, [(100, 0.5), (140, -30), (170, 10), (130, 40)]),
        (6, [(359.5, 1.0), (0.7, 1.2), (0.9, -0.8), (359.3, -1.1)]),  # small, across the seam
        (7, [(50.2, -37.6), (51.1, -37.5), (51.0, -36.8), (50.3, -36.9), (50.1, -37.2)]),  # pentagon
        (8, [(201.5, -47.7), (202.0, -47.6), (201.8, -47.3)]),
        (9, [(300.0, 60.0), (300.8, 60.1), (300.7, 60.6), (300.1, 60.5)]),
        (10, [(12.0, 41.7), (12.2, 41.75), (12.1, 41.9)]),  # straddles z = 2/3
        (12, [(45.0, 0.01), (45.02, -0.01), (45.03, 0.02)]),
        (1, [(0, -20), (110, -25), (100, 60), (10, 55)]),  # large, crosses the equator
    ]


def inward_normals(lonlat):
    vv = [hp.ang2vec(lo, la, lonlat=True) for lo, la in lonlat]
    normals = []
    for i in range(len(vv)):
        nrm = np.cross(vv[i], vv[(i + 1) % len(vv)])
        normals.append(nrm / np.linalg.norm(nrm))
    flip = 1.0 if np.dot(normals[0], vv[2 % len(vv)]) > 0 else -1.0
    return [flip * nrm for nrm in normals], vv


def polygon_bound(n, lonlat):
    normals, vv = inward_normals(lonlat)
    centre = np.sum(vv, axis=0)
    centre /= np.linalg.norm(centre)
    reach = max(math.acos(min(1.0, float(np.dot(centre, v)))) for v in vv)
    grow = 1.01 * hp.max_pixrad(n)
    cand = hp.query_disc(n, centre, min(reach + 2 * grow, math.pi), nest=True)
    xyz = np.array(hp.pix2vec(n, cand, nest=True))
    ok = np.ones(cand.size, bool)
    for nrm in normals:
        ok &= nrm @ xyz >= -math.sin(grow)
    return cand[ok]


def make_polygons():
    f, w = writer("polygon.csv", ["order", "vertices", "kind", "ranges"])
    for o, verts in polygon_cases():
        n = 1 << o
        vtxt = ";".join(f"{r(lo)}:{r(la)}" for lo, la in verts)
        vv = np.array([hp.ang2vec(lo, la, lonlat=True) for lo, la in verts])
        w.writerow([o, vtxt, "exact", ranges_of(hp.query_polygon(n, vv, nest=True))])
        for fact in (4, 1):
            pix = hp.query_polygon(n, vv, inclusive=True, fact=fact, nest=True)
            w.writerow([o, vtxt, f"inclusive{fact}", ranges_of(pix)])
        w.writerow([o, vtxt, "bound", ranges_of(polygon_bound(n, verts))])
        w.writerow([o, vtxt, "deep", ranges_of(hp.query_polygon(n << 3, vv, nest=True))])
    f.close()


HIPS_TILES = [
    ("hips_ngc1316_optical.tar.gz", "ngc1316/Norder6/Dir30000/Npix34492.fits"),
    ("hips_ngc1316_optical.tar.gz", "ngc1316/Norder3/Dir0/Npix538.fits"),
    ("hips_omegacen_wfpc2_order11.tar.gz", "omegacen_wfpc2/Norder11/Dir44260000/Npix44264770.fits"),
]


def read_tile(archive, member):
    from astropy.io import fits
    with tarfile.open(os.path.join(SHARED, "hips", archive)) as tar:
        data = tar.extractfile(member).read()
    import io
    return fits.open(io.BytesIO(data))[0]


def make_hips_layout(rng):
    from astropy.wcs import WCS
    f, w = writer("hips_tile_layout.csv", ["tile", "order", "npix", "width", "x", "fitsrow", "nested"])
    for archive, member in HIPS_TILES:
        hdu = read_tile(archive, member)
        hd = hdu.header
        width, order, npix = hd["NAXIS1"], hd["ORDER"], hd["NPIX"]
        sub_order = order + int(round(math.log2(width)))
        wcs = WCS(hd)
        pts = [(0, 0), (width - 1, 0), (0, width - 1), (width - 1, width - 1), (1, 0), (0, 1), (width // 2, 7)]
        pts += [tuple(int(v) for v in rng.integers(0, width, 2)) for _ in range(60)]
        for x, y in pts:
            ra, dec = wcs.wcs_pix2world([[x, y]], 0)[0]
            nested = int(hp.ang2pix(1 << sub_order, ra, dec, nest=True, lonlat=True))
            w.writerow([member, order, npix, width, x, y, nested])
    f.close()


def make_hips_values(rng):
    from astropy.coordinates import SkyCoord
    from astropy.io import fits
    from astropy.wcs import WCS
    import astropy.units as u
    src = fits.open(os.path.join(SHARED, "images", "ngc1316", "ngc1316o.fit"))[0]
    wcs = WCS(src.header)  # FK4 B1950: astropy converts from ICRS
    order, npix, width = 6, 34492, 512
    sub = rng.choice(width * width, 40000, replace=False)
    nested = npix * width * width + sub
    lon, lat = hp.pix2ang(1 << (order + 9), nested, nest=True, lonlat=True)
    x, y = wcs.world_to_pixel(SkyCoord(lon * u.deg, lat * u.deg, frame="icrs"))
    xi, yi = np.round(x).astype(int), np.round(y).astype(int)
    ny, nx = src.data.shape
    ok = (xi >= 1) & (yi >= 1) & (xi < nx - 1) & (yi < ny - 1)
    f, w = writer("hips_tile_values.csv", ["nested", "source_value"])
    for p, xx, yy in list(zip(nested[ok], xi[ok], yi[ok]))[:1500]:
        w.writerow([int(p), int(src.data[yy, xx])])
    f.close()


def main():
    warnings.simplefilter("ignore")
    rng = np.random.default_rng(20240529)
    make_ang2pix(rng)
    make_vec2pix(rng)
    make_pixels(rng)
    make_neighbours(rng)
    make_corners(rng)
    make_discs()
    make_polygons()
    if os.path.isdir(SHARED):
        make_hips_layout(rng)
        make_hips_values(rng)
    else:
        print("shared data missing: HiPS tile fixtures not regenerated", file=sys.stderr)


if __name__ == "__main__":
    main()
