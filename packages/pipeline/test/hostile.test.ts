// Hostile inputs for every exported function of @mgraph/pipeline, one table: wrong types,
// shapes and dtypes, NaN / Infinity, views (strided, and views addressing past their data),
// option mistakes (null, misspelled keys at the top level and in the nested stage objects,
// non-boolean booleans, wrong kinds), huge sizes. Each case asserts the typed error and a
// fragment of its message, or the correct result. The last test checks the process's peak
// RSS stayed under 1 GB (the huge cases must fail before allocating).
import {
  AbortError,
  definePhaseScheme,
  InvalidArgumentError,
  type NdArray,
  ShapeMismatchError,
  SOFC_ANODE_SCHEME,
} from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import {
  analyzeImage,
  analyzePhaseMap,
  analyzeVolume,
  anovaTable,
  defaultMetrics,
  GRAPH_METRICS,
  graphFidelity,
  type ImageAnalysis,
  matchInstances,
  matchScore,
  pearsonTable,
  poolGraphFidelity,
  type StatisticsParticle,
  statisticsTables,
  validParticles,
  welchTable,
} from '../src/index.js';
import { fixedSegmenter } from './helpers.js';

type ErrorClass = typeof InvalidArgumentError | typeof ShapeMismatchError | typeof AbortError;

interface Case {
  name: string;
  run: () => unknown;
  /** Expected typed error and message fragment; or `check` of the result. */
  error?: [ErrorClass, RegExp];
  check?: (out: unknown) => void;
  /** Wall-clock budget (ms). */
  within?: number;
}

const cases: Case[] = [];
const add = (c: Case) => cases.push(c);
const bad = (
  name: string,
  run: () => unknown,
  fragment: RegExp,
  cls: ErrorClass = InvalidArgumentError,
) => add({ name, run, error: [cls, fragment] });

// ---- a small cathode phase map: sse (1) everywhere, nmc (2) and graphite (3) blocks ----
const H = 24;
const W = 24;
const phases = ndarray(new Uint8Array(H * W).fill(1), [H, W]);
const energy = ndarray(new Float32Array(H * W).fill(Number.NaN), [H, W]);
const block = (y0: number, x0: number, code: number, e: number) => {
  for (let y = y0; y < y0 + 6; y++)
    for (let x = x0; x < x0 + 6; x++) {
      phases.set(y, x, code);
      energy.set(y, x, e + ((x * 7 + y * 3) % 5) * 0.5);
    }
};
block(1, 1, 2, 8342);
block(1, 8, 3, 0);
block(8, 1, 2, 8344);
block(8, 8, 2, 8343);
block(16, 16, 3, 0);
block(16, 4, 0, 0);
const phases3 = ndarray(new Uint8Array(4 * H * W), [4, H, W]);
for (let z = 0; z < 4; z++)
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) phases3.set(z, y, x, phases.get(y, x));
const image = ndarray(
  Float32Array.from(phases.data, (v) => v * 10),
  [H, W],
);

const reference = analyzePhaseMap({ phases, energy });
const rowsOf = (out: unknown) => (out as ImageAnalysis).particles;

/** A transposed, strided view of the phase map with the same content as `phases`. */
const transposedData = new Uint8Array(H * W);
const transposed = ndarray(transposedData, [H, W], [1, H]);
for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) transposed.set(y, x, phases.get(y, x));

// ---- the analysis functions: how to call each with an input and options ----
interface AnalysisFn {
  name: string;
  call: (input: unknown, options?: unknown) => unknown;
  phases: NdArray;
  energy: NdArray;
  /** An energy map of NaN (no pixel in range). */
  nanEnergy: NdArray;
}
const analysisFns: AnalysisFn[] = [
  {
    name: 'analyzePhaseMap',
    call: (i, o) => analyzePhaseMap(i as never, o as never),
    phases,
    energy,
    nanEnergy: ndarray(new Float32Array(H * W).fill(Number.NaN), [H, W]),
  },
  {
    name: 'analyzeImage',
    call: (i, o) => analyzeImage(i as never, o as never),
    phases,
    energy,
    nanEnergy: ndarray(new Float32Array(H * W).fill(Number.NaN), [H, W]),
  },
  {
    name: 'analyzeVolume',
    call: (i, o) => analyzeVolume(i as never, o as never),
    phases: phases3,
    energy: ndarray(new Float32Array(4 * H * W).fill(8343), [4, H, W]),
    nanEnergy: ndarray(new Float32Array(4 * H * W).fill(Number.NaN), [4, H, W]),
  },
];

