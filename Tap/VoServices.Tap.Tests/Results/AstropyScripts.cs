using System.Text.Json;

namespace VoServices.Tap.Tests.Results;

/// <summary>
/// Python scripts run with Debian's astropy (/usr/bin/python3) as the independent reader of our output. Each
/// prints the rows as JSON arrays of cells normalised like <see cref="CellNormalizer"/>.
/// </summary>
internal static class AstropyScripts
{
    public const string Normalizer = """
        import sys, json, math
        import numpy as np

        def num(x):
            x = float(x)
            if math.isnan(x): return "NaN"
            if math.isinf(x): return "Infinity" if x > 0 else "-Infinity"
            if x.is_integer() and abs(x) < 1e15: return str(int(x))
            return repr(x)

        def scalar(x):
            if isinstance(x, (bytes, np.bytes_)): x = x.decode()
            if isinstance(x, str): return x if x != "" else None
            if isinstance(x, (bool, np.bool_)): return "true" if x else "false"
            if isinstance(x, (int, np.integer)): return str(int(x))
            if isinstance(x, (complex, np.complexfloating)): return num(x.real) + " " + num(x.imag)
            return num(x)

        def cell(v):
            if v is None or v is np.ma.masked: return None
            if isinstance(v, (float, np.floating)) and math.isnan(v): return None
            if isinstance(v, np.ma.MaskedArray):
                if v.size > 0 and np.all(np.ma.getmaskarray(v)): return None
                v = v.data
            if isinstance(v, np.ndarray) and v.ndim > 0:
                items = ["null" if x is None else scalar(x) for x in v.ravel().tolist()]
                return None if len(items) == 0 or all(x == "NaN" for x in items) else " ".join(items)
            return scalar(v.item() if isinstance(v, np.generic) else v)
        """;

    /// <summary>Reads the first table of a VOTable (argv[1]) with astropy.io.votable.</summary>
    public const string ReadVoTable = Normalizer + """

        from astropy.io.votable import parse_single_table
        t = parse_single_table(sys.argv[1]).array
        print(json.dumps([[cell(t[n][r]) for n in t.dtype.names] for r in range(len(t))]))
        """;

    /// <summary>Reads HDU 1 of a FITS file (argv[1]) as an astropy Table; also prints TNULL-masked columns.</summary>
    public const string ReadFits = Normalizer + """

        from astropy.table import Table
        t = Table.read(sys.argv[1], format="fits", hdu=1)
        print(json.dumps([[cell(t[n][r]) for n in t.colnames] for r in range(len(t))]))
        """;

    public static List<string?[]> ParseRows(string json) =>
        JsonSerializer.Deserialize<List<string?[]>>(json) ?? throw new InvalidOperationException("no JSON from python");
}
