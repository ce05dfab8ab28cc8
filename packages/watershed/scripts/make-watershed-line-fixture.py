"""Reference labels of skimage.segmentation.watershed (scikit-image 0.19) on thousands of tiny
random 1D, 2D and 3D cases, mostly with watershed_line=True: the differential fixture of
test/watershed-line.test.ts.

Images are small integers (many ties: the flood order decides), markers a few labels
(negative ones included) on random pixels, masks random (markers are zeroed outside the
mask: @mgraph/watershed refuses markers there, scikit-image drops them), connectivity
1..ndim, compactness 0 (and some cases with compactness 0.5). 1D cases are computed by
scikit-image on true 1D arrays; @mgraph/watershed takes 2D and 3D images, so the test runs
them as shape [1, n] (the padding rows never enter the flood, so the flood is the same).

One case per row, arrays as strings of one character per element, row-major:
    [shape, connectivity, line (0/1), compactness, image, markers, mask ("" = none), labels]
image values 0..9 as digits; markers and labels as a character each: "0" = 0,
"a".."h" = 1..8, "A".."C" = -1..-3.

    /usr/bin/python3 scripts/make-watershed-line-fixture.py > test/fixtures/watershed-line.json
"""
import json

import numpy as np
import skimage
from skimage.segmentation import watershed

LABEL_CHARS = {0: "0", **{k: chr(ord("a") + k - 1) for k in range(1, 9)},
               **{-k: chr(ord("A") + k - 1) for k in range(1, 4)}}


def encode_labels(a):
    return "".join(LABEL_CHARS[int(v)] for v in a.ravel())


def random_shape(rng, ndim):
    if ndim == 1:
        return (int(rng.randint(1, 13)),)
    if ndim == 2:
        return tuple(int(rng.randint(1, 7)) for _ in range(2))
    return tuple(int(rng.randint(1, 5)) for _ in range(3))


def random_case(rng, ndim, line, compactness):
    shape = random_shape(rng, ndim)
    size = int(np.prod(shape))
    levels = int(rng.choice([2, 3, 4, 10]))
    image = rng.randint(0, levels, size=shape)
    if rng.rand() < 0.5:
        mask = rng.rand(*shape) < rng.uniform(0.5, 0.95)
        if not mask.any():
            mask.ravel()[rng.randint(size)] = True
    else:
        mask = None
    n_labels = int(rng.randint(1, 5))
    density = rng.uniform(0.05, 0.5)
    markers = np.where(rng.rand(*shape) < density, rng.randint(1, n_labels + 1, size=shape), 0)
    if rng.rand() < 0.1:  # some negative labels
        markers = np.where(markers == 1, -1, markers)
    if mask is not None:
        markers = np.where(mask, markers, 0)
    markers = markers.astype(np.int32)
    connectivity = int(rng.randint(1, ndim + 1))
    labels = watershed(image.astype(np.float64), markers, connectivity=connectivity,
                       mask=mask, compactness=compactness, watershed_line=line)
    return [
        list(shape),
        connectivity,
        int(line),
        compactness,
        "".join(str(int(v)) for v in image.ravel()),
        encode_labels(markers),
        "" if mask is None else "".join("1" if v else "0" for v in mask.ravel()),
        encode_labels(labels),
    ]


def main():
    assert skimage.__version__.startswith("0.19"), skimage.__version__
    rng = np.random.RandomState(20240519)
    cases = []
    # (ndim, how many with lines, how many without, how many compact with lines)
    for ndim, with_line, without, compact in [(1, 1200, 200, 100), (2, 3000, 400, 200),
                                              (3, 1500, 200, 100)]:
        for _ in range(with_line):
            cases.append(random_case(rng, ndim, True, 0))
        for _ in range(without):
            cases.append(random_case(rng, ndim, False, 0))
        for _ in range(compact):
            cases.append(random_case(rng, ndim, True, 0.5))
    out = {
        "generator": "scripts/make-watershed-line-fixture.py",
        "skimage": skimage.__version__,
        "format": "[shape, connectivity, line, compactness, image, markers, mask, labels]",
        "cases": cases,
    }
    print(json.dumps(out, separators=(",", ":")).replace("],[", "],\n["))


if __name__ == "__main__":
    main()
