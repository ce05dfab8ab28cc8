import { createRng } from '@mgraph/core';
import ndarray, { type NdArray } from 'ndarray';
import { describe, expect, it } from 'vitest';
import { distanceTransformEdt, label, peakLocalMax, regionProps, watershed } from '../src/index.js';
import { neighborOffsets } from '../src/neighborhood.js';

type Rng = ReturnType<typeof createRng>;

/** Random blobby 0/1 mask: a few random boxes and balls. */
function randomMask(rng: Rng, shape: number[]): Uint8Array {
  const size = shape.reduce((a, b) => a * b, 1);
  const m = new Uint8Array(size);
  const strides = shape.map((_, d) => shape.slice(d + 1).reduce((a, b) => a * b, 1));
  for (let b = 0; b < 6; b++) {
    const c = shape.map((s) => rng.uniform(0, s));
    const r = rng.uniform(1, 4);
    for (let i = 0; i < size; i++) {
      let d2 = 0;
      for (let d = 0; d < shape.length; d++) {
        d2 += ((Math.floor(i / strides[d]!) % shape[d]!) - c[d]!) ** 2;
      }
      if (d2 <= r * r) m[i] = 1;
    }
  }
  // sprinkle isolated pixels so that components of every kind occur
  for (let k = 0; k < size / 20; k++) m[rng.integer(0, size)] = 1;
  return m;
}

/** Reference connected components: breadth-first flood fill over explicit offsets. */
function bfsComponents(mask: Uint8Array, shape: number[], connectivity: number): Int32Array {
  const ndim = shape.length;
  const strides = shape.map((_, d) => shape.slice(d + 1).reduce((a, b) => a * b, 1));
  const offs = neighborOffsets(ndim, connectivity);
  const out = new Int32Array(mask.length);
  let next = 0;
  for (let s = 0; s < mask.length; s++) {
    if (mask[s] === 0 || out[s] !== 0) continue;
    out[s] = ++next;
    const queue = [s];
    while (queue.length > 0) {
      const i = queue.pop()!;
      const c = shape.map((n, d) => Math.floor(i / strides[d]!) % n);
      for (const o of offs) {
        const q = c.map((x, d) => x + o[d]!);
        if (q.some((x, d) => x < 0 || x >= shape[d]!)) continue;
        const j = q.reduce((a, x, d) => a + x * strides[d]!, 0);
        if (mask[j] !== 0 && out[j] === 0) {
          out[j] = next;
          queue.push(j);
        }
      }
    }
  }
  return out;
}

const SHAPES = [
  [17, 23],
  [9, 11, 13],
];

describe('label equals a breadth-first flood fill (seeded random masks)', () => {
  for (const shape of SHAPES) {
    for (let connectivity = 1; connectivity <= shape.length; connectivity++) {
      it(`${shape.join('x')}, connectivity ${connectivity}`, () => {
        const rng = createRng(100 + connectivity);
        for (let trial = 0; trial < 20; trial++) {
          const mask = randomMask(rng, shape);
          const { labels, count } = label(ndarray(mask, shape), { connectivity });
          const ref = bfsComponents(mask, shape, connectivity);
          expect(Array.from(labels.data)).toEqual(Array.from(ref));
          expect(count).toBe(Math.max(0, ...ref));
        }
      });
    }
  }
});

describe('watershed invariants (seeded random images, masks and markers)', () => {
  for (const shape of SHAPES) {
    for (const connectivity of [1, shape.length]) {
      it(`${shape.join('x')}, connectivity ${connectivity}`, () => {
        const rng = createRng(7 + connectivity);
        const size = shape.reduce((a, b) => a * b, 1);
        for (let trial = 0; trial < 20; trial++) {
          const mask = randomMask(rng, shape);
          // integer-valued image so that plateaus and ties occur
          const image = Float64Array.from({ length: size }, () => rng.integer(0, 4));
          // one marker per mask component (so every masked pixel is reachable), plus extras;
          // every marker a single pixel with its own label
          const comps = bfsComponents(mask, shape, connectivity);
          const markers = new Int32Array(size);
          let nextLabel = 0;
          const seen = new Set<number>();
          for (let i = 0; i < size; i++) {
            if (comps[i] !== 0 && !seen.has(comps[i]!)) {
              seen.add(comps[i]!);
              markers[i] = ++nextLabel;
            }
          }
          for (let k = 0; k < 5; k++) {
            const i = rng.integer(0, size);
            if (mask[i] !== 0 && markers[i] === 0) markers[i] = ++nextLabel;
          }
          const imageCopy = image.slice();
          const markersCopy = markers.slice();
          const maskCopy = mask.slice();
          const out = watershed(ndarray(image, shape), ndarray(markers, shape), {
            mask: ndarray(mask, shape),
            connectivity,
          }).data;
          // inputs unchanged
          expect(image).toEqual(imageCopy);
          expect(markers).toEqual(markersCopy);
          expect(mask).toEqual(maskCopy);
          for (let i = 0; i < size; i++) {
            // every masked pixel gets a marker's label, nothing outside the mask
            if (mask[i] === 0) expect(out[i]).toBe(0);
            else expect(out[i]! >= 1 && out[i]! <= nextLabel).toBe(true);
            // markers keep their labels
            if (markers[i] !== 0) expect(out[i]).toBe(markers[i]);
          }
          // each output region is connected (one component per label)
          for (let l = 1; l <= nextLabel; l++) {
            const region = Uint8Array.from(out, (v) => (v === l ? 1 : 0));
            expect(label(ndarray(region, shape), { connectivity }).count).toBe(1);
          }
        }
      });
    }
  }
});

