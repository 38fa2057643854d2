"""Floor for WCS pixel->world: astropy.wcs (wcslib C) all_pix2world on the same image header and pixel grid.
Prints points per second. Usage: /usr/bin/python3 astropy_pix2world.py FITS HDU COUNT"""
import sys, time, warnings
import numpy as np
from astropy.io import fits
from astropy.wcs import WCS

path, hdu, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
warnings.simplefilter("ignore")
with fits.open(path) as f:
    header = f[hdu].header
    w = WCS(header, f)
nx, ny = header["NAXIS1"], header["NAXIS2"]
rng = np.random.default_rng(7)
x = rng.uniform(0, nx - 1, count)
y = rng.uniform(0, ny - 1, count)
w.all_pix2world(x[:100], y[:100], 0)
best = float("inf")
for _ in range(3):
    t0 = time.perf_counter()
    w.all_pix2world(x, y, 0)
    best = min(best, time.perf_counter() - t0)
print(count / best)
