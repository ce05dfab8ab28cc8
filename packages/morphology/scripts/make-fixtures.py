#!/usr/bin/python3
"""Reference values of @mgraph/morphology's voxel measures, from their published definitions.

Run from the repository root:  /usr/bin/python3 packages/morphology/scripts/make-fixtures.py

NumPy / SciPy only (numpy 1.24, scipy 1.10, Pillow to read the TIFF):
- volume fractions: TauFactor's `volume_fraction` (voxels of the phase over all voxels);
- face counting: TauFactor's `specific_surface_area(method='face_counting')` and
  `interfacial_areas(method='face_counting', normalize=True)`, non-periodic, written again in
  NumPy (unlike neighbours along each axis, each face's area the product of the two other
  spacings, divided by the total volume);
- TPB: TauFactor's `triple_phase_boundary` written again in NumPy (pad with -1, four rolls per
  axis, product of the three phase counts, crop), per axis, with its candidate-edge count;
- connectivity: `scipy.ndimage.label` of each phase's mask with
  `generate_binary_structure(ndim, connectivity)`; a label is percolating along an axis when
  it is on both faces normal to the axis, dead-end on one, isolated on none (TauFactor's
  `find_spanning_labels`, MATBOX's connected / unknown / isolated).

With `--bench FILE NZ NY NX` it only times the references on a raw uint8 volume (the
package's bench runs it on its own input) and prints the seconds as JSON.

Writes packages/morphology/test/fixtures/{<name>.u8, voxel-measures.json} (small random volumes,
seeded) and examples/test/fixtures/morphology-matbox.json (the MATBOX volume of
examples/data, whose voxels stay in that file). Each reference also prints its time.
"""
import json
import os
import sys
import time

import numpy as np
from scipy import ndimage

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
OUT = os.path.join(ROOT, 'packages', 'morphology', 'test', 'fixtures')


def volume_fractions(img, n):
    return [float(np.count_nonzero(img == c)) / img.size for c in range(n)]


def face_counting(img, spacing, n):
    """Per-phase surface area and per-pair interfacial area (TauFactor face counting)."""
    nd = img.ndim
    area = np.zeros(n)
    pairs = np.zeros((n, n))
    for axis in range(nd):
        face = float(np.prod([spacing[d] for d in range(nd) if d != axis]))
        a = np.take(img, np.arange(1, img.shape[axis]), axis=axis).ravel()
        b = np.take(img, np.arange(0, img.shape[axis] - 1), axis=axis).ravel()
        idx = a != b
        counts = np.bincount(a[idx], minlength=n) + np.bincount(b[idx], minlength=n)
        area += face * counts[:n]
        lo = np.minimum(a[idx], b[idx]).astype(np.int64)
        hi = np.maximum(a[idx], b[idx]).astype(np.int64)
        pc = np.bincount(lo * n + hi, minlength=n * n).reshape(n, n)
        pairs += face * pc
    volume = img.size * float(np.prod(spacing))
    return area, pairs, volume


def tpb_edges(img, tpb):
    """TauFactor's triple_phase_boundary per axis: boolean map of TPB edges (after cropping)."""
    nd = img.ndim
    padded = np.pad(img.astype(np.int32), 1, mode='constant', constant_values=-1)
    maps = []
    axes = [0] if nd == 2 else [0, 1, 2]
    for d in axes:
        d1, d2 = ((0, 1) if nd == 2 else ((d + 1) % 3, (d + 2) % 3))
        prod = np.ones_like(padded)
        for ph in tpb:
            temp = (padded == ph).astype(np.int32)
            count = np.zeros_like(padded)
            for i in (0, 1):
                for j in (0, 1):
                    count += np.roll(np.roll(temp, i, d1), j, d2)
            prod *= count
        crop = tuple(slice(1, -1) for _ in range(nd))
        maps.append(prod[crop] > 0)
    return maps


def candidates(shape):
    if len(shape) == 2:
        x, y = shape
        return (x - 1) * (y - 1)
    x, y, z = shape
    return z * (x - 1) * (y - 1) + x * (y - 1) * (z - 1) + y * (x - 1) * (z - 1)


def connectivity(img, n, conn):
    nd = img.ndim
    out = []
    for c in range(n):
        mask = img == c
        voxels = int(mask.sum())
        lab, count = ndimage.label(mask, structure=ndimage.generate_binary_structure(nd, conn))
        sizes = np.bincount(lab.ravel(), minlength=count + 1)
        sizes[0] = 0
        touch_any = np.zeros(count + 1, bool)
        axes = []
        for axis in range(nd):
            lo = np.zeros(count + 1, bool)
            hi = np.zeros(count + 1, bool)
            lo[np.unique(np.take(lab, 0, axis=axis))] = True
            hi[np.unique(np.take(lab, -1, axis=axis))] = True
            lo[0] = hi[0] = False
            touch_any |= lo | hi
            perc = int(sizes[lo & hi].sum())
            dead = int(sizes[lo ^ hi].sum())
            iso = voxels - perc - dead
            f = (lambda v: 0.0 if voxels == 0 else v / voxels)
            axes.append({'percolating': f(perc), 'deadEnd': f(dead), 'isolated': f(iso)})
        unconnected = int(sizes[~touch_any].sum())
        out.append({
            'voxels': voxels,
            'components': int(count),
            'axes': axes,
            'unconnected': 0.0 if voxels == 0 else unconnected / voxels,
        })
    return out


