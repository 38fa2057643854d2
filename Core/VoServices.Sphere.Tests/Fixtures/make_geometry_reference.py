#!/usr/bin/python3
"""Reference values for VoServices.Sphere geometry tests -> geometry_reference.json.

Run with Debian's interpreter (astropy, healpy, mpmath):  /usr/bin/python3 make_geometry_reference.py
Independent of the C# code:
  * circle membership and distances: astropy SkyCoord.separation (Vincenty);
  * box membership: astropy.wcs TAN projection at the box centre (|x| <= tan(w/2), |y| <= tan(h/2));
    box area: solid angle of a gnomonic rectangle, 4 atan(ab / sqrt(1 + a^2 + b^2));
  * polygon membership: winding number (sum of angles subtended at the point) in 50-digit mpmath, plus healpy
    query_polygon pixel centres for the convex polygons; polygon area: Gauss-Bonnet in mpmath, checked against
    healpy pixel counting; centroid: 1/2 sum(theta_i n_i) in mpmath, checked against the mean of healpy pixel centres;
  * pair relations (intersects / contains): healpy pixel-centre sampling of hand-made pairs, at the finest nside
    (<= 4096) that keeps a shape under 4 million pixels; the pairs' margins are well above that pixel size, or the
    shapes touch only at isolated boundary points (which pixel centres never hit).
Points closer than 1e-7 deg to a boundary are dropped (their side is not decidable in double precision).
"""
import json
import math
import random

import healpy as hp
import mpmath as mp
import numpy as np
from astropy import units as u
from astropy.coordinates import SkyCoord
from astropy.wcs import WCS

mp.mp.dps = 50
random.seed(20261122)
MAS = 1 / 3.6e6

CIRCLES = {
    "circle_equator": (10, 0, 5),
    "circle_wrap_ra0": (359.5, 3, 1.5),
    "circle_north_pole": (123, 89.5, 1),
    "circle_south_pole": (0, -90, 3),
    "circle_large_120": (200, 30, 120),
    "circle_tiny_10mas": (45, 45, 10 * MAS),
}
POLYGONS = {
    "poly_triangle": [10, 10, 20, 10, 15, 20],
    "poly_triangle_clockwise": [15, 20, 20, 10, 10, 10],
    "poly_square_wrap_ra0": [355, -5, 5, -5, 5, 5, 355, 5],
    "poly_north_pole": [0, 80, 90, 80, 180, 80, 270, 80],
    "poly_south_pole_clockwise": [0, -75, 90, -75, 180, -75, 270, -75],
    "poly_concave_l": [0, 0, 20, 0, 20, 5, 5, 5, 5, 15, 0, 15],
    "poly_concave_l_wrap_clockwise": [350, 15, 355, 15, 355, 5, 10, 5, 10, 0, 350, 0],
    "poly_concave_star_pole": [c for k in range(10) for c in (36 * k, 60 if k % 2 else 80)],
    "poly_concave_u_large": [0, -10, 100, -10, 100, 30, 80, 30, 80, 10, 20, 10, 20, 30, 0, 30],
    "poly_tiny_3mas": [45, 45, 45 + 3 * MAS, 45, 45 + 3 * MAS, 45 + 2 * MAS, 45 - 1 * MAS, 45 + 3 * MAS],
    "poly_near_hemisphere_north": [c for k in range(8) for c in (45 * k, 1)],
    "poly_near_hemisphere_south_ccw": [c for k in range(8) for c in (45 * k, -1)],
}
BOXES = {
    "box_equator": (10, 0, 4, 2),
    "box_wrap_ra0": (0.5, -30, 3, 3),
    "box_over_pole": (30, 89, 4, 4),
    "box_at_pole": (0, 90, 10, 10),
    "box_tiny_mas": (120, -60, 20 * MAS, 10 * MAS),
    "box_large": (100, 20, 150, 100),
}
PAIRS = [  # (a, b): "a intersects b", "b contains a" (ADQL CONTAINS(a, b))
    ("circle_equator", "box_equator"), ("box_equator", "circle_equator"),
    ("circle_wrap_ra0", "poly_square_wrap_ra0"), ("poly_square_wrap_ra0", "circle_wrap_ra0"),
    ("circle_north_pole", "poly_north_pole"), ("circle_north_pole", "box_over_pole"),
    ("box_at_pole", "poly_north_pole"), ("poly_concave_l", "poly_triangle"),
    ("poly_concave_l", "box_equator"), ("box_equator", "poly_concave_l"),
    ("poly_concave_l_wrap_clockwise", "poly_square_wrap_ra0"), ("poly_triangle", "circle_large_120"),
    ("circle_equator", "circle_large_120"), ("poly_north_pole", "poly_concave_star_pole"),
    ("poly_concave_star_pole", "poly_north_pole"), ("poly_triangle", "poly_concave_u_large"),
    ("box_wrap_ra0", "circle_south_pole"), ("poly_near_hemisphere_north", "poly_north_pole"),
    ("poly_north_pole", "poly_near_hemisphere_north"), ("poly_near_hemisphere_south_ccw", "circle_south_pole"),
    ("circle_south_pole", "poly_near_hemisphere_south_ccw"), ("circle_tiny_10mas", "poly_concave_u_large"),
]


