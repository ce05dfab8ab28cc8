/**
 * Hostile-input suite: every exported function of @mgraph/segment against wrong types,
 * shapes and dtypes, NaN / Infinity (in images and in model outputs), views, option mistakes
 * (null options, misspelled keys, nested normalize, non-boolean booleans), huge sizes, and
 * missing or corrupt model files. Each case asserts the typed error and a fragment of its
 * message, or the correct result. Requests that would take gigabytes must fail before
 * allocating: the peak RSS of this test process is checked at the end.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileError, InvalidArgumentError, ModelError, ShapeMismatchError } from '@mgraph/core';
import ndarray from 'ndarray';
import { type InferenceSession, Tensor } from 'onnxruntime-common';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { expectPeakRss, itEachCase, optionCases } from '../../../test-utils/hostile.js';
import {
  createSegmenter,
  meanIoU,
  otsuSegmenter,
  planAxis,
  type Segmentation,
  thresholdMultiotsu,
} from '../src/index.js';
import { loadUNet } from '../src/node.js';

interface Case {
  name: string;
  run: () => unknown;
  error?:
    | typeof InvalidArgumentError
    | typeof ShapeMismatchError
    | typeof ModelError
    | typeof FileError;
  message?: string | RegExp;
  ok?: (value: unknown) => void;
}

/**
 * A pointwise 4-class model without metadata (as older runtimes): logit of class q at a
 * pixel of value z is q * z, or `poison` at the first pixel when given.
 */
function fakeSession(poison?: number): InferenceSession {
  return {
    inputNames: ['image'],
    outputNames: ['logits'],
    run: async (feeds: Record<string, Tensor>) => {
      const x = feeds.image!;
      const [n, , h, w] = x.dims as number[];
      const area = h! * w!;
      const out = new Float32Array(n! * 4 * area);
      const data = x.data as Float32Array;
      for (let b = 0; b < n!; b++) {
        for (let q = 0; q < 4; q++) {
          for (let i = 0; i < area; i++) out[(b * 4 + q) * area + i] = q * data[b * area + i]!;
        }
      }
      if (poison !== undefined) out[0] = poison;
      return { logits: new Tensor('float32', out, [n!, 4, h!, w!]) };
    },
  } as unknown as InferenceSession;
}

const image = () =>
  ndarray(
    Float32Array.from({ length: 24 * 16 }, (_, i) => (i % 7) - 3),
    [24, 16],
  );
const seg = (options?: object) =>
  createSegmenter(fakeSession(), { tileSize: 16, overlap: 8, ...options });
/** A 2^31-pixel image that costs nothing: every pixel is the one element of its data (stride 0). */
const hugeView = () => ndarray(new Float32Array(1), [2 ** 15, 2 ** 16], [0, 0]);

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segment-hostile-'));
  await writeFile(join(dir, 'nocard.onnx'), 'x');
  await writeFile(join(dir, 'corrupt.onnx'), 'x');
  await writeFile(join(dir, 'corrupt.json'), '{ nope');
  await writeFile(join(dir, 'fields.onnx'), 'x');
  await writeFile(join(dir, 'fields.json'), '{"name": "x"}');
  await mkdir(join(dir, 'folder.onnx'));
});

