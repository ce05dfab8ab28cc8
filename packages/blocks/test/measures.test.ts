// Block-wise morphology against @mgraph/morphology on the whole volume: volume fractions,
// face-counting areas, TPB edge counts and phase connectivity merged from per-block partials
// must be the whole-volume figures exactly (toEqual on every number), on random multiphase
// 2D / 3D volumes, block shapes from 1 voxel to past the volume, every connectivity.
import {
  CATHODE_SCHEME,
  definePhaseScheme,
  InvalidArgumentError,
  type PhaseMap,
  type PhaseScheme,
  ShapeMismatchError,
} from '@mgraph/core';
import {
  interfacialAreas,
  phaseConnectivity,
  specificSurfaceArea,
  triplePhaseBoundaryDensity,
  volumeFractions,
} from '@mgraph/morphology';
import { regionProps } from '@mgraph/watershed';
import fc from 'fast-check';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import {
  blockMeasures,
  blockPlan,
  blockRegionSums,
  measuresBox,
  mergeMeasures,
  mergePhaseConnectivity,
  mergeRegionSums,
  phaseLabelBlock,
} from '../src/index.js';
import { phaseMap } from './phase-map-arbitrary.js';

const blocksFor = (shape: number[]) =>
  fc.tuple(...shape.map((n) => fc.integer({ min: 1, max: n + 2 })));

const box = (phases: PhaseMap, start: number[], stop: number[]) =>
  phases.lo(...start).hi(...stop.map((s, d) => s - start[d]!)) as PhaseMap;

/** Every block's partials, then the merges. */
function blockwise(
  phases: PhaseMap,
  scheme: PhaseScheme,
  blockShape: number[],
  options: { spacing?: number[]; connectivity?: number; tpbPhases?: null } = {},
) {
  const plan = blockPlan(phases.shape, blockShape);
  const { spacing, connectivity } = options;
  const measures = plan.blocks.map((b) => {
    const m = measuresBox(b);
    return blockMeasures(box(phases, m.start, m.stop), b, plan, scheme, {
      tpbPhases: options.tpbPhases,
    });
  });
  const labels = plan.blocks.map((b) =>
    phaseLabelBlock(box(phases, b.start, b.stop), b, plan, scheme, { connectivity }),
  );
  return {
    measures: mergeMeasures(plan, measures, scheme, { spacing, tpbPhases: options.tpbPhases }),
    connectivity: mergePhaseConnectivity(plan, labels, scheme, { spacing, connectivity }),
  };
}

const FIVE = definePhaseScheme({
  name: 'five',
  phases: ['pore', 'a', 'b', 'c', 'd'],
  objects: ['a', 'b', 'c'],
  tpb: ['c', 'a', 'b'],
});

