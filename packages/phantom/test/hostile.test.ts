/**
 * Hostile-input suite: every exported function of @mgraph/phantom against wrong types,
 * shapes and dtypes, NaN / Infinity, views, option mistakes (null options, misspelled keys
 * at every nesting level, non-boolean booleans), huge sizes and magnitudes, and corrupt or
 * missing files. Each case asserts the typed error and a fragment of its message, or the
 * correct result. Requests that would take gigabytes must fail before allocating: the peak
 * RSS of this test process is checked at the end.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AbortError, FileError, InvalidArgumentError } from '@mgraph/core';
import ndarray from 'ndarray';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectPeakRss, itEachCase } from '../../../test-utils/hostile.js';
import {
  type Composite,
  generateComposite,
  generateDataset,
  generateDatasetAsync,
  generateXanesStack,
  toUint16,
} from '../src/index.js';
import { readCompositeFiles, writeCompositeFiles } from '../src/node.js';

interface Case {
  name: string;
  run: () => unknown;
  error?: typeof InvalidArgumentError | typeof AbortError | typeof FileError;
  message?: string | RegExp;
  ok?: (value: unknown) => void;
}

const small = { shape: [24, 24], nmcRadius: 4, seed: 1 };
let dir = '';
let sample: Composite;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'phantom-hostile-'));
  sample = generateComposite(small);
  await writeCompositeFiles(join(dir, 'ok'), sample);
  await mkdir(join(dir, 'corrupt'));
  await writeFile(join(dir, 'corrupt', 'truth.json'), '{ not json');
  await mkdir(join(dir, 'nolabels'));
  await writeFile(join(dir, 'nolabels', 'truth.json'), '{"phaseOfLabel": [1, 999], "truth": {}}');
  await mkdir(join(dir, 'isdir', 'truth.json'), { recursive: true });
  await writeFile(join(dir, 'afile'), 'x');
});

/** Option mistakes of generateComposite at one nesting level. */
function nested(path: string, typo: Record<string, unknown>, near: string): Case[] {
  const wrap = (value: unknown) =>
    path
      .split('.')
      .reverse()
      .reduce<unknown>((inner, key) => ({ [key]: inner }), value) as object;
  return [
    {
      name: `generateComposite: options.${path} null means its defaults`,
      run: () => generateComposite({ ...small, ...wrap(null) }).truth.seed,
      ok: (v) => expect(v).toBe(1),
    },
    {
      name: `generateComposite: misspelled options.${path} key`,
      run: () => generateComposite({ ...small, ...wrap(typo) }),
      error: InvalidArgumentError,
      message: `options.${path}.${Object.keys(typo)[0]} must be a known option (did you mean "${near}"?)`,
    },
    {
      name: `generateComposite: options.${path} a number`,
      run: () => generateComposite({ ...small, ...wrap(3) }),
      error: InvalidArgumentError,
      message: `argument options.${path} must be an options object`,
    },
  ];
}