const cases: Case[] = [
  // ---------- createSegmenter
  ...optionCases(
    'createSegmenter',
    (o) => createSegmenter(fakeSession(), o as never),
    { tile_size: 64 },
    'tileSize',
    1,
  ),
  {
    name: 'createSegmenter: session null',
    run: () => createSegmenter(null as never),
    error: InvalidArgumentError,
    message: 'an onnxruntime InferenceSession',
  },
  {
    name: 'createSegmenter: nested normalize misspelled',
    run: () => createSegmenter(fakeSession(), { normalize: { mean: 0, sd: 1 } as never }),
    error: InvalidArgumentError,
    message: 'options.normalize.sd must be a known option (did you mean "std"?)',
  },
  {
    name: 'createSegmenter: normalize std NaN',
    run: () => createSegmenter(fakeSession(), { normalize: { mean: 0, std: Number.NaN } }),
    error: InvalidArgumentError,
    message: 'options.normalize.std',
  },
  {
    name: 'createSegmenter: tileSize 1e9 refused',
    run: () => createSegmenter(fakeSession(), { tileSize: 1e9 }),
    error: InvalidArgumentError,
    message: 'options.tileSize must be an integer >= 1 <= 8192',
  },
  {
    name: 'createSegmenter: batchSize 1e6 of 8192^2 tiles refused before allocation',
    run: () => createSegmenter(fakeSession(), { tileSize: 8192, batchSize: 1e6 }),
    error: InvalidArgumentError,
    message:
      /a batch .* needing at most 1073741824 float32 elements \(this one needs 335544320000000 float32 elements, 1\.19 PiB/,
  },
  {
    name: 'createSegmenter: classes with a number among names',
    run: () => createSegmenter(fakeSession(), { classes: ['pore', 1] as never }),
    error: InvalidArgumentError,
    message: 'a number or class names',
  },
  {
    name: 'createSegmenter: inputName a number',
    run: () => createSegmenter(fakeSession(), { inputName: 0 as never }),
    error: InvalidArgumentError,
    message: 'options.inputName must be a name',
  },
  {
    name: 'createSegmenter: onProgress a string',
    run: () => createSegmenter(fakeSession(), { onProgress: 'log' as never }),
    error: InvalidArgumentError,
    message: 'options.onProgress',
  },
  {
    name: 'createSegmenter: augment true',
    run: () => createSegmenter(fakeSession(), { augment: true as never }),
    error: InvalidArgumentError,
    message: "'none' or 'dihedral'",
  },
  // ---------- Segmenter.segment
  {
    name: 'segment: a model that outputs NaN is a ModelError (not NaN probabilities, phase 0)',
    run: () => createSegmenter(fakeSession(Number.NaN), { tileSize: 16 }).segment(image()),
    error: ModelError,
    message: 'expected "finite logits", got NaN',
  },
  {
    name: 'segment: a model that outputs Infinity is a ModelError',
    run: () =>
      createSegmenter(fakeSession(Number.POSITIVE_INFINITY), {
        tileSize: 16,
        output: 'probabilities',
      }).segment(image()),
    error: ModelError,
    message: 'finite probabilities',
  },
  {
    name: 'segment: a NaN pixel',
    run: () => {
      const im = image();
      im.data[5] = Number.NaN;
      return seg().segment(im);
    },
    error: InvalidArgumentError,
    message: 'image[5] must be a finite number',
  },
  {
    name: 'segment: float64 pixels 1e300 overflow float32 without normalisation',
    run: () =>
      seg({ normalize: 'none' }).segment(ndarray(new Float64Array(16 * 16).fill(1e300), [16, 16])),
    error: InvalidArgumentError,
    message: 'stays finite as float32 after normalisation',
  },
  {
    name: 'segment: float64 pixels 1e300 z-scored are fine (correct result)',
    run: () =>
      seg().segment(
        ndarray(
          Float64Array.from({ length: 256 }, (_, i) => (i % 2) * 1e300),
          [16, 16],
        ),
      ),
    ok: (v) => expect(Array.from((v as Segmentation).phases.data.slice(0, 2))).toEqual([0, 3]),
  },
  {
    name: 'segment: a 2^31-pixel view is refused before allocating its probabilities',
    run: () => seg().segment(hugeView()),
    error: InvalidArgumentError,
    message: /this one needs 8589934592 float32 elements, 32\.0 GiB/,
  },
  {
    name: 'segment: a transposed view gives the transposed phases',
    run: async () => {
      const im = image();
      const a = await seg().segment(im.transpose(1, 0));
      const b = await seg().segment(im);
      return [a.phases.get(3, 7), b.phases.get(7, 3), a.phases.shape];
    },
    ok: (v) => {
      const [x, y, shape] = v as [number, number, number[]];
      expect(x).toBe(y);
      expect(shape).toEqual([16, 24]);
    },
  },
  {
    name: 'segment: call options null',
    run: () => seg().segment(image(), null as never),
    ok: (v) => expect((v as Segmentation).phases.shape).toEqual([24, 16]),
  },
  {
    name: 'segment: misspelled call option',
    run: () => seg().segment(image(), { signl: AbortSignal.abort() } as never),
    error: InvalidArgumentError,
    message: 'did you mean "signal"',
  },
  {
    name: 'segment: signal not an AbortSignal',
    run: () => seg().segment(image(), { signal: 'stop' as never }),
    error: InvalidArgumentError,
    message: 'an AbortSignal',
  },
  {
    name: 'segment: image a plain array',
    run: () => seg().segment([1, 2, 3] as never),
    error: InvalidArgumentError,
    message: 'an ndarray',
  },
  {
    name: 'segment: a view larger than its data',
    run: () => seg().segment(ndarray(new Float32Array(4), [16, 16])),
    error: InvalidArgumentError,
    message: 'a view inside its data',
  },
  // ---------- otsuSegmenter
  ...optionCases('otsuSegmenter', (o) => otsuSegmenter(o as never), { nbin: 64 }, 'nbins', 1),
  {
    name: 'otsuSegmenter: nbins 1e9 refused at creation',
    run: () => otsuSegmenter({ nbins: 1e9 }),
    error: InvalidArgumentError,
    message: 'options.nbins must be an integer >= 2 <= 4096',
  },
  {
    name: 'otsuSegmenter: order with strings',
    run: () => otsuSegmenter({ order: ['0', '1', '2', '3'] as never }),
    error: InvalidArgumentError,
    message: 'a permutation of 0..3',
  },
  {
    name: 'otsuSegmenter.segment: misspelled call option',
    run: () => otsuSegmenter().segment(image(), { onprogress: () => {} } as never),
    error: InvalidArgumentError,
    message: 'did you mean "onProgress"',
  },
  {
    name: 'otsuSegmenter.segment: a 2^31-pixel view refused before allocation',
    run: () => otsuSegmenter().segment(hugeView()),
    error: InvalidArgumentError,
    message: '(classes x pixels) needing at most 1073741824 float32 elements',
  },
  {
    name: 'otsuSegmenter.segment: an Infinity pixel',
    run: () => {
      const im = image();
      im.data[0] = Number.POSITIVE_INFINITY;
      return otsuSegmenter().segment(im);
    },
    error: InvalidArgumentError,
    message: 'image[0] must be a finite number',
  },
  // ---------- thresholdMultiotsu
  ...optionCases(
    'thresholdMultiotsu',
    (o) => thresholdMultiotsu(image(), o as never),
    { clases: 3 },
    'classes',
    1,
  ),
  {
    name: 'thresholdMultiotsu: NaN pixel',
    run: () => thresholdMultiotsu(ndarray(Float32Array.from([0, 1, Number.NaN, 3]), [2, 2])),
    error: InvalidArgumentError,
    message: 'image[2]',
  },
  {
    name: 'thresholdMultiotsu: classes 1e6',
    run: () => thresholdMultiotsu(image(), { classes: 1e6 }),
    error: InvalidArgumentError,
    message: 'options.classes',
  },
  {
    name: 'thresholdMultiotsu: a 1D image',
    run: () => thresholdMultiotsu(ndarray(new Float32Array(9))),
    error: InvalidArgumentError,
    message: '2D or 3D',
  },
  {
    name: 'thresholdMultiotsu: magnitudes 1e300 keep three ordered thresholds',
    run: () =>
      thresholdMultiotsu(
        ndarray(Float64Array.from([0, 0, 1e300, 1e300, 2e300, 2e300, 3e300, 3e300]), [2, 4]),
        {
          classes: 4,
        },
      ),
    ok: (v) => {
      const t = v as number[];
      expect(t).toHaveLength(3);
      expect(t[0]! < t[1]! && t[1]! < t[2]!).toBe(true);
    },
  },
  // ---------- meanIoU
  ...optionCases(
    'meanIoU',
    (o) =>
      meanIoU(ndarray(new Uint8Array(4), [2, 2]), ndarray(new Uint8Array(4), [2, 2]), o as never),
    { classs: 4 },
    'classes',
  ),
  {
    name: 'meanIoU: 65536 classes (a 32 GiB confusion matrix) refused',
    run: () =>
      meanIoU(ndarray(new Uint8Array(4), [2, 2]), ndarray(new Uint8Array(4), [2, 2]), {
        classes: 65536,
      }),
    error: InvalidArgumentError,
    message: 'options.classes must be an integer >= 1 <= 4096',
  },
  {
    name: 'meanIoU: a label 2.5',
    run: () =>
      meanIoU(
        ndarray(Float32Array.from([0, 1, 2.5, 0]), [2, 2]),
        ndarray(new Uint8Array(4), [2, 2]),
      ),
    error: InvalidArgumentError,
    message: 'truth[2]',
  },
  {
    name: 'meanIoU: shapes differ',
    run: () => meanIoU(ndarray(new Uint8Array(4), [2, 2]), ndarray(new Uint8Array(4), [4, 1])),
    error: ShapeMismatchError,
  },
  {
    name: 'meanIoU: a transposed view is compared element by element',
    run: () => {
      const t = ndarray(Uint8Array.from([0, 1, 2, 3, 0, 1]), [2, 3]);
      const p = ndarray(Uint8Array.from([0, 3, 1, 0, 2, 1]), [3, 2]).transpose(1, 0);
      return meanIoU(t, p).mIoU;
    },
    ok: (v) => expect(v).toBe(1),
  },
  // ---------- planAxis
  ...optionCases(
    'planAxis',
    (o) => planAxis('f', 100, 32, 16, 8, o as never),
    { fixd: true },
    'fixed',
    1,
  ),
  {
    name: 'planAxis: fixed "yes"',
    run: () => planAxis('f', 100, 32, 16, 8, { fixed: 'yes' as never }),
    error: InvalidArgumentError,
    message: 'options.fixed must be true or false',
  },
  {
    name: 'planAxis: length 1e15 (6e13 tiles) refused before the loop',
    run: () => planAxis('f', 1e15, 32, 16, 8),
    error: InvalidArgumentError,
    message: 'at most 2^24 tiles of 32 px',
  },
  {
    name: 'planAxis: tileSize 2^40 refused',
    run: () => planAxis('f', 100, 2 ** 40, 0, 8),
    error: InvalidArgumentError,
    message: 'options.tileSize',
  },
  {
    name: 'planAxis: length NaN',
    run: () => planAxis('f', Number.NaN, 32, 16, 8),
    error: InvalidArgumentError,
    message: 'argument length',
  },
  {
    name: 'planAxis: fn not a string',
    run: () => planAxis(null as never, 100, 32, 16, 8),
    error: InvalidArgumentError,
    message: 'a function name',
  },
  // ---------- loadUNet (file errors come before onnxruntime is loaded)
  ...optionCases(
    'loadUNet',
    (o) => (o === null ? Promise.resolve() : loadUNet(o as never)),
    { model_path: 'x.onnx' },
    'modelPath',
    1,
  ).slice(1),
  {
    name: 'loadUNet: modelPath not an .onnx file',
    run: () => loadUNet({ modelPath: join(dir, 'model.txt') }),
    error: InvalidArgumentError,
    message: 'a path ending in .onnx',
  },
  {
    name: 'loadUNet: a missing model (ENOENT) names the path',
    run: () => loadUNet({ modelPath: join(dir, 'missing.onnx') }),
    error: FileError,
    message: /cannot open ".*missing\.onnx": no such file or directory \(ENOENT\)/,
  },
  {
    name: 'loadUNet: a directory as the model (EISDIR) names the path',
    run: () => loadUNet({ modelPath: join(dir, 'folder.onnx') }),
    error: FileError,
    message: /folder\.onnx": it is a directory \(EISDIR\)/,
  },
  {
    name: 'loadUNet: a model without its card names the card path',
    run: () => loadUNet({ modelPath: join(dir, 'nocard.onnx') }),
    error: FileError,
    message: /nocard\.json": no such file or directory \(ENOENT\)/,
  },
  {
    name: 'loadUNet: a corrupt card',
    run: () => loadUNet({ modelPath: join(dir, 'corrupt.onnx') }),
    error: ModelError,
    message: 'corrupt.json',
  },
  {
    name: 'loadUNet: a card without its fields',
    run: () => loadUNet({ modelPath: join(dir, 'fields.onnx') }),
    error: ModelError,
    message: 'a JSON object with inputName',
  },
  {
    name: 'loadUNet: model not a shipped model',
    run: () => loadUNet({ model: 'paper' as never }),
    error: InvalidArgumentError,
    message: "'dense' or 'twin'",
  },
  {
    name: 'loadUNet: model together with modelPath',
    run: () => loadUNet({ model: 'twin', modelPath: join(dir, 'missing.onnx') }),
    error: InvalidArgumentError,
    message: 'left out when options.modelPath is given',
  },
  {
    name: 'loadUNet: sessionOptions a string',
    run: () => loadUNet({ sessionOptions: 'cpu' as never }),
    error: InvalidArgumentError,
    message: 'options.sessionOptions',
  },
];

describe('@mgraph/segment hostile inputs', () => {
  itEachCase(cases);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    expectPeakRss('segment', cases.length);
  });
});
