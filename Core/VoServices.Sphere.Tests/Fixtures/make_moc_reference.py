#!/usr/bin/python3
"""Reference cell sets for VoServices.Sphere MOC tests -> moc_reference.json.

Run with Debian's interpreter (healpy, numpy):  /usr/bin/python3 make_moc_reference.py
For each shape and HEALPix order (NESTED) two NUNIQ sets bound any correct inclusive MOC:
  lower: cells whose centre lies in the shape (healpy query_disc/query_polygon inclusive=False for circles and
         convex polygons; a numpy winding-number test on pixel centres for the others);
  upper: cells whose centre lies within the maximal pixel radius (healpy max_pixrad) of the shape, i.e. every cell
         that can touch it.
Points: healpy vec2pix((cos b cos l, cos b sin l, sin b)) at order 29 (nest) for a few positions, to check point containment
(through the unit vector, as SkyPoint does: on a cell boundary such as (0, 0) healpy's ang2pix and vec2pix differ).
"""
import json

import healpy as hp
import numpy as np

SHAPES = [
    ("circle_equator", "circle", [10, 0, 5], 6),
    ("circle_wrap_ra0", "circle", [359.5, 3, 1.5], 8),
    ("circle_north_pole", "circle", [123, 89.5, 1], 9),
    ("circle_tiny", "circle", [45, 45, 0.001], 16),
    ("poly_triangle", "polygon", [10, 10, 20, 10, 15, 20], 6),
    ("poly_square_wrap_ra0", "polygon", [355, -5, 5, -5, 5, 5, 355, 5], 6),
    ("poly_south_pole_clockwise", "polygon", [0, -75, 90, -75, 180, -75, 270, -75], 5),
    ("poly_concave_l", "polygon", [0, 0, 20, 0, 20, 5, 5, 5, 5, 15, 0, 15], 6),
    ("poly_concave_star_pole", "polygon", [c for k in range(10) for c in (36 * k, 60 if k % 2 else 80)], 5),
    ("footprint_omegacen_like", "polygon", [201.79, -47.53, 201.84, -47.53, 201.84, -47.49, 201.79, -47.49], 13),
]


def uniq(order, pixels):
    return sorted(int(4 * 4 ** order + p) for p in pixels)


def oriented_vertices(coords):
    v = np.array([hp.ang2vec(coords[i], coords[i + 1], lonlat=True) for i in range(0, len(coords), 2)])
    turn = 0.0
    n = len(v)
    for i in range(n):
        a, b, c = v[i - 1], v[i], v[(i + 1) % n]
        t_in = np.cross(np.cross(a, b), b)
        t_out = np.cross(np.cross(b, c), b)
        turn += np.arctan2(np.dot(np.cross(t_in, t_out), b), np.dot(t_in, t_out))
    return v if 2 * np.pi - turn < 2 * np.pi else v[::-1]


def polygon_sets(coords, nside):
    v = oriented_vertices(coords)
    centre = v.sum(axis=0)
    centre /= np.linalg.norm(centre)
    radius = max(np.arccos(np.clip(v @ centre, -1, 1)))
    pad = hp.max_pixrad(nside)
    cand = hp.query_disc(nside, centre, radius + 2 * pad, nest=True)
    xyz = np.array(hp.pix2vec(nside, cand, nest=True)).T
    total = np.zeros(len(xyz))
    dist = np.full(len(xyz), np.inf)
    for i in range(len(v)):
        a, b = v[i], v[(i + 1) % len(v)]
        pa, pb = np.cross(xyz, a), np.cross(xyz, b)
        total += np.arctan2(np.einsum("ij,ij->i", np.cross(pa, pb), xyz), np.einsum("ij,ij->i", pa, pb))
        n = np.cross(a, b)
        n /= np.linalg.norm(n)
        s = xyz @ n
        proj = xyz - np.outer(s, n)
        within = (proj @ np.cross(n, a) >= 0) & (proj @ np.cross(n, b) <= 0)
        d_edge = np.where(within, np.arcsin(np.clip(np.abs(s), 0, 1)),
                          np.minimum(np.arccos(np.clip(xyz @ a, -1, 1)), np.arccos(np.clip(xyz @ b, -1, 1))))
        dist = np.minimum(dist, d_edge)
    inside = total > np.pi
    return cand[inside], cand[inside | (dist <= pad * (1 + 1e-6))]


def main():
    entries = []
    for name, kind, params, order in SHAPES:
        nside = 2 ** order
        if kind == "circle":
            vec = hp.ang2vec(params[0], params[1], lonlat=True)
            r = np.radians(params[2])
            lower = hp.query_disc(nside, vec, r, inclusive=False, nest=True)
            upper = hp.query_disc(nside, vec, r + hp.max_pixrad(nside) * (1 + 1e-6), inclusive=False, nest=True)
        else:
            lower, upper = polygon_sets(params, nside)
        entries.append({"name": name, "kind": kind, "params": params, "order": order,
                        "lower_uniq": uniq(order, lower), "upper_uniq": uniq(order, upper)})
    points = []
    for lon, lat in [(0, 0), (359.9999999, -0.0000001), (123.456, 89.99999), (201.8, -47.5), (45, -90), (300, 41.8)]:
        # (cos b cos l, cos b sin l, sin b) as SkyPoint computes it; hp.ang2vec goes through the colatitude and
        # gives z = 6e-17 at b = 0, which picks the other side of a cell boundary.
        b, l = np.radians(lat), np.radians(lon)
        x, y, z = np.cos(b) * np.cos(l), np.cos(b) * np.sin(l), np.sin(b)
        points.append([lon, lat, int(hp.vec2pix(2 ** 29, x, y, z, nest=True))])
    with open("moc_reference.json", "w") as f:
        json.dump({"generator": "make_moc_reference.py", "shapes": entries, "order29_pixels": points}, f)


if __name__ == "__main__":
    main()
