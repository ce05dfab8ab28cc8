#!/usr/bin/python3
"""Reference for @mgraph/graph's adjacencyCounts, and its fixture.

Usage:
  /usr/bin/python3 scripts/reference-adjacency.py LABELS.npy [COUNTS.npy]
      Time DESIGN.md's reference (per-object 7^ndim binary_dilation on bounding-box crops)
      on a label image, and, given the counts written by `npm run bench -- --write DIR`
      (rows a, b, count), check they are identical. Prints JSON.
  /usr/bin/python3 scripts/reference-adjacency.py --fixture OUT.json
      Regenerate test/fixtures/adjacency.json's definition on new seeded label images
      (same schema: cases with labels, sizes, directed_counts).
"""
import json
import sys
import time

import numpy as np
from scipy import ndimage as ndi


def per_object_counts(labels, window=7):
    """count[a, b] = |binary_dilation(labels == a, ones(window^ndim)) & (labels == b)|."""
    r = (window - 1) // 2
    out = {}
    for a, sl in enumerate(ndi.find_objects(labels), start=1):
        if sl is None:
            continue
        grown = tuple(slice(max(0, s.start - r), min(n, s.stop + r)) for s, n in zip(sl, labels.shape))
        crop = labels[grown]
        dil = ndi.binary_dilation(crop == a, structure=np.ones((window,) * labels.ndim, bool))
        hit = crop[dil & (crop != a) & (crop != 0)]
        if hit.size:
            b, c = np.unique(hit, return_counts=True)
            for bb, cc in zip(b.tolist(), c.tolist()):
                out[(a, bb)] = cc
    return out


def fixture(path):
    rng = np.random.default_rng(20261122)
    cases = []
    for shape in [(90, 110), (20, 24, 28)]:
        seeds = rng.random(shape) < (0.004 if len(shape) == 2 else 0.01)
        markers, _ = ndi.label(seeds)
        mask = rng.random(shape) < 0.8
        dist, idx = ndi.distance_transform_edt(markers == 0, return_indices=True)
        labels = markers[tuple(idx)] * mask
        labels = labels.astype(np.int32)
        counts = per_object_counts(labels)
        ids, sizes = np.unique(labels[labels > 0], return_counts=True)
        cases.append({
            "shape": len(shape),
            "labels": {"shape": list(shape), "dtype": "int32", "data": labels.ravel().tolist()},
            "structuring_element": f"ones(7^{len(shape)})",
            "sizes": {str(i): int(s) for i, s in zip(ids.tolist(), sizes.tolist())},
            "directed_counts": [[a, b, c] for (a, b), c in sorted(counts.items())],
        })
    with open(path, "w") as f:
        json.dump({"versions": {"numpy": np.__version__}, "cases": cases}, f)


def main():
    if sys.argv[1] == "--fixture":
        fixture(sys.argv[2])
        return
    labels = np.load(sys.argv[1])
    t0 = time.perf_counter()
    c0 = time.process_time()
    counts = per_object_counts(labels)
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - c0
    result = {"labels": sys.argv[1], "shape": list(labels.shape), "pairs": len(counts),
              "seconds_per_object_dilation": round(seconds, 3),
              "cpu_seconds_per_object_dilation": round(cpu, 3)}
    if len(sys.argv) > 2:
        ours = np.load(sys.argv[2])
        mine = {(int(a), int(b)): int(c) for a, b, c in ours}
        result["identical"] = mine == counts
        result["mismatches"] = sum(1 for k in set(mine) | set(counts) if mine.get(k) != counts.get(k))
    print(json.dumps(result))


main()
