#!/usr/bin/python3
"""Cross-check of @mgraph/io's Zarr with zarr-python (Debian python3-zarr 2.13, Zarr v2).

  zarr-check.py read OUT DIR... read each OME-Zarr 0.4 image DIR (named NAME.zarr) with
                               zarr-python: its level 0 to OUT/NAME.npy, its .zattrs /
                               .zarray to OUT/NAME.json
  zarr-check.py write DIR      write arrays with zarr-python under DIR/<case>.zarr (every
                               dtype; Blosc (zarr's default), zlib, gzip, none; C and F
                               order; a fill value with chunks left unwritten) and each
                               expected array as DIR/<case>.npy
"""
import json
import os
import sys

import numcodecs
import numpy as np
import zarr


def read(out, path):
    name = os.path.basename(path.rstrip("/")).removesuffix(".zarr")
    group = zarr.open_group(path, mode="r")
    attrs = group.attrs.asdict()
    dataset = attrs["multiscales"][0]["datasets"][0]["path"]
    arr = group[dataset]
    np.save(os.path.join(out, f"{name}.npy"), arr[...])
    with open(os.path.join(path, dataset, ".zarray")) as f:
        zarray = json.load(f)
    with open(os.path.join(out, f"{name}.json"), "w") as f:
        json.dump({"zattrs": attrs, "zarray": zarray, "dtype": str(arr.dtype), "chunks": list(arr.chunks)}, f)


def write(root):
    rng = np.random.default_rng(19)
    shape = (5, 7, 9)
    cases = []
    for dtype in ["uint8", "int8", "uint16", "int16", "uint32", "int32", "float32", "float64"]:
        info = np.finfo(dtype) if dtype.startswith("float") else np.iinfo(dtype)
        a = rng.uniform(-1000, 1000, shape) if dtype.startswith("float") else rng.integers(info.min, info.max, shape, endpoint=True)
        a = a.astype(dtype)
        a.flat[0] = info.min
        a.flat[1] = info.max
        for name, compressor in [("blosc", zarr.storage.default_compressor), ("zlib", numcodecs.Zlib(5)), ("gzip", numcodecs.GZip(5)), ("none", None)]:
            cases.append((f"{dtype}-{name}", a, dict(compressor=compressor, chunks=(2, 3, 4))))
    a = np.arange(6 * 10 * 11, dtype="uint16").reshape(6, 10, 11)
    cases.append(("uint16-fortran", a, dict(compressor=None, chunks=(4, 4, 4), order="F")))
    cases.append(("int16-big-endian", a.astype(">i2"), dict(compressor=numcodecs.Zlib(1), chunks=(4, 4, 4))))
    for case, a, kw in cases:
        z = zarr.open_array(os.path.join(root, f"{case}.zarr"), mode="w", shape=a.shape, dtype=a.dtype, dimension_separator="/", **kw)
        z[...] = a
        np.save(os.path.join(root, f"{case}.npy"), a.astype(a.dtype.newbyteorder("=")))
    # fill value 7, only the chunk at the origin written: every other chunk reads as 7
    z = zarr.open_array(os.path.join(root, "fill-7.zarr"), mode="w", shape=(6, 6), chunks=(4, 4), dtype="int32", fill_value=7, compressor=None)
    z[0:4, 0:4] = np.arange(16, dtype="int32").reshape(4, 4)
    np.save(os.path.join(root, "fill-7.npy"), z[...])


if __name__ == "__main__":
    if sys.argv[1] == "read":
        for path in sys.argv[3:]:
            read(sys.argv[2], path)
    else:
        write(sys.argv[2])