def reference(img, spacing, n, tpb, edge_lists=True, connectivities=None):
    t0 = time.perf_counter()
    vf = volume_fractions(img, n)
    t1 = time.perf_counter()
    area, pairs, volume = face_counting(img, spacing, n)
    t2 = time.perf_counter()
    maps = tpb_edges(img, tpb)
    per_axis = [int(m.sum()) for m in maps]
    t3 = time.perf_counter()
    conn = {str(k): connectivity(img, n, k) for k in (connectivities or sorted({1, img.ndim}))}
    t4 = time.perf_counter()
    cand = candidates(img.shape)
    if img.ndim == 3:
        length = float(sum(per_axis[d] * spacing[d] for d in range(3)))
        density = length / volume
    else:
        length = None
        density = per_axis[0] / volume
    ref = {
        'shape': list(img.shape),
        'spacing': list(spacing),
        'volumeFractions': vf,
        'surfaceArea': area.tolist(),
        'specificSurfaceArea': (area / volume).tolist(),
        'interfacialArea': [[float(pairs[a, b]) for b in range(n)] for a in range(n)],
        'specificInterfacialArea': [[float(pairs[a, b] / volume) for b in range(n)] for a in range(n)],
        'totalVolume': volume,
        'tpbPerAxis': per_axis,
        'tpbCandidates': cand,
        'tpbFraction': sum(per_axis) / cand,
        'tpbLength': length,
        'tpbDensity': density,
        'connectivity': conn,
        'seconds': {
            'volumeFractions': t1 - t0,
            'faceCounting': t2 - t1,
            'tpb': t3 - t2,
            'connectivity': t4 - t3,
        },
    }
    if edge_lists:
        ref['tpbEdges'] = [np.flatnonzero(m.ravel()).tolist() for m in maps]
    return ref


def blobs(shape, sigma, fractions, rng):
    """Two smoothed Gaussian noise fields: phase 0 where the first is above its quantile, else
    1 or 2 by the second; connected phases of about the given fractions, all three touching."""
    f1 = ndimage.gaussian_filter(rng.standard_normal(shape), sigma, mode='wrap')
    f2 = ndimage.gaussian_filter(rng.standard_normal(shape), sigma, mode='wrap')
    zero = f1 > np.quantile(f1, 1 - fractions[0])
    one = f2 > np.quantile(f2, fractions[2] / (1 - fractions[0]))
    return np.where(zero, 0, np.where(one, 1, 2)).astype(np.uint8)


def read_matbox():
    from PIL import Image, ImageSequence
    path = os.path.join(ROOT, 'examples', 'data', 'nmc-1-cal-cbd.tif')
    with Image.open(path) as im:
        return np.stack([np.array(p) for p in ImageSequence.Iterator(im)]).astype(np.uint8)


def bench(path, shape):
    """Time the references on a raw uint8 volume (the bench's input); print JSON seconds."""
    img = np.fromfile(path, dtype=np.uint8).reshape(shape)
    ref = reference(img, [1.0] * img.ndim, 3, [1, 0, 2], edge_lists=False, connectivities=[1])
    print(json.dumps({'seconds': ref['seconds'], 'tpbPerAxis': ref['tpbPerAxis'],
                      'specificSurfaceArea': ref['specificSurfaceArea']}))


def main():
    if len(sys.argv) > 2 and sys.argv[1] == '--bench':
        bench(sys.argv[2], [int(v) for v in sys.argv[3:]])
        return
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(20261206)
    cases = {
        # name: (volume, spacing, number of phases, tpb codes)
        'random-3d': (rng.integers(0, 3, (14, 17, 19)).astype(np.uint8), [0.5, 0.4, 0.3], 3, [0, 1, 2]),
        'blobs-3d': (blobs((24, 22, 20), 2.0, [0.4, 0.45, 0.15], rng), [2.0, 1.0, 1.0], 3, [1, 0, 2]),
        'random-2d': (rng.integers(0, 3, (33, 41)).astype(np.uint8), [0.7, 0.25], 3, [0, 1, 2]),
        'blobs-2d': (blobs((60, 50), 2.5, [0.35, 0.4, 0.25], rng), [1.0, 1.0], 3, [0, 1, 2]),
        # four phases (CATHODE_SCHEME: background, sse, nmc, graphite; TPB nmc-sse-graphite)
        'four-phase-3d': (rng.integers(0, 4, (12, 13, 15)).astype(np.uint8), [1.0, 1.0, 1.0], 4, [2, 1, 3]),
    }
    refs = {}
    for name, (img, spacing, n, tpb) in cases.items():
        img.tofile(os.path.join(OUT, f'{name}.u8'))
        refs[name] = reference(img, spacing, n, tpb)
        del refs[name]['seconds']
    with open(os.path.join(OUT, 'voxel-measures.json'), 'w') as f:
        json.dump(refs, f)
    print(f'wrote {len(refs)} cases to {OUT}')
    if '--no-matbox' in sys.argv:
        return
    img = read_matbox()
    ref = reference(img, [0.398] * 3, 3, [1, 0, 2], edge_lists=False)
    del ref['seconds']
    path = os.path.join(ROOT, 'examples', 'test', 'fixtures', 'morphology-matbox.json')
    with open(path, 'w') as f:
        json.dump(ref, f)
    print(f'wrote {path} (shape {img.shape})')


if __name__ == '__main__':
    main()
