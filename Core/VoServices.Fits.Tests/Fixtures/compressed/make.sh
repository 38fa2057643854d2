#!/bin/sh
# Regenerates the small tile-compressed fixtures in this folder from real images (astropy 5.2.1 and
# fpack 1.7.0 / CFITSIO 4.2.0, Debian libcfitsio-bin), then ../compressed.json with their reference values
# (CFITSIO's reading, see ../make_image_fixtures.py). Run from this folder: sh make.sh /path/to/shared/data/images
# fpack stamps the CHECKSUM comments with the time, so a rerun changes the bytes but not the pixels.
set -e
images="${1:?usage: make.sh SHARED_DATA_IMAGES}"
/usr/bin/python3 make_sources.py "$images"
fpack -O gzip2_dither2_tiles64x48.fits.fz -g2 -t 64,48 -qz91 4 src_float.fits   # GZIP_2, SUBTRACTIVE_DITHER_2, ZBLANK
fpack -O rice_nodither_tiles50x40.fits.fz -r -t 50,40 -q0 8 src_float.fits      # RICE_1, NO_DITHER, partial tiles
fpack -O rice_dither1_rows.fits.fz -r -q37 4 src_float.fits                      # RICE_ONE spelling, SUBTRACTIVE_DITHER_1
fpack -O rice_lossless_fallback.fits.fz -r -t 120,15 -q37 4 src_mixed.fits      # GZIP_COMPRESSED_DATA tiles
fpack -O gzip1_int_tiles30x25.fits.fz -g -t 30,25 src_int.fits                    # GZIP_1 int32, int16+BLANK, uint8
fpack -O rice_int_tiles30x25.fits.fz -r -t 30,25 src_int.fits                     # RICE_1 BYTEPIX 4, 2, 1
fpack -O nocompress_int_tiles30x25.fits.fz -d -t 30,25 src_int_nocompress.fits    # NOCOMPRESS
fpack -O rice_cube_tiles16x16x5.fits.fz -r -t 16,16,5 src_cube.fits               # 3-D tiles across planes
rm -f src_float.fits src_mixed.fits src_int.fits src_int_nocompress.fits src_cube.fits
/usr/bin/python3 ../make_image_fixtures.py . > ../compressed.json
