"""Reference values for the marching-cubes areas, particle sizes, sphericity and contact
areas of @mgraph/morphology, computed with scikit-image 0.19 / NumPy / SciPy.

Writes test/fixtures/mesh-*.json and test/fixtures/mesh-matbox-crop.bin (a 40^3 uint8 crop
of examples/data/nmc-1-cal-cbd.tif, MATBOX licence beside it).

- marching cubes: skimage.measure.marching_cubes(volume, level, spacing=spacing) (method
  'lewiner') and mesh_surface_area of its vertices as float64; per phase on the 0/1 indicator at 0.5; per phase pair
  (a, b) the area (A_a + A_b - A_{a or b}) / 2 from the indicator of the union;
- 2D perimeters: skimage.measure.find_contours(indicator, 0.5), points scaled by spacing,
  the length of every polyline summed;
- equivalent diameters: regionprops(labels).equivalent_diameter_area with spacing 1, and
  (2 * ndim * count * prod(spacing) / pi) ** (1 / ndim) otherwise (what regionprops of
  scikit-image >= 0.20 computes with its spacing argument);
- contact areas: faces between a particle's voxels and each face neighbour outside it
  (NumPy slicing along each axis), each face counted with the product of the other axes'
  spacing.

Run: /usr/bin/python3 packages/morphology/scripts/make-mesh-fixtures.py
"""
import json
import os
import shutil

import numpy as np
import tifffile
from scipy import ndimage as ndi
from skimage.measure import find_contours, marching_cubes, mesh_surface_area, regionprops

HERE = os.path.dirname(os.path.abspath(__file__))
FIX = os.path.join(HERE, '..', 'test', 'fixtures')
ROOT = os.path.join(HERE, '..', '..', '..')
os.makedirs(FIX, exist_ok=True)


def mc_area(vol, level, spacing):
    vol = np.asarray(vol, dtype=np.float64)
    if vol.min() == vol.max():
        return 0.0
    verts, faces, _, _ = marching_cubes(vol, level, spacing=tuple(spacing))
    # with spacing (1, 1, 1) the vertices stay float32 and mesh_surface_area sums in
    # float32 (about 1e-7 relative): measure scikit-image's mesh in float64
    return float(mesh_surface_area(verts.astype(np.float64), faces))


def contour_length(img, spacing):
    img = np.asarray(img, dtype=np.float64)
    total = 0.0
    for c in find_contours(img, 0.5):
        p = c * np.asarray(spacing)
        total += float(np.sqrt((np.diff(p, axis=0) ** 2).sum(axis=1)).sum())
    return total


def indicator_area(ind, spacing):
    return mc_area(ind, 0.5, spacing) if ind.ndim == 3 else contour_length(ind, spacing)


def phase_areas(phases, n, spacing):
    single = [indicator_area((phases == p).astype(float), spacing) for p in range(n)]
    pairs = []
    for a in range(n):
        for b in range(a + 1, n):
            union = indicator_area(((phases == a) | (phases == b)).astype(float), spacing)
            pairs.append({'a': a, 'b': b, 'area': (single[a] + single[b] - union) / 2})
    return {'phases': single, 'pairs': pairs}


# 1. every binary configuration of one cube, anisotropic spacing
CONFIG_SPACING = [0.7, 1.3, 0.4]
configs = []
for c in range(256):
    vol = np.zeros((2, 2, 2))
    for k in range(8):
        if (c >> k) & 1:
            vol[(k >> 2) & 1, (k >> 1) & 1, k & 1] = 1.0
    configs.append(mc_area(vol, 0.5, CONFIG_SPACING))
json.dump({'spacing': CONFIG_SPACING, 'areas': configs},
          open(os.path.join(FIX, 'mesh-configurations.json'), 'w'))

# 2. random three-phase volumes (2D and 3D), per phase and pair, two spacings each
rng = np.random.default_rng(1717)
cases = []
for shape in [(9, 11, 13), (16, 16, 16), (23, 29)]:
    phases = rng.integers(0, 3, size=shape).astype(np.uint8)
    if len(shape) == 3:  # some smooth regions too, not only noise
        phases[:, :4, :4] = 1
    for spacing in ([1.0] * len(shape), [0.5, 0.398, 1.25][-len(shape):]):
        cases.append({'shape': list(shape), 'spacing': spacing,
                      'map': phases.ravel().tolist(), **phase_areas(phases, 3, spacing)})

# 3. a ball (indicator) and a smooth signed distance field of the same ball
zz, yy, xx = np.mgrid[:21, :22, :23]
dist = np.sqrt((zz - 10.2) ** 2 + (yy - 10.7) ** 2 + (xx - 11.1) ** 2)
ball = (dist <= 8.0).astype(np.uint8)
ball_spacing = [0.6, 0.5, 0.45]
cases.append({'shape': list(ball.shape), 'spacing': ball_spacing, 'map': ball.ravel().tolist(),
              **phase_areas(ball, 2, ball_spacing)})
field = (8.0 - dist).astype(np.float32)
smooth = {'shape': list(field.shape), 'spacing': ball_spacing,
          'values': [float(v) for v in field.ravel()],
          'level0': mc_area(field, 0.0, ball_spacing),
          'level2': mc_area(field, 2.0, ball_spacing),
          'defaultLevel': mc_area(field, None, [1, 1, 1])}