for (const f of analysisFns) {
  const { name, call } = f;
  const p = f.phases;
  const withOptions = (options: unknown) => () => call({ phases: p }, options);
  const rx = (s: string) => new RegExp(`${name}: .*${s}`);

  // wrong types of input
  for (const [what, input] of [
    ['null', null],
    ['a number', 42],
    ['a string', 'phases'],
    ['an array', [p]],
  ] as const)
    bad(`${name}: input ${what}`, () => call(input), rx('argument input must be an object'));
  bad(
    `${name}: input misspelled key`,
    () => call({ phases: p, enrgy: f.energy }),
    rx('input\\.enrgy .*did you mean "energy"'),
  );
  bad(`${name}: input without phases`, () => call({ energy: f.energy }), rx('input'));

  // wrong types, shapes, dtypes of the phase map
  bad(
    `${name}: phases a string`,
    () => call({ phases: 'map' }),
    rx('input\\.phases must be an ndarray'),
  );
  bad(
    `${name}: phases a nested array`,
    () => call({ phases: [[0, 1]] }),
    rx('input\\.phases must be an ndarray'),
  );
  bad(
    `${name}: phases float32 (dtype)`,
    () => call({ phases: ndarray(Float32Array.from(p.data as Uint8Array), p.shape) }),
    rx('input\\.phases must be of dtype uint8 \\(got float32\\)'),
  );
  bad(
    `${name}: phases int32 (dtype)`,
    () => call({ phases: ndarray(Int32Array.from(p.data as Uint8Array), p.shape) }),
    rx('dtype uint8 \\(got int32\\)'),
  );
  bad(`${name}: phases 1D`, () => call({ phases: ndarray(new Uint8Array(8), [8]) }), rx('got 1D'));
  bad(
    `${name}: phases 4D`,
    () => call({ phases: ndarray(new Uint8Array(16), [2, 2, 2, 2]) }),
    rx('got 4D'),
  );
  bad(
    `${name}: phases with a code outside the scheme`,
    () => {
      const q = ndarray(Uint8Array.from(p.data as Uint8Array), p.shape);
      (q.data as Uint8Array)[3] = 9;
      return call({ phases: q });
    },
    /instanceSegmentation: .*phases\[3\]/,
  );
  bad(
    `${name}: phases a view longer than its data (core refuses)`,
    () =>
      call({
        phases: ndarray(new Uint8Array((p.size as number) - 5), p.shape),
      }),
    rx('input\\.phases must be a view inside its data'),
  );
  bad(
    `${name}: huge shape over 16 bytes (refused before allocation)`,
    () =>
      call({
        phases: ndarray(
          new Uint8Array(16),
          p.shape.map(() => 2 ** 20),
        ),
      }),
    rx('view inside its data'),
  );
  bad(
    `${name}: phases shape with NaN`,
    () =>
      call({
        phases: {
          data: new Uint8Array(4),
          shape: p.shape.map(() => Number.NaN),
          stride: p.shape.map(() => 1),
          offset: 0,
          dtype: 'uint8',
        },
      }),
    rx('shape of non-negative integers'),
  );

  // energy
  bad(
    `${name}: energy of another shape`,
    () =>
      call({
        phases: p,
        energy: ndarray(
          new Float32Array(2 ** p.shape.length),
          p.shape.map(() => 2),
        ),
      }),
    rx('input\\.energy \\(vs input\\.phases\\)'),
    ShapeMismatchError,
  );
  bad(
    `${name}: energy 0 (not silently "no energy")`,
    () => call({ phases: p, energy: 0 }),
    rx('input\\.energy must be an ndarray'),
  );
  bad(
    `${name}: energy a string`,
    () => call({ phases: p, energy: 'eV' }),
    rx('input\\.energy must be an ndarray'),
  );
  bad(
    `${name}: energy a view longer than its data`,
    () => call({ phases: p, energy: ndarray(new Float32Array(3), p.shape) }),
    rx('input\\.energy must be a view inside its data'),
  );
  add({
    name: `${name}: energy all NaN: rows say why the descriptors are not computed`,
    run: () => call({ phases: p, energy: f.nanEnergy }),
    check: (out) => {
      const rows = rowsOf(out);
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        expect(r.descriptorsValid).toBe(false);
        expect(r.soc).toBeNaN();
        expect(r.descriptorNote).not.toBe('');
      }
    },
  });

  // options: wrong kinds, null, misspelled keys, nested objects
  add({
    name: `${name}: options null = defaults`,
    run: withOptions(null),
    check: (out) => expect(rowsOf(out).length).toBe(reference.particles.length),
  });
  bad(
    `${name}: options a number`,
    withOptions(7),
    rx('argument options must be an options object'),
  );
  bad(
    `${name}: options a string`,
    withOptions('fast'),
    rx('argument options must be an options object'),
  );
  bad(
    `${name}: options an array`,
    withOptions([]),
    rx('argument options must be an options object'),
  );
  bad(
    `${name}: misspelled minsize`,
    withOptions({ minsize: 5 }),
    rx('options\\.minsize .*did you mean "minSize"'),
  );
  bad(
    `${name}: misspelled windw`,
    withOptions({ windw: 5 }),
    rx('options\\.windw .*did you mean "window"'),
  );
  bad(
    `${name}: misspelled segmentor`,
    withOptions({ segmentor: fixedSegmenter(phases) }),
    rx('did you mean "segmenter"'),
  );
  add({
    name: `${name}: nested instances null = defaults`,
    run: withOptions({
      instances: null,
      graph: null,
      channels: null,
      descriptors: null,
      metrics: null,
    }),
    check: (out) => expect(rowsOf(out).length).toBe(reference.particles.length),
  });
  bad(
    `${name}: nested instances misspelled`,
    withOptions({ instances: { mindistance: 3 } }),
    rx('options\\.instances\\.mindistance .*did you mean "minDistance"'),
  );
  bad(
    `${name}: nested instances.scheme (set by the pipeline)`,
    withOptions({ instances: { scheme: SOFC_ANODE_SCHEME } }),
    rx('options\\.instances\\.scheme'),
  );
  bad(
    `${name}: nested graph a number`,
    withOptions({ graph: 5 }),
    rx('argument options\\.graph must be an options object'),
  );
  bad(
    `${name}: nested graph misspelled`,
    withOptions({ graph: { strenght: 'mean' } }),
    rx('did you mean "strength"'),
  );
  bad(
    `${name}: nested channels a string`,
    withOptions({ channels: 'sse' }),
    rx('argument options\\.channels must be an options object'),
  );
  bad(
    `${name}: nested channels.active (set by the pipeline)`,
    withOptions({ channels: { active: 'nmc' } }),
    rx('options\\.channels\\.active'),
  );
  bad(
    `${name}: nested descriptors.labelsToUse (set by the pipeline)`,
    withOptions({ descriptors: { labelsToUse: [1] } }),
    rx('options\\.descriptors\\.labelsToUse'),
  );
  bad(
    `${name}: nested metrics.nodes (set by the pipeline)`,
    withOptions({ metrics: { nodes: ['1'] } }),
    rx('options\\.metrics\\.nodes'),
  );
  bad(
    `${name}: nested metrics an array`,
    withOptions({ metrics: ['degree'] }),
    rx('options\\.metrics must be an options object'),
  );
  bad(
    `${name}: channels.directIonic 'yes' (non-boolean boolean)`,
    withOptions({ channels: { directIonic: 'yes' } }),
    /concurrentChannels: .*options\.directIonic must be a boolean, got "yes"/,
  );
  bad(
    `${name}: onProgress a string`,
    withOptions({ onProgress: 'log' }),
    rx('options\\.onProgress must be a function'),
  );
  bad(
    `${name}: signal true`,
    withOptions({ signal: true }),
    rx('options\\.signal must be an AbortSignal'),
  );
  bad(
    `${name}: signal {}`,
    withOptions({ signal: {} }),
    rx('options\\.signal must be an AbortSignal'),
  );
  bad(
    `${name}: signal aborted`,
    () => {
      const c = new AbortController();
      c.abort();
      return call({ phases: p }, { signal: c.signal });
    },
    /./,
    AbortError,
  );
  for (const v of [Number.NaN, Number.POSITIVE_INFINITY, -1, 1.5, '10'])
    bad(
      `${name}: minSize ${String(v)}`,
      withOptions({ minSize: v }),
      rx('options\\.minSize must be an integer >= 0'),
    );
  for (const v of [Number.NaN, 0, 2.5, '7'])
    bad(
      `${name}: window ${String(v)}`,
      withOptions({ window: v }),
      rx('options\\.window must be an integer >= 1'),
    );
  bad(
    `${name}: window 8 (even)`,
    withOptions({ window: 8 }),
    rx('options\\.window must be an odd integer'),
  );
  bad(
    `${name}: split a string`,
    withOptions({ split: 'nmc' }),
    rx('options\\.split must be an array of phase names'),
  );
  bad(`${name}: split [1]`, withOptions({ split: [1] }), rx('options\\.split'));
  bad(
    `${name}: split of an unknown phase`,
    withOptions({ split: ['nope'] }),
    /instanceSegmentation: .*split/,
  );
  bad(
    `${name}: active 2 (a code, not a name)`,
    withOptions({ active: 2 }),
    rx('options\\.active must be an object phase'),
  );
  bad(
    `${name}: active not an object phase`,
    withOptions({ active: 'background' }),
    rx('options\\.active must be an object phase'),
  );
  bad(
    `${name}: scheme without an active phase, no active`,
    withOptions({ scheme: SOFC_ANODE_SCHEME }),
    rx('options\\.active.*0 active phases'),
  );
  bad(`${name}: scheme a string`, withOptions({ scheme: 'cathode' }), rx('options\\.scheme'));
  bad(
    `${name}: segmenter not one ({})`,
    withOptions({ segmenter: {} }),
    rx('options\\.segmenter must be a Segmenter'),
  );
  bad(
    `${name}: segmenter a function`,
    withOptions({ segmenter: async () => phases }),
    rx('options\\.segmenter must be a Segmenter'),
  );
  bad(
    `${name}: segmenter with classes NaN`,
    withOptions({ segmenter: { classes: Number.NaN, segment: async () => ({}) } }),
    rx('options\\.segmenter must be a Segmenter'),
  );

  // views: a strided (transposed) view gives the contiguous map's result
  if (name !== 'analyzeVolume')
    add({
      name: `${name}: transposed strided view = contiguous`,
      run: () => call({ phases: transposed, energy }),
      check: (out) => expect(rowsOf(out)).toEqual(reference.particles),
    });

  // huge numbers: the right result fast, no allocation of their size
  add({
    name: `${name}: minSize 2^53 (no objects: a result with a warning)`,
    run: withOptions({ minSize: 2 ** 53 - 1 }),
    check: (out) => {
      expect(rowsOf(out)).toEqual([]);
      expect((out as ImageAnalysis).warnings.join()).toMatch(/no object of the active phase/);
    },
    within: 5000,
  });
  add({
    name: `${name}: instances.minDistance 1e9 and metrics.maxIter 1e12`,
    run: withOptions({ instances: { minDistance: 1e9 }, metrics: { maxIter: 1e12 } }),
    check: (out) => expect(rowsOf(out).length).toBeGreaterThan(0),
    within: 5000,
  });
  add({
    name: `${name}: window 2^31 + 1 (odd, larger than any image: every object touches every other)`,
    run: withOptions({ window: 2 ** 31 + 1 }),
    check: (out) => {
      const a = out as ImageAnalysis;
      expect(a.graph.size).toBe((a.graph.order * (a.graph.order - 1)) / 2);
    },
    within: 5000,
  });
}

