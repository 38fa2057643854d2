"""Floor for HEALPix ang2pix: healpy (HEALPix C++) on the same number of random points, vectorised.
Prints points per second. Usage: /usr/bin/python3 healpy_ang2pix.py ORDER COUNT"""
import sys, time
import numpy as np
import healpy as hp

order, count = int(sys.argv[1]), int(sys.argv[2])
rng = np.random.default_rng(42)
lon = rng.uniform(0.0, 360.0, count)
lat = np.degrees(np.arcsin(rng.uniform(-1.0, 1.0, count)))
nside = 1 << order
hp.ang2pix(nside, lon[:1000], lat[:1000], nest=True, lonlat=True)  # warm-up
best = float("inf")
for _ in range(5):
    t0 = time.perf_counter()
    hp.ang2pix(nside, lon, lat, nest=True, lonlat=True)
    best = min(best, time.perf_counter() - t0)
print(count / best)
