import { InvalidArgumentError, ShapeMismatchError, SOFC_ANODE_SCHEME } from '@mgraph/core';
import ndarray from 'ndarray';
import { describe, expect, it } from 'vitest';
import {
  analyzePhaseMap,
  graphFidelity,
  matchInstances,
  matchScore,
  poolGraphFidelity,
} from '../src/index.js';
import { phantom } from './helpers.js';

const [BG, SSE, NMC, GRAPHITE] = [0, 1, 2, 3];

/** A 12x32 phase map: background with the given blocks `[code, row0, row1, col0, col1]` (ends exclusive). */
function blocks(...rects: [number, number, number, number, number][]) {
  const data = new Uint8Array(12 * 32).fill(BG);
  for (const [code, r0, r1, c0, c1] of rects)
    for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) data[r * 32 + c] = code;
  return analyzePhaseMap({ phases: ndarray(data, [12, 32]) });
}

// Image 1. Truth: NMC A (rows 0-3, cols 0-3), SSE B beside it (cols 4-7), graphite C under
// both (rows 4-7, cols 0-7): three mutual contacts, one TPB; NMC D far away (rows 8-11,
// cols 20-23). Prediction: D missed, a spurious SSE block E far away. Objects: truth 4,
// predicted 4, matched 3 (A, B, C): F1 6/8; NMC 1 of 2 vs 1 (F1 2/3), SSE 1 of 1 vs 2 (2/3),
// graphite 1/1. Edges A-B, A-C, B-C on both sides: F1 1. TPB 1 vs 1. A has no other NMC
// particle: channel 'none' on both sides.
const A: [number, number, number, number, number] = [NMC, 0, 4, 0, 4];
const B: [number, number, number, number, number] = [SSE, 0, 4, 4, 8];
const C: [number, number, number, number, number] = [GRAPHITE, 4, 8, 0, 8];
const truth1 = blocks(A, B, C, [NMC, 8, 12, 20, 24]);
const predicted1 = blocks(A, B, C, [SSE, 0, 4, 20, 24]);

// Image 2. Truth: A, B, C as in image 1, NMC A2 (rows 0-3, cols 8-11) touching B and, at a
// corner, C: TPBs A-B-C and A2-B-C, and A, A2 joined through SSE B and graphite C ('both');
// NMC F (cols 18-23) touching SSE G (cols 24-29), far from the rest. Objects 6 (NMC 3, SSE 2,
// graphite 1), edges A-B, A-C, B-C, A2-B, A2-C, F-G (6). Prediction: C read as SSE, so B and
// C form one SSE object of 48 px (IoU with B 16/48: no match); F and G each lose the two
// columns facing the other (IoU 16/24: still matched) and are 4 columns apart, out of the
// 7x7 window. Objects A, A2, F, B+C, G (5), matched A, A2, F, G: F1 8/11; NMC 3/3 (1), SSE 1
// of 2 vs 2 (1/2), graphite 0 of 1 vs 0 (0). Predicted edges A-(B+C), A2-(B+C); F-G, the
// only truth edge between matches, is lost: edge F1 0. TPBs 2 -> 0 (error -1). A and A2 become 'ionic-only' (no graphite left): the
// channel category agrees for F only (1 of 3), TPB membership likewise.
const A2: [number, number, number, number, number] = [NMC, 0, 4, 8, 12];
const truth2 = blocks(A, B, C, A2, [NMC, 0, 4, 18, 24], [SSE, 0, 4, 24, 30]);
const predicted2 = blocks(A, B, [SSE, 4, 8, 0, 8], A2, [NMC, 0, 4, 18, 22], [SSE, 0, 4, 26, 30]);

