"""Anisotropic-spacing fixture (test/fixtures/spacing.json) from scipy 1.10 / scikit-image 0.19.

    /usr/bin/python3 scripts/make-spacing-fixture.py

Three small 3D masks whose voxels are `spacing` = (2.5, 1, 1) (planes 2.5 times thicker than
the pixel, as FIB-SEM stacks): physical balls and touching pairs of balls, plus a random blob
mask. For each:
- `edt`: scipy.ndimage.distance_transform_edt(mask, sampling=spacing);
- `peaks`: peak_local_max with a physical min_distance, written from its definition since
  scikit-image has no spacing: candidates = voxels equal to the maximum filter over the box of
  floor(min_distance / spacing[d]) voxels per axis (mode constant, per ndi.label component, the
  component's other voxels at -inf), above the image minimum; sorted by decreasing value
  (numpy's default argsort, as scikit-image's _get_high_intensity_peaks); kept greedily when no kept peak lies closer than
  min_distance in physical Chebyshev distance;
- `watershed`: skimage.segmentation.watershed(-edt, markers=ndi.label(peak mask)[0],
  mask=mask), the first pass of splitTouching;
- `regions`: per label of `watershed`, voxel count, physical volume (count * prod(spacing))
  and physical centroid (ndi.center_of_mass * spacing).
"""
import json
from pathlib import Path

import numpy as np
from scipy import ndimage as ndi
from skimage.segmentation import watershed

SPACING = (2.5, 1.0, 1.0)
MIN_DISTANCE = 4.0  # physical units: 1 voxel along axis 0, 4 along axes 1 and 2


def balls(shape, centres_radii):
    z, y, x = np.indices(shape)
    m = np.zeros(shape, np.uint8)
    for (cz, cy, cx), r in centres_radii:
        d2 = ((z - cz) * SPACING[0]) ** 2 + ((y - cy) * SPACING[1]) ** 2 + ((x - cx) * SPACING[2]) ** 2
        m[d2 <= r * r] = 1
    return m


def peaks_physical(edt, mask, min_distance):
    lab, n = ndi.label(mask)
    radii = [int(np.floor(min_distance / s * (1 + 1e-9))) for s in SPACING]
    size = [2 * r + 1 for r in radii]
    out = []
    for l in range(1, n + 1):
        img = np.where(lab == l, edt, -np.inf)
        mx = ndi.maximum_filter(np.where(lab == l, edt, 0.0), size=size, mode="constant")
        cand = np.flatnonzero((lab.ravel() == l) & (img.ravel() == mx.ravel()) & (img.ravel() > edt.min()))
        order = np.argsort(-img.ravel()[cand])  # numpy's default sort, as scikit-image
        kept = []
        for i in cand[order]:
            c = np.array(np.unravel_index(i, mask.shape))
            if all(np.max(np.abs((c - k) * SPACING)) >= min_distance for k in kept):
                kept.append(c)
        out += [k.tolist() for k in kept]
    return out


def case(mask):
    edt = ndi.distance_transform_edt(mask, sampling=SPACING)
    peaks = peaks_physical(edt, mask, MIN_DISTANCE)
    seeds = np.zeros(mask.shape, np.uint8)
    for p in peaks:
        seeds[tuple(p)] = 1
    markers = ndi.label(seeds)[0]
    ws = watershed(-edt, markers=markers, mask=mask.astype(bool))
    regions = []
    for l in range(1, ws.max() + 1):
        count = int((ws == l).sum())
        com = ndi.center_of_mass(ws == l)
        regions.append({
            "label": l,
            "size": count,
            "volume": count * float(np.prod(SPACING)),
            "physicalCentroid": [float(c * s) for c, s in zip(com, SPACING)],
        })
    return {
        "shape": list(mask.shape),
        "mask": mask.ravel().tolist(),
        "edt": edt.ravel().tolist(),
        "peaks": peaks,
        "watershed": ws.astype(np.int32).ravel().tolist(),
        "regions": regions,
    }


def main():
    rng = np.random.default_rng(17)
    shape = (10, 32, 32)
    pair = balls(shape, [((5, 16, 9), 7.0), ((5, 16, 21), 7.0)])
    three = balls(shape, [((4, 9, 9), 5.5), ((5, 21, 10), 6.0), ((5, 16, 22), 6.5)])
    blobs = (ndi.gaussian_filter(rng.random(shape), (0.8, 2.0, 2.0)) > 0.52).astype(np.uint8)
    out = {
        "spacing": list(SPACING),
        "minDistance": MIN_DISTANCE,
        "cases": {"pair": case(pair), "three": case(three), "blobs": case(blobs)},
    }
    Path(__file__).resolve().parent.parent.joinpath("test", "fixtures", "spacing.json").write_text(json.dumps(out))


main()
