#!/usr/bin/python3
"""Time scipy.ndimage.label (default face connectivity) on the benchmark's mask.

  scipy-label.py MASK SIDE   MASK: raw uint8 SIDE^3 volume (bench/child.ts make)

Prints JSON: best of 3 seconds, object count, peak RSS (MiB) of this process.
"""
import json
import resource
import sys
import time

import numpy as np
from scipy import ndimage

side = int(sys.argv[2])
mask = np.fromfile(sys.argv[1], dtype=np.uint8).reshape(side, side, side)
best = float("inf")
for _ in range(3):
    t0 = time.perf_counter()
    labels, count = ndimage.label(mask)
    best = min(best, time.perf_counter() - t0)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"mode": "scipy-label", "seconds": best, "count": int(count), "peakRssMiB": round(peak), "scipy": __import__("scipy").__version__}))