def vec(lon, lat):
    lon, lat = mp.radians(mp.mpf(lon)), mp.radians(mp.mpf(lat))
    return mp.matrix([mp.cos(lat) * mp.cos(lon), mp.cos(lat) * mp.sin(lon), mp.sin(lat)])


def cross(a, b):
    return mp.matrix([a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]])


def dot(a, b):
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def unit(a):
    return a / mp.sqrt(dot(a, a))


def lonlat(v):
    lon = mp.degrees(mp.atan2(v[1], v[0])) % 360
    return float(lon), float(mp.degrees(mp.atan2(v[2], mp.sqrt(v[0] ** 2 + v[1] ** 2))))


def oriented(coords):
    """Vertex vectors ordered with the smaller region on the left (seen from outside); Gauss-Bonnet area."""
    vs = [vec(coords[i], coords[i + 1]) for i in range(0, len(coords), 2)]
    for attempt in range(2):
        n = len(vs)
        normals = [unit(cross(vs[i], vs[(i + 1) % n])) for i in range(n)]
        turn = mp.mpf(0)
        for i in range(n):
            t_in = cross(normals[i - 1], vs[i])
            t_out = cross(normals[i], vs[i])
            turn += mp.atan2(dot(cross(t_in, t_out), vs[i]), dot(t_in, t_out))
        area = 2 * mp.pi - turn
        if area < 2 * mp.pi:
            return vs, normals, area
        vs = vs[::-1]
    raise AssertionError("orientation")


def arc_distance(p, a, b, n):
    s = dot(n, p)
    if dot(cross(n, a), p) >= 0 and dot(cross(n, b), p) <= 0:
        return mp.asin(min(1, abs(s)))
    return min(mp.acos(max(-1, min(1, dot(p, a)))), mp.acos(max(-1, min(1, dot(p, b)))))


def winding_inside(p, vs):
    total = mp.mpf(0)
    for i in range(len(vs)):
        a, b = vs[i], vs[(i + 1) % len(vs)]
        pa, pb = cross(p, a), cross(p, b)
        total += mp.atan2(dot(cross(pa, pb), p), dot(pa, pb))
    return total > mp.pi  # +2pi when the loop winds counter-clockwise around p


def random_points(center_lon, center_lat, radius_deg, count):
    """Uniform points in a cap (radius capped at 180 deg)."""
    c = SkyCoord(center_lon * u.deg, center_lat * u.deg)
    out = []
    cos_r = math.cos(math.radians(min(radius_deg, 180)))
    for _ in range(count):
        z = 1 - random.random() * (1 - cos_r)
        sep = math.degrees(math.acos(z))
        pa = random.random() * 360
        p = c.directional_offset_by(pa * u.deg, sep * u.deg)
        out.append((float(p.ra.deg) % 360, float(p.dec.deg)))
    return out


def circle_entry(name, lon, lat, r):
    pts = random_points(lon, lat, min(180, 1.6 * r + 1e-9), 80)
    seps = SkyCoord([p[0] for p in pts] * u.deg, [p[1] for p in pts] * u.deg).separation(SkyCoord(lon * u.deg, lat * u.deg)).deg
    points = [[p[0], p[1], int(s <= r)] for p, s in zip(pts, seps) if abs(s - r) > max(1e-7, 1e-6 * r)]
    area = 2 * mp.pi * (1 - mp.cos(mp.radians(mp.mpf(r)))) * (180 / mp.pi) ** 2
    return {"name": name, "kind": "circle", "params": [lon, lat, r], "area_deg2": float(area),
            "centroid": [lon, lat], "points": points}


