"""Regenerate test/fixtures/extra.json: scikit-image / scipy / numpy references beyond the
shared watershed.json (convex hull images and solidity in 2D and 3D, numpy argsort tie
order, peak_local_max options, compact watershed and watershed lines, label connectivity).

Run with Debian's python3 (numpy 1.24, scipy 1.10, scikit-image 0.19):
    /usr/bin/python3 scripts/make-fixtures.py
"""
import json
import os

import numpy as np
import scipy
import skimage
from scipy import ndimage as ndi
from skimage.feature import peak_local_max
from skimage.measure import regionprops
from skimage.morphology import convex_hull_image
from skimage.segmentation import watershed

rng = np.random.default_rng(20261122)


def arr(a):
    a = np.asarray(a)
    dtype = {"b": "uint8", "u": "uint8", "i": "int32", "f": "float64"}[a.dtype.kind]
    data = a.astype({"uint8": np.uint8, "int32": np.int32, "float64": np.float64}[dtype])
    return {"shape": list(a.shape), "dtype": dtype, "data": data.ravel().tolist()}


def blobs(shape, n, rmin, rmax):
    grid = np.indices(shape)
    out = np.zeros(shape, dtype=bool)
    for _ in range(n):
        c = [rng.uniform(0, s) for s in shape]
        r = rng.uniform(rmin, rmax)
        d2 = sum((g - ci) ** 2 for g, ci in zip(grid, c))
        out |= d2 <= r * r
    return out


hulls = []
for shape, n, rmin, rmax in [((40, 50), 3, 3, 9), ((30, 30), 6, 1, 4), ((14, 16, 18), 3, 2, 5),
                             ((26, 24, 28), 12, 1.5, 6)]:
    mask = blobs(shape, n, rmin, rmax)
    lab = ndi.label(mask)[0]
    props = regionprops(lab)
    hulls.append({
        "mask": arr(mask),
        "convex_hull_image": arr(convex_hull_image(mask)),
        "labels": arr(lab),
        "solidity": {str(p.label): float(p.solidity) for p in props},
        "area_convex": {str(p.label): int(p.convex_area) for p in props},
    })

argsorts = []
for n in [5, 17, 40, 300, 2000]:
    keys = rng.integers(0, max(2, n // 7), n).astype(np.float64)
    argsorts.append({"keys": keys.tolist(), "order": np.argsort(keys).tolist()})

peaks = []
img = ndi.gaussian_filter(rng.random((40, 48)), 2)
img = np.round(img * 50) / 50  # plateaus
for opts in [
    {"min_distance": 2},
    {"min_distance": 3, "threshold_rel": 0.5},
    {"min_distance": 1, "threshold_abs": 0.5, "exclude_border": 4},
    {"min_distance": 2, "num_peaks": 5},
    {"min_distance": 3, "p_norm": 2},
    {"min_distance": 0},
]:
    c = peak_local_max(img, **opts)
    peaks.append({"options": opts, "coordinates": c.tolist()})
fp = np.array([[0, 1, 0], [1, 1, 1], [0, 1, 0]], dtype=bool)
peaks.append({"options": {"footprint": "cross", "exclude_border": False},
              "coordinates": peak_local_max(img, footprint=fp, exclude_border=False).tolist()})
lab = ndi.label(img > 0.5)[0]
peaks.append({"options": {"min_distance": 2, "labels": "img > 0.5", "num_peaks_per_label": 2},
              "coordinates": peak_local_max(img, min_distance=2, labels=lab,
                                            num_peaks_per_label=2).tolist()})

mask = blobs((50, 60), 8, 5, 11)
edt = ndi.distance_transform_edt(mask)
markers = ndi.label(np.isin(np.arange(mask.size).reshape(mask.shape),
                            rng.choice(np.flatnonzero(mask), 6, replace=False)))[0]
ws = {
    "mask": arr(mask),
    "image": arr(-edt),
    "markers": arr(markers),
    "compact": arr(watershed(-edt, markers, mask=mask, compactness=0.5)),
    "line": arr(watershed(-edt, markers, mask=mask, watershed_line=True)),
    "line_conn2": arr(watershed(-edt, markers, mask=mask, connectivity=2, watershed_line=True)),
    "sampling_edt": arr(ndi.distance_transform_edt(mask, sampling=[0.7, 1.3])),
}
m3 = blobs((12, 13, 14), 4, 2, 4)
labels3 = {str(c): arr(ndi.label(m3, structure=ndi.generate_binary_structure(3, c))[0])
           for c in (1, 2, 3)}

out = {
    "versions": {"numpy": np.__version__, "scipy": scipy.__version__,
                 "scikit-image": skimage.__version__},
    "hulls": hulls,
    "argsort": argsorts,
    "peaks": {"image": arr(img), "cases": peaks},
    "watershed": ws,
    "label3d": {"mask": arr(m3), "labels": labels3},
}
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "..", "test", "fixtures", "extra.json"), "w") as f:
    json.dump(out, f)