# orientation: signed volume sum(v0 . (v1 x v2)) / 6 of scikit-image's mesh (default 'descent')
sv, sf, _, _ = marching_cubes(field, 0.0, spacing=tuple(ball_spacing))
sv = sv.astype(np.float64)[sf]
smooth['signedVolume0'] = float(np.einsum('ij,ij->i', sv[:, 0], np.cross(sv[:, 1], sv[:, 2])).sum() / 6)

# 4. a crop of the MATBOX volume (uint8 0 / 1 / 2), isotropic 0.398 um and anisotropic
tif = tifffile.imread(os.path.join(ROOT, 'examples', 'data', 'nmc-1-cal-cbd.tif'))
crop = np.ascontiguousarray(tif[100:140, 120:160, 60:100])
crop.tofile(os.path.join(FIX, 'mesh-matbox-crop.bin'))
shutil.copy(os.path.join(ROOT, 'examples', 'data', 'LICENSE-MATBOX.txt'),
            os.path.join(FIX, 'LICENSE-MATBOX.txt'))
matbox = []
for spacing in ([0.398] * 3, [0.6, 0.398, 0.398]):
    matbox.append({'spacing': spacing, **phase_areas(crop, 3, spacing)})

json.dump({'cases': cases, 'smooth': smooth,
           'matbox': {'shape': list(crop.shape), 'file': 'mesh-matbox-crop.bin', 'runs': matbox}},
          open(os.path.join(FIX, 'mesh-areas.json'), 'w'))


# 5. particles: labels, phases, equivalent diameters, areas, sphericity, contact areas
def contacts(labels, phases, n_phases, spacing):
    """Face-counting contact areas: per label and phase, and per label pair."""
    ndim = labels.ndim
    per_phase = {}
    per_pair = {}
    for axis in range(ndim):
        face = float(np.prod([spacing[i] for i in range(ndim) if i != axis]))
        a = [slice(None)] * ndim
        b = [slice(None)] * ndim
        a[axis] = slice(0, -1)
        b[axis] = slice(1, None)
        la, lb = labels[tuple(a)].ravel(), labels[tuple(b)].ravel()
        pa, pb = phases[tuple(a)].ravel(), phases[tuple(b)].ravel()
        diff = la != lb
        for (l1, l2, p2) in ((la, lb, pb), (lb, la, pa)):
            sel = diff & (l1 > 0)
            for lab, ph in zip(l1[sel], p2[sel]):
                key = (int(lab), int(ph))
                per_phase[key] = per_phase.get(key, 0.0) + face
        sel = diff & (la > 0) & (lb > 0)
        for x, y in zip(la[sel], lb[sel]):
            key = (int(min(x, y)), int(max(x, y)))
            per_pair[key] = per_pair.get(key, 0.0) + face
    return ([[k[0], k[1], v] for k, v in sorted(per_phase.items())],
            [[k[0], k[1], v] for k, v in sorted(per_pair.items())])


particles = []
for shape, spacing in [((18, 20, 22), [0.5, 0.398, 1.25]), ((40, 44), [0.398, 0.6])]:
    noise = ndi.gaussian_filter(rng.random(shape), 1.5)
    phases = np.digitize(noise, np.quantile(noise, [0.45, 0.85])).astype(np.uint8)
    labels = np.zeros(shape, np.int32)
    nxt = 0
    for p in (1, 2):  # particles of phases 1 and 2, labels consecutive
        lab, n = ndi.label(phases == p)
        labels[lab > 0] = lab[lab > 0] + nxt
        nxt += n
    props = regionprops(labels)
    ids = [int(r.label) for r in props]
    ndim = len(shape)
    voxel = float(np.prod(spacing))
    areas = [indicator_area((labels == i).astype(float), spacing) for i in ids]
    vol = [float(r.area) * voxel for r in props]
    if ndim == 3:
        sph = [np.pi ** (1 / 3) * (6 * v) ** (2 / 3) / a if a > 0 else None for v, a in zip(vol, areas)]
    else:
        sph = [2 * np.sqrt(np.pi * v) / a if a > 0 else None for v, a in zip(vol, areas)]
    per_phase, per_pair = contacts(labels, phases, 3, spacing)
    particles.append({
        'shape': list(shape), 'spacing': spacing,
        'labels': labels.ravel().tolist(), 'phases': phases.ravel().tolist(),
        'ids': ids, 'counts': [int(r.area) for r in props],
        'equivalentDiameterArea': [float(r.equivalent_diameter_area) for r in props],
        'equivalentDiameter': [(2 * ndim * v / np.pi) ** (1 / ndim) for v in vol],
        'areas': areas, 'sphericity': sph,
        'touchesBorder': [bool(any(r.bbox[d] == 0 or r.bbox[d + ndim] == shape[d] for d in range(ndim))) for r in props],
        'contactPhase': per_phase, 'contactPair': per_pair,
    })
json.dump(particles, open(os.path.join(FIX, 'mesh-particles.json'), 'w'))

# 6. numpy.histogram references for the size histogram
vals = rng.gamma(2.0, 3.0, 200)
w = rng.random(200)
hist = {'values': vals.tolist(), 'weights': w.tolist(), 'runs': []}
for bins, rnge, weights in [(10, None, False), (7, (1.0, 12.0), True), ([0, 1, 2.5, 4, 30], None, False)]:
    counts, edges = np.histogram(vals, bins=bins, range=rnge, weights=w if weights else None)
    hist['runs'].append({'bins': bins, 'range': rnge, 'weighted': weights,
                         'counts': counts.tolist(), 'edges': edges.tolist()})
json.dump(hist, open(os.path.join(FIX, 'mesh-histogram.json'), 'w'))
print('wrote fixtures to', os.path.normpath(FIX))
