// Block-wise active TPB against @mgraph/morphology on the whole volume: per-block edge groups
// (blockActiveTpb) and phase components (phaseLabelBlock), carried as plain JSON, merged
// (mergeActiveTpb) must give triplePhaseBoundaryDensity(...).active exactly, on random 2D / 3D
// multiphase maps, block shapes from 1 voxel to past the volume, every connectivity and
// random reach settings.
import {
  CATHODE_SCHEME,
  definePhaseScheme,
  InvalidArgumentError,
  type PhaseMap,
  type PhaseScheme,
} from '@mgraph/core';
import { type BoundaryReach, triplePhaseBoundaryDensity } from '@mgraph/morphology';
import fc from 'fast-check';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import {
  blockActiveTpb,
  blockPlan,
  measuresBox,
  mergeActiveTpb,
  phaseLabelBlock,
} from '../src/index.js';
import { fromPlainJson, toPlainJson } from '../src/plain-partials.js';
import { phaseMap } from './phase-map-arbitrary.js';

const box = (phases: PhaseMap, start: number[], stop: number[]) =>
  phases.lo(...start).hi(...stop.map((s, d) => s - start[d]!)) as PhaseMap;

/** Through JSON, as BullMQ carries the task results. */
const viaJson = <T>(v: T): T => fromPlainJson<T>(JSON.parse(JSON.stringify(toPlainJson(v))));

interface Run {
  connectivity?: number;
  reach?: Record<string, BoundaryReach>;
  spacing?: number[];
}

/** Every block's partials (through JSON), then the merge. */
function blockwiseActive(
  phases: PhaseMap,
  scheme: PhaseScheme,
  blockShape: number[],
  { connectivity, reach, spacing }: Run = {},
) {
  const plan = blockPlan(phases.shape, blockShape);
  const labels = plan.blocks.map((b) =>
    viaJson(phaseLabelBlock(box(phases, b.start, b.stop), b, plan, scheme, { connectivity })),
  );
  const groups = plan.blocks.map((b) => {
    const m = measuresBox(b);
    return viaJson(blockActiveTpb(box(phases, m.start, m.stop), b, plan, scheme, { connectivity }));
  });
  return mergeActiveTpb(plan, labels, groups, scheme, { connectivity, reach, spacing });
}

const FIVE = definePhaseScheme({
  name: 'five',
  phases: ['pore', 'a', 'b', 'c', 'd'],
  objects: ['a', 'b', 'c'],
  ionic: ['a'],
  electronic: ['b'],
  tpb: ['c', 'a', 'b'],
});

/** A reach for each TPB phase, any of morphology's kinds on the map's axes. */
const reachFor = (tpb: readonly string[], ndim: number) =>
  fc
    .tuple(
      ...tpb.map(() =>
        fc.constantFrom(
          'anywhere',
          'any-face',
          ...['low-face', 'high-face', 'either-face', 'both-faces'].flatMap((k) =>
            Array.from({ length: ndim }, (_, a) => `${k}-of-axis-${a}`),
          ),
        ),
      ),
    )
    .map((r) => Object.fromEntries(tpb.map((p, k) => [p, r[k] as BoundaryReach])));

