"""Physical node attributes fixture (test/fixtures/spacing.json) from scipy 1.10.

    /usr/bin/python3 scripts/make-spacing-fixture.py

A random 3D label image (9 x 14 x 16, labels 1..12 from a smoothed random field, some
absent) and a 2D one (15 x 21), with anisotropic spacings. Per label present: voxel count,
physical volume (count * prod(spacing)) and physical centroid
(scipy.ndimage.center_of_mass * spacing).
"""
import json
from pathlib import Path

import numpy as np
from scipy import ndimage as ndi


def case(rng, shape, spacing, n):
    field = ndi.gaussian_filter(rng.random(shape + (n,)), [1.0] * len(shape) + [0])
    labels = (np.argmax(field, axis=-1) + 1).astype(np.int32)
    labels[rng.random(shape) < 0.15] = 0
    labels[labels == 5] = 0  # an absent label
    nodes = []
    for l in np.unique(labels[labels > 0]):
        m = labels == l
        count = int(m.sum())
        com = ndi.center_of_mass(m)
        nodes.append({
            "label": int(l),
            "size": count,
            "volume": count * float(np.prod(spacing)),
            "physicalCentroid": [float(c * s) for c, s in zip(com, spacing)],
        })
    return {"shape": list(shape), "spacing": list(spacing), "labels": labels.ravel().tolist(), "nodes": nodes}


def main():
    rng = np.random.default_rng(1717)
    out = {
        "3d": case(rng, (9, 14, 16), (2.5, 0.398, 0.398), 12),
        "2d": case(rng, (15, 21), (0.7, 0.3), 8),
    }
    Path(__file__).resolve().parent.parent.joinpath("test", "fixtures", "spacing.json").write_text(json.dumps(out))


main()
