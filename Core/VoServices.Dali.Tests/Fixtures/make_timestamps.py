# Regenerate timestamps.csv (expected values for DaliTimestampTests) with astropy:
#   /usr/bin/python3 Core/VoServices.Dali.Tests/Fixtures/make_timestamps.py > Core/VoServices.Dali.Tests/Fixtures/timestamps.csv
# Columns: DALI literal; .NET ticks (100 ns since 0001-01-01T00:00:00 UTC) of the instant astropy reads; astropy's
# isot rendering (millisecond precision) for readability.
import datetime
from astropy.time import Time

LITERALS = [
    "2000-01-02T15:20:30.456",  # DALI 1.1 §3.3 examples
    "2001-02-03T04:05:06",
    "2002-03-04",
    "2000-01-02T15:20:30.456Z",
    "2000-01-02T15:20:30Z",
    "2024-02-29T23:59:59.999999",
    "1858-11-17T00:00:00",      # MJD 0
    "0001-01-01",
    "9999-12-31T23:59:59.5",
    "1999-12-31T23:59:59.000001",
]

print("literal,ticks,astropy_isot")
for literal in LITERALS:
    t = Time(literal.rstrip("Z"), format="isot", scale="utc")
    dt = t.to_datetime()
    delta = dt - datetime.datetime(1, 1, 1)
    ticks = (delta.days * 86400 + delta.seconds) * 10_000_000 + delta.microseconds * 10
    print(f"{literal},{ticks},{t.isot}")
