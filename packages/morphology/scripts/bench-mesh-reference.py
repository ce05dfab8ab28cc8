"""Reference timings of the marching-cubes bench (bench/mesh.ts), one step per process:
`python3 bench-mesh-reference.py <step> <dir> <n>` reads <dir>/phases.u8 and labels.i32 and
prints one JSON line {step, seconds, peakRssMiB, ...}.

- marchingCubesAreas: for each phase, marching_cubes(phases == p, 0.5, spacing) +
  mesh_surface_area (scikit-image 0.19);
- marchingCubesArea: the same on the pore indicator only;
- particleSizes: regionprops(labels) equivalent_diameter_area;
- particleContactAreas: NumPy face counting per label and phase (np.bincount per axis).
"""
import json
import resource
import sys
import time

import numpy as np
from skimage.measure import marching_cubes, mesh_surface_area, regionprops

step, folder, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
phases = np.fromfile(f'{folder}/phases.u8', dtype=np.uint8).reshape(n, n, n)
spacing = (0.5, 0.398, 0.398)
out = {}
t = time.perf_counter()
if step in ('marchingCubesAreas', 'marchingCubesArea'):
    areas = []
    for p in (range(3) if step == 'marchingCubesAreas' else [0]):
        verts, faces, _, _ = marching_cubes((phases == p).astype(np.float32), 0.5, spacing=spacing)
        areas.append(float(mesh_surface_area(verts, faces)))
        del verts, faces
    out['areas'] = areas
elif step == 'particleSizes':
    labels = np.fromfile(f'{folder}/labels.i32', dtype=np.int32).reshape(n, n, n)
    t = time.perf_counter()
    d = [r.equivalent_diameter_area for r in regionprops(labels)]
    out['particles'] = len(d)
elif step == 'particleContactAreas':
    labels = np.fromfile(f'{folder}/labels.i32', dtype=np.int32).reshape(n, n, n)
    t = time.perf_counter()
    m = int(labels.max()) + 1
    area = np.zeros(m * 3)
    for axis in range(3):
        face = np.prod([spacing[i] for i in range(3) if i != axis])
        a = [slice(None)] * 3
        b = [slice(None)] * 3
        a[axis] = slice(0, -1)
        b[axis] = slice(1, None)
        la, lb = labels[tuple(a)], labels[tuple(b)]
        pa, pb = phases[tuple(a)], phases[tuple(b)]
        diff = la != lb
        for l1, p2 in ((la, pb), (lb, pa)):
            sel = diff & (l1 > 0)
            area += np.bincount(l1[sel].astype(np.int64) * 3 + p2[sel], minlength=m * 3) * face
    out['labels'] = m - 1
else:
    raise SystemExit(f'unknown step {step}')
seconds = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(json.dumps({'step': step, 'seconds': seconds, 'peakRssMiB': peak, **out}))
