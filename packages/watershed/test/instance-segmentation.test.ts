import {
  CATHODE_SCHEME,
  createRng,
  definePhaseScheme,
  InvalidArgumentError,
  LI_ION_ELECTRODE_SCHEME,
  type PhaseMap,
  type PhaseScheme,
  SOFC_ANODE_SCHEME,
  samePhaseScheme,
} from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import { instanceSegmentation } from '../src/index.js';

type Rng = ReturnType<typeof createRng>;

/** 40x60 cathode map: two touching NMC discs (2), an SSE bar (1), two graphite blocks (3). */
function phaseMap() {
  const rows = 40;
  const cols = 60;
  const phases = new Uint8Array(rows * cols);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      const i = y * cols + x;
      if (Math.hypot(y - 20, x - 15) <= 9 || Math.hypot(y - 20, x - 31) <= 9) phases[i] = 2;
      else if (y >= 36) phases[i] = 1;
      else if (x >= 45 && (y < 10 || (y >= 15 && y < 18))) phases[i] = 3;
    }
  }
  phases[0] = 3; // a one-pixel graphite speck
  return ndarray(phases, [rows, cols]);
}

/**
 * Connected components of a 0/1 mask by a naive flood fill (scipy.ndimage.label's numbering:
 * raster order of first pixel); neighbours are the offsets in {-1, 0, 1}^ndim with at most
 * `connectivity` nonzero components.
 */
function floodComponents(mask: Uint8Array, shape: readonly number[], connectivity: number) {
  const ndim = shape.length;
  const strides = shape.map((_, d) => shape.slice(d + 1).reduce((a, b) => a * b, 1));
  const offsets: number[][] = [];
  for (let k = 0; k < 3 ** ndim; k++) {
    const o = shape.map((_, d) => (Math.floor(k / 3 ** d) % 3) - 1);
    const nonzero = o.filter((x) => x !== 0).length;
    if (nonzero > 0 && nonzero <= connectivity) offsets.push(o);
  }
  const labels = new Int32Array(mask.length);
  let count = 0;
  for (let s = 0; s < mask.length; s++) {
    if (mask[s] === 0 || labels[s] !== 0) continue;
    labels[s] = ++count;
    const stack = [s];
    while (stack.length > 0) {
      const i = stack.pop()!;
      const c = shape.map((n, d) => Math.floor(i / strides[d]!) % n);
      for (const o of offsets) {
        const q = c.map((x, d) => x + o[d]!);
        if (q.some((x, d) => x < 0 || x >= shape[d]!)) continue;
        const j = q.reduce((a, x, d) => a + x * strides[d]!, 0);
        if (mask[j] !== 0 && labels[j] === 0) {
          labels[j] = count;
          stack.push(j);
        }
      }
    }
  }
  return { labels, count };
}

/** Random map of `nPhases` codes: blobs of each code over a random background, plus specks. */
function randomPhases(rng: Rng, shape: readonly number[], nPhases: number): PhaseMap {
  const size = shape.reduce((a, b) => a * b, 1);
  const strides = shape.map((_, d) => shape.slice(d + 1).reduce((a, b) => a * b, 1));
  const m = new Uint8Array(size);
  for (let i = 0; i < size; i++) m[i] = rng.integer(0, nPhases);
  for (let b = 0; b < 12; b++) {
    const code = rng.integer(0, nPhases);
    const c = shape.map((s) => rng.uniform(0, s));
    const r = rng.uniform(2, 5);
    for (let i = 0; i < size; i++) {
      let d2 = 0;
      for (let d = 0; d < shape.length; d++) {
        d2 += ((Math.floor(i / strides[d]!) % shape[d]!) - c[d]!) ** 2;
      }
      if (d2 <= r * r) m[i] = code;
    }
  }
  return ndarray(m, shape.slice());
}

/** Mask of one code. */
const maskOf = (phases: PhaseMap, code: number) =>
  Uint8Array.from(phases.data as Uint8Array, (v) => (v === code ? 1 : 0));

/**
 * Brute-force instance map when no phase is split: the flood-fill components of each object
 * phase, numbered phase by phase in code order.
 */
function bruteForce(phases: PhaseMap, scheme: PhaseScheme, connectivity: number) {
  const labels = new Int32Array(phases.size);
  const countByPhase: Record<string, number> = {};
  const phaseOfLabel = [0];
  let offset = 0;
  for (const name of scheme.objects) {
    const code = scheme.phases.indexOf(name);
    const cc = floodComponents(maskOf(phases, code), phases.shape, connectivity);
    for (let i = 0; i < labels.length; i++)
      if (cc.labels[i]! > 0) labels[i] = cc.labels[i]! + offset;
    for (let k = 0; k < cc.count; k++) phaseOfLabel.push(code);
    countByPhase[name] = cc.count;
    offset += cc.count;
  }
  return { labels, countByPhase, phaseOfLabel, count: offset };
}