describe('block-wise active TPB = triplePhaseBoundaryDensity(...).active', () => {
  for (const ndim of [2, 3] as const) {
    for (const scheme of [CATHODE_SCHEME, FIVE]) {
      for (const reachKind of ['default', 'random'] as const) {
        it(`${ndim}D, ${scheme.phases.length} phases, ${reachKind} reach: random maps, blocks, connectivities`, () => {
          const tpb = scheme.tpb!;
          fc.assert(
            fc.property(
              phaseMap(ndim, ndim === 2 ? 16 : 8, scheme.phases.length).chain((phases) =>
                fc.tuple(
                  fc.constant(phases),
                  fc.tuple(...phases.shape.map((n) => fc.integer({ min: 1, max: n + 1 }))),
                  fc.integer({ min: 1, max: ndim }),
                  reachKind === 'default' ? fc.constant(undefined) : reachFor(tpb, ndim),
                  fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), {
                    minLength: ndim,
                    maxLength: ndim,
                  }),
                ),
              ),
              ([phases, blockShape, connectivity, reach, spacing]) => {
                const run = { connectivity, reach, spacing };
                const got = blockwiseActive(phases, scheme, blockShape, run);
                const whole = triplePhaseBoundaryDensity(phases, scheme, run);
                const { edges, ...active } = whole.active!;
                expect(edges.axes.length).toBe(ndim === 3 ? 3 : 1);
                expect(got).toEqual(active);
              },
            ),
            { numRuns: ndim === 2 ? 120 : 80, seed: 1919 },
          );
        });
      }
    }
  }

  it('finds active TPB on the random maps (the property is not vacuous)', () => {
    // the same generator as above: some maps have active and inactive TPB edges
    const samples = fc.sample(phaseMap(3, 8, 4), { numRuns: 40, seed: 1919 });
    const mixed = samples.filter((p) => {
      const a = triplePhaseBoundaryDensity(p, CATHODE_SCHEME).active!;
      return a.count > 0 && a.fractionOfTpb < 1;
    });
    expect(mixed.length).toBeGreaterThan(5);
  });

  it('hand-worked 2D: one active TPB point on a block corner, one inactive', () => {
    // 1 1 | 0 0     cathode scheme: 0 background, 1 sse, 2 nmc, 3 graphite; tpb (nmc, sse,
    // 2 1 | 3 0     graphite), default reach: sse the low face of axis 0 (row 0), graphite
    // ----+----     the high face (row 3), nmc anywhere; blocks of 2 x 2.
    // 0 2 | 3 3     TPB points: (2, 2), where (1, 1) sse, (1, 2) graphite, (2, 1) nmc, (2, 2)
    // 1 3 | 0 3     graphite meet, on the corner of the four blocks, owned by block 3; its sse
    //               reaches row 0 through (0, 1), its graphite row 3 through (2, 3), (3, 3):
    //               active. (3, 1), inside block 2: its sse (3, 0) is alone: not active.
    const phases = ndarray(
      Uint8Array.from([1, 1, 0, 0, 2, 1, 3, 0, 0, 2, 3, 3, 1, 3, 0, 3]),
      [4, 4],
    ) as PhaseMap;
    const plan = blockPlan([4, 4], [2, 2]);
    const groups = plan.blocks.map((b) => {
      const m = measuresBox(b);
      return blockActiveTpb(box(phases, m.start, m.stop), b, plan, CATHODE_SCHEME).groups;
    });
    // block 3: nmc at halo voxel (2, 1) = raster 9 -> ref -10; sse at (1, 1) = raster 5 ->
    // -6; graphite at halo (1, 2) = raster 6 -> -7 and its own local label 1; one z edge
    expect(groups).toEqual([[], [], [1, 0, 1, 0, 1, 0, 1, 0, 0], [-10, 0, -6, 0, -7, 1, 1, 0, 0]]);
    const got = blockwiseActive(phases, CATHODE_SCHEME, [2, 2]);
    expect(got).toEqual({
      count: 1,
      countPerAxis: [1],
      length: null,
      density: 1 / 16,
      fractionOfTpb: 0.5,
      reach: { nmc: 'anywhere', sse: 'low-face-of-axis-0', graphite: 'high-face-of-axis-0' },
      connectivity: 1,
    });
    // sse anywhere: both points active; sse to row 3: only (3, 1)
    expect(
      blockwiseActive(phases, CATHODE_SCHEME, [2, 2], { reach: { sse: 'anywhere' } }).count,
    ).toBe(2);
    const high = { sse: 'high-face-of-axis-0' } as const;
    expect(blockwiseActive(phases, CATHODE_SCHEME, [2, 2], { reach: high }).count).toBe(1);
    expect(triplePhaseBoundaryDensity(phases, CATHODE_SCHEME, { reach: high }).active!.count).toBe(
      1,
    );
  });

  it("refuses partials that do not match the plan, and morphology's bad options", () => {
    const phases = ndarray(
      new Uint8Array(27).map((_, i) => i % 4),
      [3, 3, 3],
    ) as PhaseMap;
    const plan = blockPlan([3, 3, 3], [2, 2, 2]);
    const labels = plan.blocks.map((b) =>
      phaseLabelBlock(box(phases, b.start, b.stop), b, plan, CATHODE_SCHEME),
    );
    const groups = plan.blocks.map((b) => {
      const m = measuresBox(b);
      return blockActiveTpb(box(phases, m.start, m.stop), b, plan, CATHODE_SCHEME);
    });
    expect(mergeActiveTpb(plan, labels, groups, CATHODE_SCHEME).count).toBe(
      triplePhaseBoundaryDensity(phases, CATHODE_SCHEME).active!.count,
    );
    expect(() => mergeActiveTpb(plan, labels, groups.slice(1), CATHODE_SCHEME)).toThrow(
      InvalidArgumentError,
    );
    const withHalo = groups.findIndex((g) => g.groups.some((r) => r < 0));
    expect(withHalo).toBeGreaterThan(0);
    const bad = groups.map((g, b) =>
      b === withHalo ? { ...g, groups: g.groups.map((r) => (r < 0 ? -1 : r)) } : g,
    );
    expect(() => mergeActiveTpb(plan, labels, bad, CATHODE_SCHEME)).toThrow(
      /mergeActiveTpb.*partials\[\d+\]\.groups/,
    );
    expect(() =>
      mergeActiveTpb(plan, labels, groups, CATHODE_SCHEME, {
        reach: { sse: 'low-face-of-axis-3' as BoundaryReach },
      }),
    ).toThrow(/options\.reach\.sse/);
    expect(() =>
      mergeActiveTpb(plan, labels, groups, CATHODE_SCHEME, { reach: { pore: 'anywhere' } }),
    ).toThrow(InvalidArgumentError);
    expect(() =>
      blockActiveTpb(phases, plan.blocks[0]!, plan, CATHODE_SCHEME, { connectivity: 4 }),
    ).toThrow(InvalidArgumentError);
  });
});
