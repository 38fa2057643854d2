#!/usr/bin/python3
"""Cuts small source images from real data in ../shared/data/images for the compressed fixtures (see make.sh).

src_float.fits: 120 x 90 float32 from WFPC2 PC1 (Omega Cen), with a 5 x 4 block of NaN and a run of exact zeros.
src_int.fits:   MEF of 70 x 55 cut-outs: int32 (UKIDSS Crab, raw integers), int16 with BLANK = -32768 and a few
                blank pixels (NGC 1316 optical), uint8 (NGC 1316 radio, modulo 256).
src_int_nocompress.fits: the same without the uint8 HDU.
src_mixed.fits: src_float with rows 0-44 replaced by a noiseless ramp.
src_cube.fits:  int16 40 x 36 x 12 from the NGC 6503 HI cube.
"""
import sys

import numpy as np
from astropy.io import fits

root = sys.argv[1]

pc1 = fits.getdata(f"{root}/omegacen_wfpc2/u40x010hm_pc1.fits")[300:390, 300:420].astype(">f4")
pc1[50:54, 70:75] = np.nan
pc1[10, 20:40] = 0.0
fits.PrimaryHDU(pc1).writeto("src_float.fits", overwrite=True)

with fits.open(f"{root}/crab/ukidss_crab_zpn.fits", do_not_scale_image_data=True) as h:
    i32 = np.array(h[1].data[100:155, 100:170], dtype=">i4")
o16 = fits.getdata(f"{root}/ngc1316/ngc1316o.fit")[100:155, 200:270].astype(">i2")
o16[5, 5:9] = -32768
radio = fits.getdata(f"{root}/ngc1316/ngc1316r.fit")[100:155, 200:270]
u8 = (radio.astype(np.int64) % 256).astype(np.uint8)
blank = fits.ImageHDU(o16, name="I16")
blank.header["BLANK"] = -32768
fits.HDUList([fits.PrimaryHDU(), fits.ImageHDU(i32, name="I32"), blank, fits.ImageHDU(u8, name="U8")]).writeto(
    "src_int.fits", overwrite=True)
# fpack -d (NOCOMPRESS) takes only 16- and 32-bit integers and float32.
fits.HDUList([fits.PrimaryHDU(), fits.ImageHDU(i32, name="I32"), blank.copy()]).writeto(
    "src_int_nocompress.fits", overwrite=True)

# Rows 0-44 a noiseless ramp (CFITSIO cannot quantize it and stores those tiles losslessly in
# GZIP_COMPRESSED_DATA), rows 45-89 the real pixels above.
mixed = pc1.copy()
mixed[:45, :] = (np.arange(45 * 120, dtype=np.float64).reshape(45, 120) * 0.37).astype(">f4")
fits.PrimaryHDU(mixed).writeto("src_mixed.fits", overwrite=True)

cube = fits.getdata(f"{root}/misc/ngc6503_hi_cube_felo.fit")[10:22, 10:46, 12:52].astype(">i2")
fits.PrimaryHDU(cube).writeto("src_cube.fits", overwrite=True)
