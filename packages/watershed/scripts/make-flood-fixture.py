"""Reference labels of skimage.segmentation.watershed (scikit-image 0.19) on images whose
flood switches from the heap to the bucket queue at different points: integer images
with few distinct values (markers with and without equal values, masks), and an image with
more than 65,536 distinct values (the heap all the way). Images and masks are integer
formulas that tests/flood-order.test.ts recomputes exactly; only markers and labels are stored.

    /usr/bin/python3 scripts/make-flood-fixture.py > test/fixtures/flood.json
"""
import json

import numpy as np
from skimage.segmentation import watershed


def image_of(kind, shape):
    g = np.indices(shape).astype(np.int64)
    if kind == "few":  # 50 values in 2D, 23 in 3D
        w = (7, 13) if len(shape) == 2 else (5, 3, 11)
        return sum(wi * gi for wi, gi in zip(w, g)) % (50 if len(shape) == 2 else 23)
    if kind == "plateaus":  # flat blocks of 7 values: ages decide most ties
        i, j = g
        return ((i // 6) * 3 + (j // 9) * 5) % 7
    # "many": distinct almost everywhere
    i, j = g
    return (i * 7919 + j * 104729 + (i * j) % 9973) % 1000003


def mask_of(kind, shape):
    g = np.indices(shape).astype(np.int64)
    if kind == "all":
        return np.ones(shape, bool)
    return (sum((31, 17, 5)[d] * g[d] for d in range(len(shape))) % 11) != 0


def markers_for(image, mask, count, tied_pairs, rng):
    """`count` marker pixels in the mask; the first 2 * tied_pairs come in pairs of equal value."""
    flat = image.ravel()
    inside = np.flatnonzero(mask.ravel())
    chosen = []
    for _ in range(tied_pairs):
        a = rng.choice(inside)
        same = inside[(flat[inside] == flat[a]) & (inside != a)]
        chosen += [a, rng.choice(same)]
    while len(chosen) < count:
        a = rng.choice(inside)
        if tied_pairs == 0 and any(flat[a] == flat[c] for c in chosen):
            continue  # all marker values distinct
        if a not in chosen:
            chosen.append(a)
    markers = np.zeros(image.size, np.int32)
    for label, a in enumerate(chosen, start=1):
        markers[a] = label
    return markers.reshape(image.shape)


def main():
    rng = np.random.RandomState(5)
    cases = []
    for name, kind, shape, mask_kind, count, tied in [
        ("few values, distinct marker values", "few", (90, 110), "all", 12, 0),
        ("few values, tied marker values", "few", (90, 110), "all", 12, 4),
        ("few values, tied markers, mask", "few", (90, 110), "holes", 15, 5),
        ("plateaus, tied marker values", "plateaus", (96, 120), "holes", 30, 8),
        ("many values (> 65,536), heap throughout", "many", (270, 260), "all", 20, 0),
        ("3D few values, tied marker values", "few", (20, 22, 24), "holes", 25, 6),
    ]:
        image = image_of(kind, shape)
        if kind == "many":
            print(f"# distinct values: {len(np.unique(image))}", file=__import__("sys").stderr)
        mask = mask_of(mask_kind, shape)
        markers = markers_for(image, mask, count, tied, rng)
        labels = {}
        for c in (1, len(shape)):
            out = watershed(image.astype(np.float64), markers, mask=mask, connectivity=c)
            labels[str(c)] = out.astype(np.int32).ravel().tolist()
        nz = np.argwhere(markers)
        cases.append(
            {
                "name": name,
                "image": kind,
                "mask": mask_kind,
                "shape": list(shape),
                "markers": [[*map(int, p), int(markers[tuple(p)])] for p in nz],
                "labels": labels,
            }
        )
    json.dump({"generator": "scikit-image 0.19 watershed", "cases": cases}, __import__("sys").stdout)


if __name__ == "__main__":
    main()
