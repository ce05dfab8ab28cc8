"""Reference thresholds of skimage.filters.threshold_multiotsu for test/fixtures/multiotsu.json.

Run from packages/segment: /usr/bin/python3 scripts/make-multiotsu-fixture.py
Float64 images (mixtures of Gaussian grey levels, seeded) in 2D and 3D, classes 2..5.
"""

import json
import os

import numpy as np
import skimage
from skimage.filters import threshold_multiotsu

rs = np.random.RandomState(42)
cases = []
for shape, means, classes in [
    ((40, 50), [0.2, 0.5, 0.8], 3),
    ((40, 50), [0.28, 0.36, 0.78, 0.33], 4),
    ((30, 31), [0.0, 1.0], 2),
    ((6, 20, 25), [10.0, 20.0, 35.0, 60.0], 4),
    ((64, 64), [0.1, 0.3, 0.45, 0.7, 0.9], 5),
]:
    comp = rs.randint(len(means), size=shape)
    image = np.asarray(means)[comp] + rs.randn(*shape) * 0.05 * (max(means) - min(means))
    for nbins in (256, 64):
        t = threshold_multiotsu(image, classes=classes, nbins=nbins)
        regions = np.digitize(image, bins=t)
        cases.append(
            {
                "image": {"shape": list(shape), "dtype": "float64", "data": image.ravel().tolist()},
                "classes": classes,
                "nbins": nbins,
                "thresholds": t.tolist(),
                "regions": {"shape": list(shape), "dtype": "uint8", "data": regions.ravel().tolist()},
            }
        )
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "fixtures", "multiotsu.json")
with open(out, "w") as f:
    json.dump({"versions": {"skimage": skimage.__version__, "numpy": np.__version__}, "cases": cases}, f)
print(out, len(cases))
