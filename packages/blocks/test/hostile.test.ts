// Hostile inputs for every export of @mgraph/blocks: wrong types, shapes and dtypes, option
// mistakes, partials that do not match their plan, block counts and sizes whose naive cost is
// gigabytes. Each case asserts the typed error and a fragment of its message, or the result;
// the last test checks the peak RSS of the process stayed under 1 GB.
import { AbortError, InvalidArgumentError, ShapeMismatchError } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect } from 'vitest';
import { expectPeakRss, runCases, type TupleCase } from '../../../test-utils/hostile.js';
import {
  adjacencyCountsBlockwise,
  blockAdjacencyCounts,
  blockPlan,
  labelBlock,
  labelBlockwise,
  mergeAdjacencyCounts,
  stitchLabels,
} from '../src/index.js';

const mask = ndarray(Uint8Array.from([1, 0, 1, 1, 0, 1, 1, 0, 1]), [3, 3]);
const plan = blockPlan([3, 3], [2, 2]);
const partials = plan.blocks.map(
  (b) =>
    labelBlock(mask.lo(...b.start).hi(...b.stop.map((s, d) => s - b.start[d]!)), b, plan).partial,
);
const aborted = new AbortController();
aborted.abort();
// a broadcast view of 2^40 voxels: any copy would need a terabyte
const huge = ndarray(new Uint8Array(1), [2 ** 20, 2 ** 20], [0, 0]);