const cases: Case[] = [
  // ---------- generateComposite
  {
    name: 'generateComposite: options null means defaults (256x256)',
    run: () => generateComposite(null as never).image.shape,
    ok: (v) => expect(v).toEqual([256, 256]),
  },
  {
    name: 'generateComposite: null options give the same bytes as {}',
    run: () => [
      generateComposite({ ...small }),
      generateComposite({ ...small, xray: null } as never),
    ],
    ok: (v) => {
      const [a, b] = v as Composite[];
      expect(Buffer.from(b!.image.data.buffer).equals(Buffer.from(a!.image.data.buffer))).toBe(
        true,
      );
    },
  },
  {
    name: 'generateComposite: misspelled top-level option',
    run: () => generateComposite({ ...small, nmc_radius: 4 } as never),
    error: InvalidArgumentError,
    message: 'options.nmc_radius must be a known option (did you mean "nmcRadius"?)',
  },
  {
    name: 'generateComposite: options a string',
    run: () => generateComposite('big' as never),
    error: InvalidArgumentError,
    message: 'an options object',
  },
  ...nested('fractions', { nmcc: 0.3 }, 'nmc'),
  ...nested('graphite', { aspct: 3 }, 'aspect'),
  ...nested('xray', { quantise: true }, 'quantize'),
  ...nested('energy', { modespread: 0.2 }, 'modeSpread'),
  ...nested('effects', { tbp: {} }, 'tpb'),
  ...nested('effects.tpb', { heterogenity: 1 }, 'heterogeneity'),
  ...nested('effects.channel', { polarisation: 1 }, 'polarization'),
  {
    name: 'generateComposite: xray.quantize "yes"',
    run: () => generateComposite({ ...small, xray: { quantize: 'yes' as never } }),
    error: InvalidArgumentError,
    message: 'options.xray.quantize must be true or false',
  },
  {
    name: 'generateComposite: shape [31623, 31623] refused before allocation',
    run: () => generateComposite({ shape: [31623, 31623] }),
    error: InvalidArgumentError,
    message: /this one has 1000014129 pixels and would take about 89\.4 GiB/,
  },
  {
    name: 'generateComposite: shape [2000, 2000, 2000] refused before allocation',
    run: () => generateComposite({ shape: [2000, 2000, 2000] }),
    error: InvalidArgumentError,
    message: 'maxBytes = 4294967296 (4.00 GiB',
  },
  {
    name: 'generateComposite: maxBytes lowers the limit',
    run: () => generateComposite({ ...small, maxBytes: 1000 }),
    error: InvalidArgumentError,
    message: 'at most 10 pixels); this one has 576 pixels',
  },
  {
    name: 'generateComposite: maxBytes NaN',
    run: () => generateComposite({ ...small, maxBytes: Number.NaN }),
    error: InvalidArgumentError,
    message: 'options.maxBytes',
  },
  {
    name: 'generateComposite: shape with 1.5',
    run: () => generateComposite({ shape: [24, 1.5] }),
    error: InvalidArgumentError,
    message: 'positive integers',
  },
  {
    name: 'generateComposite: shape 4D',
    run: () => generateComposite({ shape: [2, 2, 2, 2] }),
    error: InvalidArgumentError,
    message: 'options.shape',
  },
  {
    name: 'generateComposite: shape a typed array',
    run: () => generateComposite({ shape: Int32Array.from([24, 24]) as never }),
    error: InvalidArgumentError,
    message: 'options.shape',
  },
  {
    name: 'generateComposite: seed NaN',
    run: () => generateComposite({ ...small, seed: Number.NaN }),
    error: InvalidArgumentError,
    message: 'options.seed',
  },
  {
    name: 'generateComposite: nmcRadius Infinity',
    run: () => generateComposite({ ...small, nmcRadius: Number.POSITIVE_INFINITY }),
    error: InvalidArgumentError,
    message: 'options.nmcRadius',
  },
  {
    name: 'generateComposite: poreScale 1e9 (an 8e9-tap Gaussian) refused before allocation',
    run: () => generateComposite({ ...small, poreScale: 1e9 }),
    error: InvalidArgumentError,
    message:
      'options.poreScale must be a Gaussian length scale <= max(1024, 4 x the longest side of the shape) = 1024 px',
  },
  {
    name: 'generateComposite: xray.blur 1e300 refused',
    run: () => generateComposite({ ...small, xray: { blur: 1e300 } }),
    error: InvalidArgumentError,
    message: 'options.xray.blur',
  },
  {
    name: 'generateComposite: energy.correlationLength 1e12 refused',
    run: () => generateComposite({ ...small, energy: { correlationLength: 1e12 } }),
    error: InvalidArgumentError,
    message: 'options.energy.correlationLength',
  },
  {
    name: 'generateComposite: fractions summing past 1',
    run: () => generateComposite({ ...small, fractions: { nmc: 0.6, sse: 0.6 } }),
    error: InvalidArgumentError,
    message: 'summing to at most 1',
  },
  {
    name: 'generateComposite: socRange [NaN, 8345]',
    run: () => generateComposite({ ...small, energy: { socRange: [Number.NaN, 8345] } }),
    error: InvalidArgumentError,
    message: 'options.energy.socRange',
  },
  {
    name: 'generateComposite: effects.tpb.soc 1e308',
    run: () => generateComposite({ ...small, effects: { tpb: { soc: 1e308 } } }),
    error: InvalidArgumentError,
    message: 'options.effects.tpb.soc',
  },
  {
    name: 'generateComposite: a 1x1 image is a valid (empty) composite',
    run: () => generateComposite({ shape: [1, 1], fractions: { nmc: 0, sse: 0, graphite: 0 } }),
    ok: (v) => expect((v as Composite).phases.data[0]).toBe(0),
  },
  // ---------- generateDataset / generateDatasetAsync
  {
    name: 'generateDataset: options null (count is required)',
    run: () => generateDataset(null as never),
    error: InvalidArgumentError,
    message: 'options.count must be an integer',
  },
  {
    name: 'generateDataset: misspelled option',
    run: () => generateDataset({ count: 1, ...small, conut: 2 } as never),
    error: InvalidArgumentError,
    message: 'did you mean "count"',
  },
  {
    name: 'generateDataset: a bad nested composite option fails before the first composite',
    run: () => {
      let made = 0;
      try {
        generateDataset({
          count: 3,
          ...small,
          xray: { quantize: 1 as never },
          onProgress: () => made++,
        });
      } finally {
        expect(made).toBe(0);
      }
    },
    error: InvalidArgumentError,
    message: 'options.xray.quantize',
  },
  {
    name: 'generateDataset: count 1e9 refused before the first composite',
    run: () => generateDataset({ count: 1e9, ...small }),
    error: InvalidArgumentError,
    message: /1000000000 composites of 576 pixels keep 8\.91 TiB/,
  },
  {
    name: 'generateDataset: count NaN',
    run: () => generateDataset({ count: Number.NaN }),
    error: InvalidArgumentError,
    message: 'options.count',
  },
  {
    name: 'generateDataset: signal not an AbortSignal',
    run: () => generateDataset({ count: 1, ...small, signal: {} as never }),
    error: InvalidArgumentError,
    message: 'an AbortSignal',
  },
  {
    name: 'generateDataset: onProgress a string',
    run: () => generateDataset({ count: 1, ...small, onProgress: 'x' as never }),
    error: InvalidArgumentError,
    message: 'options.onProgress',
  },
  {
    name: 'generateDataset: an aborted signal',
    run: () => generateDataset({ count: 1, ...small, signal: AbortSignal.abort() }),
    error: AbortError,
  },
  {
    name: 'generateDatasetAsync: misspelled option rejects',
    run: () => generateDatasetAsync({ count: 1, sede: 1 } as never),
    error: InvalidArgumentError,
    message: 'did you mean "seed"',
  },
  {
    name: 'generateDatasetAsync: the same composites as generateDataset, bit for bit',
    run: async () => [
      generateDataset({ count: 2, ...small }),
      await generateDatasetAsync({ count: 2, ...small }),
    ],
    ok: (v) => {
      const [a, b] = v as Composite[][];
      a!.forEach((c, i) => {
        expect(Buffer.from(b![i]!.image.data.buffer).equals(Buffer.from(c.image.data.buffer))).toBe(
          true,
        );
        expect(b![i]!.truth).toEqual(c.truth);
      });
    },
  },
  // ---------- generateXanesStack
  {
    name: 'generateXanesStack: options null means defaults',
    run: () =>
      generateXanesStack(ndarray(new Float32Array(4).fill(8344), [2, 2]), null as never).shape,
    ok: (v) => expect(v).toEqual([63, 2, 2]),
  },
  {
    name: 'generateXanesStack: misspelled option',
    run: () => generateXanesStack(sample.energy, { edge_width: 2 } as never),
    error: InvalidArgumentError,
    message: 'did you mean "edgeWidth"',
  },
  {
    name: 'generateXanesStack: an Infinity edge energy',
    run: () =>
      generateXanesStack(ndarray(Float32Array.from([8344, Number.POSITIVE_INFINITY]), [1, 2])),
    error: InvalidArgumentError,
    message: 'energy[1] must be a finite edge energy (eV) or NaN',
  },
  {
    name: 'generateXanesStack: NaN pixels are pre-edge only (correct result)',
    run: () => generateXanesStack(ndarray(Float32Array.from([Number.NaN]), [1, 1]), { noise: 0 }),
    ok: (v) => {
      const s = v as ndarray.NdArray<Float32Array>;
      expect(s.data[0]).toBeCloseTo(0.1, 6);
      expect(s.data[62]).toBeCloseTo(0.1 + 1e-4 * (8700 - 8210), 5);
    },
  },
  {
    name: 'generateXanesStack: 1e6 energies x 1e4 pixels refused before allocation',
    run: () =>
      generateXanesStack(ndarray(new Float32Array(1e4).fill(8344), [100, 100]), {
        energies: Array.from({ length: 1e6 }, (_, i) => 8000 + i),
      }),
    error: InvalidArgumentError,
    message: '1000000 energies x 10000 pixels would take 37.3 GiB',
  },
  {
    name: 'generateXanesStack: energy of dtype uint8',
    run: () => generateXanesStack(ndarray(new Uint8Array(4), [2, 2])),
    error: InvalidArgumentError,
    message: 'float32',
  },
  {
    name: 'generateXanesStack: energy a view larger than its data',
    run: () => generateXanesStack(ndarray(new Float32Array(2), [2, 2])),
    error: InvalidArgumentError,
    message: 'a view inside its data',
  },
  {
    name: 'generateXanesStack: a transposed view equals the transposed stack',
    run: () => {
      const e = ndarray(Float32Array.from([8341, 8342, 8343, 8344, 8345, 8346]), [2, 3]);
      const t = generateXanesStack(e.transpose(1, 0), { noise: 0 });
      const s = generateXanesStack(e, { noise: 0 });
      return [t.get(30, 2, 1), s.get(30, 1, 2)];
    },
    ok: (v) => expect((v as number[])[0]).toBe((v as number[])[1]),
  },
  {
    name: 'generateXanesStack: noise NaN',
    run: () => generateXanesStack(sample.energy, { noise: Number.NaN }),
    error: InvalidArgumentError,
    message: 'options.noise',
  },
  // ---------- toUint16
  {
    name: 'toUint16: a plain array',
    run: () => toUint16([0.5] as never),
    error: InvalidArgumentError,
    message: 'an ndarray',
  },
  {
    name: 'toUint16: NaN -> 0, Infinity -> 65535, -1e300 -> 0, 0.5 -> 32768',
    run: () =>
      Array.from(
        toUint16(
          ndarray(Float32Array.from([Number.NaN, Number.POSITIVE_INFINITY, -1e30, 0.5]), [2, 2]),
        ).data,
      ),
    ok: (v) => expect(v).toEqual([0, 65535, 0, 32768]),
  },
  {
    name: 'toUint16: a view larger than its data',
    run: () => toUint16(ndarray(new Float32Array(1), [2, 2])),
    error: InvalidArgumentError,
    message: 'a view inside its data',
  },
  // ---------- composite files
  {
    name: 'readCompositeFiles: a missing directory (ENOENT) names the path',
    run: () => readCompositeFiles(join(dir, 'missing')),
    error: FileError,
    message: /cannot read ".*missing[/\\]truth\.json": no such file or directory \(ENOENT\)/,
  },
  {
    name: 'readCompositeFiles: truth.json is a directory (EISDIR)',
    run: () => readCompositeFiles(join(dir, 'isdir')),
    error: FileError,
    message: /isdir[/\\]truth\.json": it is a directory \(EISDIR\)/,
  },
  {
    name: 'readCompositeFiles: a file given as the directory (ENOTDIR)',
    run: () => readCompositeFiles(join(dir, 'afile')),
    error: FileError,
    message: /afile[/\\]truth\.json": a part of the path is not a directory \(ENOTDIR\)/,
  },
  {
    name: 'readCompositeFiles: corrupt truth.json',
    run: () => readCompositeFiles(join(dir, 'corrupt')),
    error: InvalidArgumentError,
    message: 'truth.json is JSON',
  },
  {
    name: 'readCompositeFiles: phaseOfLabel with 999',
    run: () => readCompositeFiles(join(dir, 'nolabels')),
    error: InvalidArgumentError,
    message: 'phase codes 0-255',
  },
  {
    name: 'readCompositeFiles: a directory without its TIFFs names the missing file',
    run: async () => {
      const d = join(dir, 'notiff');
      await mkdir(d, { recursive: true });
      await writeFile(join(d, 'truth.json'), '{"phaseOfLabel": [0, 2], "truth": {}}');
      return readCompositeFiles(d);
    },
    error: FileError,
    message: /notiff[/\\]image\.tif.*\(ENOENT\)/,
  },
  {
    name: 'readCompositeFiles: dir a number',
    run: () => readCompositeFiles(5 as never),
    error: InvalidArgumentError,
    message: 'a directory path',
  },
  {
    name: 'readCompositeFiles: round trip of writeCompositeFiles',
    run: () => readCompositeFiles(join(dir, 'ok')),
    ok: (v) => {
      const f = v as Awaited<ReturnType<typeof readCompositeFiles>>;
      expect(Array.from(f.phases.data)).toEqual(Array.from(sample.phases.data));
      expect(Array.from(f.phaseOfLabel)).toEqual(Array.from(sample.phaseOfLabel));
    },
  },
  {
    name: 'writeCompositeFiles: a directory under a file (ENOTDIR / EEXIST) names the path',
    run: () => writeCompositeFiles(join(dir, 'afile', 'sub'), sample),
    error: FileError,
    message: /afile[/\\]sub/,
  },
  {
    name: 'writeCompositeFiles: composite null',
    run: () => writeCompositeFiles(join(dir, 'x'), null as never),
    error: InvalidArgumentError,
    message: 'a result of generateComposite',
  },
  {
    name: 'writeCompositeFiles: composite without an image',
    run: () => writeCompositeFiles(join(dir, 'x'), { ...sample, image: [1] } as never),
    error: InvalidArgumentError,
    message: 'composite.image',
  },
  {
    name: 'writeCompositeFiles: dir empty',
    run: () => writeCompositeFiles('', sample),
    error: InvalidArgumentError,
    message: 'a directory path',
  },
];

describe('@mgraph/phantom hostile inputs', () => {
  itEachCase(cases);

  it('generateDatasetAsync lets AbortSignal.timeout fire between composites (generateDataset cannot be interrupted)', async () => {
    const done: number[] = [];
    const started = Date.now();
    const run = generateDatasetAsync({
      count: 10_000,
      ...small,
      signal: AbortSignal.timeout(100),
      onProgress: (d) => done.push(d),
    });
    await expect(run).rejects.toBeInstanceOf(AbortError);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(done.length).toBeGreaterThan(0);
    expect(done.length).toBeLessThan(10_000);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    expectPeakRss('phantom', cases.length + 1);
  });
});
