import { describe, expect, it } from 'vitest';
import { generateComposite } from '../src/index.js';

/**
 * Independent recomputation of the ground truth from `instances`, `phaseOfLabel` and
 * `energy` alone: adjacency by brute force (every pixel against its 7x7 neighbourhood),
 * TPB triangles and channel categories by the paper's rules, SOC and heterogeneity as the
 * mean and standard deviation of each particle's energies.
 */
function recompute(
  shape: number[],
  instances: Int32Array,
  phaseOfLabel: Uint8Array,
  energy: Float32Array,
) {
  const [rows, cols] = shape as [number, number];
  const adjacent = new Set<string>();
  const key = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      const a = instances[y * cols + x]!;
      if (a === 0) continue;
      for (let dy = -3; dy <= 3; dy++) {
        for (let dx = -3; dx <= 3; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if (yy < 0 || yy >= rows || xx < 0 || xx >= cols) continue;
          const b = instances[yy * cols + xx]!;
          if (b !== 0 && b !== a) adjacent.add(key(a, b));
        }
      }
    }
  }
  const adj = (a: number, b: number) => adjacent.has(key(a, b));
  const labels = Array.from({ length: phaseOfLabel.length - 1 }, (_, k) => k + 1);
  const ofPhase = (p: number) => labels.filter((l) => phaseOfLabel[l] === p);
  const [sse, nmc, graphite] = [ofPhase(1), ofPhase(2), ofPhase(3)];
  const out = new Map<
    number,
    { tpb: number; category: string; concurrent: boolean; soc: number; het: number }
  >();
  for (const u of nmc) {
    const s = sse.filter((v) => adj(u, v));
    const g = graphite.filter((v) => adj(u, v));
    let tpb = 0;
    for (const a of s) for (const b of g) if (adj(a, b)) tpb++;
    let ionic = false;
    let electronic = false;
    let concurrent = false;
    for (const v of nmc) {
      if (v === u) continue;
      const i = s.some((b) => adj(b, v));
      const e = adj(u, v) || g.some((b) => adj(b, v));
      ionic ||= i;
      electronic ||= e;
      concurrent ||= i && e;
    }
    const category =
      ionic && electronic ? 'both' : ionic ? 'ionic-only' : electronic ? 'electronic-only' : 'none';
    const values: number[] = [];
    instances.forEach((l, i) => {
      if (l === u) values.push(energy[i]!);
    });
    const soc = values.reduce((a, b) => a + b, 0) / values.length;
    const het = Math.sqrt(values.reduce((a, b) => a + (b - soc) ** 2, 0) / values.length);
    out.set(u, { tpb, category, concurrent, soc, het });
  }
  return out;
}

describe('truth agrees with an independent recomputation from instances', () => {
  it.each([1, 2, 3])('seed %i', (seed) => {
    const shape = [96, 96];
    const c = generateComposite({ shape, seed, nmcRadius: 7 });
    const expected = recompute(shape, c.instances.data, c.phaseOfLabel, c.energy.data);
    expect(c.truth.particles.length).toBe(expected.size);
    expect(c.truth.particles.length).toBeGreaterThan(15);
    let withTpb = 0;
    for (const p of c.truth.particles) {
      const e = expected.get(p.label)!;
      expect(p.tpbCount).toBe(e.tpb);
      expect(p.channelCategory).toBe(e.category);
      expect(p.concurrentChannel).toBe(e.concurrent);
      expect(p.inTpb).toBe(e.tpb > 0);
      expect(p.soc).toBeCloseTo(e.soc, 6);
      expect(p.heterogeneity).toBeCloseTo(e.het, 6);
      if (p.inTpb) withTpb++;
    }
    // both groups exist, so the planted effects are testable
    expect(withTpb).toBeGreaterThan(0);
    expect(withTpb).toBeLessThan(c.truth.particles.length);
  });

  it('polarization is the planted mode distance; one-mode particles have 0', () => {
    const c = generateComposite({ shape: [96, 96], seed: 5, nmcRadius: 7 });
    for (const p of c.truth.particles) {
      if (p.twoMode) {
        expect(p.modes).toHaveLength(2);
        expect(Math.abs(p.modes[0]! - p.modes[1]!)).toBeCloseTo(p.polarization, 9);
        expect(p.polarization).toBeGreaterThan(0);
      } else {
        expect(p.modes).toHaveLength(1);
        expect(p.polarization).toBe(0);
      }
      for (const m of p.modes) {
        expect(m).toBeGreaterThan(8340);
        expect(m).toBeLessThan(8348);
      }
    }
  });
});