describe('graphFidelity, hand-worked', () => {
  it('the hand-worked inputs are what the comments say', () => {
    expect(truth1.graph.size).toBe(3);
    expect(truth1.tpbs).toHaveLength(1);
    expect(truth2.graph.size).toBe(6);
    expect(truth2.tpbs).toHaveLength(2);
    expect(truth2.particles.map((p) => p.channelCategory).sort()).toEqual(['both', 'both', 'none']);
    expect(predicted2.particles.map((p) => p.channelCategory).sort()).toEqual([
      'ionic-only',
      'ionic-only',
      'none',
    ]);
    expect(predicted2.graph.size).toBe(2);
  });

  it('image 1: a missed particle and a spurious one, the graph intact', () => {
    const f = graphFidelity(truth1, predicted1);
    expect(f.particles.overall).toEqual(matchScore(4, 4, 3));
    expect(f.particles.overall.f1).toBeCloseTo(0.75, 15);
    expect(f.particles.byPhase.nmc!.f1).toBeCloseTo(2 / 3, 15);
    expect(f.particles.byPhase.nmc).toMatchObject({ truth: 2, predicted: 1, matched: 1 });
    expect(f.particles.byPhase.nmc!.precision).toBe(1);
    expect(f.particles.byPhase.nmc!.recall).toBe(0.5);
    expect(f.particles.byPhase.sse).toMatchObject({ truth: 1, predicted: 2, matched: 1 });
    expect(f.particles.byPhase.graphite).toMatchObject({ f1: 1, precision: 1, recall: 1 });
    expect(f.edges).toEqual(matchScore(3, 3, 3));
    expect(f.edges.f1).toBe(1);
    expect(f.tpb).toEqual({ truth: 1, predicted: 1, relativeError: 0, meanAbsRelativeError: 0 });
    expect(f.active).toEqual({
      matched: 1,
      sameChannelCategory: 1,
      channelAgreement: 1,
      sameTpbMembership: 1,
      tpbAgreement: 1,
    });
    expect(f.images).toBe(1);
  });

  it('image 2: a phase error merges two objects, shrunk particles lose their contact', () => {
    const f = graphFidelity(truth2, predicted2);
    expect(f.particles.overall).toMatchObject({ truth: 6, predicted: 5, matched: 4 });
    expect(f.particles.overall.f1).toBeCloseTo(8 / 11, 15);
    expect(f.particles.byPhase.nmc!.f1).toBe(1);
    expect(f.particles.byPhase.sse!.f1).toBe(0.5);
    expect(f.particles.byPhase.graphite).toEqual({
      truth: 1,
      predicted: 0,
      matched: 0,
      precision: 0,
      recall: 0,
      f1: 0,
    });
    expect(f.edges).toEqual(matchScore(6, 2, 0));
    expect(f.edges.f1).toBe(0);
    expect(f.tpb).toEqual({ truth: 2, predicted: 0, relativeError: -1, meanAbsRelativeError: 1 });
    expect(f.active).toMatchObject({ matched: 3, sameChannelCategory: 1, sameTpbMembership: 1 });
    expect(f.active.channelAgreement).toBeCloseTo(1 / 3, 15);
  });

  it('pooled: counts summed, scores recomputed from the sums', () => {
    const f = poolGraphFidelity([
      graphFidelity(truth1, predicted1),
      graphFidelity(truth2, predicted2),
    ]);
    expect(f.images).toBe(2);
    expect(f.particles.overall).toMatchObject({ truth: 10, predicted: 9, matched: 7 });
    expect(f.particles.overall.f1).toBeCloseTo(14 / 19, 15);
    expect(f.particles.byPhase.nmc!.f1).toBeCloseTo(8 / 9, 15);
    expect(f.particles.byPhase.sse!.f1).toBeCloseTo(4 / 7, 15);
    expect(f.particles.byPhase.graphite!.f1).toBeCloseTo(2 / 3, 15);
    expect(f.edges).toMatchObject({ truth: 9, predicted: 5, matched: 3 });
    expect(f.edges.f1).toBeCloseTo(3 / 7, 15);
    expect(f.tpb.truth).toBe(3);
    expect(f.tpb.predicted).toBe(1);
    expect(f.tpb.relativeError).toBeCloseTo(-2 / 3, 15);
    expect(f.tpb.meanAbsRelativeError).toBe(0.5);
    expect(f.active.channelAgreement).toBe(0.5);
    expect(f.active.tpbAgreement).toBe(0.5);
  });
});

