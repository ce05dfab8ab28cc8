"""Time scipy / scikit-image on the benchmark inputs of bench/index.ts (same masks, same
parameters), for a like-for-like comparison on the machine at hand.

    MGRAPH_BENCH_DUMP=/tmp/wsb npm run bench        # writes /tmp/wsb/mask-2d.u8, mask-3d.u8
    /usr/bin/python3 scripts/bench-reference.py /tmp/wsb
    /usr/bin/python3 scripts/bench-reference.py /tmp/wsb --no-hugepages

Prints JSON: CPU seconds (time.process_time) per step, one thread. numpy asks the kernel for
transparent huge pages on large arrays (madvise); `--no-hugepages` switches that off, as
JavaScript's typed arrays are (they get 4 KiB pages).
"""
import json
import sys
import time
from pathlib import Path

import numpy as np
from scipy import ndimage as ndi
from skimage.feature import peak_local_max
from skimage.segmentation import watershed


def timed(f):
    t0 = time.process_time()
    out = f()
    return out, time.process_time() - t0


def run(mask):
    seconds = {}
    edt, seconds["distance_transform_edt"] = timed(lambda: ndi.distance_transform_edt(mask))
    (lab, count), seconds["label"] = timed(lambda: ndi.label(mask))
    peaks, seconds["peak_local_max"] = timed(
        lambda: peak_local_max(edt, min_distance=5, labels=lab, exclude_border=False)
    )
    seeds = np.zeros(mask.shape, bool)
    seeds[tuple(peaks.T)] = True
    markers, _ = ndi.label(seeds)
    ws, seconds["watershed"] = timed(lambda: watershed(-edt, markers, mask=mask))
    return {"shape": list(mask.shape), "objects": int(count), "peaks": len(peaks),
            "regions": int(ws.max()), "cpuSeconds": seconds}


def main():
    folder = Path(sys.argv[1])
    hugepages = "--no-hugepages" not in sys.argv[2:]
    np.core.multiarray._set_madvise_hugepage(hugepages)
    results = []
    for name, shape in (("mask-2d.u8", (2048, 2048)), ("mask-3d.u8", (256, 256, 256))):
        path = folder / name
        if path.exists():
            mask = np.fromfile(path, dtype=np.uint8).reshape(shape).astype(bool)
            results.append(run(mask))
    print(json.dumps({"reference": "scipy / scikit-image", "hugepages": hugepages,
                      "results": results}, indent=2))


if __name__ == "__main__":
    main()