def box_entry(name, lon, lat, w, h):
    wcs = WCS(naxis=2)
    wcs.wcs.ctype = ["RA---TAN", "DEC--TAN"]
    wcs.wcs.crval = [lon, lat]
    wcs.wcs.crpix = [0, 0]  # with origin=1 below, the returned "pixel" is the native plane coordinate
    wcs.wcs.cdelt = [1, 1]
    a, b = math.tan(math.radians(w / 2)), math.tan(math.radians(h / 2))
    radius = math.degrees(math.atan(math.hypot(a, b)))
    pts = random_points(lon, lat, min(180, 1.5 * radius), 80)
    sep = SkyCoord([p[0] for p in pts] * u.deg, [p[1] for p in pts] * u.deg).separation(SkyCoord(lon * u.deg, lat * u.deg)).deg
    pts = [p for p, s in zip(pts, sep) if s < 89]  # TAN is defined on the near hemisphere only
    x, y = wcs.wcs_world2pix(np.array([p[0] for p in pts]), np.array([p[1] for p in pts]), 1)
    # Native TAN plane coordinates are in degrees: (180/pi) tan(theta-ish); the box is |x| <= (180/pi) a etc.
    xa, yb = np.degrees(a), np.degrees(b)
    points = []
    for p, xi, yi in zip(pts, x, y):
        margin = min(abs(abs(xi) - xa), abs(abs(yi) - yb))
        if margin > max(1e-7, 1e-6 * max(xa, yb)):
            points.append([p[0], p[1], int(abs(xi) <= xa and abs(yi) <= yb)])
    area = 4 * mp.atan(mp.mpf(a) * b / mp.sqrt(1 + mp.mpf(a) ** 2 + mp.mpf(b) ** 2)) * (180 / mp.pi) ** 2
    return {"name": name, "kind": "box", "params": [lon, lat, w, h], "area_deg2": float(area),
            "centroid": [lon, lat], "points": points}


def polygon_entry(name, coords):
    vs, normals, area = oriented(coords)
    centroid = mp.matrix([0, 0, 0])
    for i in range(len(vs)):
        theta = mp.acos(max(-1, min(1, dot(vs[i], vs[(i + 1) % len(vs)]))))
        centroid += theta * normals[i]
    clon, clat = lonlat(unit(centroid))
    radius = max(float(mp.degrees(mp.acos(min(1, dot(v, unit(centroid)))))) for v in vs)
    points = []
    for lon, lat in random_points(clon, clat, min(180, 1.5 * radius), 80):
        p = vec(lon, lat)
        d = min(arc_distance(p, vs[i], vs[(i + 1) % len(vs)], normals[i]) for i in range(len(vs)))
        if mp.degrees(d) > max(1e-7, 1e-6 * radius):
            points.append([lon, lat, int(winding_inside(p, vs))])
    points += [[coords[i], coords[i + 1], 1] for i in range(0, len(coords), 2)]  # vertices: boundary is inside
    return {"name": name, "kind": "polygon", "params": coords, "area_deg2": float(area * (180 / mp.pi) ** 2),
            "centroid": [clon, clat], "points": points}


def sampling_nside(area_deg2):
    """The finest nside (at most 4096) that keeps a shape under ~4 million pixels."""
    nside = 4096
    while nside > 64 and area_deg2 / hp.nside2pixarea(nside, degrees=True) > 4e6:
        nside //= 2
    return nside


def healpy_check(entry):
    """Pixel counting and pixel-centre mean, to cross-check area and centroid against healpy."""
    if entry["kind"] != "polygon" or "tiny" in entry["name"]:
        return
    nside = sampling_nside(entry["area_deg2"] * 1.5)
    entry["healpy_nside"] = nside
    vs, _, _ = oriented(entry["params"])
    verts = np.array([[float(x) for x in v] for v in vs])
    clon, clat = entry["centroid"]
    radius = max(math.degrees(math.acos(min(1, float(np.dot(v, hp.ang2vec(clon, clat, lonlat=True)))))) for v in verts)
    candidates = hp.query_disc(nside, hp.ang2vec(clon, clat, lonlat=True), math.radians(radius) + 0.01, nest=True)
    xyz = np.array(hp.pix2vec(nside, candidates, nest=True)).T
    total = np.zeros(len(xyz))
    for i in range(len(verts)):
        a, b = verts[i], verts[(i + 1) % len(verts)]
        pa, pb = np.cross(xyz, a), np.cross(xyz, b)
        total += np.arctan2(np.einsum("ij,ij->i", np.cross(pa, pb), xyz), np.einsum("ij,ij->i", pa, pb))
    inside = total > np.pi
    entry["healpy_area_deg2"] = float(inside.sum() * hp.nside2pixarea(nside, degrees=True))
    m = xyz[inside].sum(axis=0)
    entry["healpy_centroid"] = [float(np.degrees(np.arctan2(m[1], m[0])) % 360),
                                float(np.degrees(np.arctan2(m[2], np.hypot(m[0], m[1]))))]
    if name_is_convex(entry["name"]):
        sample = hp.query_polygon(64, verts, inclusive=True, nest=True)
        exact = set(hp.query_polygon(64, verts, inclusive=False, nest=True).tolist())
        lon, lat = hp.pix2ang(64, sample, nest=True, lonlat=True)
        entry["points"] += [[float(a), float(b), int(int(pix) in exact)] for a, b, pix in zip(lon, lat, sample)]


