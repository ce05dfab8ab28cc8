"""scipy.ndimage results on seeded inputs, for test/ndimage.test.ts.

    /usr/bin/python3 scripts/make-fixtures.py > test/fixtures/ndimage.json

Every case records the input (row-major data, shape, dtype), the options under the
TypeScript names, and scipy's output. Inputs take few distinct values so that windows hold
ties; windows are often longer than the axis, so that every mode repeats its extension.
"""
import json
import sys

import numpy as np
import scipy
from scipy import ndimage as ndi
from scipy.ndimage._filters import _gaussian_kernel1d

rng = np.random.default_rng(20240611)
MODES = ["reflect", "constant", "nearest", "mirror", "wrap"]
DTYPES = {np.dtype(np.float64): "float64", np.dtype(np.float32): "float32",
          np.dtype(np.uint8): "uint8", np.dtype(np.int16): "int16", np.dtype(np.int32): "int32"}


def arr(a):
    a = np.asarray(a)
    if a.dtype == bool or a.dtype == np.int64:
        a = a.astype(np.uint8 if a.dtype == bool else np.int32)
    return {"dtype": DTYPES[a.dtype], "shape": list(a.shape), "data": a.ravel().tolist()}


def ties(shape, levels=5, dtype=np.float64):
    return (rng.integers(0, levels, shape) - levels // 2).astype(dtype) * 0.5


def smooth(shape, dtype=np.float64):
    return rng.normal(size=shape).astype(dtype)


out = {"scipy": scipy.__version__, "numpy": np.__version__}

# maximum_filter: box sizes (per axis too), footprints (also even and lopsided), all modes
cases = []
shapes = [(11,), (1,), (6, 7), (4, 1), (3, 4, 5)]
for shape in shapes:
    x = ties(shape)
    for mode in MODES:
        for size in [1, 2, 3, 4, 5, 9]:
            cval = [0.0, -1.5, 2.0][size % 3] if mode == "constant" else 0.0
            cases.append({"input": arr(x), "options": {"size": size, "mode": mode, "cval": cval},
                          "expected": arr(ndi.maximum_filter(x, size=size, mode=mode, cval=cval))})
        if len(shape) > 1:
            sizes = [2 + (d % 3) for d in range(len(shape))]
            cases.append({"input": arr(x), "options": {"size": sizes, "mode": mode},
                          "expected": arr(ndi.maximum_filter(x, size=sizes, mode=mode))})
footprints = {
    2: [np.array([[0, 1, 0], [1, 1, 1], [0, 1, 0]]), np.array([[1, 0], [1, 1]]),
        np.array([[1, 0, 0, 1], [0, 0, 1, 0]]), np.ones((2, 3))],
    3: [ndi.generate_binary_structure(3, 1).astype(int), np.array([[[1, 0], [0, 0]], [[0, 0], [0, 1]]])],
    1: [np.array([1, 0, 0, 1, 1])],
}
for shape in [(13,), (6, 7), (7, 5), (3, 4, 5)]:
    x = ties(shape)
    for fp in footprints[len(shape)]:
        for mode in MODES:
            cval = -0.5 if mode == "constant" else 0.0
            cases.append({"input": arr(x), "options": {"footprint": arr(fp), "mode": mode, "cval": cval},
                          "expected": arr(ndi.maximum_filter(x, footprint=fp, mode=mode, cval=cval))})
u8 = rng.integers(0, 4, (5, 6)).astype(np.uint8)
cases.append({"input": arr(u8), "options": {"size": 3, "mode": "constant"},
              "expected": arr(ndi.maximum_filter(u8, size=3, mode="constant"))})
out["maximumFilter"] = cases

cases = []
x = ties((4, 5, 6))
for axis in [0, 1, 2, -1]:
    for size in [2, 3, 7]:
        for mode in MODES:
            cases.append({"input": arr(x), "size": size, "options": {"axis": axis, "mode": mode, "cval": 1.0},
                          "expected": arr(ndi.maximum_filter1d(x, size, axis=axis, mode=mode, cval=1.0))})
out["maximumFilter1d"] = cases

# binary morphology
structures = {
    2: [None, ndi.generate_binary_structure(2, 2), np.array([[1, 1], [0, 1]]),
        np.array([[0, 1, 1], [1, 0, 0]]), np.array([[1, 1, 1, 1]])],
    3: [None, ndi.generate_binary_structure(3, 2), np.array([[[1, 0], [0, 1]], [[0, 1], [1, 1]]])],
    1: [None, np.array([1, 1, 0, 1])],
}
cases = {"binaryErosion": [], "binaryDilation": [], "binaryOpening": []}
funcs = {"binaryErosion": ndi.binary_erosion, "binaryDilation": ndi.binary_dilation,
         "binaryOpening": ndi.binary_opening}
for shape, p in [((17,), 0.6), ((7, 8), 0.65), ((9, 6), 0.4), ((4, 5, 6), 0.7)]:
    x = (rng.random(shape) < p).astype(np.uint8)
    for st in structures[len(shape)]:
        for iterations in [1, 2]:
            for border in [0, 1]:
                opts = {"iterations": iterations, "borderValue": border}
                if st is not None:
                    opts["structure"] = arr(st)
                for name, f in funcs.items():
                    y = f(x, structure=st, iterations=iterations, border_value=border)
                    cases[name].append({"input": arr(x), "options": opts, "expected": arr(y)})
out.update(cases)

out["generateBinaryStructure"] = [
    {"rank": r, "connectivity": c, "expected": arr(ndi.generate_binary_structure(r, c))}
    for r in [1, 2, 3] for c in [1, 2, 3]]

# find_objects: gaps in the label values, negative values, labels beyond max_label
cases = []
for shape, top in [((20,), 6), ((9, 11), 9), ((5, 6, 7), 12), ((1, 1), 1), ((40, 30), 300)]:
    lab = rng.integers(-2, top + 1, shape).astype(np.int32)
    lab[lab == 3] = 0
    for max_label in [0, 2, top + 3]:
        boxes = ndi.find_objects(lab, max_label=max_label)
        cases.append({"input": arr(lab), "options": {"maxLabel": max_label},
                      "expected": [None if b is None else [[s.start, s.stop] for s in b] for b in boxes]})
lab = rng.integers(0, 4, (6, 5)).astype(np.uint8)
cases.append({"input": arr(lab), "options": {},
              "expected": [None if b is None else [[s.start, s.stop] for s in b] for b in ndi.find_objects(lab)]})
out["findObjects"] = cases

# Gaussians
out["gaussianKernel1d"] = [
    {"sigma": s, "options": opts,
     "expected": _gaussian_kernel1d(s, 0, opts.get("radius", int(opts.get("truncate", 4.0) * s + 0.5))).tolist()}
    for s, opts in [(0.3, {}), (1.0, {}), (2.5, {}), (0.1, {}), (1.7, {"truncate": 2.5}), (1.2, {"radius": 7})]]
cases = []
x2 = smooth((7, 12))
for axis in [0, 1, -1]:
    for sigma, opts in [(0.6, {}), (1.5, {}), (3.0, {}), (2.0, {"truncate": 1.5}), (1.0, {"radius": 9})]:
        for mode in MODES:
            o = {"axis": axis, "mode": mode, "cval": 0.25 if mode == "constant" else 0.0, **opts}
            y = ndi.gaussian_filter1d(x2, sigma, axis=axis, mode=mode, cval=o["cval"],
                                      truncate=opts.get("truncate", 4.0), radius=opts.get("radius"))
            cases.append({"input": arr(x2), "sigma": sigma, "options": o, "expected": arr(y)})
counts = rng.integers(0, 40, 30).astype(np.float64)
for sigma in [0.1, 1.0, 2.3]:
    cases.append({"input": arr(counts), "sigma": sigma, "options": {"mode": "constant"},
                  "expected": arr(ndi.gaussian_filter1d(counts, sigma, mode="constant"))})
out["gaussianFilter1d"] = cases

cases = []
for shape, sigma in [((9, 10), 1.3), ((9, 10), [0.7, 2.2]), ((5, 6, 7), 1.0), ((5, 6, 7), [0.0, 1.4, 0.8]),
                     ((1, 8), 1.0), ((17,), 2.0)]:
    x = smooth(shape)
    for mode in MODES:
        cval = -0.75 if mode == "constant" else 0.0
        y = ndi.gaussian_filter(x, sigma, mode=mode, cval=cval)
        cases.append({"input": arr(x), "sigma": sigma, "options": {"mode": mode, "cval": cval},
                      "expected": arr(y)})
x = smooth((6, 8))
cases.append({"input": arr(x), "sigma": [1.1, 0.9], "options": {"radius": [2, 5]},
              "expected": arr(ndi.gaussian_filter(x, [1.1, 0.9], radius=[2, 5]))})
# float32, filtered last axis first (scipy >= 1.11's axes; here as its sequence of 1d passes,
# each rounded to float32 as scipy's output array rounds it)
x = smooth((4, 6, 9), np.float32)
y = x
for axis in [2, 1, 0]:
    y = ndi.gaussian_filter1d(y, 1.2, axis=axis, output=np.float32)
cases.append({"input": arr(x), "sigma": 1.2, "options": {"axes": [2, 1, 0]}, "expected": arr(y)})
cases.append({"input": arr(x), "sigma": 0.8, "options": {},
              "expected": arr(ndi.gaussian_filter(x, 0.8))})
out["gaussianFilter"] = cases

json.dump(out, sys.stdout, separators=(",", ":"))