// the image path: segmenter checks happen before segmenting, and its output is checked
for (const name of ['analyzeImage', 'analyzeVolume'] as const) {
  const call = name === 'analyzeImage' ? analyzeImage : analyzeVolume;
  const img = name === 'analyzeImage' ? image : ndarray(new Float32Array(4 * H * W), [4, H, W]);
  const p = name === 'analyzeImage' ? phases : phases3;
  const rx = (s: string) => new RegExp(`${name}: .*${s}`);
  bad(`${name}: image and phases`, () => call({ image: img, phases: p }), rx('exactly one'));
  bad(`${name}: image without a segmenter`, () => call({ image: img }), rx('options\\.segmenter'));
  bad(
    `${name}: segmenter of 1e9 classes (refused before segmenting)`,
    () => {
      const s = fixedSegmenter(p, 1e9);
      return call({ image: img }, { segmenter: s }).finally(() => expect(s.calls).toBe(0));
    },
    rx('4 phases'),
  );
  bad(
    `${name}: misspelled option refused before the segmenter runs`,
    () => {
      const s = fixedSegmenter(p);
      return call({ image: img }, { segmenter: s, windows: 7 } as never).finally(() =>
        expect(s.calls).toBe(0),
      );
    },
    rx('did you mean "window"'),
  );
  bad(
    `${name}: segmenter answering float32 phases`,
    () =>
      call(
        { image: img },
        { segmenter: fixedSegmenter(ndarray(new Float32Array(p.size), p.shape) as never) },
      ),
    rx('segment\\(image\\)\\.phases must be of dtype uint8'),
  );
  bad(
    `${name}: segmenter answering another shape`,
    () =>
      call(
        { image: img },
        {
          segmenter: fixedSegmenter(
            ndarray(
              new Uint8Array(8),
              p.shape.map(() => 2),
            ),
          ),
        },
      ),
    rx('segment\\(image\\)\\.phases \\(vs input\\.image\\)'),
    ShapeMismatchError,
  );
  bad(
    `${name}: segmenter answering null`,
    () => call({ image: img }, { segmenter: { classes: 4, segment: async () => null } as never }),
    rx('segment\\(image\\)\\.phases must be a uint8 phase map'),
  );
  bad(
    `${name}: image a view longer than its data`,
    () =>
      call({ image: ndarray(new Float32Array(2), img.shape) }, { segmenter: fixedSegmenter(p) }),
    rx('input\\.image must be a view inside its data'),
  );
}
bad(
  'analyzeVolume: a 2D phase map',
  () => analyzeVolume({ phases }),
  /analyzeVolume: .*input\.phases .*3D \(got 2D\)/,
);
bad(
  'analyzeVolume: a 2D image',
  () => analyzeVolume({ image }, { segmenter: fixedSegmenter(phases) }),
  /analyzeVolume: .*input\.image .*3D \(got 2D\)/,
);
add({
  name: 'analyzeImage: segmented image = analyzePhaseMap',
  run: () => analyzeImage({ image, energy }, { segmenter: fixedSegmenter(phases) }),
  check: (out) => expect(rowsOf(out)).toEqual(reference.particles),
});
add({
  name: 'analyzePhaseMap: a scheme with two active phases and `active` given',
  run: () =>
    analyzePhaseMap(
      { phases },
      {
        scheme: definePhaseScheme({
          name: 'two',
          phases: ['background', 'sse', 'nmc', 'graphite', 'cbd'],
          active: ['nmc', 'cbd'],
          ionic: ['sse'],
          electronic: ['graphite'],
        }),
        active: 'nmc',
      },
    ),
  check: (out) => {
    expect(rowsOf(out).length).toBe(reference.particles.length);
    expect(rowsOf(out).every((r) => r.phase === 'nmc')).toBe(true);
  },
});

