#!/usr/bin/python3
"""Regenerates images.json: reference values for every image HDU under ../shared/data/images.

Run from the repository root with Debian's Python (astropy 5.2.1, numpy; funpack from libcfitsio-bin 4.2.0):
    /usr/bin/python3 Core/VoServices.Fits.Tests/Fixtures/make_image_fixtures.py ../shared/data/images \
        > Core/VoServices.Fits.Tests/Fixtures/images.json

Per image HDU it records the shape, BITPIX/BSCALE/BZERO, the NaN count, the SHA-256 of all physical values as
big-endian float64 in C order (numpy data[plane][y][x]; every NaN replaced by the canonical quiet NaN first), a few
sampled pixels and the hash of one sub-rectangle. For tile-compressed files (.fz and the RICE file) the reference
pixels are those CFITSIO reads (`fitscopy 'file[i][*,*]'` writes the image section uncompressed; astropy reads
that); `funpack_agrees` and `astropy_agrees` say whether funpack's output and astropy's own decompression give
the same hash. Per HDU it also hashes the value cards of the stored header
(keyword, type, value; floats by their bits), so the header parser is checked against astropy's.
"""
import hashlib
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import warnings

import numpy as np
from astropy.io import fits

warnings.simplefilter("ignore")


def pixel_hash(a):
    a = np.array(a, dtype=np.float64)
    a[np.isnan(a)] = np.nan
    return hashlib.sha256(a.astype(">f8").tobytes(order="C")).hexdigest()


