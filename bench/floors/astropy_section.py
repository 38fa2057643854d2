"""Floor for FITS sub-rectangle reads: astropy's lazy ImageHDU.section (reads only the needed rows), in-process.
Prints sections per second. Usage: /usr/bin/python3 astropy_section.py FITS HDU X0 Y0 W H"""
import sys, time
from astropy.io import fits

path, hdu, x0, y0, w, h = sys.argv[1], int(sys.argv[2]), *map(int, sys.argv[3:7])
with fits.open(path, memmap=False, lazy_load_hdus=True) as f:
    sec = f[hdu].section
    sec[y0:y0 + h, x0:x0 + w]
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < 1.0:
        sec[y0:y0 + h, x0:x0 + w]
        n += 1
    print(n / (time.perf_counter() - t0))