// ---- statistics tables ----
/** 40 deterministic particle rows with varied descriptors, features and metrics. */
function makeRows(n = 40): StatisticsParticle[] {
  let s = 12345;
  const r = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  return Array.from({ length: n }, (_, i) => ({
    soc: 8343 + r(),
    heterogeneity: 0.5 + r(),
    polarization: 0.2 + r(),
    descriptorsValid: true,
    inTpb: i % 2 === 0,
    concurrentChannel: i % 3 === 0,
    size: 50 + Math.floor(r() * 100),
    degree: 1 + Math.floor(r() * 5),
    weightedDegree: r() * 10,
    clustering: r(),
    betweenness: r(),
    closeness: r(),
    eigenvector: r(),
    neighbors: {
      sse: Math.floor(r() * 3),
      nmc: Math.floor(r() * 3),
      graphite: Math.floor(r() * 3),
    },
  }));
}
const rows = makeRows();
const withRow = (i: number, patch: Record<string, unknown>) =>
  rows.map((p, k) => (k === i ? { ...p, ...patch } : p)) as StatisticsParticle[];

interface TableFn {
  name: string;
  call: (particles: unknown, options?: unknown) => unknown;
  takesOptions: boolean;
}
const tableFns: TableFn[] = [
  { name: 'validParticles', call: (p) => validParticles(p as never), takesOptions: false },
  { name: 'defaultMetrics', call: (p) => defaultMetrics(p as never), takesOptions: false },
  {
    name: 'welchTable',
    call: (p, o) => welchTable(p as never, 'inTpb', o as never),
    takesOptions: true,
  },
  { name: 'anovaTable', call: (p, o) => anovaTable(p as never, o as never), takesOptions: true },
  {
    name: 'pearsonTable',
    call: (p, o) => pearsonTable(p as never, o as never),
    takesOptions: true,
  },
  {
    name: 'statisticsTables',
    call: (p, o) => statisticsTables(p as never, o as never),
    takesOptions: true,
  },
];
for (const { name, call, takesOptions } of tableFns) {
  const rx = (s: string) => new RegExp(`^${name}: .*${s}`);
  for (const [what, value] of [
    ['null', null],
    ['a string', 'rows'],
    ['an array-like', { length: 2, 0: rows[0], 1: rows[1] }],
    ['a Float64Array', new Float64Array(3)],
  ] as const)
    bad(`${name}: particles ${what}`, () => call(value), rx('argument particles must be an array'));
  bad(
    `${name}: a null row`,
    () => call([rows[0], null]),
    rx('particles\\[1\\] must be a particle row object'),
  );
  bad(
    `${name}: a number row`,
    () => call([7]),
    rx('particles\\[0\\] must be a particle row object'),
  );
  bad(
    `${name}: descriptorsValid 'yes'`,
    () => call(withRow(3, { descriptorsValid: 'yes' })),
    rx('particles\\[3\\]\\.descriptorsValid must be true or false'),
  );
  add({
    name: `${name}: sparse array of 2^32 - 1 holes (refused at the first hole, no allocation)`,
    run: () => {
      try {
        call(new Array(2 ** 32 - 1));
      } catch (e) {
        return e;
      }
      return null;
    },
    check: (e) => {
      expect(InvalidArgumentError.isInstance(e)).toBe(true);
      expect((e as Error).message).toMatch(/particles\[0\] must be a particle row object/);
    },
    within: 1000,
  });
  if (takesOptions) {
    add({
      name: `${name}: options null = defaults`,
      run: () => call(rows, null),
      check: (out) => expect(out).toEqual(call(rows)),
    });
    bad(
      `${name}: options a number`,
      () => call(rows, 5),
      rx('argument options must be an options object'),
    );
    bad(
      `${name}: options an array`,
      () => call(rows, [0.05]),
      rx('argument options must be an options object'),
    );
  }
}