def card_hash(header):
    lines = []
    for card in header.cards:
        k = card.keyword
        try:
            v = card.value
        except fits.VerifyError:
            # Unparsable value (e.g. dss_test2 SKEW = 1.08..E+00, 9.63..E-01): VoServices keeps the raw text.
            lines.append(f"{k}\tS\t{card._image[10:].split('/')[0].strip()}")
            continue
        if k in ("COMMENT", "HISTORY", "") or v is None or isinstance(v, fits.card.Undefined):
            continue
        if isinstance(v, bool):
            lines.append(f"{k}\tL\t{'T' if v else 'F'}")
        elif isinstance(v, (int, np.integer)):
            lines.append(f"{k}\tI\t{int(v)}")
        elif isinstance(v, (float, np.floating)):
            lines.append(f"{k}\tF\t{struct.pack('>d', float(v)).hex()}")
        elif isinstance(v, complex):
            lines.append(f"{k}\tC\t{struct.pack('>d', v.real).hex()}{struct.pack('>d', v.imag).hex()}")
        else:
            lines.append(f"{k}\tS\t{str(v).rstrip()}")
    return len(lines), hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def describe(data, stored):
    shape = list(data.shape)
    naxis = shape[::-1]
    planes = int(np.prod(naxis[2:])) if len(naxis) > 2 else 1
    h = naxis[1] if len(naxis) > 1 else 1
    w = naxis[0]
    cube = np.array(data, dtype=np.float64).reshape(planes, h, w)
    samples = []
    for (x, y, p) in [(0, 0, 0), (w - 1, h - 1, planes - 1), (w // 2, h // 3, planes // 2), (w // 3, h // 2, 0)]:
        v = float(cube[p, y, x])
        samples.append({"x": x, "y": y, "plane": p, "value": None if np.isnan(v) else v})
    rx, ry = w // 4, h // 5
    rw, rh = min(37, w - rx), min(23, h - ry)
    rp = planes - 1
    region = {"x": rx, "y": ry, "width": rw, "height": rh, "plane": rp,
              "sha256": pixel_hash(cube[rp, ry:ry + rh, rx:rx + rw])}
    return {
        "naxis": naxis,
        # From the header as stored (astropy rewrites BITPIX/BSCALE/BZERO once it has scaled the data).
        "bitpix": int(stored.get("ZBITPIX", stored["BITPIX"])),
        "bscale": float(stored.get("BSCALE", 1.0)),
        "bzero": float(stored.get("BZERO", 0.0)),
        "nan_count": int(np.isnan(cube).sum()),
        "sha256": pixel_hash(cube),
        "samples": samples,
        "region": region,
    }


def cfitsio_copy(path, index, naxis, tmp):
    """The image of HDU `index` as CFITSIO reads it: an image section [*,*,...] makes fitscopy decompress it."""
    out = os.path.join(tmp, f"hdu{index}.fits")
    section = ",".join("*" * naxis)
    subprocess.run(["fitscopy", f"{path}[{index}][{section}]", out], check=True, stderr=subprocess.DEVNULL)
    # fitscopy copies every HDU and replaces only the selected one by its uncompressed section.
    with fits.open(out, disable_image_compression=True) as copy:
        assert copy[index].is_image and copy[index].header["NAXIS"] == naxis
        return np.array(copy[index].data, dtype=np.float64)


def add_compressed(entries, rel, path, headers):
    tmp = tempfile.mkdtemp()
    try:
        copy = os.path.join(tmp, "in.fits.fz")
        shutil.copy(path, copy)
        funpacked = os.path.join(tmp, "funpack.fits")
        with open(funpacked, "wb") as f:
            done = subprocess.run(["funpack", "-S", copy], stdout=f, stderr=subprocess.DEVNULL)
        with fits.open(path) as direct:
            images = [j for j, h in enumerate(direct) if h.is_image and h.header.get("NAXIS", 0) > 0]
            funpack_images = []
            if done.returncode == 0:
                with fits.open(funpacked) as fp:
                    funpack_images = [np.array(h.data, dtype=np.float64) for h in fp
                                      if h.is_image and h.header.get("NAXIS", 0) > 0]
            for n, i in enumerate(images):
                data = cfitsio_copy(copy, i, int(headers[i]["ZNAXIS"]), tmp)
                entry = {"file": rel.replace(os.sep, "/"), "hdu": i, "extname": direct[i].header.get("EXTNAME")}
                entry.update(describe(data, headers[i]))
                entry["zcmptype"] = headers[i].get("ZCMPTYPE")
                entry["zquantiz"] = headers[i].get("ZQUANTIZ", "NONE")
                entry["reference"] = "CFITSIO 4.2.0 (fitscopy of an image section) read by astropy"
                # funpack 4.2.0 fails on astropy's comp.fits header, and misplaces tiles of quantized floats
                # with null pixels when tiles span several rows; both are recorded, not used.
                entry["funpack_agrees"] = (pixel_hash(funpack_images[n]) == entry["sha256"]
                                           if funpack_images else None)
                try:
                    entry["astropy_agrees"] = pixel_hash(direct[i].data) == entry["sha256"]
                except ValueError:
                    entry["astropy_agrees"] = None      # astropy 5.2.1 does not decode NOCOMPRESS
                entries.append(entry)
    finally:
        shutil.rmtree(tmp)


def main(root):
    entries = []
    for dirpath, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            if not name.endswith((".fits", ".fit", ".fz", ".fits.gz", ".fit.gz")):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            with fits.open(path, disable_image_compression=True) as raw:
                headers = [h.header.copy() for h in raw]
                compressed = any(h.get("ZIMAGE") for h in headers)
            if compressed:
                add_compressed(entries, rel, path, headers)
            else:
                with fits.open(path) as hdul:
                    for i, hdu in enumerate(hdul):
                        if hdu.is_image and hdu.header.get("NAXIS", 0) > 0:
                            entry = {"file": rel.replace(os.sep, "/"), "hdu": i, "extname": hdu.header.get("EXTNAME")}
                            entry.update(describe(hdu.data, headers[i]))
                            entry["reference"] = "astropy " + __import__("astropy").__version__
                            entries.append(entry)
            for i, h in enumerate(headers):
                count, digest = card_hash(h)
                entries.append({"file": rel.replace(os.sep, "/"), "hdu": i, "header_value_cards": count,
                                "header_sha256": digest})
    json.dump(entries, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