describe('inputs are never modified', () => {
  it('distanceTransformEdt, label and peakLocalMax leave their arguments as they were', () => {
    const rng = createRng(3);
    const shape = [20, 24];
    const mask = randomMask(rng, shape);
    const maskCopy = mask.slice();
    const edt = distanceTransformEdt(ndarray(mask, shape));
    const edtCopy = (edt.data as Float64Array).slice();
    const { labels } = label(ndarray(mask, shape));
    const labelsCopy = (labels.data as Int32Array).slice();
    peakLocalMax(edt, { minDistance: 2, labels });
    peakLocalMax(edt, { minDistance: 1, excludeBorder: 2 });
    expect(mask).toEqual(maskCopy);
    expect(edt.data).toEqual(edtCopy);
    expect(labels.data).toEqual(labelsCopy);
  });
});

describe('peakLocalMax: the box window equals the same box given as a footprint', () => {
  // the box path (direct window tests, or the separable filter on plateaus) against the
  // generic footprint path, on smooth and on few-valued (plateau) images, with and without labels
  for (const shape of SHAPES) {
    it(`${shape.join('x')}`, () => {
      const rng = createRng(11);
      const size = shape.reduce((a, b) => a * b, 1);
      for (let trial = 0; trial < 12; trial++) {
        const levels = trial % 2 === 0 ? 3 : 1000;
        const image = ndarray(
          Float64Array.from({ length: size }, () => rng.integer(0, levels) - levels / 3),
          shape,
        );
        const minDistance = 1 + (trial % 3);
        const box = ndarray(
          new Uint8Array((2 * minDistance + 1) ** shape.length).fill(1),
          shape.map(() => 2 * minDistance + 1),
        );
        const labels = label(ndarray(randomMask(rng, shape), shape)).labels;
        for (const extra of [{}, { labels }, { excludeBorder: false }, { thresholdRel: 0.2 }]) {
          const a = peakLocalMax(image, { minDistance, ...extra });
          const b = peakLocalMax(image, { minDistance, footprint: box, ...extra });
          expect(a).toEqual(b);
        }
      }
    });
  }
});

describe('strided views read like their contiguous copies', () => {
  it('label, peakLocalMax, watershed and regionProps on transposed / stepped 2D and 3D views', () => {
    const rng = createRng(21);
    const contiguous = (v: NdArray) => {
      const out = ndarray(new (v.data.constructor as Float64ArrayConstructor)(v.size), v.shape);
      const idx = new Array<number>(v.shape.length).fill(0);
      for (let k = 0; k < v.size; k++) {
        let rest = k;
        for (let d = v.shape.length - 1; d >= 0; d--) {
          idx[d] = rest % v.shape[d]!;
          rest = Math.floor(rest / v.shape[d]!);
        }
        out.data[k] = v.get(...idx);
      }
      return out;
    };
    for (const shape of [
      [21, 26],
      [10, 12, 14],
    ]) {
      const size = shape.reduce((a, b) => a * b, 1);
      const maskBase = ndarray(randomMask(rng, shape), shape);
      const imgBase = ndarray(
        Float64Array.from({ length: size }, () => rng.uniform(0, 1)),
        shape,
      );
      const axes = shape.map((_, d) => shape.length - 1 - d);
      const views = [
        (a: NdArray) => a.transpose(...axes),
        (a: NdArray) => a.step(...shape.map((_, d) => (d === 0 ? -1 : 2))),
        (a: NdArray) => a.hi(...shape.map((s) => s - 1)).lo(...shape.map(() => 1)),
      ];
      for (const view of views) {
        const mask = view(maskBase);
        const img = view(imgBase);
        const maskC = contiguous(mask);
        const imgC = contiguous(img);
        const lab = label(mask);
        const labC = label(maskC);
        expect(Array.from(lab.labels.data)).toEqual(Array.from(labC.labels.data));
        expect(peakLocalMax(img, { minDistance: 1, labels: view(label(maskBase).labels) })).toEqual(
          peakLocalMax(imgC, { minDistance: 1, labels: contiguous(view(label(maskBase).labels)) }),
        );
        const markers = ndarray(new Int32Array(mask.size), mask.shape.slice());
        const seeds = peakLocalMax(imgC, { minDistance: 2, labels: labC.labels });
        seeds.forEach((c, k) => {
          markers.set(...c, k + 1);
        });
        expect(seeds.length).toBeGreaterThan(1);
        const ws = watershed(img, markers, { mask });
        const wsC = watershed(imgC, markers, { mask: maskC });
        expect(Array.from(ws.data)).toEqual(Array.from(wsC.data));
        // a view of a full-size label image (view(ws) would apply the view twice and address
        // elements outside ws's data, which core now refuses)
        const labView = view(label(maskBase).labels);
        expect(regionProps(labView)).toEqual(regionProps(contiguous(labView)));
      }
    }
  });
});