def name_is_convex(name):
    return "concave" not in name and "hemisphere" not in name


def pixel_members(entry, nside):
    kind, params = entry["kind"], entry["params"]
    if kind == "circle":
        return set(hp.query_disc(nside, hp.ang2vec(params[0], params[1], lonlat=True), math.radians(params[2]), nest=True).tolist())
    if kind == "box":
        lon, lat, w, h = params
        c, e = np.array(hp.ang2vec(lon, lat, lonlat=True)), np.array([-math.sin(math.radians(lon)), math.cos(math.radians(lon)), 0])
        n = np.cross(c, e)
        a, b = math.tan(math.radians(w / 2)), math.tan(math.radians(h / 2))
        corners = [c + sx * a * e + sy * b * n for sx, sy in ((1, 1), (-1, 1), (-1, -1), (1, -1))]
        return set(hp.query_polygon(nside, np.array([k / np.linalg.norm(k) for k in corners]), nest=True).tolist())
    vs, _, _ = oriented(params)
    verts = np.array([[float(x) for x in v] for v in vs])
    clon, clat = entry["centroid"]
    radius = max(math.degrees(math.acos(min(1, float(np.dot(v, hp.ang2vec(clon, clat, lonlat=True)))))) for v in verts)
    cand = hp.query_disc(nside, hp.ang2vec(clon, clat, lonlat=True), math.radians(radius) + 0.01, nest=True)
    xyz = np.array(hp.pix2vec(nside, cand, nest=True)).T
    total = np.zeros(len(xyz))
    for i in range(len(verts)):
        a, b = verts[i], verts[(i + 1) % len(verts)]
        pa, pb = np.cross(xyz, a), np.cross(xyz, b)
        total += np.arctan2(np.einsum("ij,ij->i", np.cross(pa, pb), xyz), np.einsum("ij,ij->i", pa, pb))
    return set(cand[total > np.pi].tolist())


def distances():
    pairs = [(0, 0, 180, 0), (0, 89.9999, 180, 89.9999), (359.9999, 0, 0.0001, 0), (10, 20, 10, 20 + MAS),
             (45, -45, 45 + 1e-6, -45), (0, 90, 123, 90), (0, -90, 0, 90), (12.5, -33.3, 200.1, 33.3),
             (0, 0, 179.9999999, 0), (120, 60, 300.000001, -60), (1, 1, 2, 2), (350, -80, 10, -80)]
    out = []
    for a, b, c, d in pairs:
        sep = SkyCoord(a * u.deg, b * u.deg).separation(SkyCoord(c * u.deg, d * u.deg)).deg
        out.append([a, b, c, d, float(sep)])
    return out


def main():
    shapes = [circle_entry(n, *p) for n, p in CIRCLES.items()]
    shapes += [box_entry(n, *p) for n, p in BOXES.items()]
    shapes += [polygon_entry(n, c) for n, c in POLYGONS.items()]
    for s in shapes:
        healpy_check(s)
    by_name = {s["name"]: s for s in shapes}
    members = {}
    relations = []
    for a, b in PAIRS:
        nside = min(sampling_nside(by_name[a]["area_deg2"]), sampling_nside(by_name[b]["area_deg2"]))
        for k in (a, b):
            if (k, nside) not in members:
                members[(k, nside)] = pixel_members(by_name[k], nside)
        ma, mb = members[(a, nside)], members[(b, nside)]
        if not ma:  # below the pixel size: sample with the shape's centre
            lon, lat = by_name[a]["centroid"]
            ma = {int(hp.ang2pix(nside, lon, lat, nest=True, lonlat=True))}
        relations.append({"a": a, "b": b, "nside": nside, "intersects": int(bool(ma & mb)), "b_contains_a": int(ma <= mb)})
    doc = {"generator": "make_geometry_reference.py", "shapes": shapes, "relations": relations,
           "distances": distances()}
    with open("geometry_reference.json", "w") as f:
        json.dump(doc, f, separators=(",", ":"))


if __name__ == "__main__":
    main()
