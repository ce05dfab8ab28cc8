"""Regenerate test/fixtures/smooth_histogram.json: scipy.ndimage.gaussian_filter1d with
mode='constant' (what smoothHistogram's Gaussian claims to be) on seeded histograms, for
kernel widths from below one bin (radius 0) to wider than the histogram.

Run with Debian's python3-scipy: /usr/bin/python3 scripts/make-smooth-histogram-fixture.py
"""
import json
import os

import numpy as np
import scipy
from scipy.ndimage import gaussian_filter1d

rng = np.random.default_rng(8)
cases = []
for n, lam in [(1, 5), (7, 3), (40, 20), (120, 50), (301, 200)]:
    counts = rng.poisson(lam, n).astype(float)
    counts[rng.random(n) < 0.2] = 0
    for bin_width, width in [(0.1, 0.1), (0.1, 0.01), (0.05, 0.15), (0.2, 0.25), (0.1, 1.3), (0.37, 0.1)]:
        sigma = width / bin_width
        smoothed = gaussian_filter1d(counts, sigma, mode="constant")
        cases.append({"counts": counts.tolist(), "binWidth": bin_width, "width": width,
                      "smoothed": smoothed.tolist()})
out = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "smooth_histogram.json")
with open(out, "w") as f:
    json.dump({"scipy": scipy.__version__, "cases": cases}, f)