// empty particle lists: documented "not computed" results, not errors
add({
  name: 'validParticles: []',
  run: () => validParticles([]),
  check: (out) => expect(out).toEqual([]),
});
add({
  name: 'defaultMetrics: []',
  run: () => defaultMetrics([]),
  check: (out) => expect(out).toEqual([...GRAPH_METRICS, 'size']),
});
add({
  name: 'welchTable: [] gives rows of NaN with a note',
  run: () => welchTable([], 'inTpb'),
  check: (out) => {
    const r = out as ReturnType<typeof welchTable>;
    expect(r.map((x) => x.descriptor)).toEqual(['soc', 'heterogeneity', 'polarization']);
    for (const x of r) {
      expect([x.nWith, x.nWithout, x.significant]).toEqual([0, 0, false]);
      expect(x.t).toBeNaN();
      expect(x.note).toMatch(/welchTTest/);
    }
  },
});
add({
  name: 'anovaTable: [] gives a "-" row per response with a note',
  run: () => anovaTable([]),
  check: (out) => {
    const r = out as ReturnType<typeof anovaTable>;
    expect(r.map((x) => x.term)).toEqual(['-', '-']);
    for (const x of r) expect(x.note).not.toBe('');
  },
});
add({
  name: 'pearsonTable: [] gives NaN cells with n 0',
  run: () => pearsonTable([]),
  check: (out) => {
    const r = out as ReturnType<typeof pearsonTable>;
    expect(r).toHaveLength((GRAPH_METRICS.length + 1) * 3);
    expect(r.every((x) => Number.isNaN(x.r) && x.n === 0)).toBe(true);
  },
});
add({
  name: 'statisticsTables: [] gives valid 0 and not-computed rows',
  run: () => statisticsTables([]),
  check: (out) => {
    const t = out as ReturnType<typeof statisticsTables>;
    expect(t.valid).toBe(0);
    expect(t.welchTpb.every((x) => x.note !== '')).toBe(true);
    expect(t.anova.every((x) => x.term === '-')).toBe(true);
  },
});