describe('block-wise measures = @mgraph/morphology on the whole volume', () => {
  for (const ndim of [2, 3] as const) {
    for (const scheme of [CATHODE_SCHEME, FIVE]) {
      it(`${ndim}D, ${scheme.phases.length} phases: random maps, block shapes, spacings, connectivities`, () => {
        fc.assert(
          fc.property(
            phaseMap(ndim, ndim === 2 ? 20 : 9, scheme.phases.length).chain((phases) =>
              fc.tuple(
                fc.constant(phases),
                blocksFor(phases.shape),
                fc.integer({ min: 1, max: ndim }),
                fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), {
                  minLength: ndim,
                  maxLength: ndim,
                }),
              ),
            ),
            ([phases, blockShape, connectivity, spacing]) => {
              const got = blockwise(phases, scheme, blockShape, { spacing, connectivity });
              const o = { spacing, unit: 'voxel' };
              expect(got.measures.volumeFractions).toEqual(volumeFractions(phases, scheme, o));
              expect(got.measures.surfaceAreas).toEqual(specificSurfaceArea(phases, scheme, o));
              expect(got.measures.interfacialAreas).toEqual(interfacialAreas(phases, scheme, o));
              const { edges, active, ...tpb } = triplePhaseBoundaryDensity(phases, scheme, {
                spacing,
                active: false,
              });
              expect(active).toBeNull();
              expect(edges.axes.length).toBe(ndim === 3 ? 3 : 1);
              expect(got.measures.tpb).toEqual(tpb);
              expect(got.connectivity).toEqual(
                phaseConnectivity(phases, scheme, { spacing, connectivity }),
              );
            },
          ),
          { numRuns: ndim === 2 ? 150 : 100, seed: 1905 },
        );
      });
    }
  }

  it('hand-worked 2D: a TPB point on a block corner is counted once; areas and percolation', () => {
    // 0 0 | 1 1        scheme cathode: 0 background, 1 sse, 2 nmc, 3 graphite (tpb nmc, sse,
    // 0 2 | 1 1        graphite); blocks of 2 x 2; the point where (1,1)=2, (1,2)=1, (2,1)=3,
    // ----+----        (2,2)=1 meet is the block corner: TPB = 1 point, owned by block (1, 1)
    // 3 3 | 1 1
    // 3 3 | 1 1
    const phases = ndarray(
      Uint8Array.from([0, 0, 1, 1, 0, 2, 1, 1, 3, 3, 1, 1, 3, 3, 1, 1]),
      [4, 4],
    ) as PhaseMap;
    const got = blockwise(phases, CATHODE_SCHEME, [2, 2]);
    expect(got.measures.tpb?.count).toBe(1);
    expect(got.measures.tpb?.candidates).toBe(9);
    // faces counted by hand: x faces 0|1, 0|2, 2|1, 3|1 (twice); y faces 0/3, 0/2, 2/3
    const areaOf = (a: string, b: string) =>
      got.measures.interfacialAreas.pairs.find((p) => p.phases.join() === `${a},${b}`)!.area;
    expect(areaOf('background', 'sse')).toBe(1);
    expect(areaOf('background', 'nmc')).toBe(2);
    expect(areaOf('background', 'graphite')).toBe(1);
    expect(areaOf('sse', 'nmc')).toBe(1);
    expect(areaOf('sse', 'graphite')).toBe(2);
    expect(areaOf('nmc', 'graphite')).toBe(1);
    // sse spans rows 0..3 in cols 2, 3 (percolates along axis 0), touches col 3 only on axis 1
    expect(got.connectivity.phases.sse!.axes).toEqual([
      { percolating: 1, deadEnd: 0, isolated: 0 },
      { percolating: 0, deadEnd: 1, isolated: 0 },
    ]);
    expect(got.connectivity.phases.nmc!.unconnected).toBe(1);
  });

  it('no TPB phases: tpb null, the other figures unchanged', () => {
    const phases = ndarray(Uint8Array.from([0, 1, 2, 3, 3, 2, 1, 0]), [2, 2, 2]) as PhaseMap;
    const without = blockwise(phases, CATHODE_SCHEME, [1, 2, 2], { tpbPhases: null }).measures;
    expect(without.tpb).toBe(null);
    expect(without.interfacialAreas).toEqual(interfacialAreas(phases, CATHODE_SCHEME));
  });

  it('refuses wrong boxes, codes, partials and options with typed errors', () => {
    const phases = ndarray(new Uint8Array(27), [3, 3, 3]) as PhaseMap;
    const plan = blockPlan([3, 3, 3], [2, 2, 2]);
    const b = plan.blocks[7]!; // starts at (2, 2, 2): its box starts at (1, 1, 1)
    expect(() => blockMeasures(phases, b, plan, CATHODE_SCHEME)).toThrow(ShapeMismatchError);
    const bad = ndarray(Uint8Array.from([0, 7, 0, 0, 0, 0, 0, 0]), [2, 2, 2]) as PhaseMap;
    expect(() => blockMeasures(bad, b, plan, CATHODE_SCHEME)).toThrow(/code 7/);
    expect(() => phaseLabelBlock(bad, b, plan, CATHODE_SCHEME)).toThrow(ShapeMismatchError);
    expect(() =>
      blockMeasures(bad, b, plan, CATHODE_SCHEME, { tpbPhases: ['sse', 'sse', 'nmc'] }),
    ).toThrow(InvalidArgumentError);
    expect(() => mergeMeasures(plan, [], CATHODE_SCHEME)).toThrow(/partials/);
    expect(() => mergePhaseConnectivity(plan, [], CATHODE_SCHEME)).toThrow(/partials/);
    const good = blockwise(phases, CATHODE_SCHEME, [2, 2, 2]);
    expect(good.measures.volumeFractions.fractions.background).toBe(1);
    expect(() => mergeMeasures(plan, [], CATHODE_SCHEME, { spacing: [1, 1] } as never)).toThrow(
      /spacing/,
    );
  });
});

describe('block-wise region sums = regionProps area / bbox / centroid', () => {
  for (const ndim of [2, 3] as const) {
    it(`${ndim}D: random label images and block shapes`, () => {
      fc.assert(
        fc.property(
          phaseMap(ndim, ndim === 2 ? 20 : 9, 7).chain((labels) =>
            fc.tuple(fc.constant(labels), blocksFor(labels.shape)),
          ),
          ([labels, blockShape]) => {
            const plan = blockPlan(labels.shape, blockShape);
            const partials = plan.blocks.map((b) =>
              blockRegionSums(box(labels, b.start, b.stop), b),
            );
            const expected = regionProps(labels, { convex: false }).map(
              ({ label, area, bbox, centroid }) => ({ label, area, bbox, centroid }),
            );
            expect(mergeRegionSums(partials.reverse(), ndim)).toEqual(expected);
          },
        ),
        { numRuns: 150, seed: 1906 },
      );
    });
  }
});
