"""scipy 1.10 / scikit-image 0.19 times for examples/bench/volume-scale.ts: the watershed steps
on the NMC mask the benchmark writes (uint8, C order), with the parameters it uses. Prints JSON:
CPU seconds (time.process_time) per step, the peak and region counts.

    /usr/bin/python3 examples/bench/volume-scale-reference.py MASK.u8 512,512,512
"""
import json
import sys
import time

import numpy as np
from scipy import ndimage as ndi
from skimage.feature import peak_local_max
from skimage.segmentation import watershed


def main():
    shape = tuple(int(s) for s in sys.argv[2].split(","))
    mask = np.fromfile(sys.argv[1], dtype=np.uint8).reshape(shape)
    out = {}

    def clock(name, f):
        t0 = time.process_time()
        r = f()
        out[name] = round(time.process_time() - t0, 2)
        return r

    edt = clock("distance_transform_edt", lambda: ndi.distance_transform_edt(mask))
    lab, _ = clock("label", lambda: ndi.label(mask))
    peaks = clock("peak_local_max", lambda: peak_local_max(edt, min_distance=5, labels=lab, exclude_border=False))
    markers = np.zeros(shape, np.int32)
    markers[tuple(peaks.T)] = np.arange(1, len(peaks) + 1)
    ws = clock("watershed", lambda: watershed(-edt, markers, mask=mask.astype(bool)))
    out["peaks"] = int(len(peaks))
    out["regions"] = int(ws.max())
    print(json.dumps(out))


main()