// NaN / Infinity in rows
for (const v of [Number.NaN, Number.POSITIVE_INFINITY, '8343'])
  add({
    name: `validParticles: soc ${String(v)} leaves the row out`,
    run: () => validParticles(withRow(0, { soc: v })),
    check: (out) => expect((out as unknown[]).length).toBe(rows.length - 1),
  });
add({
  name: 'statisticsTables: a NaN descriptor leaves the row out of every table',
  run: () => statisticsTables(withRow(0, { heterogeneity: Number.NaN })),
  check: (out) => {
    const t = out as ReturnType<typeof statisticsTables>;
    expect(t.valid).toBe(rows.length - 1);
    expect(t.welchTpb[0]!.nWith + t.welchTpb[0]!.nWithout).toBe(rows.length - 1);
  },
});
add({
  name: 'pearsonTable: a NaN or Infinite metric is a missing value (n one less)',
  run: () => [
    pearsonTable(withRow(0, { degree: Number.NaN }), { metrics: ['degree'] }),
    pearsonTable(withRow(0, { degree: Number.NEGATIVE_INFINITY }), { metrics: ['degree'] }),
  ],
  check: (out) => {
    for (const t of out as ReturnType<typeof pearsonTable>[]) {
      expect(t.map((x) => x.n)).toEqual([rows.length - 1, rows.length - 1, rows.length - 1]);
      expect(t.every((x) => Number.isFinite(x.r))).toBe(true);
    }
  },
});
bad(
  'pearsonTable: degree a string',
  () => pearsonTable(withRow(2, { degree: '3' })),
  /^pearsonTable: .*particles\[2\]\.degree must be a number/,
);
bad(
  'pearsonTable: neighbors null',
  () => pearsonTable(withRow(1, { neighbors: null }), { metrics: ['sseNeighbors'] }),
  /^pearsonTable: .*particles\[1\]\.neighbors/,
);
bad(
  'statisticsTables: first row neighbors a number',
  () => statisticsTables(withRow(0, { neighbors: 3 })),
  /^defaultMetrics: .*particles\[0\]\.neighbors/,
);
bad(
  'defaultMetrics: first row neighbors a string',
  () => defaultMetrics(withRow(0, { neighbors: 'sse' })),
  /^defaultMetrics: .*particles\[0\]\.neighbors/,
);
add({
  name: 'pearsonTable: an invalid row with a bad metric is left out, not an error',
  run: () =>
    pearsonTable(withRow(2, { descriptorsValid: false, degree: 'x' }), { metrics: ['degree'] }),
  check: (out) => expect((out as ReturnType<typeof pearsonTable>)[0]!.n).toBe(rows.length - 1),
});

