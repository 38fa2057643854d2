"""Print the first table of a VOTable as JSON, as astropy reads it (null for masked cells).

Used by AstropyCrossCheckTests: /usr/bin/python3 astropy_dump.py FILE
"""
import json
import math
import sys
import warnings

import numpy as np
from astropy.io.votable import parse

warnings.simplefilter("ignore")


def plain(value):
    if isinstance(value, (bytes, np.bytes_)):
        return value.decode("utf-8")
    if isinstance(value, (np.ndarray, np.ma.MaskedArray, list, tuple)):
        return [plain(v) for v in np.ma.getdata(value).tolist()]
    if isinstance(value, (np.complexfloating, complex)):
        return [plain(value.real), plain(value.imag)]
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, (np.integer, int)):
        return int(value)
    if isinstance(value, (np.floating, float)):
        f = float(value)
        return "NaN" if math.isnan(f) else ("Inf" if f == math.inf else ("-Inf" if f == -math.inf else f))
    return str(value)


table = parse(sys.argv[1]).get_first_table().array
result = {}
for name in table.dtype.names:
    column = []
    for row in range(len(table)):
        mask = np.ma.getmaskarray(table[name])[row]
        column.append(None if np.all(mask) and np.size(mask) > 0 else plain(table[name][row]))
    result[name] = column
print(json.dumps(result, sort_keys=True, ensure_ascii=False))