const cases: TupleCase[] = [
  [
    'blockPlan: shape not a list',
    () => blockPlan(5 as never, [2]),
    InvalidArgumentError,
    'argument shape',
  ],
  [
    'blockPlan: zero in the shape',
    () => blockPlan([0, 3], [1, 1]),
    InvalidArgumentError,
    'positive integers',
  ],
  [
    'blockPlan: block shape of another length',
    () => blockPlan([4, 4], [2]),
    InvalidArgumentError,
    'argument blockShape',
  ],
  [
    'blockPlan: NaN block size',
    () => blockPlan([4, 4], [Number.NaN, 2]),
    InvalidArgumentError,
    'blockShape',
  ],
  [
    'blockPlan: fractional halo',
    () => blockPlan([4, 4], [2, 2], { halo: 0.5 }),
    InvalidArgumentError,
    'options.halo',
  ],
  [
    'blockPlan: misspelled option',
    () => blockPlan([4, 4], [2, 2], { hallo: 1 } as never),
    InvalidArgumentError,
    'did you mean "halo"',
  ],
  [
    'blockPlan: 2^40 blocks of one voxel',
    () => blockPlan([2 ** 20, 2 ** 20], [1, 1]),
    InvalidArgumentError,
    'blocks',
  ],
  [
    'blockPlan: null options = defaults',
    () => blockPlan([4, 4], [3, 3], null),
    (p) => expect((p as { halo: number[] }).halo).toEqual([0, 0]),
  ],
  [
    'labelBlockwise: no options',
    () => labelBlockwise(mask, undefined as never),
    InvalidArgumentError,
    'options.blockShape',
  ],
  [
    'labelBlockwise: 1D mask',
    () => labelBlockwise(ndarray(new Uint8Array(3), [3]), { blockShape: [1] }),
    InvalidArgumentError,
    'mask',
  ],
  [
    'labelBlockwise: plain array',
    () => labelBlockwise([1, 0] as never, { blockShape: [1] }),
    InvalidArgumentError,
    'mask',
  ],
  [
    'labelBlockwise: BigInt mask, named by labelBlockwise',
    () => labelBlockwise(ndarray(new BigInt64Array(4) as never, [2, 2]), { blockShape: [1, 1] }),
    InvalidArgumentError,
    'labelBlockwise',
  ],
  [
    'labelBlockwise: connectivity 3 in 2D',
    () => labelBlockwise(mask, { blockShape: [2, 2], connectivity: 3 }),
    InvalidArgumentError,
    'connectivity',
  ],
  [
    'labelBlockwise: onProgress not a function',
    () => labelBlockwise(mask, { blockShape: [2, 2], onProgress: 1 as never }),
    InvalidArgumentError,
    'onProgress',
  ],
  [
    'labelBlockwise: aborted',
    () => labelBlockwise(mask, { blockShape: [2, 2], signal: aborted.signal }),
    AbortError,
    'labelBlockwise',
  ],
  [
    'labelBlockwise: 2^40 voxels refused before allocating',
    () => labelBlockwise(huge, { blockShape: [2 ** 20, 2 ** 20] }),
    InvalidArgumentError,
    'labelBlockwise',
  ],
  [
    'labelBlock: mask of another shape',
    () => labelBlock(mask, plan.blocks[0]!, plan),
    ShapeMismatchError,
    'must have shape [2, 2]',
  ],
  [
    'stitchLabels: partials of another plan',
    () => stitchLabels(blockPlan([3, 3], [3, 3]), partials),
    InvalidArgumentError,
    'one LabelPartial per block',
  ],
  [
    'stitchLabels: a partial out of order',
    () => stitchLabels(plan, [partials[1]!, partials[0]!, partials[2]!, partials[3]!]),
    InvalidArgumentError,
    'partials[0]',
  ],
  [
    'stitchLabels: a face of the wrong size',
    () => stitchLabels(plan, [{ ...partials[0]!, low: [new Int32Array(1)] }, ...partials.slice(1)]),
    InvalidArgumentError,
    'partials[0]',
  ],
  [
    'stitchLabels: connectivity 0',
    () => stitchLabels(plan, partials, { connectivity: 0 }),
    InvalidArgumentError,
    'options.connectivity',
  ],
  [
    'stitchLabels: the partials of the blocks give label()',
    () => stitchLabels(plan, partials),
    (s) => expect((s as { count: number }).count).toBe(2),
  ],
  [
    'adjacencyCountsBlockwise: window 0',
    () => adjacencyCountsBlockwise(mask, { blockShape: [2, 2], window: 0 }),
    InvalidArgumentError,
    'options.window',
  ],
  [
    'adjacencyCountsBlockwise: NaN label',
    () =>
      adjacencyCountsBlockwise(ndarray(Float64Array.from([1, Number.NaN]), [1, 2]), {
        blockShape: [1, 1],
      }),
    InvalidArgumentError,
    'labels',
  ],
  [
    'adjacencyCountsBlockwise: fractional label',
    () =>
      adjacencyCountsBlockwise(ndarray(Float64Array.from([1, 2.5]), [1, 2]), {
        blockShape: [1, 1],
      }),
    InvalidArgumentError,
    'integers',
  ],
  [
    'adjacencyCountsBlockwise: misspelled option',
    () => adjacencyCountsBlockwise(mask, { blockShape: [2, 2], widow: 3 } as never),
    InvalidArgumentError,
    'did you mean "window"',
  ],
  [
    'adjacencyCountsBlockwise: a 2^40-voxel block refused before copying',
    () => adjacencyCountsBlockwise(huge, { blockShape: [2 ** 20, 2 ** 20] }),
    InvalidArgumentError,
    'blockAdjacencyCounts',
  ],
  [
    'blockAdjacencyCounts: plan without a halo',
    () => blockAdjacencyCounts(mask.lo(0, 0).hi(2, 2), plan.blocks[0]!, plan, { window: 3 }),
    InvalidArgumentError,
    'halo is at least the window radius 1',
  ],
  [
    'mergeAdjacencyCounts: not a list',
    () => mergeAdjacencyCounts(null as never),
    InvalidArgumentError,
    'partials',
  ],
  [
    'mergeAdjacencyCounts: empty list = no pairs',
    () => mergeAdjacencyCounts([]),
    (m) => expect((m as { source: Int32Array }).source.length).toBe(0),
  ],
];

describe('blocks: hostile inputs, every export', () => {
  runCases(cases);
  expectPeakRss('blocks hostile', cases.length);
});