// non-boolean booleans in rows
bad(
  'welchTable: inTpb "no"',
  () => welchTable(withRow(4, { inTpb: 'no' }), 'inTpb'),
  /^welchTable: .*particles\[4\]\.inTpb must be true or false, got "no"/,
);
bad(
  'welchTable: concurrentChannel 1',
  () => welchTable(withRow(5, { concurrentChannel: 1 }), 'concurrentChannel'),
  /^welchTable: .*particles\[5\]\.concurrentChannel must be true or false/,
);
bad(
  'anovaTable: concurrentChannel 0',
  () => anovaTable(withRow(6, { concurrentChannel: 0 })),
  /^anovaTable: .*particles\[6\]\.concurrentChannel must be true or false/,
);
bad(
  'statisticsTables: inTpb null',
  () => statisticsTables(withRow(7, { inTpb: null })),
  /^statisticsTables: .*particles\[7\]\.inTpb must be true or false/,
);

// option mistakes of the tables
bad(
  'welchTable: unknown feature',
  () => welchTable(rows, 'tpb' as never),
  /^welchTable: .*feature/,
);
bad(
  'welchTable: misspelled alpah',
  () => welchTable(rows, 'inTpb', { alpah: 0.1 } as never),
  /options\.alpah .*did you mean "alpha"/,
);
bad(
  'welchTable: featureName 5',
  () => welchTable(rows, 'inTpb', { featureName: 5 } as never),
  /options\.featureName must be a string/,
);
for (const v of [Number.NaN, 0, 1, Number.POSITIVE_INFINITY, '0.05'])
  bad(
    `welchTable: alpha ${String(v)}`,
    () => welchTable(rows, 'inTpb', { alpha: v } as never),
    /^welchTable: .*options\.alpha must be a finite number > 0 < 1/,
  );
bad(
  'anovaTable: misspelled typ',
  () => anovaTable(rows, { typ: 2 } as never),
  /options\.typ .*did you mean "type"/,
);
for (const v of [0, 4, '2', Number.NaN])
  bad(
    `anovaTable: type ${String(v)}`,
    () => anovaTable(rows, { type: v } as never),
    /^anovaTable: .*options\.type must be 1, 2 or 3/,
  );
bad(
  'pearsonTable: misspelled metric',
  () => pearsonTable(rows, { metric: ['degree'] } as never),
  /options\.metric .*did you mean "metrics"/,
);
bad(
  'pearsonTable: metrics a string',
  () => pearsonTable(rows, { metrics: 'degree' } as never),
  /^pearsonTable: .*options\.metrics must be an array/,
);
bad(
  'pearsonTable: unknown metric',
  () => pearsonTable(rows, { metrics: ['degre'] }),
  /options\.metrics\[0\]/,
);
bad(
  'statisticsTables: type 0 (was silently type 2)',
  () => statisticsTables(rows, { type: 0 } as never),
  /^statisticsTables: .*options\.type must be 1, 2 or 3, got 0/,
);
bad(
  'statisticsTables: alpha 2',
  () => statisticsTables(rows, { alpha: 2 }),
  /^statisticsTables: .*options\.alpha/,
);
bad(
  'statisticsTables: metrics a number',
  () => statisticsTables(rows, { metrics: 3 } as never),
  /^statisticsTables: .*options\.metrics must be an array/,
);
bad(
  'statisticsTables: misspelled metircs',
  () => statisticsTables(rows, { metircs: [] } as never),
  /did you mean "metrics"/,
);
add({
  name: 'statisticsTables: type 1 and metrics pass through',
  run: () => statisticsTables(rows, { type: 1, metrics: ['degree'] }),
  check: (out) => {
    const t = out as ReturnType<typeof statisticsTables>;
    expect(t.anova).toEqual(anovaTable(rows, { type: 1 }));
    expect(t.pearson).toEqual(pearsonTable(rows, { metrics: ['degree'] }));
  },
});

