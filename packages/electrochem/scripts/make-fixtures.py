"""Regenerate test/fixtures/find_peaks_options.json: scipy.signal.find_peaks with every
option (plateau_size, height, threshold, distance with tied heights, prominence with wlen,
width with rel_height) on seeded signals.

Run with Debian's python3-scipy: /usr/bin/python3 scripts/make-fixtures.py
(also np.argsort orders of tie-heavy keys; find_peaks.json itself is the shared fixture, copied unchanged.)
"""
import json
import os

import numpy as np
import scipy
from scipy.signal import find_peaks

rng = np.random.default_rng(6)


def signals():
    t = np.linspace(0, 1, 200)
    yield "smooth", np.exp(-((t - 0.3) / 0.05) ** 2) + 0.6 * np.exp(-((t - 0.7) / 0.08) ** 2) + 0.05 * rng.standard_normal(200)
    yield "noisy", rng.standard_normal(300)
    yield "plateaus", np.repeat(rng.integers(0, 5, 60), rng.integers(1, 5, 60)).astype(float)
    yield "ties", rng.integers(0, 4, 400).astype(float)
    yield "histogram", np.convolve(rng.poisson(20, 120).astype(float), np.ones(5) / 5, mode="same")
    yield "short", np.array([0.0, 1.0, 1.0, 0.0, 2.0, 2.0, 2.0, 1.0])


OPTION_SETS = [
    {},
    {"plateau_size": 2},
    {"plateau_size": [1, 2]},
    {"height": [0.5, 2.5]},
    {"threshold": 0.5},
    {"threshold": [None, 1.0]},
    {"distance": 1},
    {"distance": 3},
    {"distance": 7.5},
    {"distance": 20},
    {"prominence": 0.2},
    {"prominence": [0.5, 2.0], "wlen": 11},
    {"prominence": 0, "wlen": 4.5},
    {"width": 2},
    {"width": [1, 6], "rel_height": 0.8},
    {"width": 0, "rel_height": 1.0, "wlen": 15},
    {"height": 0.1, "threshold": 0.01, "distance": 4, "prominence": 0.05, "width": 1, "plateau_size": 1, "rel_height": 0.3},
]


def tolist(v):
    if isinstance(v, np.ndarray):
        return [None if (isinstance(a, float) and np.isnan(a)) else a for a in v.tolist()]
    return v


cases = []
all_signals = {}
for name, x in signals():
    all_signals[name] = x.tolist()
    for opts in OPTION_SETS:
        peaks, props = find_peaks(x, **{k: (tuple(v) if isinstance(v, list) else v) for k, v in opts.items()})
        cases.append({
            "signal": name,
            "options": opts,
            "peaks": peaks.tolist(),
            "properties": {k: tolist(v) for k, v in props.items()},
        })

# np.argsort (default kind) on tie-heavy keys: find_peaks(distance=...) visits peaks in this order
argsort_cases = []
for n, levels in [(17, 3), (100, 4), (1000, 5), (5000, 50)]:
    keys = rng.integers(0, levels, n).astype(float)
    argsort_cases.append({"keys": keys.tolist(), "order": np.argsort(keys).tolist()})

out = {
    "what": "scipy.signal.find_peaks with every option",
    "versions": {"numpy": np.__version__, "scipy": scipy.__version__},
    "signals": all_signals,
    "cases": cases,
    "argsort": argsort_cases,
}
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "..", "test", "fixtures", "find_peaks_options.json"), "w") as f:
    json.dump(out, f)
print(len(cases), "cases")
