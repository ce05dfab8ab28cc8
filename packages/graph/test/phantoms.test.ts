import { CATHODE_SCHEME } from '@mgraph/core';
import { type Composite, type CompositeOptions, generateComposite } from '@mgraph/phantom';
import { describe, expect, it } from 'vitest';
import { buildGraph, concurrentChannels, triplePhaseBoundaries } from '../src/index.js';

// graph against phantoms: @mgraph/phantom computes its truth (contacts, TPB counts, channel
// categories) with its own oracle, not with this package, so these are independent checks

/**
 * Brute-force contact counts, 2D or 3D: for every labelled pixel q (label b), the distinct
 * labels a != b found in the window around q; q is one pixel of b inside dilated a. Returns
 * `"a-b"` (a < b) -> [pixels of b in dilated a, pixels of a in dilated b].
 */
function bruteForceCounts(shape: number[], labels: Int32Array, nLabels: number, window = 7) {
  const r = (window - 1) / 2;
  const [planes, rows, cols] = (shape.length === 3 ? shape : [1, ...shape]) as [
    number,
    number,
    number,
  ];
  const counts = new Map<string, [number, number]>();
  const seenAt = new Int32Array(nLabels).fill(-1);
  for (let z = 0, q = 0; z < planes; z++) {
    for (let y = 0; y < rows; y++) {
      for (let x = 0; x < cols; x++, q++) {
        const b = labels[q]!;
        if (b === 0) continue;
        for (let dz = -r; dz <= r; dz++) {
          for (let dy = -r; dy <= r; dy++) {
            for (let dx = -r; dx <= r; dx++) {
              const [zz, yy, xx] = [z + dz, y + dy, x + dx];
              if (zz < 0 || zz >= planes || yy < 0 || yy >= rows || xx < 0 || xx >= cols) {
                continue;
              }
              const a = labels[(zz * rows + yy) * cols + xx]!;
              if (a === 0 || a === b || seenAt[a] === q) continue;
              seenAt[a] = q;
              const key = a < b ? `${a}-${b}` : `${b}-${a}`;
              const entry = counts.get(key) ?? [0, 0];
              entry[a < b ? 0 : 1]++; // b in dilated a is countAB when a < b
              counts.set(key, entry);
            }
          }
        }
      }
    }
  }
  return counts;
}

/** The graph of the phantom's true instances, and its analyses against the phantom's truth. */
function checkAgainstTruth(c: Composite) {
  const graph = buildGraph(c.instances, { phaseOfLabel: c.phaseOfLabel, scheme: CATHODE_SCHEME });
  const tpb = triplePhaseBoundaries(graph);
  const channels = concurrentChannels(graph);
  const particles = c.truth.particles;
  expect(particles.length).toBe(channels.objectCounts.nmc);
  for (const p of particles) {
    const key = String(p.label);
    expect(graph.getNodeAttribute(key, 'phase')).toBe('nmc');
    expect(graph.getNodeAttribute(key, 'size')).toBe(p.size);
    expect(tpb.countByNode[key], `TPB count of ${key}`).toBe(p.tpbCount);
    expect(channels.categoryByNode[key], `category of ${key}`).toBe(p.channelCategory);
    expect(channels.concurrentByNode[key], `concurrency of ${key}`).toBe(p.concurrentChannel);
  }
  // every truth TPB is one triangle per particle: the totals agree too
  const nmcTriangles = particles.reduce((s, p) => s + p.tpbCount, 0);
  expect(tpb.triangles.length).toBe(nmcTriangles);
  return { graph, particles };
}

/** The graph's edges and counts equal the brute-force scan. */
function checkAdjacency(c: Composite) {
  const graph = buildGraph(c.instances, { phaseOfLabel: c.phaseOfLabel, scheme: CATHODE_SCHEME });
  const expected = bruteForceCounts(c.instances.shape, c.instances.data, c.phaseOfLabel.length);
  const got = new Map<string, [number, number]>();
  graph.forEachEdge((_edge, attr) => {
    got.set(`${attr.a}-${attr.b}`, [attr.countAB, attr.countBA]);
  });
  expect(got.size).toBeGreaterThan(100);
  expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [key, counts] of expected) expect(got.get(key), key).toEqual(counts);
}

describe('graph against 2D phantoms (256x256, default options)', () => {
  it.each([1, 2, 3])(
    'seed %i: TPB counts, channel categories and concurrency equal the truth',
    (seed) => {
      const c = generateComposite({ shape: [256, 256], seed });
      const { particles } = checkAgainstTruth(c);
      // the truth is not degenerate: both groups of each effect, several categories
      expect(particles.some((p) => p.inTpb) && particles.some((p) => !p.inTpb)).toBe(true);
      expect(particles.some((p) => p.concurrentChannel)).toBe(true);
      expect(particles.some((p) => !p.concurrentChannel)).toBe(true);
      expect(new Set(particles.map((p) => p.channelCategory)).size).toBeGreaterThan(1);
    },
  );

  it('seed 1: edges and contact counts equal a brute-force 7x7 window scan', () => {
    checkAdjacency(generateComposite({ shape: [256, 256], seed: 1 }));
  });
});

// dense: default fractions (every particle 'both' at this size, TPB counts vary); sparse:
// mostly pores, no agglomeration, so 'ionic-only', 'none' and TPB-free particles occur
const dense: CompositeOptions = { shape: [48, 48, 48], nmcRadius: 6 };
const sparse: CompositeOptions = {
  shape: [64, 64, 64],
  nmcRadius: 5,
  agglomeration: 0,
  fractions: { nmc: 0.1, sse: 0.15, graphite: 0.03 },
};

describe('graph against 3D phantoms', () => {
  it.each([
    ['dense 48^3', 1, dense],
    ['dense 48^3', 2, dense],
    ['sparse 64^3', 1, sparse],
    ['sparse 64^3', 2, sparse],
  ] as const)(
    '%s, seed %i: TPB counts, channel categories and concurrency equal the truth',
    (_, seed, options) => {
      const { particles } = checkAgainstTruth(generateComposite({ ...options, seed }));
      expect(new Set(particles.map((p) => p.tpbCount)).size).toBeGreaterThan(3);
    },
  );

  it('the sparse volumes exercise more than one category and both TPB groups', () => {
    const particles = [1, 2].flatMap(
      (seed) => generateComposite({ ...sparse, seed }).truth.particles,
    );
    expect(particles.some((p) => !p.inTpb)).toBe(true);
    expect(new Set(particles.map((p) => p.channelCategory)).size).toBeGreaterThan(2);
  });

  it.each([
    ['dense 48^3', 1, dense],
    ['sparse 64^3', 3, sparse],
  ] as const)(
    '%s, seed %i: edges and contact counts equal a brute-force 7x7x7 window scan',
    (_, seed, options) => {
      checkAdjacency(generateComposite({ ...options, seed }));
    },
    30_000,
  );
});