// ---- graph fidelity ----
const labelMap = (cells: number[], phaseOfLabel: number[]) => ({
  labels: ndarray(Int32Array.from(cells), [1, cells.length]),
  phaseOfLabel,
});
bad(
  'matchInstances: labels as a plain array',
  () =>
    matchInstances(
      { labels: ndarray([1, 0], [1, 2]) as never, phaseOfLabel: [0, 2] },
      labelMap([1, 0], [0, 2]),
    ),
  /^matchInstances: argument truth must be an instance map/,
);
bad(
  'matchInstances: pixel counts differ',
  () => matchInstances(labelMap([1, 0], [0, 2]), labelMap([1, 0, 0], [0, 2])),
  /predicted\.labels must be as many pixels as truth\.labels \(2\)/,
);
bad(
  'matchInstances: a label without a phase entry',
  () => matchInstances(labelMap([1, 5], [0, 2]), labelMap([1, 0], [0, 2])),
  /truth\.labels must be labels in 0\.\.1 .*pixel 1/,
);
bad(
  'matchInstances: a negative label',
  () => matchInstances(labelMap([1, 0], [0, 2]), labelMap([-1, 0], [0, 2])),
  /predicted\.labels must be labels in 0\.\.1/,
);
bad(
  'matchScore: NaN count',
  () => matchScore(Number.NaN, 1, 0),
  /matchScore: argument truth must be an integer >= 0/,
);
bad(
  'matchScore: fractional count',
  () => matchScore(2, 1.5, 0),
  /argument predicted must be an integer/,
);
bad(
  'matchScore: more matched than predicted',
  () => matchScore(3, 1, 2),
  /matched must be at most min\(truth, predicted\) = 1/,
);
add({
  name: 'matchScore: both empty is a perfect score',
  run: () => matchScore(0, 0, 0),
  check: (out) =>
    expect(out).toEqual({ truth: 0, predicted: 0, matched: 0, precision: 1, recall: 1, f1: 1 }),
});
bad(
  'graphFidelity: a string',
  () => graphFidelity('analysis' as never, 'analysis' as never),
  /^graphFidelity: argument truth must be an ImageAnalysis/,
);
bad(
  'poolGraphFidelity: not an array',
  () => poolGraphFidelity({} as never),
  /^poolGraphFidelity: argument images must be a non-empty array/,
);

/** A typed mgraph error of class `cls` (brand check: holds across copies of core). */
function isTyped(e: unknown, cls: ErrorClass): boolean {
  return cls.isInstance(e);
}

describe(`@mgraph/pipeline hostile inputs (${cases.length} cases)`, () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const t0 = performance.now();
    let out: unknown;
    let thrown: unknown;
    try {
      out = await c.run();
    } catch (e) {
      thrown = e;
    }
    const ms = performance.now() - t0;
    if (c.error !== undefined) {
      const [cls, fragment] = c.error;
      expect(thrown, 'expected a typed error').toBeDefined();
      expect(isTyped(thrown, cls), `${(thrown as Error).name}: ${(thrown as Error).message}`).toBe(
        true,
      );
      expect((thrown as Error).message).toMatch(fragment);
    } else {
      if (thrown !== undefined) throw thrown;
      c.check?.(out);
    }
    if (c.within !== undefined) expect(ms).toBeLessThan(c.within);
  });

  it('peak RSS of the process stays under 1 GB (runs last)', () => {
    // peak resident memory of this test process (kB on Linux): the huge cases above must
    // not have allocated their naive sizes
    const maxRss = process.resourceUsage().maxRSS * 1024;
    console.log(
      `@mgraph/pipeline hostile suite: ${cases.length} cases, peak RSS ${(maxRss / 2 ** 20).toFixed(0)} MiB`,
    );
    expect(maxRss).toBeLessThan(2 ** 30);
  });
});
