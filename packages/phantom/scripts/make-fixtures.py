"""Regenerate test/fixtures/gaussian-filter.json: scipy.ndimage.gaussian_filter (mode
'reflect', truncate 4) on seeded inputs, 2D and 3D.  Run with /usr/bin/python3."""
import json
import pathlib

import numpy as np
import scipy
from scipy import ndimage

rng = np.random.default_rng(7)
cases = []
for shape, sigma in [((9, 13), 1.0), ((12, 7), 2.5), ((5, 6, 7), 0.7), ((4, 5, 6), 1.6)]:
    x = rng.random(shape).astype(np.float32)
    y = ndimage.gaussian_filter(x.astype(np.float64), sigma, mode="reflect", truncate=4.0)
    cases.append({"shape": list(shape), "sigma": sigma, "input": x.astype(float).ravel().tolist(),
                  "output": y.ravel().tolist()})
out = pathlib.Path(__file__).resolve().parent.parent / "test" / "fixtures" / "gaussian-filter.json"
out.write_text(json.dumps({"versions": {"scipy": scipy.__version__, "numpy": np.__version__},
                           "call": "gaussian_filter(x, sigma, mode='reflect', truncate=4.0)",
                           "cases": cases}))
print(out)
