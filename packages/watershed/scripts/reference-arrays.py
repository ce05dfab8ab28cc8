"""scipy / scikit-image outputs on the benchmark masks, for bench/compare-reference.ts.

    MGRAPH_BENCH_DUMP=/tmp/wsb npm run bench                   # writes the masks
    /usr/bin/python3 scripts/reference-arrays.py /tmp/wsb       # writes the reference arrays
    npx tsx bench/compare-reference.ts /tmp/wsb                 # compares, element by element

Writes, per mask (2d, 3d), raw little-endian arrays: edt-*.f64 (distance_transform_edt),
label-*.i32 (ndimage.label), peaks-*.i32 (peak_local_max(min_distance=5, labels,
exclude_border=False), one row of ndim coordinates per peak), markers-*.i32 (the peaks
labelled), ws-*-c<k>.i32 (watershed(-edt, markers, mask, connectivity=k), k = 1..ndim).
"""
import sys
from pathlib import Path

import numpy as np
from scipy import ndimage as ndi
from skimage.feature import peak_local_max
from skimage.segmentation import watershed


def main():
    folder = Path(sys.argv[1])
    for name, shape in (("2d", (2048, 2048)), ("3d", (256, 256, 256))):
        path = folder / f"mask-{name}.u8"
        if not path.exists():
            continue
        mask = np.fromfile(path, dtype=np.uint8).reshape(shape).astype(bool)
        edt = ndi.distance_transform_edt(mask)
        lab, _ = ndi.label(mask)
        peaks = peak_local_max(edt, min_distance=5, labels=lab, exclude_border=False)
        seeds = np.zeros(mask.shape, bool)
        seeds[tuple(peaks.T)] = True
        markers, _ = ndi.label(seeds)
        edt.astype("<f8").tofile(folder / f"edt-{name}.f64")
        lab.astype("<i4").tofile(folder / f"label-{name}.i32")
        peaks.astype("<i4").tofile(folder / f"peaks-{name}.i32")
        markers.astype("<i4").tofile(folder / f"markers-{name}.i32")
        for conn in range(1, len(shape) + 1):
            ws = watershed(-edt, markers, mask=mask, connectivity=conn)
            ws.astype("<i4").tofile(folder / f"ws-{name}-c{conn}.i32")
        print(name, "peaks", len(peaks))


if __name__ == "__main__":
    main()