describe('matchInstances', () => {
  const labels = (cells: number[]) => ({
    labels: ndarray(Int32Array.from(cells), [1, cells.length]),
    phaseOfLabel: [0, NMC, NMC],
  });
  it('matches above IoU 0.5 only, within one phase', () => {
    const truth = labels([1, 1, 1, 1, 1, 1, 1, 1, 0, 0]);
    // 4 of 8 in common, nothing else: IoU exactly 0.5, no match
    expect(matchInstances(truth, labels([1, 1, 1, 1, 0, 0, 0, 0, 0, 0])).match.size).toBe(0);
    // 5 of 8: IoU 5/8
    expect([...matchInstances(truth, labels([2, 2, 2, 2, 2, 0, 0, 0, 0, 0])).match]).toEqual([
      [1, 2],
    ]);
    // same pixels, other phase: no match
    const graphite = { ...labels([1, 1, 1, 1, 1, 1, 1, 1, 0, 0]), phaseOfLabel: [0, GRAPHITE] };
    expect(matchInstances(truth, graphite).match.size).toBe(0);
  });
});

describe('graphFidelity, invariants on a phantom', () => {
  const c = phantom(5000);
  const a = analyzePhaseMap({ phases: c.phases });

  it('an analysis against itself: every score 1, TPB error 0', () => {
    const f = graphFidelity(a, a);
    expect(f.particles.overall.f1).toBe(1);
    expect(f.particles.overall.truth).toBe(a.instances.count);
    for (const m of Object.values(f.particles.byPhase)) expect(m.f1).toBe(1);
    expect(f.edges).toEqual(matchScore(a.graph.size, a.graph.size, a.graph.size));
    expect(f.tpb.relativeError).toBe(0);
    expect(f.active.matched).toBe(a.particles.length);
    expect(f.active.channelAgreement).toBe(1);
    expect(f.active.tpbAgreement).toBe(1);
  });

  it('is symmetric in F1 (the matching is one-to-one) and leaves its inputs alone', () => {
    const other = analyzePhaseMap({ phases: phantom(5000).phases }, { minSize: 40 });
    const before = Int32Array.from(a.instances.labels.data);
    const ab = graphFidelity(a, other);
    const ba = graphFidelity(other, a);
    expect(ab.particles.overall.f1).toBeLessThan(1);
    expect(ba.particles.overall.f1).toBe(ab.particles.overall.f1);
    expect(ba.edges.f1).toBe(ab.edges.f1);
    expect(ba.particles.overall.precision).toBe(ab.particles.overall.recall);
    expect(a.instances.labels.data).toEqual(before);
  });

  it('refuses mismatched or malformed inputs with typed errors', () => {
    const small = blocks(A);
    expect(() => graphFidelity(a, small)).toThrow(ShapeMismatchError);
    expect(() => graphFidelity(a, small)).toThrow(/graphFidelity.*predicted/);
    expect(() => graphFidelity(a, { ...a, active: 'sse' })).toThrow(InvalidArgumentError);
    expect(() => graphFidelity(a, { ...a, scheme: SOFC_ANODE_SCHEME })).toThrow(
      /predicted\.scheme/,
    );
    expect(() => graphFidelity(a, null as never)).toThrow(/argument predicted must be/);
    expect(() => graphFidelity({ ...a, shape: [64, 64] }, a)).toThrow(
      /truth\.instances\.labels must be a contiguous label image of 4096/,
    );
    expect(() => poolGraphFidelity([])).toThrow(InvalidArgumentError);
    expect(() => poolGraphFidelity([{} as never])).toThrow(/poolGraphFidelity/);
  });
});