describe('instanceSegmentation', () => {
  it('splits NMC by watershed, labels other phases by components, phase by phase', () => {
    const phases = phaseMap();
    const { labels, phaseOfLabel, count, countByPhase, scheme } = instanceSegmentation(phases, {
      scheme: CATHODE_SCHEME,
    });
    // sse bar: 1 object; nmc: 2 discs; graphite: speck + 2 blocks; background: none
    expect(count).toBe(6);
    expect(Array.from(phaseOfLabel)).toEqual([0, 1, 2, 2, 3, 3, 3]);
    expect(countByPhase).toEqual({ sse: 1, nmc: 2, graphite: 3 });
    expect(samePhaseScheme(scheme, CATHODE_SCHEME)).toBe(true);
    expect(labels.get(20, 15)).not.toBe(labels.get(20, 31));
    for (let i = 0; i < labels.size; i++) {
      const l = labels.data[i]!;
      if (phases.data[i] === 0) expect(l).toBe(0);
      else expect(phaseOfLabel[l]).toBe(phases.data[i]);
    }
  });

  it('handles a phase map without the split phase (countByPhase keeps it, at 0)', () => {
    const phases = phaseMap();
    const noNmc = ndarray(
      Uint8Array.from(phases.data, (v) => (v === 2 ? 0 : v)),
      phases.shape,
    );
    const { phaseOfLabel, count, countByPhase } = instanceSegmentation(noNmc, {
      scheme: CATHODE_SCHEME,
    });
    expect(count).toBe(4);
    expect(Array.from(phaseOfLabel)).toEqual([0, 1, 3, 3, 3]);
    expect(countByPhase).toEqual({ sse: 1, nmc: 0, graphite: 3 });
  });

  it('drops objects below minSize and can leave NMC unsplit', () => {
    const phases = phaseMap();
    const small = instanceSegmentation(phases, { scheme: CATHODE_SCHEME, minSize: 2 });
    expect(small.count).toBe(5);
    expect(small.labels.get(0, 0)).toBe(0);
    expect(small.countByPhase).toEqual({ sse: 1, nmc: 2, graphite: 2 });
    const unsplit = instanceSegmentation(phases, { scheme: CATHODE_SCHEME, split: [] });
    expect(Array.from(unsplit.phaseOfLabel)).toEqual([0, 1, 2, 3, 3, 3]);
    expect(unsplit.labels.get(20, 15)).toBe(unsplit.labels.get(20, 31));
  });

  it('keeps the cathode background unlabelled on a random map', () => {
    const phases = randomPhases(createRng(7), [30, 41], 4);
    const r = instanceSegmentation(phases, { scheme: CATHODE_SCHEME, split: [] });
    const ref = bruteForce(phases, CATHODE_SCHEME, 1);
    expect(Array.from(r.labels.data)).toEqual(Array.from(ref.labels));
    expect(r.countByPhase).toEqual(ref.countByPhase);
    expect(Object.keys(r.countByPhase)).toEqual(['sse', 'nmc', 'graphite']);
    let background = 0;
    for (let i = 0; i < phases.size; i++) {
      if (phases.data[i] === 0) {
        background++;
        expect(r.labels.data[i]).toBe(0);
      }
    }
    expect(background).toBeGreaterThan(100);
  });

  it('cuts the code-0 pore phase of SOFC_ANODE_SCHEME into objects (2D and 3D, connectivity 1..ndim)', () => {
    const rng = createRng(11);
    for (const shape of [
      [33, 47],
      [9, 12, 14],
    ]) {
      for (let connectivity = 1; connectivity <= shape.length; connectivity++) {
        const phases = randomPhases(rng, shape, 3);
        const r = instanceSegmentation(phases, { scheme: SOFC_ANODE_SCHEME, connectivity });
        const ref = bruteForce(phases, SOFC_ANODE_SCHEME, connectivity);
        // no active phase: nothing split, every phase by connected components, pores first
        const pores = floodComponents(maskOf(phases, 0), shape, connectivity);
        expect(pores.count).toBeGreaterThan(1);
        for (let i = 0; i < phases.size; i++) {
          if (phases.data[i] === 0) expect(r.labels.data[i]).toBe(pores.labels[i]);
        }
        expect(Array.from(r.labels.data)).toEqual(Array.from(ref.labels));
        expect(Array.from(r.phaseOfLabel)).toEqual(ref.phaseOfLabel);
        expect(r.count).toBe(ref.count);
        expect(r.countByPhase).toEqual(ref.countByPhase);
        expect(r.countByPhase.pore).toBe(pores.count);
        expect(r.scheme.name).toBe('sofc-anode');
      }
    }
  });

  it('cuts the code-0 pore phase of LI_ION_ELECTRODE_SCHEME into objects, splitting am by default', () => {
    // pore (0) around two touching am discs (1), cut in three by two cbd walls (2)
    const rows = 40;
    const cols = 70;
    const m = new Uint8Array(rows * cols);
    for (let y = 0; y < rows; y++) {
      for (let x = 0; x < cols; x++) {
        const i = y * cols + x;
        if (Math.hypot(y - 20, x - 16) <= 9 || Math.hypot(y - 20, x - 32) <= 9) m[i] = 1;
        else if (x === 50 || x === 51 || x === 60) m[i] = 2;
      }
    }
    m[5 * cols + 3] = 2; // a cbd speck inside the first pore region
    const phases = ndarray(m, [rows, cols]);
    const r = instanceSegmentation(phases, { scheme: LI_ION_ELECTRODE_SCHEME });
    const pores = floodComponents(maskOf(phases, 0), phases.shape, 1);
    const cbd = floodComponents(maskOf(phases, 2), phases.shape, 1);
    expect(pores.count).toBe(3);
    expect(r.countByPhase).toEqual({ pore: 3, am: 2, cbd: cbd.count });
    expect(r.count).toBe(3 + 2 + cbd.count);
    for (let i = 0; i < phases.size; i++) {
      const code = m[i]!;
      const l = r.labels.data[i]!;
      expect(r.phaseOfLabel[l]).toBe(code);
      if (code === 0) expect(l).toBe(pores.labels[i]);
      if (code === 1) expect(l === 4 || l === 5).toBe(true);
      if (code === 2) expect(l).toBe(5 + cbd.labels[i]!);
    }
    // the touching am discs are two objects (split by the watershed), in raster order
    expect(r.labels.get(20, 16)).toBe(4);
    expect(r.labels.get(20, 32)).toBe(5);
    // split: ['am', 'pore'] sends the pores through the watershed too
    const both = instanceSegmentation(phases, {
      scheme: LI_ION_ELECTRODE_SCHEME,
      split: ['am', 'pore'],
    });
    expect(both.countByPhase.am).toBe(2);
    expect(both.countByPhase.pore).toBeGreaterThanOrEqual(3);
  });

  it('labels code 0 when the scheme says so, and leaves a non-object phase of any code alone', () => {
    const scheme = definePhaseScheme({ name: 'two', phases: ['void', 'solid'], objects: ['void'] });
    const m = new Uint8Array(4 * 4 * 4).fill(1);
    m[0] = 0;
    m[63] = 0;
    const r = instanceSegmentation(ndarray(m, [4, 4, 4]), { scheme });
    expect(r.count).toBe(2);
    expect(Array.from(r.phaseOfLabel)).toEqual([0, 0, 0]);
    expect(r.countByPhase).toEqual({ void: 2 });
    expect(r.labels.data[0]).toBe(1);
    expect(r.labels.data[63]).toBe(2);
    expect(Array.from(r.labels.data).filter((l) => l !== 0)).toHaveLength(2);
  });

  it('follows a custom scheme and works in 3D', () => {
    const scheme = definePhaseScheme({
      name: 'two',
      phases: ['void', 'solid'],
      objects: ['solid'],
    });
    const m = new Uint8Array(4 * 4 * 4);
    m[0] = 1;
    m[63] = 1;
    const r = instanceSegmentation(ndarray(m, [4, 4, 4]), { scheme, split: ['solid'] });
    expect(r.count).toBe(2);
    expect(Array.from(r.phaseOfLabel)).toEqual([0, 1, 1]);
    expect(r.countByPhase).toEqual({ solid: 2 });
  });

  it('countByPhase and phaseOfLabel agree with a brute-force count of the labels', () => {
    const rng = createRng(3);
    for (const scheme of [CATHODE_SCHEME, LI_ION_ELECTRODE_SCHEME, SOFC_ANODE_SCHEME]) {
      const phases = randomPhases(rng, [36, 36], scheme.phases.length);
      const r = instanceSegmentation(phases, { scheme, minSize: 3 });
      const labelsOf: Record<string, Set<number>> = {};
      for (const name of scheme.objects) labelsOf[name] = new Set();
      for (let i = 0; i < phases.size; i++) {
        const l = r.labels.data[i]!;
        const name = scheme.phases[phases.data[i]!]!;
        if (l !== 0) labelsOf[name]!.add(l);
        else expect(r.labels.data[i]).toBe(0);
      }
      const counts = Object.fromEntries(
        Object.entries(labelsOf).map(([name, set]) => [name, set.size]),
      );
      expect(r.countByPhase).toEqual(counts);
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(r.count);
      expect(r.phaseOfLabel).toHaveLength(r.count + 1);
      // numbered phase by phase in code order
      let label = 1;
      for (const name of scheme.objects) {
        const code = scheme.phases.indexOf(name);
        for (let k = 0; k < counts[name]!; k++) {
          expect(labelsOf[name]!.has(label)).toBe(true);
          expect(r.phaseOfLabel[label++]).toBe(code);
        }
      }
    }
  });

  it('requires options.scheme (no silent cathode default)', () => {
    const phases = phaseMap();
    for (const call of [
      () => instanceSegmentation(phases, {} as never),
      () => instanceSegmentation(phases, undefined as never),
      () => (instanceSegmentation as (p: PhaseMap) => unknown)(phases),
    ]) {
      expect(call).toThrow(InvalidArgumentError);
      expect(call).toThrow(/options\.scheme/);
    }
    try {
      instanceSegmentation(phases, { split: ['nmc'] } as never);
      expect.unreachable();
    } catch (error) {
      expect((error as InvalidArgumentError).argument).toBe('options.scheme');
    }
    const bad = { name: 'bad', phases: ['a', 'a'] } as unknown as PhaseScheme;
    expect(() => instanceSegmentation(phases, { scheme: bad })).toThrow(/options\.scheme/);
  });

  it('rejects split phases that are not object phases of the scheme', () => {
    const phases = phaseMap();
    for (const split of [['background'], ['nmc', 'background'], ['pores'], 'nmc']) {
      const call = () =>
        instanceSegmentation(phases, { scheme: CATHODE_SCHEME, split: split as string[] });
      expect(call).toThrow(InvalidArgumentError);
      expect(call).toThrow(/options\.split/);
    }
    expect(() =>
      instanceSegmentation(phases, { scheme: CATHODE_SCHEME, split: ['background'] }),
    ).toThrow(/"background" is not cut into objects/);
  });

  it('reports progress per object phase and validates input', () => {
    const calls: number[][] = [];
    instanceSegmentation(phaseMap(), {
      scheme: CATHODE_SCHEME,
      onProgress: (d, t) => calls.push([d, t]),
    });
    expect(calls).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    const seven = ndarray(Uint8Array.of(0, 7, 0, 0), [2, 2]);
    expect(() => instanceSegmentation(seven, { scheme: CATHODE_SCHEME })).toThrow(/phases\[1\]/);
    const wrongDtype = ndarray(new Int32Array(4), [2, 2]) as unknown as PhaseMap;
    expect(() => instanceSegmentation(wrongDtype, { scheme: CATHODE_SCHEME })).toThrow(/phases/);
    // options are checked whatever the map holds (no split phase present here)
    const sseOnly = ndarray(new Uint8Array(9).fill(1), [3, 3]);
    for (const bad of [{ minDistance: 0 }, { convexityThreshold: 2 }, { maxIterations: -1 }]) {
      expect(() => instanceSegmentation(sseOnly, { scheme: CATHODE_SCHEME, ...bad })).toThrow(
        InvalidArgumentError,
      );
    }
  });

  it("gives the README's figures", () => {
    // 0 pore, 1 active material, 2 carbon-binder: two pores, one am particle, one cbd speck
    const map = ndarray(Uint8Array.of(0, 1, 1, 0, 2, 1, 1, 0), [2, 4]);
    const li = instanceSegmentation(map, { scheme: LI_ION_ELECTRODE_SCHEME });
    expect(li.countByPhase).toEqual({ pore: 2, am: 1, cbd: 1 });
    expect(Array.from(li.phaseOfLabel)).toEqual([0, 0, 0, 1, 2]);
    const both = instanceSegmentation(map, {
      scheme: LI_ION_ELECTRODE_SCHEME,
      split: ['am', 'pore'],
    });
    expect(both.countByPhase).toEqual({ pore: 2, am: 1, cbd: 1 });
    expect(instanceSegmentation(map, { scheme: CATHODE_SCHEME }).countByPhase).toEqual({
      sse: 1,
      nmc: 1,
      graphite: 0,
    });
  });

  it('reads strided views', () => {
    const phases = randomPhases(createRng(5), [20, 24], 3);
    const view = phases.transpose(1, 0).step(1, -1) as PhaseMap;
    const copy = ndarray(new Uint8Array(view.size), view.shape.slice());
    for (let y = 0; y < view.shape[0]!; y++) {
      for (let x = 0; x < view.shape[1]!; x++) copy.set(y, x, view.get(y, x));
    }
    const a = instanceSegmentation(view, { scheme: SOFC_ANODE_SCHEME });
    const b = instanceSegmentation(copy, { scheme: SOFC_ANODE_SCHEME });
    expect(Array.from(a.labels.data)).toEqual(Array.from(b.labels.data));
    expect(a.countByPhase).toEqual(b.countByPhase);
  });
});
