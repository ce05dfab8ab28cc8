import { describe, expect, it } from 'vitest';
import { type CompositeOptions, generateComposite } from '../src/index.js';

/**
 * Independent recomputation of the 3D ground truth from `instances` and `phaseOfLabel`
 * alone (the 3D counterpart of `truth.test.ts`): adjacency by brute force, every voxel
 * against its 7x7x7 neighbourhood; TPB = SSE-graphite pairs adjacent to each other and to the
 * particle; channels by the paper's rule, every ordered pair of NMC particles tried.
 */
function recompute3d(shape: number[], instances: Int32Array, phaseOfLabel: Uint8Array) {
  const [planes, rows, cols] = shape as [number, number, number];
  const adjacent = new Set<string>();
  const key = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);
  const at = (z: number, y: number, x: number) => instances[(z * rows + y) * cols + x]!;
  for (let z = 0; z < planes; z++) {
    for (let y = 0; y < rows; y++) {
      for (let x = 0; x < cols; x++) {
        const a = at(z, y, x);
        if (a === 0) continue;
        for (let dz = -3; dz <= 3; dz++) {
          for (let dy = -3; dy <= 3; dy++) {
            for (let dx = -3; dx <= 3; dx++) {
              const [zz, yy, xx] = [z + dz, y + dy, x + dx];
              if (zz < 0 || zz >= planes || yy < 0 || yy >= rows || xx < 0 || xx >= cols) continue;
              const b = at(zz, yy, xx);
              if (b !== 0 && b !== a) adjacent.add(key(a, b));
            }
          }
        }
      }
    }
  }
  const adj = (a: number, b: number) => adjacent.has(key(a, b));
  const labels = Array.from({ length: phaseOfLabel.length - 1 }, (_, k) => k + 1);
  const ofPhase = (p: number) => labels.filter((l) => phaseOfLabel[l] === p);
  const [sse, nmc, graphite] = [ofPhase(1), ofPhase(2), ofPhase(3)];
  const out = new Map<number, { tpb: number; category: string; concurrent: boolean }>();
  for (const u of nmc) {
    let tpb = 0;
    for (const s of sse) for (const g of graphite) if (adj(u, s) && adj(u, g) && adj(s, g)) tpb++;
    let ionic = false;
    let electronic = false;
    let concurrent = false;
    for (const v of nmc) {
      if (v === u) continue;
      const i = sse.some((s) => adj(u, s) && adj(s, v));
      const e = adj(u, v) || graphite.some((g) => adj(u, g) && adj(g, v));
      ionic ||= i;
      electronic ||= e;
      concurrent ||= i && e;
    }
    const category =
      ionic && electronic ? 'both' : ionic ? 'ionic-only' : electronic ? 'electronic-only' : 'none';
    out.set(u, { tpb, category, concurrent });
  }
  return out;
}

// dense: the default fractions (every particle 'both' in 3D, TPB counts vary); sparse: many
// pores and no agglomeration, so that 'ionic-only', 'none' and particles outside any TPB occur
const dense: CompositeOptions = { shape: [40, 40, 40], nmcRadius: 6 };
const sparse: CompositeOptions = {
  shape: [48, 48, 48],
  nmcRadius: 4,
  agglomeration: 0,
  fractions: { nmc: 0.1, sse: 0.15, graphite: 0.03 },
};

describe('3D truth agrees with an independent recomputation from instances', () => {
  it.each([
    ['dense', 1, dense],
    ['dense', 2, dense],
    ['sparse', 1, sparse],
    ['sparse', 2, sparse],
  ] as const)('%s, seed %i', (_, seed, options) => {
    const c = generateComposite({ ...options, seed });
    const expected = recompute3d(c.instances.shape, c.instances.data, c.phaseOfLabel);
    expect(c.truth.particles.length).toBe(expected.size);
    expect(c.truth.particles.length).toBeGreaterThan(20);
    const tpbCounts = new Set<number>();
    for (const p of c.truth.particles) {
      const e = expected.get(p.label)!;
      expect(p.tpbCount).toBe(e.tpb);
      expect(p.channelCategory).toBe(e.category);
      expect(p.concurrentChannel).toBe(e.concurrent);
      expect(p.inTpb).toBe(e.tpb > 0);
      tpbCounts.add(p.tpbCount);
    }
    expect(tpbCounts.size).toBeGreaterThan(3);
  });

  it('the sparse volumes hold particles outside any TPB and other categories than both', () => {
    const particles = [1, 2].flatMap(
      (seed) => generateComposite({ ...sparse, seed }).truth.particles,
    );
    expect(particles.some((p) => !p.inTpb)).toBe(true);
    expect(particles.some((p) => p.channelCategory === 'ionic-only')).toBe(true);
    expect(particles.some((p) => p.channelCategory === 'both' && !p.concurrentChannel)).toBe(true);
  });
});
